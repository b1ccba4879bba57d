import LinearModel
import SROFormulation

/// The best solution (or, when the rounding before found none in its
/// time, the greedy fallback) improved a few schools at a time, every
/// other pair fixed (``ReStaffing``): for a heuristic stage's time, or, with
/// ``untilDeadline`` and a time limit, persistently until the search's
/// deadline (where the time goes when the LP relaxation did not finish).
/// With a time limit and a second thread for the part
/// (``PartSearch/borrowSecondThread()``), a persistent re-staffing runs
/// beside it on that thread, the two sharing their best roster
/// (``SharedRoster``).
struct ReStaffingStage: SearchStage {
  /// Whether to keep re-staffing until the deadline.
  var untilDeadline = false
  /// Whether to run only while the best roster is more than twice the
  /// bound (``SearchState/boundLooksWeak``), and then persistently (rounds
  /// repeat and grow, as until a deadline) for a heuristic stage's time.
  /// After the pattern bound, such a gap is one that branch-and-cut does
  /// not close within a time limit: on variety week w19 (tight weekly
  /// caps, roster about 3,000 against a bound of 1,270) the time goes
  /// further here (benchmarks/RESULTS.md, "Re-staffing again where the
  /// bound stays weak").
  var onlyWhenBoundLooksWeak = false

  func run(on search: PartSearch, _ state: inout SearchState) throws(PlanningError) {
    if onlyWhenBoundLooksWeak, !state.boundLooksWeak { return }
    guard let start = state.best ?? state.fallback else { return }
    let searchDeadline = untilDeadline ? state.deadline : nil
    let persistent = searchDeadline != nil || onlyWhenBoundLooksWeak
    let target = state.attainable(state.bound)
    let deadline = searchDeadline ?? state.clock.now + search.roundingLimit(state)
    let progress = search.options.partProgress
    /// The re-staffing on this thread, sharing its best roster with one
    /// beside it, if any.
    @Sendable func reStaffed(sharing shared: SharedRoster?) -> Result<Solution, SolverError> {
      let reStaffing = search.reStaffing(persistent: persistent, progress: progress, sharing: shared)
      return Result { () throws(SolverError) in
        try reStaffing.improve(start, target: target, deadline: deadline)
      }
    }
    let improved: Result<Solution, SolverError>
    var beside = false
    if state.deadline != nil {
      // With a time limit, a second thread (if the part may have one)
      // re-staffs beside this one, both from the best either has found.
      let shared = SharedRoster(start)
      let (mine, second) = try search.besideReStaffing(
        from: start, target: target, deadline: deadline, progress: progress, sharing: shared
      ) { reStaffed(sharing: shared) }
      improved = mine.map { _ in shared.roster }
      beside = second != nil
    } else {
      improved = reStaffed(sharing: nil)
    }
    do { state.best = try improved.get() } catch { throw .solver(error) }
    let why = onlyWhenBoundLooksWeak ? " again, the bound looking weak" : ""
    state.note(
      "re-staffed a few schools at a time\(why)\(beside ? " on two threads" : "")\(search.reStaffingNote): \(state.best?.objective ?? .nan)"
    )
  }
}
