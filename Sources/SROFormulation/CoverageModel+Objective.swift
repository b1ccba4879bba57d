import LinearModel
import SROScenario

extension CoverageModel {
  /// The objective of spec §4, minimised: each pair's cost
  /// (``Instance/pairCost(officer:block:)``), and when re-planning the
  /// change penalty; each missing officer-hour weighted by its block's
  /// priority; each overtime step.
  mutating func objective() -> LinearExpression {
    let weights = scenario.policy.weights
    var objective = LinearExpression()
    for pair in assignments {
      let costPerHour = instance.pairCostPerHour(officer: pair.officer, block: pair.block)
      if costPerHour != 0 {
        objective.add(pair.variable, coefficient: costPerHour * blocks[pair.block].hours)
      }
      addChangePenalty(pair, to: &objective)
    }
    for (b, block) in blocks.enumerated() {
      objective.add(
        shortages[b], coefficient: weights.uncoveredCost(hours: block.hours, priority: block.priority))
    }
    for (o, ot) in overtime.enumerated() {
      objective.add(ot, coefficient: weights.overtimeCost(hours: overtimeStep[o]))
    }
    return objective
  }

  /// The change penalty of re-planning: change weight × hours × (1 − x) for
  /// a published pair, that is a constant and a reward for keeping `x`.
  private mutating func addChangePenalty(_ pair: Assignment, to objective: inout LinearExpression) {
    guard let publishedMatch,
      publishedMatch.contains(officer: scenario.officers[pair.officer].id, block: pair.block)
    else { return }
    let penalty = publishedMatch.changeWeight * blocks[pair.block].hours
    objective.add(pair.variable, coefficient: -penalty)
    objective += LinearExpression(constant: penalty)
    changeTerms.append((pair.variable, penalty))
  }
}
