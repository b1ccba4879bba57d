import SRORoster
import SROScenario

/// The rules of each officer's week (spec §4.2–4.6): one place at a time,
/// travel, hours per day, rest, hours per week.
extension RosterValidator.Run {
  /// Spec §4.2–4.6 for each officer: one place at a time, travel, hours per
  /// day, rest from one day to the next, hours per week.
  mutating func checkOfficerWeeks() {
    var blocksByOfficer = Array(repeating: [Int](), count: scenario.officers.count)
    for placement in placements { blocksByOfficer[placement.officer].append(placement.block) }
    for (officerIndex, officer) in scenario.officers.enumerated() {
      let days = Weekday.allCases.map { day in
        blocksByOfficer[officerIndex]
          .filter { validator.blocks[$0].key.day == day }
          .sorted { validator.blocks[$0].key.start < validator.blocks[$1].key.start }
      }
      for day in Weekday.allCases {
        checkDay(officer, blocks: days[day.rawValue])
        if let next = day.next {
          checkRest(officer, from: days[day.rawValue], to: days[next.rawValue])
        }
      }
      let hours = hours(of: officerIndex)
      let cap = officer.maxHoursPerWeek + officer.maxOvertimePerWeek
      if hours > cap + RosterValidator.tolerance {
        violations.append(
          "officer \(officer.id) works \(format(hours)) h this week, over maxHoursPerWeek "
            + "\(format(officer.maxHoursPerWeek)) + maxOvertimePerWeek \(format(officer.maxOvertimePerWeek))"
        )
      }
    }
  }

  /// Overlap, travel and the day's hours, for one officer's blocks of one day.
  mutating func checkDay(_ officer: Officer, blocks indices: [Int]) {
    let blocks = indices.map { validator.blocks[$0] }
    for (i, first) in blocks.enumerated() {
      for second in blocks[(i + 1)...] {
        if first.interval.overlaps(second.interval) {
          violations.append("officer \(officer.id) takes \(first.label) and \(second.label), which overlap")
          continue
        }
        guard first.school != second.school else { continue }
        let (earlier, later) = first.key.end <= second.key.start ? (first, second) : (second, first)
        let gap = later.key.start.minutes - earlier.key.end.minutes
        let travel = RosterValidator.travelMinutes(
          from: scenario.schools[earlier.school], to: scenario.schools[later.school],
          speedKmh: policy.travelSpeedKmh)
        if gap < travel {
          violations.append(
            "officer \(officer.id) has \(gap) min from \(earlier.label) to \(later.label); "
              + "the drive takes \(travel) min")
        }
      }
    }
    let hours = Double(blocks.reduce(0) { $0 + $1.minutes }) / 60
    if hours > policy.maxHoursPerDay + RosterValidator.tolerance, let day = blocks.first?.key.day {
      violations.append(
        "officer \(officer.id) works \(format(hours)) h on \(day), over maxHoursPerDay "
          + "\(format(policy.maxHoursPerDay))")
    }
  }

  /// Rest between the blocks of one day and those of the next.
  mutating func checkRest(_ officer: Officer, from today: [Int], to tomorrow: [Int]) {
    let minimum = 60 * policy.minRestHours
    for first in today.map({ validator.blocks[$0] }) {
      for second in tomorrow.map({ validator.blocks[$0] }) {
        let rest = 24 * 60 + second.key.start.minutes - first.key.end.minutes
        if Double(rest) < minimum - RosterValidator.tolerance {
          violations.append(
            "officer \(officer.id) rests \(rest) min between \(first.label) and \(second.label), "
              + "under minRestHours \(format(policy.minRestHours))")
        }
      }
    }
  }
}
