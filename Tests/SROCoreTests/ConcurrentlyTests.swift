import Foundation
import GLPKSolver
import Testing

@testable import SROSearch

/// `concurrently`: results in the items' order, threads only when more
/// than one may run.
@Suite struct ConcurrentlyTests {
  /// The calling thread's identity, comparable across threads.
  static func threadID() -> UInt { UInt(pthread_self()) }

  @Test(arguments: [1, 2, 3, 8])
  func resultsComeBackInTheItemsOrder(threads: Int) {
    let items = Array(0..<20)
    #expect(concurrently(items, threads: threads) { $0 * $0 } == items.map { $0 * $0 })
  }

  @Test func oneThreadWorksOnTheCallingThread() {
    let caller = Self.threadID()
    let workers = concurrently(Array(0..<4), threads: 1) { _ in Self.threadID() }
    #expect(workers == Array(repeating: caller, count: 4))
  }

  @Test func severalThreadsWorkOffTheCallingThread() {
    let caller = Self.threadID()
    let workers = concurrently(Array(0..<4), threads: 2) { _ in Self.threadID() }
    #expect(!workers.contains(caller))
  }

  @Test func noItemsGiveNoResults() {
    #expect(concurrently([Int](), threads: 4) { $0 }.isEmpty)
  }

  /// `sideBySide` runs its two jobs at once, each off the calling thread
  /// (the first waits, at most 30 s, for a flag only the second sets), and
  /// returns each job's own output in its place.
  @Test func twoJobsRunSideBySide() {
    let caller = Self.threadID()
    let secondStarted = StopRequest()
    let (first, second) = sideBySide {
      let end = ContinuousClock.now + .seconds(30)
      while !secondStarted.isRaised, ContinuousClock.now < end { Thread.sleep(forTimeInterval: 0.001) }
      return (secondStarted.isRaised, Self.threadID())
    } _: {
      secondStarted.raise()
      return ("second", Self.threadID())
    }
    #expect(first.0)
    #expect(second.0 == "second")
    #expect(first.1 != caller && second.1 != caller && first.1 != second.1)
  }
}
