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
      return sum + scenario.policy.weights.overtime * max(0, modelled - officers[o].overtime)
    }
    let objective = roundToMicro((solution.objective ?? 0) - penalty - overtimeSlack)
    // Without a node bound from GLPK, 0 is still a bound: no term is
    // negative. A re-planning bound covers objective + change penalty, so
    // the largest penalty any roster could pay comes off it.
    let bound =
      solution.status == .optimal
      ? objective : roundToMicro(max(0, min(objective, (solution.bound ?? 0) - maximumChangePenalty)))
    return Roster(
      scenario: scenario.name, week: scenario.week.description,
      status: solution.status == .optimal ? .optimal : .feasible, objective: objective,
      bound: bound, assignments: entries.map(\.1), uncovered: uncovered, officers: officers)
  }

  /// The solution `roster` describes: each assignment's pair taken, each
  /// block short by what it misses, overtime in whole steps. An assignment
  /// goes to the first copy of its block (same school, day, times and
  /// event) that has its pair, does not have the officer yet and still
  /// needs someone, a copy where the pair is pinned first. `nil` when some assignment finds no such copy (another
  /// part's, or a block this model does not have).
  package func solution(of roster: Roster) -> Solution? {
    var copies: [BlockKey: [Int]] = [:]
    for (b, block) in blocks.enumerated() { copies[BlockKey(block), default: []].append(b) }
    let officerIndex = Dictionary(
      uniqueKeysWithValues: scenario.officers.enumerated().map { ($1.id.rawValue, $0) })
    var variable: [PinCheck.Pair: Variable] = [:]
    for pair in assignments {
      variable[PinCheck.Pair(officer: pair.officer, block: pair.block)] = pair.variable
    }
    var values = [Double](repeating: 0, count: model.variables.count)
    var assigned = [Int](repeating: 0, count: blocks.count)
    var hours = [Double](repeating: 0, count: scenario.officers.count)
    for assignment in roster.assignments {
      guard let o = officerIndex[assignment.officer],
        let (b, x) = copies[BlockKey(assignment)]?.compactMap({ b in
          variable[PinCheck.Pair(officer: o, block: b)].map { (b, $0) }
        }).sorted(by: { model[$0.1].lowerBound > model[$1.1].lowerBound })  // pinned copies first
          .first(where: { b, x in values[x.index] == 0 && assigned[b] < self.blocks[b].needed })
      else { return nil }
      values[x.index] = 1
      assigned[b] += 1
      hours[o] += blocks[b].hours
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
