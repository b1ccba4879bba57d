import LinearModel

/// Cutting-plane families of GLPK's branch-and-cut.
public enum CutFamily: Sendable, Hashable, CaseIterable {
  /// Gomory's mixed-integer cuts (`gmi_cuts`).
  case gomory
  /// Mixed-integer rounding cuts (`mir_cuts`).
  case mixedIntegerRounding
  /// Mixed cover cuts (`cov_cuts`).
  case cover
  /// Clique cuts (`clq_cuts`).
  case clique
}

/// Primal heuristics of GLPK's branch-and-cut.
public enum Heuristic: Sendable, Hashable, CaseIterable {
  /// The feasibility pump (`fp_heur`).
  case feasibilityPump
  /// Proximity search (`ps_heur`).
  case proximitySearch
}

/// Where GLPK's terminal output goes. It never reaches the process's own
/// stdout or stderr.
public enum SolverLog: Sendable {
  /// Discarded (GLPK's message level is set to errors only).
  case silent
  /// Each complete line is handed to the closure, on the solving thread.
  case lines(@Sendable (String) -> Void)
}

/// Options of one solve. Every field is checked before GLPK sees it.
public struct SolverOptions: Sendable {
  /// Stop after this long (simplex and branch-and-cut); `nil` for no limit.
  /// Must be positive and under 24 days (GLPK counts milliseconds in an `Int32`).
  public var timeLimit: Duration?
  /// Stop branch-and-cut once this many nodes have been created (the root
  /// counts); `nil` for no limit. Unlike a time limit, it cuts the search
  /// at the same point on a fast machine and a busy one. Must be positive;
  /// 1 stops before the root's LP is solved (no solution), so a useful
  /// limit is at least 2.
  public var nodeLimit: Int?
  /// Stop branch-and-cut once the relative gap between incumbent and bound
  /// is at most this (GLPK's `mip_gap`); in `[0, 1)`.
  public var relativeGap: Double = 0
  /// Run GLPK's LP/MIP presolver. Turned off automatically when a
  /// ``startingSolution`` is given (GLPK takes incumbents only without it).
  public var presolve = true
  /// Cutting planes to generate.
  public var cuts: Set<CutFamily> = []
  /// Primal heuristics to run.
  public var heuristics: Set<Heuristic> = []
  /// A time limit for one proximity-search run; `nil` for GLPK's default (60 s).
  public var proximitySearchTimeLimit: Duration?
  /// A starting incumbent: a value for every variable, by index. It is
  /// checked (bounds, integrality, every constraint) before it is offered
  /// to GLPK through the `GLP_IHEUR` callback.
  public var startingSolution: [Double]?
  /// Stop branch-and-cut as soon as an incumbent whose objective is at most
  /// this (minimisation; at least this for maximisation) is known, with
  /// status ``SolveStatus/feasible`` (``SolveStatus/optimal`` if GLPK
  /// finished its own proof first). For callers with a bound of their own
  /// that proves such an incumbent optimal, e.g. a rounded-up LP bound when
  /// the objective takes whole values only. A starting solution that meets
  /// it stops the search at once. Compared with a relative tolerance of
  /// about 1e-9; must be finite; ignored for LPs (no incumbent to stop at).
  public var stopAtObjective: Double?
  /// Stop branch-and-cut as soon as its bound reaches the goal, which
  /// another thread may lower while it runs (``BoundGoal``): a roster
  /// found beside the search is then proven optimal. The search ends with
  /// what it has and its bound (status ``SolveStatus/feasible``, or
  /// ``SolveStatus/noSolutionFound`` without a roster of its own). For
  /// minimisations only: a model that maximises is refused (and the C
  /// guard ignores the goal in one read from a file). An LP has no
  /// branch-and-cut for it to end.
  public var stopAtBound: BoundGoal?
  /// Where the LP starts — the relaxation's, and the one before
  /// branch-and-cut when the presolver is off (a ``startingSolution``
  /// turns it off): a basis of the same model's LP, e.g.
  /// ``Relaxation/basis`` or ``LPBasis/init(near:of:)``; `nil` for GLPK's
  /// advanced initial basis. A given basis turns the presolver off for the
  /// relaxation; one GLPK cannot factorise is replaced by the advanced basis.
  public var startingBasis: LPBasis?
  /// Ends the solve early, with what it has, once raised (another thread
  /// raises it, e.g. on a signal); `nil` for none.
  public var stop: StopRequest?
  /// Where GLPK's terminal output goes.
  public var log: SolverLog = .silent
  /// Called on the solving thread each time branch-and-cut reports its
  /// incumbent and bound (GLPK's progress lines, parsed and unscaled).
  public var progress: (@Sendable (SolverProgress) -> Void)?

  /// The default options: no limits, presolve on, no extra cuts or heuristics.
  public init() {}
}

/// A snapshot of a branch-and-cut search.
public struct SolverProgress: Sendable, Hashable {
  /// The best objective found so far, if any.
  public var incumbent: Double?
  /// The best proven bound so far, if any.
  public var bound: Double?

  /// The relative gap, when both are known.
  public var gap: Double? {
    guard let incumbent, let bound else { return nil }
    return abs(incumbent - bound) / max(1, abs(incumbent))
  }

  /// Parses one of GLPK's progress lines
  /// (`+  1505: mip =   3.964e+03 >=   3.9e+03   0.0% (34; 0)`), mapping
  /// GLPK's values back through `scale` and `constant`.
  static func parse(_ line: String, scale: Double, constant: Double) -> SolverProgress? {
    guard line.hasPrefix("+") else { return nil }
    let words = line.split(separator: " ")
    guard let relation = words.firstIndex(where: { $0 == ">=" || $0 == "<=" }), relation > 0
    else { return nil }
    func value(_ word: Substring?) -> Double? {
      guard let word, let number = Double(word), number.isFinite else { return nil }
      return number / scale + constant
    }
    return SolverProgress(
      incumbent: value(words[relation - 1]),
      bound: relation + 1 < words.count ? value(words[relation + 1]) : nil)
  }
}

extension Duration {
  /// Whole milliseconds, rounded up.
  var milliseconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) * 1000 + (Double(attoseconds) / 1e15).rounded(.up)
  }
}

extension SolverOptions {
  /// GLPK's millisecond value for a limit, or an error naming the option.
  static func glpkMilliseconds(_ limit: Duration?, option: String) throws(SolverError) -> Int32 {
    guard let limit else { return 0 }
    let ms = limit.milliseconds
    guard ms > 0, ms < Double(Int32.max) else {
      throw .invalidOption("\(option) must be positive and under \(Int32.max) ms, not \(limit)")
    }
    return Int32(ms)
  }

  func validate(for model: Model) throws(SolverError) {
    _ = try Self.glpkMilliseconds(timeLimit, option: "time limit")
    _ = try Self.glpkMilliseconds(proximitySearchTimeLimit, option: "proximity search time limit")
    if let nodeLimit, nodeLimit <= 0 || nodeLimit >= Int(Int32.max) {
      throw .invalidOption("node limit must be positive and under \(Int32.max), not \(nodeLimit)")
    }
    guard relativeGap.isFinite, relativeGap >= 0, relativeGap < 1 else {
      throw .invalidOption("relative gap must be in [0, 1), not \(relativeGap)")
    }
    if let target = stopAtObjective, !target.isFinite {
      throw .invalidOption("the objective to stop at must be finite, not \(target)")
    }
    if stopAtBound != nil, model.sense == .maximize {
      throw .invalidOption("a bound to stop at is for minimisations only")
    }
    try startingBasis?.validate(for: model)
    if let start = startingSolution {
      guard start.count == model.variables.count else {
        throw .invalidOption(
          "starting solution has \(start.count) values for \(model.variables.count) variables")
      }
    }
  }
}
