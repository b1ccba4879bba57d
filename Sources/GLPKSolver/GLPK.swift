internal import CGLPK
internal import CGLPKGuard
public import LinearModel

/// Solves ``Model``s with GLPK: the simplex method for LPs, branch-and-cut
/// (`glp_intopt`) for MIPs.
///
/// Each call creates, uses and frees its own GLPK problem object and then
/// the calling thread's GLPK environment (`glp_free_env`), all on the
/// calling thread, so solves on different threads run concurrently. GLPK's
/// terminal output is captured (``SolverOptions/log``), never printed.
public enum GLPK {
  /// Solves `model`.
  ///
  /// GLPK 5.0's cut generators fail (`glp_add_cols: ncs = 0`, its
  /// fatal-error path) on a MIP that its presolver empties of columns but
  /// not of rows; such a MIP has nothing to cut, so it is solved again
  /// without ``SolverOptions/cuts``.
  ///
  /// - Throws: ``SolverError`` when the model or the options are invalid, the
  ///   starting solution is infeasible, or GLPK fails; never aborts.
  public static func solve(
    _ model: Model, options: SolverOptions = SolverOptions()
  ) throws(SolverError) -> Solution {
    try retryingWithoutCutsIfEmptied(options) { options throws(SolverError) in
      try solveOnce(model, options: options)
    }
  }

  /// `solve(options)`, and if GLPK's cut generators fail on a MIP its
  /// presolver has emptied of columns (`glp_add_cols: ncs = 0`), `solve`
  /// again without cuts.
  private static func retryingWithoutCutsIfEmptied<Outcome>(
    _ options: SolverOptions, _ solve: (SolverOptions) throws(SolverError) -> Outcome
  ) throws(SolverError) -> Outcome {
    do { return try solve(options) } catch .glpkFatalError(let message)
      where !options.cuts.isEmpty && message.contains("glp_add_cols: ncs = 0")
    {
      var withoutCuts = options
      withoutCuts.cuts = []
      return try solve(withoutCuts)
    }
  }

  /// Solves `model` once, with `options` as they are.
  private static func solveOnce(_ model: Model, options: SolverOptions) throws(SolverError) -> Solution {
    do { try model.validate() } catch { throw .invalidModel(error) }
    try options.validate(for: model)
    let lowered = try LoweredModel(model)
    var start: [Double]? = nil
    if let values = options.startingSolution {
      try checkStartingSolution(values, of: model)
      start = [0] + values
    }
    return try withEnvironment(log: options.log, progress: options.progress) {
      session throws(SolverError) in
      var problem = ProblemHandle()
      try session.guarded(&problem) { pointer in lowered.load(into: pointer) }
      return try run(
        &problem, session: session, isMixedInteger: model.isMixedInteger,
        variableKinds: model.variables.map(\.kind), objectiveConstant: model.objective.constant,
        objectiveScale: lowered.objectiveScale, options: options, start: start)
    }
  }

  /// What ``solveFile(at:format:options:)`` reports.
  public struct FileSolution: Sendable {
    public let status: SolveStatus
    public let objective: Double?
    public let bound: Double?
    public let solveTime: Duration
    public let columns: Int
    public let rows: Int
  }

  /// Reads a model file with GLPK's own reader (`glp_read_mps` or
  /// `glp_read_lp`) and solves it: the independent half of an export round
  /// trip. Like ``solve(_:options:)``, solves again without cuts where
  /// GLPK's cut generators fail on a MIP its presolver has emptied.
  public static func solveFile(
    at path: String, format: ModelFileFormat, options: SolverOptions = SolverOptions()
  ) throws(SolverError) -> FileSolution {
    try retryingWithoutCutsIfEmptied(options) { options throws(SolverError) in
      try solveFileOnce(at: path, format: format, options: options)
    }
  }

  /// Reads and solves a model file once, with `options` as they are.
  private static func solveFileOnce(
    at path: String, format: ModelFileFormat, options: SolverOptions
  ) throws(SolverError) -> FileSolution {
    guard options.startingSolution == nil else {
      throw .invalidOption("a starting solution needs a model, not a file")
    }
    try options.validate(for: Model())
    return try withEnvironment(log: options.log) { session throws(SolverError) in
      var problem = ProblemHandle()
      var code: Int32 = 0
      try session.guarded(&problem) { pointer in
        switch format {
        case .freeMPS: sro_guard_read_mps(pointer, 1, path, &code)
        case .cplexLP: sro_guard_read_lp(pointer, path, &code)
        }
      }
      guard code == 0, let pointer = problem.pointer else {
        throw .unreadableFile(path: path, message: session.capture.recentText)
      }
      let columns = Int(glp_get_num_cols(pointer))
      let kinds = (0..<columns).map { j -> VariableKind in
        glp_get_col_kind(pointer, Int32(j + 1)) == GLP_CV ? .continuous : .integer
      }
      let solution = try run(
        &problem, session: session, isMixedInteger: glp_get_num_int(pointer) > 0,
        variableKinds: kinds, objectiveConstant: 0, objectiveScale: 1, options: options, start: nil)
      return FileSolution(
        status: solution.status, objective: solution.objective, bound: solution.bound,
        solveTime: solution.solveTime, columns: columns, rows: Int(glp_get_num_rows(pointer)))
    }
  }

  // MARK: - Running a loaded problem

  private static func run(
    _ problem: inout ProblemHandle, session: Session, isMixedInteger: Bool,
    variableKinds: [VariableKind], objectiveConstant: Double, objectiveScale: Double,
    options: SolverOptions, start: [Double]?
  ) throws(SolverError) -> Solution {
    session.capture.objective = (objectiveScale, objectiveConstant)
    let clock = ContinuousClock()
    let began = clock.now
    let messageLevel = session.capture.forwardsLines ? GLP_MSG_ON : GLP_MSG_ERR
    let timeLimit = try SolverOptions.glpkMilliseconds(options.timeLimit, option: "time limit")
    var code: Int32 = 0
    var status: SolveStatus
    var bound: Double?
    var startAccepted: Bool?
    var timeLimitReached: Bool
    if isMixedInteger {
      var params = try mipParameters(
        options, hasStart: start != nil, messageLevel: messageLevel, timeLimit: timeLimit,
        objectiveScale: objectiveScale, objectiveConstant: objectiveConstant)
      params.stop = options.stop.map { UnsafePointer($0.flag) }
      params.bound_goal = options.stopAtBound.map { UnsafePointer($0.value) }
      let basis = options.startingBasis
      try (start ?? []).withUnsafeBufferPointer { buffer throws(SolverError) in
        params.start = start == nil ? nil : buffer.baseAddress
        try (basis?.rowStatus ?? []).withUnsafeBufferPointer { rows throws(SolverError) in
          try (basis?.columnStatus ?? []).withUnsafeBufferPointer { columns throws(SolverError) in
            params.row_status = basis == nil ? nil : rows.baseAddress
            params.column_status = basis == nil ? nil : columns.baseAddress
            try session.guarded(&problem) { pointer in sro_guard_intopt(pointer, &params, &code) }
          }
        }
      }
      if start != nil { startAccepted = params.start_accepted != 0 }
      guard let pointer = problem.pointer else { throw .glpkFatalError(message: "no problem") }
      status = try mipStatus(code: code, mipStatus: glp_mip_status(pointer), session: session)
      if params.has_bound != 0 { bound = params.best_bound / objectiveScale + objectiveConstant }
      timeLimitReached = params.ended_for_time != 0
    } else {
      try session.guarded(&problem) { pointer in
        sro_guard_simplex(
          pointer, messageLevel, timeLimit, options.presolve ? 1 : 0, 1, options.stop?.flag, &code)
      }
      guard let pointer = problem.pointer else { throw .glpkFatalError(message: "no problem") }
      status = try lpStatus(code: code, lpStatus: glp_get_status(pointer), session: session)
      timeLimitReached = code == GLP_ETMLIM
    }
    let solveTime = clock.now - began
    guard let pointer = problem.pointer else { throw .glpkFatalError(message: "no problem") }
    guard status == .optimal || status == .feasible else {
      return Solution(
        status: status, objective: nil, bound: bound, values: [], solveTime: solveTime,
        startingSolutionAccepted: startAccepted, timeLimitReached: timeLimitReached)
    }
    var values = [Double](repeating: 0, count: variableKinds.count)
    for (j, kind) in variableKinds.enumerated() {
      let column = Int32(j + 1)
      if isMixedInteger {
        let value = glp_mip_col_val(pointer, column)
        values[j] = kind == .continuous ? value : value.rounded()
      } else {
        values[j] = glp_get_col_prim(pointer, column)
      }
    }
    let objective =
      (isMixedInteger ? glp_mip_obj_val(pointer) : glp_get_obj_val(pointer)) / objectiveScale
      + objectiveConstant
    if status == .optimal { bound = objective }
    return Solution(
      status: status, objective: objective, bound: bound, values: values,
      solveTime: solveTime, startingSolutionAccepted: startAccepted,
      timeLimitReached: timeLimitReached)
  }

  /// The guard's branch-and-cut parameters for `options` (limits in GLPK's
  /// milliseconds, the target in GLPK's scaled units).
  private static func mipParameters(
    _ options: SolverOptions, hasStart: Bool, messageLevel: Int32, timeLimit: Int32,
    objectiveScale: Double, objectiveConstant: Double
  ) throws(SolverError) -> sro_mip_params {
    var params = sro_mip_params()
    params.msg_level = messageLevel
    params.output_frequency_ms = options.progress == nil ? 0 : 500
    params.time_limit_ms = timeLimit
    params.node_limit = Int32(options.nodeLimit ?? 0)
    params.mip_gap = options.relativeGap
    params.presolve = options.presolve && !hasStart ? 1 : 0
    params.gomory_cuts = options.cuts.contains(.gomory) ? 1 : 0
    params.mir_cuts = options.cuts.contains(.mixedIntegerRounding) ? 1 : 0
    params.cover_cuts = options.cuts.contains(.cover) ? 1 : 0
    params.clique_cuts = options.cuts.contains(.clique) ? 1 : 0
    params.feasibility_pump = options.heuristics.contains(.feasibilityPump) ? 1 : 0
    params.proximity_search = options.heuristics.contains(.proximitySearch) ? 1 : 0
    params.proximity_time_limit_ms = try SolverOptions.glpkMilliseconds(
      options.proximitySearchTimeLimit, option: "proximity search time limit")
    params.objective_scale = objectiveScale
    params.objective_constant = objectiveConstant
    if let target = options.stopAtObjective {
      // GLPK's units: model value = glpk value / scale + constant.
      params.has_target = 1
      params.target = (target - objectiveConstant) * objectiveScale
      params.target_tolerance =
        1e-9 * max(1, abs(target), abs(objectiveConstant)) * objectiveScale
    }
    return params
  }

  private static func mipStatus(
    code: Int32, mipStatus: Int32, session: Session
  ) throws(SolverError) -> SolveStatus {
    switch code {
    case 0:
      switch mipStatus {
      case GLP_OPT: return .optimal
      case GLP_FEAS: return .feasible
      case GLP_NOFEAS: return .infeasible
      default: return .noSolutionFound
      }
    case GLP_ENOPFS: return .infeasible
    case GLP_ENODFS: return .unbounded
    case GLP_ETMLIM, GLP_EMIPGAP, GLP_ESTOP:
      return mipStatus == GLP_FEAS || mipStatus == GLP_OPT ? .feasible : .noSolutionFound
    default:
      throw .glpkFailure(code: Int(code), message: session.capture.recentText)
    }
  }

  static func lpStatus(
    code: Int32, lpStatus: Int32, session: Session
  ) throws(SolverError) -> SolveStatus {
    switch code {
    case 0:
      switch lpStatus {
      case GLP_OPT: return .optimal
      case GLP_FEAS: return .feasible
      case GLP_NOFEAS, GLP_INFEAS: return .infeasible
      case GLP_UNBND: return .unbounded
      default: return .noSolutionFound
      }
    case GLP_ENOPFS: return .infeasible
    case GLP_ENODFS: return .unbounded
    case GLP_ETMLIM, GLP_EITLIM, GLP_ESTOP:
      return lpStatus == GLP_FEAS ? .feasible : .noSolutionFound
    default:
      throw .glpkFailure(code: Int(code), message: session.capture.recentText)
    }
  }

  /// Checks bounds, integrality and every constraint, naming the first breach.
  private static func checkStartingSolution(
    _ values: [Double], of model: Model
  ) throws(SolverError) {
    let tolerance = 1e-6
    for (j, variable) in model.variables.enumerated() {
      let value = values[j]
      guard value.isFinite, value >= variable.lowerBound - tolerance,
        value <= variable.upperBound + tolerance
      else {
        throw .infeasibleStartingSolution("\(variable.name) = \(value) is outside its bounds")
      }
      if variable.kind != .continuous, abs(value - value.rounded()) > tolerance {
        throw .infeasibleStartingSolution("\(variable.name) = \(value) is not a whole number")
      }
    }
    for named in model.constraints
    where !named.constraint.isSatisfied(by: { values[$0.index] }, tolerance: tolerance) {
      throw .infeasibleStartingSolution("constraint \(named.name) is violated")
    }
  }

  // MARK: - The fatal-error guard's self-test

  /// Calls `glp_set_col_bnds` on a column that does not exist, through the
  /// guard, and returns the error it turned GLPK's abort into. Tests use it
  /// to prove that the fatal path is caught and the process lives.
  static func provokeFatalError() -> SolverError? {
    do {
      try withEnvironment(log: .silent) { session throws(SolverError) in
        var problem = ProblemHandle()
        try session.guarded(&problem) { pointer in
          sro_guard_set_col_bnds(pointer, 7, GLP_LO, 0, 0)
        }
      }
      return nil
    } catch {
      return error
    }
  }
}
