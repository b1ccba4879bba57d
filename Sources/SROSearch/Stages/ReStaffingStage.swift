import LinearModel
import SROFormulation

/// The best solution (or, when the rounding before found none in its
/// time, the greedy fallback) improved a few schools at a time, every
/// other pair fixed (``ReStaffing``), for as long as ``length`` says: one
/// round for a heuristic stage's time (stage 3); with a time limit,
/// persistently until the search's deadline (where the time goes when the
/// LP relaxation did not finish); or, while the bound looks weak after the
/// pattern bound (stage 3c), persistently for a heuristic stage's time.
/// With a time limit and a second thread for the part
/// (``PartSearch/borrowSecondThread()``), a persistent re-staffing runs
/// beside it on that thread, the two sharing their best roster
/// (``SharedRoster``).
struct ReStaffingStage: SearchStage {
  /// How long the stage re-staffs, and when.
  enum Length: Sendable {
    /// One round of each kind of neighbourhood, for a heuristic stage's
    /// time (``PartSearch/roundingLimit(_:)``).
    case oneRound
    /// With a time limit, persistently until the search's deadline;
    /// without one, as ``oneRound``.
    case untilDeadline
    /// Only while the best roster is more than twice the bound
    /// (``SearchState/boundLooksWeak``); then, with a time limit,
    /// persistently for a heuristic stage's time, and without one as
    /// ``oneRound``. After the pattern bound, such a gap is one that
    /// branch-and-cut does not close within a time limit, and re-staffing
    /// is what lowers the roster: on variety week w19 (tight weekly caps,
    /// roster about 3,000 against a bound of 1,270) the time goes further
    /// here (benchmarks/RESULTS.md, "Re-staffing again where the bound
    /// stays weak").
    case againWhileBoundLooksWeak
  }

  /// How long this stage re-staffs (one round unless told otherwise).
  var length = Length.oneRound

  /// Whether the re-staffing repeats and grows its rounds
  /// (``ReStaffing/persistent``): for ``Length/untilDeadline`` and
  /// ``Length/againWhileBoundLooksWeak``, and only with a time limit. A
  /// persistent round's order depends on how long its searches take, so
  /// without a time limit every re-staffing of the pipeline keeps to one
  /// round and the roster does not depend on the machine.
  func isPersistent(in state: SearchState) -> Bool {
    length != .oneRound && state.deadline != nil
  }

  func run(on search: PartSearch, _ state: inout SearchState) throws(PlanningError) {
    if length == .againWhileBoundLooksWeak, !state.boundLooksWeak { return }
    guard let start = state.best ?? state.fallback else { return }
    let persistent = isPersistent(in: state)
    let target = state.attainable(state.bound)
    let deadline =
      (length == .untilDeadline ? state.deadline : nil) ?? state.clock.now + search.roundingLimit(state)
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
    let reason = length == .againWhileBoundLooksWeak ? " again, the bound looking weak" : ""
    state.note(
      "re-staffed a few schools at a time\(reason)\(beside ? " on two threads" : "")\(search.reStaffingNote): \(state.best?.objective ?? .nan)"
    )
  }
}
