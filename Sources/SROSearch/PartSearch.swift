import GLPKSolver
import LinearModel
import SROFormulation
import SRORoster
import SROScenario

/// Solves one part's ``CoverageModel`` in stages, each run only while the
/// best roster and the best bound are apart:
///
/// 1. the LP relaxation (a bound, and values to round);
/// 2. a roster from the LP's integral part: every binary the LP sets to 0
///    or 1 is fixed and the small rest is searched (the RENS heuristic);
/// 3. that roster improved a few schools at a time, every other pair
///    fixed (``ReStaffing``);
/// 4. a short branch-and-cut from the best roster (``firstSearch``);
/// 5. the LP's support searched from the best roster (only the LP's
///    zeros fixed);
/// 6. the pattern bound (``PatternBound``), which the weekly-hours
///    knapsack needs, then branch-and-cut for the rest of the time. A
///    roster still more than twice the bound after stage 3 has the pattern
///    bound priced before stage 4.
///
/// Stages 2, 3 and 5 are heuristics: each may take a quarter of the time
/// limit (at least 200 ms), or ``roundingCap`` without one.
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
  /// Whether to price officer-weeks for a bound (stage 6) and search the
  /// LP's support (stage 5).
  var usePatternBound = true
  /// Whether `coverage` leaves out some eligible pairs: then only
  /// ``knownBound`` bounds the full problem, and GLPK's own bounds and
  /// optimality speak for the restricted model alone.
  var isRestricted = false

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
      model: coverage.model, timeLimit: options.timeLimit, log: options.log, knownBound: knownBound,
      stop: options.stop, progress: options.partProgress)
    // 0. A roster from the first moment.
    state.fallback = GreedyStart(coverage: coverage).solution()
    // 1. The LP relaxation; when it does not finish, the greedy roster
    // re-staffed for the time left.
    let relaxation = try relax(&state)
    guard relaxation.status == .optimal, !state.isOver else {
      if !state.isOver, let greedy = state.fallback {
        state.best = greedy
        try reStaff(&state, until: state.deadline)
      }
      return state.outcome()
    }
    // 2. Round it: fix what the LP decided, search the rest.
    try searchNeighbourhood(of: relaxation, fixingOnes: true, &state)
    state.note("rounded LP: \(state.best?.objective ?? .nan)")
    if let proven = state.proven(state.best) { return proven }
    if state.isOver { return state.outcome() }
    // 3. A few schools at a time, the rest fixed.
    if state.best != nil {
      try reStaff(&state)
      if let proven = state.proven(state.best) { return proven }
    }
    // 3b. A roster more than twice the LP bound says the LP is weak (the
    // weekly-hours knapsack), which branch-and-cut rarely closes in a
    // second: price the pattern bound first.
    if usePatternBound, let objective = state.best?.objective, objective > 2 * state.bound + (state.step ?? 0)
    {
      if let proven = try priceWeeks(&state) { return proven }
    }
    if state.isOver { return state.outcome() }
    // 4. Branch-and-cut, briefly when a pattern bound may follow. The first,
    // short run starts from the best roster; a start turns GLPK's
    // presolver off, which long runs miss more than they gain from the
    // start, so the second run goes without.
    let first =
      usePatternBound ? min(state.remaining() ?? Self.firstSearch, Self.firstSearch) : state.remaining()
    if let proven = try branchAndCut(for: first, fromBest: true, &state) { return proven }
    guard usePatternBound, !state.isOver else { return state.outcome() }
    // 5. The LP's support searched from the best roster: what the LP set
    // to 1 is free too, which can cover an event the LP spread over
    // officers that rounding then committed elsewhere.
    try searchNeighbourhood(of: relaxation, fixingOnes: false, &state)
    state.note("LP support: \(state.best?.objective ?? .nan)")
    if let proven = state.proven(state.best) { return proven }
    if state.isOver { return state.outcome() }
    // 6. The pattern bound (unless stage 3b priced it), then
    // branch-and-cut again.
    if let proven = try priceWeeks(&state) { return proven }
    if state.isOver { return state.outcome() }
    if let proven = try branchAndCut(for: state.remaining(), fromBest: false, &state) { return proven }
    return state.outcome()
  }
}
