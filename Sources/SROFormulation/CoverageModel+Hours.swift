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
