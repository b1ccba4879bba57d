import Testing

@testable import SROSearch

/// How a week's time limit is shared among parts that wait for a thread.
@Suite struct TimeSharesTests {
  /// Three parts on one thread: the largest starts first with its share of
  /// the pairs; the next with its share of the pairs left; the last with
  /// all that is left.
  @Test func partsOnOneThreadShareTheLimitByTheirPairs() {
    let shares = TimeShares(sizes: [1_000, 6_000, 1_000], threads: 1)
    #expect(shares.order == [1, 0, 2])
    #expect(shares.start(1, remaining: .seconds(8)) == .seconds(6))
    shares.end(1)
    #expect(shares.start(0, remaining: .seconds(2)) == .seconds(1))
    shares.end(0)
    #expect(shares.start(2, remaining: .seconds(1)) == .seconds(1))
  }

  /// As many threads as parts: each part has all that is left, the
  /// smaller too (no part waits).
  @Test func aPartWithAThreadOfItsOwnTakesAllThatIsLeft() {
    let shares = TimeShares(sizes: [1_000, 3_000], threads: 2)
    #expect(shares.start(1, remaining: .seconds(8)) == .seconds(8))
    #expect(shares.start(0, remaining: .seconds(8)) == .seconds(8))
  }

  /// Three parts on two threads (variety week w21's): the largest two
  /// start at once, the first with twice its share capped at all that is
  /// left, the second, with no more parts than threads left, with all.
  /// Four equal parts on two threads: the first two take half each, the
  /// last two all that is left.
  @Test func partsOnTwoThreadsShareOncePerThread() {
    let week = TimeShares(sizes: [439, 3_206, 8], threads: 2)
    #expect(week.order == [1, 0, 2])
    // The two start at once: whichever calls first, each has it all.
    #expect(week.start(0, remaining: .seconds(2)) == .seconds(2))
    #expect(week.start(1, remaining: .seconds(2)) == .seconds(2))
    #expect(week.start(2, remaining: .seconds(1)) == .seconds(1))
    let equal = TimeShares(sizes: [100, 100, 100, 100], threads: 2)
    #expect(equal.start(0, remaining: .seconds(8)) == .seconds(4))
    #expect(equal.start(1, remaining: .seconds(8)) == .seconds(4))
    equal.end(0)
    #expect(equal.start(2, remaining: .seconds(4)) == .seconds(4))
    equal.end(1)
    #expect(equal.start(3, remaining: .seconds(4)) == .seconds(4))
  }

  /// Parts without eligible pairs take all that is left (no share of
  /// nothing), and order among equals keeps the parts' order.
  @Test func partsWithoutPairsTakeAllThatIsLeft() {
    let shares = TimeShares(sizes: [0, 0], threads: 1)
    #expect(shares.order == [0, 1])
    #expect(shares.start(0, remaining: .seconds(5)) == .seconds(5))
  }
}
