import LinearModel
import SROScenario

extension CoverageModel {
  /// §4.4 `day[officer,DAY]`: the officer's hours on `day` within
  /// `maxHoursPerDay`; in the tight formulation only when the day's blocks
  /// could exceed it.
  mutating func addDayRow(_ officer: Officer, _ day: Weekday, _ today: [(block: Int, variable: Variable)]) {
    let hours = today.map { (blocks[$0.block].hours, $0.variable) }
    let limit = scenario.policy.maxHoursPerDay
    guard formulation.rows == .plain || hours.reduce(0, { $0 + $1.0 }) > limit else { return }
    addRow(
      LinearExpression(terms: hours.map { ($0.1, $0.0) }) <= limit, .day, [officer.id.rawValue, day.code])
  }

  /// `long[officer,…]`, tight formulation only: §4.4 again, as cliques.
  /// Two blocks of one day whose hours together exceed `maxHoursPerDay`
  /// (``Rules/withinDay(_:)``) are never both taken, and the day row alone
  /// lets the LP cheat on that: a 9.25-hour school day plus a sixth of a
  /// 4.5-hour evening game fits a 10-hour day. A block of at most half the
  /// limit rules out every block longer than the limit less its hours
  /// (each of those is longer than half the limit, so any two of them
  /// exceed it as well). The shorter blocks that rule out exactly the same
  /// longer ones, cut into runs that share a moment (never both taken
  /// either), make one row with them, named after the run's first block
  /// (by start). One more row, named after the day, holds the blocks
  /// longer than half the limit when no row of the first kind holds them
  /// all. A clique whose blocks all share a moment is left out: an
  /// `overlap` row holds it already.
  mutating func addLongBlockRows(
    _ officer: Officer, _ day: Weekday, _ today: [(block: Int, variable: Variable)]
  ) {
    guard formulation.rows == .tight else { return }
    let rules = instance.rules
    func hours(_ candidate: (block: Int, variable: Variable)) -> Double { blocks[candidate.block].hours }
    // Longer than half the limit: a block twice over would not fit the day.
    let long = today.filter { !rules.withinDay(2 * hours($0)) }
    guard !long.isEmpty else { return }
    var runsByPartners: [[Int]: [(block: Int, variable: Variable)]] = [:]
    var partnerSets: [[Int]] = []
    for shorter in today where rules.withinDay(2 * hours(shorter)) {
      let partners = long.indices.filter { !rules.withinDay(hours(long[$0]) + hours(shorter)) }
      guard !partners.isEmpty else { continue }
      if runsByPartners[partners] == nil { partnerSets.append(partners) }
      runsByPartners[partners, default: []].append(shorter)
    }
    for partners in partnerSets {
      let sorted = runsByPartners[partners, default: []].sorted {
        blocks[$0.block].interval.start < blocks[$1.block].interval.start
      }
      for run in overlappingGroups(sorted) {
        addCliqueRow(run + partners.map { long[$0] }, [officer.id.rawValue] + blocks[run[0].block].label)
      }
    }
    if !partnerSets.contains(where: { $0.count == long.count }), long.count >= 2 {
      addCliqueRow(long, [officer.id.rawValue, day.code, "over-half"])
    }
  }

  /// A `long` row, at most one of `clique`, unless its blocks all share a
  /// moment.
  private mutating func addCliqueRow(_ clique: [(block: Int, variable: Variable)], _ index: [String]) {
    let intervals = clique.map { blocks[$0.block].interval }
    guard let latestStart = intervals.map(\.start).max(), let earliestEnd = intervals.map(\.end).min(),
      latestStart >= earliestEnd
    else { return }
    addRow(LinearExpression.sum(clique.map(\.variable)) <= 1, .long, index)
  }

  /// §4.6 `week[officer]`: `Σ hours × x − step × ot ≤ maxHoursPerWeek`, the
  /// overtime counted in steps; in the tight formulation only when the
  /// officer's blocks could exceed the cap.
  mutating func addWeekRow(_ o: Int, _ mine: [(block: Int, variable: Variable)]) {
    let officer = scenario.officers[o]
    let week = mine.map { (blocks[$0.block].hours, $0.variable) }
    guard formulation.rows == .plain || week.reduce(0, { $0 + $1.0 }) > officer.maxHoursPerWeek else {
      return
    }
    addRow(
      LinearExpression(terms: week.map { ($0.1, $0.0) }) - overtimeStep[o] * overtime[o]
        <= officer.maxHoursPerWeek, .week, [officer.id.rawValue])
  }

  /// The value of `ot[o]` when officer `o` works `hours` in the week: the
  /// overtime (``Rules/overtime(_:of:)``) in whole steps of
  /// ``overtimeStep``, rounded up, or as is when `ot` is continuous.
  package func overtimeValue(officer o: Int, hours: Double) -> Double {
    let steps = instance.rules.overtime(hours, of: scenario.officers[o]) / overtimeStep[o]
    return model[overtime[o]].kind == .continuous ? steps : (steps - 1e-9).rounded(.up)
  }
}
