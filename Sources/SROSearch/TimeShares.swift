import Synchronization

/// Shares a week's time limit among its parts when some must wait for a
/// thread (more parts than threads: `sro compare`'s variants and the
/// staffing study's weeks run on one thread each). The parts start largest
/// first (``order``). A part that starts while the parts not yet started
/// (itself included) outnumber the threads takes what is left of the limit
/// times its share of the eligible pairs of those parts and of the parts
/// still running, once per thread; otherwise, what is left. Without shares
/// the first part of two on one thread would search to the deadline and
/// leave the second 50 ms, its greedy roster (on variety week w19 at 3 s:
/// 11,400 of uncovered cost, against 3,862.5 with a thread for each part).
/// A part that ends early leaves its time to the parts after it.
final class TimeShares: Sendable {
  private struct Pending {
    /// How many parts have not started yet.
    var waitingParts: Int
    /// The eligible pairs of the parts not started yet or still running.
    var unfinishedPairs: Int
  }

  private let threads: Int
  private let sizes: [Int]
  private let pending: Mutex<Pending>

  /// Shares for parts of `sizes` eligible pairs each, on `threads` threads.
  init(sizes: [Int], threads: Int) {
    self.threads = max(1, threads)
    self.sizes = sizes
    pending = Mutex(Pending(waitingParts: sizes.count, unfinishedPairs: sizes.reduce(0, +)))
  }

  /// The parts' indices, largest first (then in order).
  var order: [Int] { sizes.indices.sorted { (-sizes[$0], $0) < (-sizes[$1], $1) } }

  /// Part `index` starts with `remaining` of the limit left: its share.
  func start(_ index: Int, remaining: Duration) -> Duration {
    let share = pending.withLock { pending in
      defer { pending.waitingParts -= 1 }
      guard pending.waitingParts > threads, pending.unfinishedPairs > 0 else { return 1.0 }
      return min(1, Double(threads * sizes[index]) / Double(pending.unfinishedPairs))
    }
    return remaining * share
  }

  /// Part `index` has ended: the parts after it share what it leaves.
  func end(_ index: Int) {
    pending.withLock { $0.unfinishedPairs -= sizes[index] }
  }
}
