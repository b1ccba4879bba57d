// A solve's result types (``Solution``, ``SolveStatus``, ``SolverError``)
// live beside the model in LinearModel; every user of GLPKSolver sees them.
@_exported public import LinearModel
