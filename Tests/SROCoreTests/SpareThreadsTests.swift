import Testing

@testable import SROSearch

/// Lending a week's idle threads to its parts (``SpareThreads``).
@Suite struct SpareThreadsTests {
  /// Two parts on two threads leave none spare until one ends; then one
  /// thread is lent at a time, and lent again once given back.
  @Test func aThreadIsSpareOnlyOnceAPartHasEnded() {
    let spare = SpareThreads(threads: 2, parts: 2)
    #expect(!spare.borrow())
    spare.partEnded()
    #expect(spare.borrow())
    #expect(!spare.borrow())
    spare.giveBack()
    #expect(spare.borrow())
  }

  /// Parts still waiting for a thread count as unfinished: with three
  /// parts on two threads, the first part to end frees its thread for the
  /// third part, not for a loan.
  @Test func aPartWaitingForAThreadIsNeverDelayedByALoan() {
    let spare = SpareThreads(threads: 2, parts: 3)
    spare.partEnded()
    #expect(!spare.borrow())
    spare.partEnded()
    #expect(spare.borrow())
  }

  /// Four threads, two parts: two threads are spare from the start, and
  /// all three once a part has ended.
  @Test func everyIdleThreadMayBeLent() {
    let spare = SpareThreads(threads: 4, parts: 2)
    #expect(spare.borrow())
    #expect(spare.borrow())
    #expect(!spare.borrow())
    spare.partEnded()
    #expect(spare.borrow())
    #expect(!spare.borrow())
  }
}
