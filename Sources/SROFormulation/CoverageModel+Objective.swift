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

  /// The multiplier that makes every objective coefficient of the full
  /// problem whole (``LinearModel/Model/integralObjectiveScale``), so
  /// that a bound on it may be rounded up to the next value its rosters
  /// can take; `nil` when there is none. On a restricted instance
  /// (``Instance/restriction``) this model's grid can be coarser than the
  /// full problem's: the pairs it leaves out have costs of their own, and
  /// an officer's overtime step comes from the blocks the model gives it.
  /// The scale then also holds for every eligible pair's cost and each
  /// officer's overtime at the step of all its eligible blocks.
  package var fullObjectiveScale: Double? {
    guard let own = model.integralObjectiveScale else { return nil }
    guard instance.restriction != nil else { return own }
    let weights = scenario.policy.weights
    var coefficients = model.objective.terms.map(\.coefficient)
    for (o, eligible) in instance.eligible.enumerated() {
      coefficients += eligible.map { instance.pairCost(officer: o, block: $0) }
      // Without a step, the full model's overtime is continuous: no grid.
      guard
        let step = Instance.overtimeStep(
          officer: scenario.officers[o], blocks: eligible.map { instance.blocks[$0] })
      else { return nil }
      coefficients.append(weights.overtimeCost(hours: step))
    }
    return Model.integralScale(of: coefficients.filter { $0 != 0 })
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
