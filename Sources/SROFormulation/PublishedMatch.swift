import LinearModel
import SRORoster
import SROScenario

/// The published assignments matched to this scenario's officers and blocks.
package struct PublishedMatch {
  package let changeWeight: Double
  private let pairs: Set<Pair>

  private struct Pair: Hashable {
    let officer: OfficerID
    let block: Int
  }

  package init(scenario: Scenario, blocks: [Block], published: PublishedRoster) {
    changeWeight = published.changeWeight
    var index: [BlockKey: Int] = [:]
    for (b, block) in blocks.enumerated() { index[BlockKey(block)] = b }
    pairs = Set(
      published.assignments.compactMap { a in
        index[BlockKey(a)].map { Pair(officer: OfficerID(a.officer), block: $0) }
      })
  }

  package func contains(officer: OfficerID, block: Int) -> Bool {
    pairs.contains(Pair(officer: officer, block: block))
  }
}
