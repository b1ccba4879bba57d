import LinearModel
import SRORoster
import SROScenario

extension CoverageModel {
  /// The roster a solution describes: taken pairs, short blocks, hours.
  public func roster(from solution: Solution) -> Roster {
    var assigned = [Int](repeating: 0, count: blocks.count)
    var hours = [Double](repeating: 0, count: scenario.officers.count)
    var entries: [(Block, Roster.Assignment)] = []
    for pair in assignments where solution[pair.variable] > 0.5 {
      let block = blocks[pair.block]
      let officer = scenario.officers[pair.officer]
      assigned[pair.block] += 1
      hours[pair.officer] += block.hours
      entries.append(
        (
          block,
          Roster.Assignment(
            officer: officer.id.rawValue, school: block.school.rawValue, day: block.day.code,
            date: scenario.date(of: block.day).description, start: block.interval.start.description,
            end: block.interval.end.description, kind: block.kind, event: block.event?.rawValue)
        ))
    }
    entries.sort { lhs, rhs in
      let (a, b) = (lhs.0, rhs.0)
      if a.day != b.day { return a.day < b.day }
      if a.interval.start != b.interval.start { return a.interval.start < b.interval.start }
      if a.school != b.school { return a.school < b.school }
      if a.interval.end != b.interval.end { return a.interval.end < b.interval.end }
      return lhs.1.officer < rhs.1.officer
    }
    let uncovered = blocks.indices.filter { assigned[$0] < blocks[$0].needed }.map { b in
      let block = blocks[b]
      return Roster.Uncovered(
        school: block.school.rawValue, day: block.day.code,
        date: scenario.date(of: block.day).description, start: block.interval.start.description,
        end: block.interval.end.description, kind: block.kind, event: block.event?.rawValue,
        needed: block.needed, assigned: assigned[b], missing: block.needed - assigned[b])
    }
    let officers = scenario.officers.enumerated().map { o, officer in
      Roster.OfficerHours(
        id: officer.id.rawValue, hours: hours[o],
        overtime: instance.rules.overtime(hours[o], of: officer))
    }
    // The roster reports the spec's objective; a re-planning run's change
    // penalty is reported apart (``changePenalty(of:)``).
    let penalty = changePenalty(of: solution)
    // When a limit stopped the search, `ot` may exceed the real overtime;
    // the roster's objective counts the real overtime (spec §5).
    let overtimeSlack = officers.indices.reduce(0.0) { sum, o in
      let modelled = solution[overtime[o]] * overtimeStep[o]
      return sum + scenario.policy.weights.overtimeCost(hours: max(0, modelled - officers[o].overtime))
    }
    let objective = roundToMicro((solution.objective ?? 0) - penalty - overtimeSlack)
    // Optimal when GLPK proved it, or when the real cost with its change
    // penalty (the model's objective without the slack overtime) meets the
    // bound on that objective: the search's value, counting the slack, may
    // not have.
    let proven =
      solution.status == .optimal || roundToMicro(objective + penalty) <= roundToMicro(solution.bound ?? 0)
    // Without a node bound from GLPK, 0 is still a bound: no term is
    // negative. A re-planning bound covers objective + change penalty, so
    // the largest penalty any roster could pay comes off it.
    let bound =
      proven ? objective : roundToMicro(max(0, min(objective, (solution.bound ?? 0) - maximumChangePenalty)))
    return Roster(
      scenario: scenario.name, week: scenario.week.description,
      status: proven ? .optimal : .feasible, objective: objective,
      bound: bound, assignments: entries.map(\.1), uncovered: uncovered, officers: officers)
  }

  /// The pairs `solution` takes, in ``assignments`` order.
  package func pairs(in solution: Solution) -> [PinCheck.Pair] {
    assignments.filter { solution[$0.variable] > 0.5 }.map {
      PinCheck.Pair(officer: $0.officer, block: $0.block)
    }
  }

  /// The solution that takes `pairs` (and no other): each block short by
  /// what it misses, overtime in whole steps (``overtimeValue(officer:hours:)``).
  /// `nil` when a pair has no variable in this model, comes twice, or
  /// gives a block more officers than it needs.
  package func solution(taking pairs: [PinCheck.Pair]) -> Solution? {
    var variable: [PinCheck.Pair: Variable] = [:]
    for pair in assignments {
      variable[PinCheck.Pair(officer: pair.officer, block: pair.block)] = pair.variable
    }
    var values = [Double](repeating: 0, count: model.variables.count)
    var assigned = [Int](repeating: 0, count: blocks.count)
    var hours = [Double](repeating: 0, count: scenario.officers.count)
    for pair in pairs {
      guard let x = variable[pair], values[x.index] == 0, assigned[pair.block] < blocks[pair.block].needed
      else { return nil }
      values[x.index] = 1
      assigned[pair.block] += 1
      hours[pair.officer] += blocks[pair.block].hours
    }
    for (b, short) in shortages.enumerated() {
      values[short.index] = Double(blocks[b].needed - assigned[b])
    }
    for o in scenario.officers.indices {
      values[overtime[o].index] = overtimeValue(officer: o, hours: hours[o])
    }
    return Solution(
      status: .feasible, objective: model.objective.evaluate { values[$0.index] }, bound: nil,
      values: values, solveTime: .zero)
  }

  /// The change penalty of a roster that drops every published assignment.
  package var maximumChangePenalty: Double { changeTerms.reduce(0) { $0 + $1.penalty } }

  /// Σ change weight × hours over the published assignments the solution drops.
  public func changePenalty(of solution: Solution) -> Double {
    changeTerms.reduce(0) { $0 + $1.penalty * (1 - solution[$1.variable]) }
  }
}
