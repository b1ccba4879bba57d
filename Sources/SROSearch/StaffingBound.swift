import GLPKSolver
import LinearModel
import SROFormulation
import SRORoster
import SROScenario

/// A lower bound from headcount alone: at any moment an officer stands at
/// one block at most, so the blocks in progress then can have no more
/// officers between them than there are officers free to take one of them.
/// What they need beyond that is missing, and each missing officer-hour
/// costs at least the uncovered weight × the priority of the cheapest
/// block in progress that could still be short.
///
/// It is weaker than the LP relaxation (whose overlap rows say the same
/// thing officer by officer) but needs no model, so it bounds parts too
/// large to solve whole; on a short-staffed day (training that takes many
/// officers at once) it is the cost of the officers who are not there.
enum StaffingBound {
  /// The bound for the blocks of `instance`, with who may take each read
  /// from ``Instance/eligible``.
  static func bound(_ instance: Instance) -> Double {
    let blocks = instance.blocks
    let weights = instance.scenario.policy.weights
    var eligibleOfficers = [[Int]](repeating: [], count: blocks.count)
    for (o, mine) in instance.eligible.enumerated() {
      for b in mine { eligibleOfficers[b].append(o) }
    }
    var total = 0.0
    for day in Weekday.allCases {
      let today = blocks.indices.filter { blocks[$0].day == day }
      guard !today.isEmpty else { continue }
      let eligible = today.map { Set(eligibleOfficers[$0]) }
      let points = Set(today.flatMap { [instance.starts[$0], instance.ends[$0]] }).sorted()
      for (from, to) in zip(points, points.dropFirst()) {
        let inProgress = today.indices.filter {
          instance.starts[today[$0]] <= from && to <= instance.ends[today[$0]]
        }
        let needed = inProgress.reduce(0) { $0 + blocks[today[$1]].needed }
        let free = inProgress.reduce(into: Set<Int>()) { $0.formUnion(eligible[$1]) }.count
        guard needed > free else { continue }
        // The cheapest places to leave empty: one per officer needed.
        let rates = inProgress.flatMap { i in
          let block = blocks[today[i]]
          return [Double](
            repeating: weights.uncoveredCost(hours: 1, priority: block.priority), count: block.needed)
        }.sorted()
        total += rates.prefix(needed - free).reduce(0, +) * Double(to - from) / 60
      }
    }
    return total
  }
}
