import SRORoster
import SROScenario

// The checks of one `validate` call, in the order their violations are listed.

extension RosterValidator {
  /// One officer taking one block, from an assignment that named both.
  struct Placement: Sendable {
    /// Index into `scenario.officers`.
    var officer: Int
    /// Index into `blocks`.
    var block: Int
  }

  /// The state of one `validate` call.
  struct Run {
    let validator: RosterValidator
    let roster: Roster
    var violations: [String] = []
    /// Assignments naming a known officer and block, each pair once, in roster order.
    var placements: [Placement] = []
    /// Officers placed on each block.
    var assigned: [Int]
    /// Minutes of blocks taken by each officer over the week.
    var minutesByOfficer: [Int]

    init(validator: RosterValidator, roster: Roster) {
      self.validator = validator
      self.roster = roster
      assigned = Array(repeating: 0, count: validator.blocks.count)
      minutesByOfficer = Array(repeating: 0, count: validator.scenario.officers.count)
    }

    var scenario: Scenario { validator.scenario }
    var policy: Policy { validator.scenario.policy }

    /// `officer`'s hours over the week.
    func hours(of officer: Int) -> Double { Double(minutesByOfficer[officer]) / 60 }

    /// `max(0, hours − maxHoursPerWeek)`.
    func overtime(of officer: Int) -> Double {
      max(0, hours(of: officer) - scenario.officers[officer].maxHoursPerWeek)
    }

    // MARK: Header

    /// `scenario` and `week` name this scenario; `objective` and `bound` are numbers.
    mutating func checkHeader() {
      if roster.scenario != scenario.name {
        violations.append("scenario is \"\(roster.scenario)\", expected \"\(scenario.name)\"")
      }
      if roster.week != scenario.week.description {
        violations.append("week is \"\(roster.week)\", expected \"\(scenario.week)\"")
      }
      if !roster.objective.isFinite {
        violations.append("objective is \(roster.objective), not a finite number")
      }
      if !roster.bound.isFinite {
        violations.append("bound is \(roster.bound), not a finite number")
      }
    }

    // MARK: Assignments

    /// Resolves each assignment to an officer and a block and checks that the
    /// officer may take the block (spec §3).
    mutating func matchAssignments() {
      var seen = Set<[Int]>()
      for (index, assignment) in roster.assignments.enumerated() {
        let path = "assignments[\(index)]"
        let officer = validator.officerIndex[OfficerID(assignment.officer)]
        if officer == nil {
          violations.append("\(path): unknown officer \"\(assignment.officer)\"")
        }
        let block = locate(
          path: path, school: assignment.school, day: assignment.day, date: assignment.date,
          start: assignment.start, end: assignment.end, kind: assignment.kind, event: assignment.event)
        guard let officer, let block else { continue }
        let label = validator.blocks[block].label
        guard seen.insert([officer, block]).inserted else {
          violations.append("\(path): officer \(assignment.officer) is assigned to \(label) more than once")
          continue
        }
        placements.append(Placement(officer: officer, block: block))
        assigned[block] += 1
        minutesByOfficer[officer] += validator.blocks[block].minutes
        checkEligibility(path: path, officer: scenario.officers[officer], block: validator.blocks[block])
      }
    }

    /// The block a roster entry names, reporting what is wrong with the entry
    /// when it names none. A wrong `date` is reported but does not stop the match.
    mutating func locate(
      path: String, school: String, day: String, date: String, start: String, end: String,
      kind: Roster.Kind, event: String?
    ) -> Int? {
      guard let weekday = Weekday(code: day) else {
        violations.append("\(path): unknown day \"\(day)\"")
        return nil
      }
      let expectedDate = scenario.date(of: weekday).description
      if date != expectedDate {
        violations.append(
          "\(path): date \(date) is not the \(day) of the week of \(scenario.week) (\(expectedDate))")
      }
      guard let startTime = TimeOfDay(parsing: start), let endTime = TimeOfDay(parsing: end) else {
        violations.append("\(path): times \"\(start)\"-\"\(end)\" are not HH:MM")
        return nil
      }
      guard validator.schoolIndex[SchoolID(school)] != nil else {
        violations.append("\(path): unknown school \"\(school)\"")
        return nil
      }
      let key = BlockKey(
        school: SchoolID(school), day: weekday, start: startTime, end: endTime, kind: kind,
        event: event.map { EventID($0) })
      guard let block = validator.blockIndex[key] else {
        let label = RosterValidator.label(school: school, day: day, start: start, end: end, event: event)
        violations.append("\(path): no \(kind.rawValue) block \(label) in this scenario")
        return nil
      }
      return block
    }

    /// Spec §3: not absent, has every skill, and of the school's agency under `forbid`.
    mutating func checkEligibility(path: String, officer: Officer, block: Block) {
      let id = officer.id.rawValue
      if let absence = scenario.absences.first(where: {
        $0.officer == officer.id && $0.days.contains(block.key.day) && $0.interval.overlaps(block.interval)
      }) {
        let reason = absence.reason.map { " (\($0))" } ?? ""
        let when =
          absence.interval == .wholeDay
          ? "all day" : "\(absence.interval.start)-\(absence.interval.end)"
        violations.append(
          "\(path): officer \(id) is absent on \(block.key.day) \(when)\(reason) and cannot take \(block.label)"
        )
      }
      let missing = block.skills.filter { !officer.skills.contains($0) }
      if !missing.isEmpty {
        violations.append(
          "\(path): officer \(id) lacks \(missing.joined(separator: ", ")) required by \(block.label)")
      }
      let school = scenario.schools[block.school]
      if policy.crossAgency == .forbid && officer.agency != school.agency {
        violations.append(
          "\(path): officer \(id) of \(officer.agency) may not cover \(school.id) (responsible agency "
            + "\(school.agency)) under crossAgency: forbid")
      }
    }

    // MARK: Cover

    /// Spec §4.1: never more officers than a block needs.
    mutating func checkCover() {
      for (index, block) in validator.blocks.enumerated() where assigned[index] > block.totalNeeded {
        violations.append(
          "\(block.label) has \(assigned[index]) officers but needs \(block.totalNeeded)")
      }
    }

    /// Spec §5: one `uncovered` entry per block short of officers, with the
    /// right counts, and no other.
    mutating func checkUncovered() {
      var entriesByBlock: [Int: [Int]] = [:]
      for (index, entry) in roster.uncovered.enumerated() {
        let path = "uncovered[\(index)]"
        guard
          let block = locate(
            path: path, school: entry.school, day: entry.day, date: entry.date, start: entry.start,
            end: entry.end, kind: entry.kind, event: entry.event)
        else { continue }
        entriesByBlock[block, default: []].append(index)
      }
      for (index, block) in validator.blocks.enumerated() {
        let entries = entriesByBlock[index] ?? []
        let short = max(0, block.totalNeeded - assigned[index])
        if block.neededPerCopy.count == 1 {
          checkUncovered(entries: entries, of: block, assigned: assigned[index], short: short)
        } else {
          checkUncoveredCopies(entries: entries, of: block, assigned: assigned[index], short: short)
        }
      }
    }

    /// The usual case: the key names exactly one model block.
    mutating func checkUncovered(entries: [Int], of block: Block, assigned: Int, short: Int) {
      let counts = "\(assigned) of \(block.totalNeeded) assigned"
      guard let first = entries.first else {
        if short > 0 {
          violations.append("\(block.label) is short by \(short) (\(counts)) but has no uncovered entry")
        }
        return
      }
      for extra in entries.dropFirst() {
        violations.append("uncovered[\(extra)]: \(block.label) is listed more than once")
      }
      let entry = roster.uncovered[first]
      if short == 0 {
        violations.append("uncovered[\(first)]: \(block.label) is not short (\(counts))")
      } else if entry.needed != block.totalNeeded || entry.assigned != assigned || entry.missing != short {
        violations.append(
          "uncovered[\(first)]: \(block.label) has needed \(entry.needed), assigned \(entry.assigned), "
            + "missing \(entry.missing); expected \(block.totalNeeded), \(assigned), \(short)")
      }
    }

    /// Overlapping coverage windows: several model blocks share the key, so
    /// the entries must fit some split of the assigned officers among them.
    mutating func checkUncoveredCopies(entries: [Int], of block: Block, assigned: Int, short: Int) {
      var unmatched = block.neededPerCopy
      var reported = 0
      for index in entries {
        let entry = roster.uncovered[index]
        if let copy = unmatched.firstIndex(of: entry.needed) {
          unmatched.remove(at: copy)
        } else {
          violations.append(
            "uncovered[\(index)]: no block \(block.label) needing \(entry.needed) is left to list")
        }
        if entry.assigned < 0 || entry.missing <= 0 || entry.missing != entry.needed - entry.assigned {
          violations.append(
            "uncovered[\(index)]: \(block.label) has needed \(entry.needed), assigned \(entry.assigned), "
              + "missing \(entry.missing), which do not add up")
        }
        reported += entry.missing
      }
      if reported != short {
        violations.append(
          "\(block.label) is short by \(short) (\(assigned) of \(block.totalNeeded) assigned) "
            + "but its uncovered entries list \(reported) missing")
      }
    }

    // MARK: Officers' weeks

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

  /// A number for a message: `40`, not `40.0`; `4.5` as is.
  static func format(_ value: Double) -> String {
    if value.isFinite && value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
  }
}

extension RosterValidator.Run {
  func format(_ value: Double) -> String { RosterValidator.format(value) }
}
