import Foundation
import GLPKSolver
import LinearModel
import SROFormulation

extension PartSearch {
  /// Takes a second thread for work beside the part's own, if it may have
  /// one: more than one thread (``PlanningOptions/threads``), and either
  /// the part alone in its week or a spare thread of the week's free
  /// (``PlanningOptions/spareThreads``). Give a borrowed thread back with
  /// ``giveBackSecondThread()``.
  func borrowSecondThread() -> Bool {
    options.threads > 1 && (options.spareThreads?.borrow() ?? true)
  }

  /// Returns the thread taken with ``borrowSecondThread()``.
  func giveBackSecondThread() {
    options.spareThreads?.giveBack()
  }

  /// A re-staffing of the part's model (``ReStaffing``) with its small
  /// searches quiet, ``ReStaffing/persistent`` as given, reporting each
  /// better roster to `progress` and sharing it through `sharing` (each
  /// `nil` for none). It ends early on `stop` when one is given, else on
  /// the search's own stop request (which ends the job a re-staffing
  /// beside runs with, and so raises its `stop`). It remembers its
  /// searches in `memory`, or in the part's ``settledSearches``, with
  /// every other, when `nil`. Its searches are quick
  /// (``ReStaffing/quickCuts``) when ``quickReStaffing`` says so.
  func reStaffing(
    persistent: Bool, progress: PartProgress?, sharing: SharedRoster?, stoppedBy stop: StopRequest? = nil,
    memory: SettledSearches? = nil
  ) -> ReStaffing {
    var options = quietOptions
    if let stop { options.stop = stop }
    var reStaffing = ReStaffing(coverage: coverage, solverOptions: options)
    reStaffing.persistent = persistent
    reStaffing.progress = progress
    reStaffing.shared = sharing
    reStaffing.settled = memory ?? settledSearches
    if quickReStaffing { reStaffing.cuts = ReStaffing.quickCuts }
    return reStaffing
  }

  /// Runs `job` on one thread while `start` is re-staffed persistently
  /// (``ReStaffing``) on another, at the lowest priority, until `job` ends
  /// (or `deadline`, or `target` is met); returns what `job` returned and
  /// the re-staffed roster (`start` itself if nothing better was found).
  /// Without a second thread (``borrowSecondThread()``) `job` runs alone
  /// and the roster is `nil`. Each better roster is reported to `progress`
  /// (if any) as it is found: give one only where the caller keeps the
  /// roster. When `job` is a re-staffing too, `sharing` is the roster both
  /// take up and offer (``ReStaffing/shared``); this side then takes its
  /// lists from the middle (``ReStaffing/startsHalfway``). Its searches
  /// are remembered in `memory`, or in the part's ``settledSearches``
  /// when `nil`: give a memory of its own where the roster may be thrown
  /// away, as the part's may only hold searches from rosters kept.
  /// `targetMet`, when given, is raised once the re-staffing meets
  /// `target`: a job that carries it as its stop request then ends too,
  /// as nothing better is left for it to find. `onBetterRoster`, when
  /// given, is called with each better roster's objective as the
  /// re-staffing finds it (``ReStaffing/onBetterRoster``).
  func besideReStaffing<Output: Sendable>(
    from start: Solution, target: Double, deadline: ContinuousClock.Instant, progress: PartProgress?,
    sharing: SharedRoster? = nil, memory: SettledSearches? = nil, targetMet: StopRequest? = nil,
    onBetterRoster: (@Sendable (Double) -> Void)? = nil, _ job: @escaping @Sendable () -> Output
  ) throws(PlanningError) -> (Output, Solution?) {
    guard borrowSecondThread() else { return (job(), nil) }
    defer { giveBackSecondThread() }
    let jobEnded = StopRequest()
    let search = self
    let (output, reStaffed) = sideBySide {
      defer { jobEnded.raise() }
      return job()
    } _: {
      yieldToOtherThreads()
      var reStaffing = search.reStaffing(
        persistent: true, progress: progress, sharing: sharing, stoppedBy: jobEnded, memory: memory)
      reStaffing.startsHalfway = sharing != nil
      reStaffing.onBetterRoster = onBetterRoster
      let reStaffed = Result { () throws(SolverError) in
        try reStaffing.improve(start, target: target, deadline: deadline)
      }
      if let targetMet, let objective = try? reStaffed.get().objective, objective <= target {
        targetMet.raise()
      }
      return reStaffed
    }
    do { return (output, try reStaffed.get()) } catch { throw .solver(error) }
  }

  /// Lowers the calling thread's priority to the least (Linux keeps the
  /// nice value per thread), so that on a busy machine the re-staffing
  /// beside the job takes only what the job leaves: measured under load,
  /// at equal priority the LP of variety week w07 missed its second at
  /// the 2 s limit. Threads of ``concurrently`` end with their job, so
  /// nothing else runs at this priority.
  private func yieldToOtherThreads() {
    #if os(Linux)
      _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
    #endif
  }
}
