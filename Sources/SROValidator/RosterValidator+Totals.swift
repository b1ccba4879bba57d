import SRORoster
import SROScenario

/// The roster's totals: the `officers` list (spec §5) and the objective (§4).
extension RosterValidator.Run {
  // MARK: The officers list

  /// Spec §5: one `officers` entry per officer with the right hours and overtime.
  mutating func checkOfficerEntries() {
    var listed = Set<Int>()
    for (index, entry) in roster.officers.enumerated() {
      let path = "officers[\(index)]"
      guard let officer = validator.officerIndex[OfficerID(entry.id)] else {
        violations.append("\(path): unknown officer \"\(entry.id)\"")
        continue
      }
      guard listed.insert(officer).inserted else {
        violations.append("\(path): officer \(entry.id) is listed more than once")
        continue
      }
      let hours = hours(of: officer)
      if !(abs(entry.hours - hours) <= RosterValidator.tolerance) {
        violations.append(
          "\(path): officer \(entry.id) has hours \(format(entry.hours)); the assignments add up to "
            + "\(format(hours))")
      }
      let overtime = overtime(of: officer)
      if !(abs(entry.overtime - overtime) <= RosterValidator.tolerance) {
        violations.append(
          "\(path): officer \(entry.id) has overtime \(format(entry.overtime)); expected "
            + "\(format(overtime)) (hours over maxHoursPerWeek "
            + "\(format(scenario.officers[officer].maxHoursPerWeek)))")
      }
    }
    for (index, officer) in scenario.officers.enumerated() where !listed.contains(index) {
      violations.append("officers: no entry for officer \(officer.id)")
    }
  }

  // MARK: Objective

  /// Spec §4's objective on this roster: uncovered hours weighted by
  /// priority, overtime, and hours away from home or across agencies.
  /// Shortfalls come from the assignments, not from the `uncovered` list.
  func recomputeObjective() -> Double {
    let weights = policy.weights
    var total = 0.0
    for (index, block) in validator.blocks.enumerated() {
      let short = max(0, block.totalNeeded - assigned[index])
      total += weights.uncovered * block.priority * block.hours * Double(short)
    }
    for index in scenario.officers.indices {
      total += weights.overtime * overtime(of: index)
    }
    for placement in placements {
      let officer = scenario.officers[placement.officer]
      let block = validator.blocks[placement.block]
      let school = scenario.schools[block.school]
      var perHour = 0.0
      if let home = officer.home, home != school.id { perHour += weights.awayFromHome }
      if officer.agency != school.agency { perHour += weights.crossAgency }
      total += block.hours * perHour
    }
    return total
  }

  /// The roster's objective matches the recomputed one, and its bound is a
  /// lower bound (equal to the objective when optimal).
  mutating func checkObjective(recomputed: Double) {
    let objective = roster.objective
    let tolerance = RosterValidator.tolerance * max(1, abs(objective))
    if !(abs(recomputed - objective) <= tolerance) {
      violations.append(
        "objective is \(format(objective)); the roster's objective recomputes to \(format(recomputed))")
    }
    if roster.status == .optimal && !(abs(roster.bound - objective) <= tolerance) {
      violations.append(
        "status is optimal but bound \(format(roster.bound)) differs from objective \(format(objective))")
    }
    if roster.bound > objective + tolerance {
      violations.append(
        "bound \(format(roster.bound)) is above objective \(format(objective)) of a minimisation")
    }
  }
}
