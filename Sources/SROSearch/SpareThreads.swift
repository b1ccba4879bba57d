import Synchronization

/// The threads of a week that its unfinished parts do not hold, lent to a
/// part for a re-staffing beside its own search
/// (``PartSearch/besideReStaffing(from:target:deadline:progress:sharing:memory:targetMet:onBetterRoster:_:)``) or
/// a brief branch-and-cut beside its pricing
/// (``PartSearch/pricingBesideBranchAndCut(_:price:)``).
///
/// A week of several parts runs one thread per part; once fewer parts are
/// left than threads, the idle ones are spare. A part still waiting for a
/// thread counts as unfinished, so a loan never delays it.
final class SpareThreads: Sendable {
  private struct Count {
    var unfinishedParts: Int
    var lent = 0
  }

  private let threads: Int
  private let count: Mutex<Count>

  /// `threads` shared by `parts` parts, none of them finished yet.
  init(threads: Int, parts: Int) {
    self.threads = threads
    count = Mutex(Count(unfinishedParts: parts))
  }

  /// Records that a part's search has ended: its thread is free.
  func partEnded() {
    count.withLock { $0.unfinishedParts = max(0, $0.unfinishedParts - 1) }
  }

  /// Takes a spare thread if there is one; give it back with ``giveBack()``.
  func borrow() -> Bool {
    count.withLock { count in
      guard count.unfinishedParts + count.lent < threads else { return false }
      count.lent += 1
      return true
    }
  }

  /// Returns a thread taken with ``borrow()``.
  func giveBack() {
    count.withLock { $0.lent = max(0, $0.lent - 1) }
  }
}
