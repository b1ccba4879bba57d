import GLPKSolver
import LinearModel
import SROFormulation
import SRORoster
import SROScenario

/// Solves one part's ``CoverageModel`` as a pipeline of stages
/// (``SearchStage``, one type each in `Stages/`) over one ``SearchState``,
/// each run only while the best roster and the best bound are apart:
///
/// 0. a greedy roster (``GreedyStart``): the fallback from the first moment;
/// 1. the LP relaxation (``RelaxationStage``): a bound, and values to
///    round; if it does not finish, the greedy roster is re-staffed for the
///    time left (``ReStaffingStage`` until the deadline, its searches quick:
///    ``quickReStaffing``) and the search ends;
/// 2. a roster from the LP's integral part (``RoundingStage``, RENS:
///    ``RoundingStage/Neighbourhood/roundedLP``);
/// 3. that roster (or the greedy one, if rounding found none in its time)
///    improved a few schools at a time (``ReStaffingStage``,
///    with a second re-staffing beside it when the part has a second
///    thread and a time limit);
/// 3b. the pattern bound (``PatternBoundStage``) when the roster is still
///    more than twice the bound, with a brief branch-and-cut beside it when
///    the part has a second thread and a time limit
///    (``pricingBesideBranchAndCut(_:price:)``);
/// 3c. when the roster is still more than twice the bound after 3b
///    (``SearchState/boundLooksWeak``; the pattern bound cannot be priced
///    on every week), re-staffing again, with a time limit persistently,
///    for a heuristic stage's time: no later stage is likely to prove such
///    a roster optimal, and re-staffing is what lowers it
///    (``ReStaffingStage/Length/againWhileBoundLooksWeak``); then, if
///    3b's last master LP is below the best roster, that master's support
///    searched from the best roster
///    (``RoundingStage/Neighbourhood/patternSupport``);
/// 4. branch-and-cut from the best roster (``BranchAndCutStage``), briefly
///    when stages 5 and 6 follow, with the best roster re-staffed on a
///    second thread meanwhile (as in stage 6);
/// 5. the LP's support searched from the best roster
///    (``RoundingStage/Neighbourhood/lpSupport``);
/// 6. the pattern bound (unless 3b priced it) and its master's support
///    searched as in 3b, then a brief branch-and-cut for a roster better
///    than the best (``BranchAndCutStage/underTheBest``: finding none is
///    the proof), then branch-and-cut for the
///    rest of the time, each with the best roster re-staffed on a second
///    thread meanwhile, if the part may have one
///    (``BranchAndCutStage/reStaffsBeside``, ``borrowSecondThread()``).
///
/// Stages 2, 3, 3c and 5 and the searches around the pattern master's optimum
/// are heuristics: each may take a quarter of the time limit (at least
/// 200 ms), or ``roundingCap`` without one. On a restricted model
/// (``isRestricted``) stages 2 and 3 are followed by branch-and-cut to the
/// deadline alone (no pattern bound, no stage 5): its bound comes from
/// pricing over the full instance (``knownBound``).
///
/// Every branch-and-cut stops as soon as a roster meets the best bound.
/// Objective values move in steps (every objective column is integer), so
/// a roster is proven optimal once no value between the bound and it
/// remains. Stage lines go to ``PlanningOptions/log``.
struct PartSearch {
  let coverage: CoverageModel
  let options: PlanningOptions
  /// A valid lower bound known before the search (from pattern pricing
  /// over a larger model, say).
  var knownBound: Double?
  /// What the part's re-staffings have searched to the end, shared by
  /// every one of them (``reStaffing(persistent:progress:sharing:stoppedBy:memory:)``)
  /// so that none repeats a search another has made.
  let settledSearches = SettledSearches()
  /// Whether the part's re-staffings search quickly
  /// (``ReStaffing/quickCuts``): those of a part whose LP relaxation did
  /// not finish, and the one beside the LP, whose roster counts only then.
  var quickReStaffing = false

  /// This search with quick re-staffings (``quickReStaffing``).
  var withQuickReStaffing: PartSearch {
    var quick = self
    quick.quickReStaffing = true
    return quick
  }

  /// What the stage lines of this search's re-staffings add about their
  /// searches: ` (quick searches)` when ``quickReStaffing``, else nothing.
  var reStaffingNote: String { quickReStaffing ? " (quick searches)" : "" }

  /// The LP relaxation itself (``RelaxationStage``): GLPK's simplex (a
  /// test may stand in for it, e.g. with an LP that does not finish).
  var solveRelaxation: @Sendable (Model, SolverOptions) throws(SolverError) -> Relaxation = {
    (model, options) throws(SolverError) in try GLPK.solveRelaxation(model, options: options)
  }

  /// Whether `coverage` leaves out some eligible pairs: then only
  /// ``knownBound`` bounds the full problem, and GLPK's own bounds and
  /// optimality speak for the restricted model alone.
  var isRestricted: Bool { coverage.instance.restriction != nil }

  /// Longest each heuristic stage may take, as a share of the time limit.
  static let roundingShare = 0.25

  /// Longest each heuristic stage may take without a time limit: its
  /// own optimum proves nothing, and the stages that can prove wait.
  static let roundingCap = Duration.seconds(5)

  /// How long the first branch-and-cut may run before the pattern bound is priced.
  static let firstSearch = Duration.seconds(1)

  /// How long column generation may run for the pattern bound (at most
  /// half of what is left of the time limit).
  static let patternSearch = Duration.seconds(3)

  /// How long column generation may go on without a time limit while it
  /// can still prove the best roster optimal (``PatternBoundStage``).
  static let patternProofSearch = Duration.seconds(30)

  /// Longest the LP relaxation may take, as a share of the time limit: if
  /// it has not finished by then, the rest goes to re-staffing the greedy
  /// roster.
  static let relaxationShare = 0.5

  /// The best solution and a bound on the part's optimum. Anytime: the
  /// greedy roster stands from the start, each stage may only improve on
  /// it, and a stop request or the time limit ends the search between (or
  /// inside) stages with the best so far.
  func run() throws(PlanningError) -> Solution {
    var state = SearchState(
      model: coverage.model, objectiveScale: coverage.fullObjectiveScale, timeLimit: options.timeLimit,
      log: options.log, knownBound: knownBound, stop: options.stop, progress: options.partProgress)
    state.start(from: GreedyStart(coverage: coverage).start())
    let reStaffedBesideLP = try relaxationBesideReStaffing(&state)
    guard state.relaxation?.status == .optimal, !state.isOver else {
      if let start = reStaffedBesideLP ?? state.fallback {
        state.best = start
        if !state.isOver { try ReStaffingStage(length: .untilDeadline).run(on: withQuickReStaffing, &state) }
      }
      return state.outcome()
    }
    for stage in pipeline {
      try stage.run(on: self, &state)
      if let proven = state.proven(state.best) { return proven }
      if state.isOver { return state.outcome() }
    }
    return state.outcome()
  }

  /// Stages 2 to 6, in order.
  var pipeline: [any SearchStage] {
    if isRestricted {
      return [
        RoundingStage(neighbourhood: .roundedLP), ReStaffingStage(),
        BranchAndCutStage(limit: .untilDeadline, fromBest: true),
      ]
    }
    return [
      RoundingStage(neighbourhood: .roundedLP), ReStaffingStage(),
      PatternBoundStage(onlyWhenBoundLooksWeak: true),
      ReStaffingStage(length: .againWhileBoundLooksWeak),
      RoundingStage(neighbourhood: .patternSupport),
      BranchAndCutStage(limit: .briefly, fromBest: true, reStaffsBeside: true),
      RoundingStage(neighbourhood: .lpSupport),
      PatternBoundStage(), RoundingStage(neighbourhood: .patternSupport),
      BranchAndCutStage(limit: .briefly, fromBest: false, reStaffsBeside: true, underTheBest: true),
      BranchAndCutStage(limit: .untilDeadline, fromBest: false, reStaffsBeside: true),
    ]
  }
}
