import Testing

@testable import SROScenario
@testable import SROSearch

/// The order in which a persistent re-staffing round takes its kinds of
/// neighbourhood (``NeighbourhoodTurns``): the kind that has taken least
/// time next, each round its own list, each leaving after `patience`
/// searches in a row bring nothing.
@Suite struct NeighbourhoodTurnsTests {
  typealias Neighbourhood = ReStaffing.Neighbourhood

  let schools: [Neighbourhood] = [.schools(["a", "b"]), .schools(["c", "d"]), .schools(["e", "f"])]
  let shortBlocks: [Neighbourhood] = [.officers([1, 2, 3]), .officers([4, 5, 6])]
  let groups: [Neighbourhood] = [.officers([7, 8])]

  /// Searches `count` turns, each taking `time(kind)` and improving where
  /// `improves(kind, turn)` says; the kinds and neighbourhoods taken.
  func take(
    _ turns: inout NeighbourhoodTurns, count: Int, time: (Int) -> Duration = { _ in .milliseconds(10) },
    improves: (Int, Int) -> Bool = { _, _ in false }
  ) -> [(kind: Int, neighbourhood: Neighbourhood)] {
    var taken: [(kind: Int, neighbourhood: Neighbourhood)] = []
    for turn in 0..<count {
      guard let next = turns.next() else { break }
      taken.append(next)
      turns.record(next.kind, took: time(next.kind), improved: improves(next.kind, turn))
    }
    return taken
  }

  /// Equal times: the kinds in turn, in the order given. Nothing
  /// improves but the short blocks' first search, so the groups' kind
  /// leaves after its one neighbourhood, the schools' after its three, and
  /// the short blocks' comes round its list again before leaving.
  @Test func kindsOfEqualCostTakeTurnsEachRoundItsOwnList() {
    var turns = NeighbourhoodTurns([schools, shortBlocks, groups], patience: 8)
    let taken = take(&turns, count: 20, improves: { kind, turn in kind == 1 && turn == 1 })
    #expect(taken.map(\.kind) == [0, 1, 2, 0, 1, 0, 1])
    #expect(
      taken.map(\.neighbourhood) == [
        schools[0], shortBlocks[0], groups[0], schools[1], shortBlocks[1], schools[2], shortBlocks[0],
      ])
    #expect(turns.next() == nil)
  }

  /// The costly kind (50 ms a search) waits while the cheap one (10 ms)
  /// catches up on time; nothing improves, so each kind leaves after as
  /// many searches as it has neighbourhoods (fewer than the patience).
  @Test func theKindThatHasTakenLeastTimeGoesNextUntilEachHasMissedItsPatience() {
    var turns = NeighbourhoodTurns([schools, shortBlocks], patience: 8)
    let taken = take(&turns, count: 20, time: { $0 == 0 ? .milliseconds(10) : .milliseconds(50) })
    #expect(taken.map(\.kind) == [0, 1, 0, 0, 1])
    #expect(turns.next() == nil)
  }

  /// An improvement restarts only its own kind's count (patience 2): the
  /// schools improve at turns 0 and 2, the groups' single neighbourhood
  /// misses at turn 1 and leaves; the schools leave after two misses in a
  /// row (turns 3 and 4).
  @Test func anImprovementRestartsItsOwnKindsPatienceOnly() {
    var turns = NeighbourhoodTurns([schools, groups], patience: 2)
    let taken = take(&turns, count: 20, improves: { kind, turn in kind == 0 && turn < 3 })
    #expect(taken.map(\.kind) == [0, 1, 0, 0, 0])
    #expect(taken.map(\.neighbourhood) == [schools[0], groups[0], schools[1], schools[2], schools[0]])
    #expect(turns.next() == nil)
  }

  @Test func emptyKindsNeverTakeATurn() {
    var turns = NeighbourhoodTurns([[], groups, []], patience: 8)
    let taken = take(&turns, count: 5)
    #expect(taken.map(\.kind) == [1])
    var none = NeighbourhoodTurns([], patience: 8)
    #expect(none.next() == nil)
  }
}
