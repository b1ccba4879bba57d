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
  private let threads: Int
  private let sizes: [Int]
  /// The parts' indices, largest first (then in order).
  let order: [Int]
  /// Each part's place in ``order``.
  private let rank: [Int]
  /// The eligible pairs of the parts not yet ended.
  private let unfinishedPairs: Mutex<Int>

  /// Shares for parts of `sizes` eligible pairs each, on `threads` threads.
  init(sizes: [Int], threads: Int) {
    self.threads = max(1, threads)
    self.sizes = sizes
    order = sizes.indices.sorted { (-sizes[$0], $0) < (-sizes[$1], $1) }
    var rank = [Int](repeating: 0, count: sizes.count)
    for (place, index) in order.enumerated() { rank[index] = place }
    self.rank = rank
    unfinishedPairs = Mutex(sizes.reduce(0, +))
  }

  /// Part `index` starts with `remaining` of the limit left: its share.
  /// The parts not yet started are counted by its place in ``order``, not
  /// by the calls so far: the first parts start at the same moment, on
  /// threads of their own, and may call in any order.
  func start(_ index: Int, remaining: Duration) -> Duration {
    let notStarted = sizes.count - rank[index]
    let share = unfinishedPairs.withLock { pairs in
      guard notStarted > threads, pairs > 0 else { return 1.0 }
      return min(1, Double(threads * sizes[index]) / Double(pairs))
    }
    return remaining * share
  }

  /// Part `index` has ended: the parts after it share what it leaves.
  func end(_ index: Int) {
    unfinishedPairs.withLock { $0 -= sizes[index] }
  }
}
