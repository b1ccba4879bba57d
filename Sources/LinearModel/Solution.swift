/// How a solve ended.
public enum SolveStatus: String, Sendable, Hashable {
  /// Proven optimal (within GLPK's tolerances).
  case optimal
  /// A limit (time, gap) stopped the search with a solution in hand; the
  /// solution's ``Solution/bound`` says how far from optimal it may be.
  case feasible
  /// No solution satisfies the constraints.
  case infeasible
  /// The objective can improve without limit (or, for a MIP whose LP
  /// relaxation has no dual feasible solution, the problem is unbounded or
  /// infeasible: GLPK does not tell the two apart).
  case unbounded
  /// A limit stopped the search before any solution was found.
  case noSolutionFound
}

/// The outcome of one solve.
public struct Solution: Sendable {
  public let status: SolveStatus
  /// The objective of the returned values; `nil` when there are none.
  public let objective: Double?
  /// The best proven bound on the optimum: equal to ``objective`` when
  /// optimal, GLPK's best node bound when a limit stopped the search.
  public let bound: Double?
  /// One value per variable, by ``Variable/index``; empty without a solution.
  /// Integer and binary variables are rounded to whole numbers.
  public let values: [Double]
  /// Wall time spent in GLPK.
  public let solveTime: Duration
  /// Whether GLPK accepted the starting solution; `nil` when none was given.
  public let startingSolutionAccepted: Bool?
  /// Whether the time limit ended GLPK's solve before it had run to its
  /// end: given longer, it might have found more. A solve ended by a node
  /// limit, the gap, an objective target or a stop request has not. Set by
  /// `GLPK.solve` only: a solution made elsewhere (a heuristic's, a
  /// planner's whole week) says `false`.
  public let timeLimitReached: Bool

  /// A solution found outside GLPK (a heuristic's), or a test's.
  public init(
    status: SolveStatus, objective: Double?, bound: Double?, values: [Double], solveTime: Duration,
    startingSolutionAccepted: Bool? = nil, timeLimitReached: Bool = false
  ) {
    self.status = status
    self.objective = objective
    self.bound = bound
    self.values = values
    self.solveTime = solveTime
    self.startingSolutionAccepted = startingSolutionAccepted
    self.timeLimitReached = timeLimitReached
  }

  /// The value of `variable` (0 when there is no solution).
  public subscript(variable: Variable) -> Double {
    values.isEmpty ? 0 : values[variable.index]
  }

  /// The relative gap `|objective − bound| / max(1, |objective|)`, or `nil`.
  public var relativeGap: Double? {
    guard let objective, let bound else { return nil }
    return abs(objective - bound) / max(1, abs(objective))
  }
}

/// Why a solve could not run.
public enum SolverError: Error, Sendable, CustomStringConvertible {
  /// The model has a NaN or infinite number, empty bounds, or a variable of
  /// another model.
  case invalidModel(ModelError)
  /// An option is out of range.
  case invalidOption(String)
  /// The model is larger than GLPK can index.
  case tooLarge(String)
  /// A column added to a ``ColumnLP`` names a row that does not exist, or
  /// one row twice.
  case invalidColumn(String)
  /// The starting solution breaks a bound or constraint (named).
  case infeasibleStartingSolution(String)
  /// GLPK reached its fatal-error path; the guard caught it. `message` is
  /// what GLPK printed.
  case glpkFatalError(message: String)
  /// GLPK returned an error code (e.g. numerical trouble).
  case glpkFailure(code: Int, message: String)
  /// A model file could not be read.
  case unreadableFile(path: String, message: String)

  public var description: String {
    switch self {
    case .invalidModel(let error): return "invalid model: \(error)"
    case .invalidOption(let message): return "invalid solver option: \(message)"
    case .tooLarge(let message): return "model too large for GLPK: \(message)"
    case .invalidColumn(let message): return "invalid column: \(message)"
    case .infeasibleStartingSolution(let message):
      return "starting solution is not feasible: \(message)"
    case .glpkFatalError(let message): return "GLPK error: \(message)"
    case .glpkFailure(let code, let message): return "GLPK failed (code \(code)): \(message)"
    case .unreadableFile(let path, let message): return "cannot read \(path): \(message)"
    }
  }
}
