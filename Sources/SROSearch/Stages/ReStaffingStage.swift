import LinearModel
import SROFormulation

/// The best solution improved a few schools at a time, every other pair
/// fixed (``ReStaffing``): for a heuristic stage's time, or, with
/// ``untilDeadline`` and a time limit, persistently until the search's
/// deadline (where the time goes when the LP relaxation did not finish).
struct ReStaffingStage: SearchStage {
  /// Whether to keep re-staffing until the deadline.
  var untilDeadline = false

  func run(on search: PartSearch, _ state: inout SearchState) throws(PlanningError) {
    guard let start = state.best else { return }
    let deadline = untilDeadline ? state.deadline : nil
    var reStaffing = ReStaffing(coverage: search.coverage, solverOptions: search.quietOptions)
    reStaffing.persistent = deadline != nil
    reStaffing.progress = search.options.partProgress
    let improved: Solution
    do {
      improved = try reStaffing.improve(
        start, target: state.attainable(state.bound),
        deadline: deadline ?? state.clock.now + search.roundingLimit(state))
    } catch { throw .solver(error) }
    state.best = improved
    state.note("re-staffed a few schools at a time: \(improved.objective ?? .nan)")
  }
}
