/// One solver's run on one scenario at one time limit, its roster already
/// checked by the independent validator.
public struct SolverRun: Codable, Sendable, Equatable {
  /// `optimal` (proven), `feasible` (a limit stopped the search with a
  /// roster), `none` (no roster within the limit) or `unavailable` (the
  /// solver could not run).
  public var status: String
  /// The roster's objective as the validator recomputes it; `nil` without a roster.
  public var objective: Double?
  /// The best proven bound the solver reports; `nil` without one.
  public var bound: Double?
  /// Wall time of the solve, in seconds.
  public var seconds: Double
  /// Rules the roster breaks (0 for a valid roster); `nil` without a roster.
  public var violations: Int?

  /// A run with the given figures.
  public init(status: String, objective: Double?, bound: Double?, seconds: Double, violations: Int?) {
    self.status = status
    self.objective = objective
    self.bound = bound
    self.seconds = seconds
    self.violations = violations
  }

  /// Whether the solver proved its roster optimal.
  public var proven: Bool { status == "optimal" && validObjective != nil }

  /// The objective of a roster that passed the validator; `nil` otherwise.
  public var validObjective: Double? { violations == 0 ? objective : nil }

  /// The relative gap to the solver's own bound, `|objective − bound| /
  /// max(1, |objective|)`; `nil` without a valid roster or a bound.
  public var ownGap: Double? {
    guard let objective = validObjective, let bound else { return nil }
    return abs(objective - bound) / max(1, abs(objective))
  }
}

/// `|value − reference| / max(1, |reference|)`: how far `value` is from `reference`.
public func relativeGap(_ value: Double, to reference: Double) -> Double {
  abs(value - reference) / max(1, abs(reference))
}

/// One scenario of a suite: sro and HiGHS each at the quick limit (2 s) and
/// at the suite's limit.
public struct SuiteCase: Codable, Sendable {
  /// The scenario file's name without its extension.
  public var name: String
  public var schools: Int
  public var officers: Int
  /// Eligible officer–block pairs of the scenario.
  public var binaries: Int
  public var sroQuick: SolverRun
  public var sroLimit: SolverRun
  /// HiGHS on the plain model; `nil` when HiGHS was skipped.
  public var highsQuick: SolverRun?
  public var highsLimit: SolverRun?

  /// A case with the given runs.
  public init(
    name: String, schools: Int, officers: Int, binaries: Int, sroQuick: SolverRun, sroLimit: SolverRun,
    highsQuick: SolverRun?, highsLimit: SolverRun?
  ) {
    self.name = name
    self.schools = schools
    self.officers = officers
    self.binaries = binaries
    self.sroQuick = sroQuick
    self.sroLimit = sroLimit
    self.highsQuick = highsQuick
    self.highsLimit = highsLimit
  }

  /// Every run of the case.
  var runs: [SolverRun] { [sroQuick, sroLimit] + [highsQuick, highsLimit].compactMap { $0 } }

  /// The best known objective: the least over every valid roster of both solvers.
  public var bestKnown: Double? { runs.compactMap(\.validObjective).min() }

  /// The best proven bound of both solvers.
  public var bestBound: Double? { runs.compactMap(\.bound).max() }

  /// How far `run`'s roster is from the best known; `nil` without a valid roster.
  public func gapToBest(_ run: SolverRun?) -> Double? {
    guard let objective = run?.validObjective, let best = bestKnown else { return nil }
    return relativeGap(objective, to: best)
  }

  /// Whether the solvers contradict each other: a valid roster below a
  /// proven bound (beyond 1e-6 relative).
  public var contradicts: Bool {
    guard let best = bestKnown, let bound = bestBound else { return false }
    return bound - best > 1e-6 * max(1, abs(best))
  }
}
