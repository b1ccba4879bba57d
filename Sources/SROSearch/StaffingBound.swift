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
  /// The bound for `blocks` of `scenario`.
  static func bound(_ scenario: Scenario, blocks: [Block], rules: Rules) -> Double {
    let uncoveredWeight = scenario.policy.weights.uncovered
    var total = 0.0
    for day in Weekday.allCases {
      let today = blocks.filter { $0.day == day }
      guard !today.isEmpty else { continue }
      let eligible = today.map { block in
        Set(scenario.officers.indices.filter { rules.isEligible(scenario.officers[$0], for: block) })
      }
      let points = Set(today.flatMap { [$0.interval.start.minutes, $0.interval.end.minutes] }).sorted()
      for (from, to) in zip(points, points.dropFirst()) {
        let inProgress = today.indices.filter {
          today[$0].interval.start.minutes <= from && to <= today[$0].interval.end.minutes
        }
        let needed = inProgress.reduce(0) { $0 + today[$1].needed }
        let free = inProgress.reduce(into: Set<Int>()) { $0.formUnion(eligible[$1]) }.count
        guard needed > free else { continue }
        // The cheapest places to leave empty: one per officer needed.
        let rates = inProgress.flatMap { b in
          [Double](repeating: uncoveredWeight * today[b].priority, count: today[b].needed)
        }.sorted()
        total += rates.prefix(needed - free).reduce(0, +) * Double(to - from) / 60
      }
    }
    return total
  }
}
