// The library's front door: `import SROCore` brings in every layer, from
// the scenario to the search (not the planners' hand-outs, SROReports, nor
// the benchmark figures, SROBench). Each layer is a module of its own, so that
// the compiler enforces the direction of the arrows (see
// docs/architecture.md).
@_exported import GLPKSolver
@_exported import LinearModel
@_exported import SROExplain
@_exported import SROFormulation
@_exported import SRORoster
@_exported import SROScenario
@_exported import SROSearch
@_exported import SROStaffing
@_exported import SROValidator
