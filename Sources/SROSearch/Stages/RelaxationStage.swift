import GLPKSolver
import SROFormulation

/// The LP relaxation, from GLPK's advanced basis with the presolver off:
/// the first bound (unless the model is restricted), the values the
/// rounding stages start from (``SearchState/relaxation``) and the basis
/// later LPs on the same model start from. It may take
/// ``PartSearch/relaxationShare`` of the time limit.
struct RelaxationStage: SearchStage {
  func run(on search: PartSearch, _ state: inout SearchState) throws(PlanningError) {
    var lpOptions = search.options.solverOptions
    lpOptions.timeLimit = search.options.timeLimit.map {
      min(state.remaining()!, $0 * PartSearch.relaxationShare)
    }
    lpOptions.progress = nil
    lpOptions.presolve = false
    let relaxation: Relaxation
    do { relaxation = try GLPK.solveRelaxation(search.coverage.model, options: lpOptions) } catch {
      throw .solver(error)
    }
    state.note(
      "LP relaxation \(relaxation.status.rawValue) \(relaxation.objective ?? .nan), \(search.coverage.assignments.count) binaries"
    )
    state.bound = max(state.bound, search.isRestricted ? 0 : relaxation.objective ?? 0)
    state.basis = relaxation.basis
    state.relaxation = relaxation
  }
}
