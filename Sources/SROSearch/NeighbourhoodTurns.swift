/// Which neighbourhood a round of ``ReStaffing`` searches next, when it
/// takes several kinds of neighbourhood (schools two and three at a
/// time, a short block's officers, a costly officer's group) in turn:
/// each kind goes round its own list, the kind whose searches have taken
/// least time so far next (the first listed among equals; so, as every
/// search takes some time, each kind's first search comes before any
/// kind's second), until each has had `patience` searches in a row (or
/// each of its neighbourhoods once, if fewer) bring nothing.
struct NeighbourhoodTurns {
  /// One kind of neighbourhood: its list, the next to search, and how it
  /// has fared.
  private struct Kind {
    let neighbourhoods: [ReStaffing.Neighbourhood]
    var next = 0
    /// Searches in a row that brought nothing.
    var sinceImprovement = 0
    /// Time its searches have taken so far.
    var time = Duration.zero
  }

  private var kinds: [Kind]
  private let patience: Int

  /// Turns over `kinds` (each a list of neighbourhoods; empty ones never
  /// take a turn), each leaving after `patience` searches in a row bring
  /// nothing.
  init(_ kinds: [[ReStaffing.Neighbourhood]], patience: Int) {
    self.kinds = kinds.map { Kind(neighbourhoods: $0) }
    self.patience = patience
  }

  /// Whether `kind` still takes turns.
  private func isActive(_ kind: Int) -> Bool {
    let k = kinds[kind]
    return k.sinceImprovement < min(k.neighbourhoods.count, patience)
  }

  /// The next neighbourhood to search and its kind (by index in the
  /// list given), or `nil` once no kind takes turns.
  mutating func next() -> (kind: Int, neighbourhood: ReStaffing.Neighbourhood)? {
    guard
      let k = kinds.indices.filter(isActive).min(by: { (kinds[$0].time, $0) < (kinds[$1].time, $1) })
    else { return nil }
    let neighbourhood = kinds[k].neighbourhoods[kinds[k].next]
    kinds[k].next = (kinds[k].next + 1) % kinds[k].neighbourhoods.count
    return (k, neighbourhood)
  }

  /// Records the search of a neighbourhood of `kind`: how long it took,
  /// and whether it improved the roster.
  mutating func record(_ kind: Int, took: Duration, improved: Bool) {
    kinds[kind].time += took
    kinds[kind].sinceImprovement = improved ? 0 : kinds[kind].sinceImprovement + 1
  }
}
