internal import CGLPK
internal import CGLPKGuard
public import LinearModel

/// The LP relaxation of a model: its optimum and the row duals, for bounds
/// and pricing.
public struct Relaxation: Sendable {
  public let status: SolveStatus
  /// The LP optimum (integrality ignored), when ``status`` is optimal.
  public let objective: Double?
  /// One dual value per constraint, in the model's order and objective
  /// units (≤ 0 for binding `≤` rows of a minimisation).
  public let rowDuals: [Double]
  /// Each variable's value at the LP optimum.
  public let values: [Double]
  /// The optimal basis, when ``status`` is optimal: a later solve of the
  /// same model can start from it (``SolverOptions/startingBasis``).
  public let basis: LPBasis?
  public let solveTime: Duration
}

extension GLPK {
  /// Solves the LP relaxation of `model` with the simplex method (integer
  /// and binary variables are treated as continuous within their bounds).
  public static func solveRelaxation(
    _ model: Model, options: SolverOptions = SolverOptions()
  ) throws(SolverError) -> Relaxation {
    do { try model.validate() } catch { throw .invalidModel(error) }
    try options.validate(for: model)
    let lowered = try LoweredModel(model)
    let timeLimit = try SolverOptions.glpkMilliseconds(options.timeLimit, option: "time limit")
    return try withEnvironment(log: options.log) { session throws(SolverError) in
      var problem = ProblemHandle()
      try session.guarded(&problem) { pointer in lowered.load(into: pointer) }
      let clock = ContinuousClock()
      let began = clock.now
      var code: Int32 = 0
      let messageLevel = session.capture.forwardsLines ? GLP_MSG_ON : GLP_MSG_ERR
      if let basis = options.startingBasis {
        try session.guarded(&problem) { pointer in
          sro_guard_simplex_from_basis(
            pointer, messageLevel, timeLimit, basis.rowStatus, basis.columnStatus, options.stop?.flag,
            &code)
        }
      } else {
        try session.guarded(&problem) { pointer in
          sro_guard_simplex(
            pointer, messageLevel, timeLimit, options.presolve ? 1 : 0, 1, options.stop?.flag, &code)
        }
      }
      guard let pointer = problem.pointer else { throw .glpkFatalError(message: "no problem") }
      var status = try lpStatus(code: code, lpStatus: glp_get_status(pointer), session: session)
      if status == .feasible { status = .noSolutionFound }  // duals need an optimal basis
      let solveTime = clock.now - began
      guard status == .optimal else {
        return Relaxation(
          status: status, objective: nil, rowDuals: [], values: [], basis: nil, solveTime: solveTime)
      }
      let scale = lowered.objectiveScale
      let duals = (0..<model.constraints.count).map { glp_get_row_dual(pointer, Int32($0 + 1)) / scale }
      let values = (0..<model.variables.count).map { glp_get_col_prim(pointer, Int32($0 + 1)) }
      return Relaxation(
        status: status, objective: glp_get_obj_val(pointer) / scale + model.objective.constant,
        rowDuals: duals, values: values, basis: LPBasis(of: pointer), solveTime: solveTime)
    }
  }
}
