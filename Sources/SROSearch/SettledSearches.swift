import Synchronization

/// The neighbourhoods the re-staffings of one part have searched to the
/// end, each with the pairs it kept fixed then, so that a search that
/// would only repeat itself is skipped: by the same ``ReStaffing`` later
/// in its round, by a later stage's, or by one running beside it (each
/// part's ``PartSearch`` hands one memory to every re-staffing it makes
/// whose roster it keeps; the one beside the LP, whose roster is dropped
/// when the LP finishes, has its own).
///
/// A search fixes every pair outside its neighbourhood as the roster has
/// it and leaves GLPK, which is deterministic, the rest under a node
/// limit: while none of the pairs taken outside has changed, searching the
/// same neighbourhood again finds the same roster, no better than the
/// roster of the moment: it brought nothing then, or it was taken then
/// and every roster since (shared, or handed from stage to stage) is at
/// least as good. Its target (the objective it may stop at) does not
/// change that, as targets never fall (they follow the part's bound,
/// which only rises): a higher target only ends a search at a roster
/// better than the one in hand, and a repeat finds none. A search cut
/// short by its time limit (``Solution/timeLimitReached``) or a stop
/// request is not settled: given longer, it may find more. The argument
/// holds for re-staffings whose searches run GLPK alike: a quick one
/// (``ReStaffing/quickCuts``) and one with every cut may find different
/// rosters in the same neighbourhood, and no memory is shared between
/// the two kinds (the quick ones run only where the part has no LP, with
/// the LP's own memory or before any other re-staffing of the part).
final class SettledSearches: Sendable {
  private let settled = Mutex<[ReStaffing.Neighbourhood: (outside: Int, took: Duration)]>([:])

  /// An empty memory.
  init() {}

  /// Whether no search is remembered.
  var isEmpty: Bool { settled.withLock { $0.isEmpty } }

  /// How long the last search of `neighbourhood` took, if it ran to its
  /// end with the pairs outside it fixed as they are now (`outside`, their
  /// fingerprint: ``ReStaffing/fingerprint(of:outside:)``); `nil` if the
  /// neighbourhood is worth searching.
  func repeated(_ neighbourhood: ReStaffing.Neighbourhood, outside: Int) -> Duration? {
    settled.withLock { settled in
      guard let last = settled[neighbourhood], last.outside == outside else { return nil }
      return last.took
    }
  }

  /// Records a search of `neighbourhood` with the pairs outside it fixed
  /// as `outside`, which took `took`: settled if it ran to its end, else
  /// (its time limit was reached, or it was `stopped` by a request)
  /// forgotten.
  func record(
    _ neighbourhood: ReStaffing.Neighbourhood, outside: Int, took: Duration, timeLimitReached: Bool,
    stopped: Bool
  ) {
    settled.withLock { settled in
      settled[neighbourhood] = timeLimitReached || stopped ? nil : (outside, took)
    }
  }
}
