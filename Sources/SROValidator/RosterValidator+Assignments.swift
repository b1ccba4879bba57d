import SRORoster
import SROScenario

/// The checks of the assignments: each names an officer who may take its
/// block (spec §3), every block has what it needs or says what is missing
/// (§4.1, §5).
extension RosterValidator.Run {
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
      placements.append(RosterValidator.Placement(officer: officer, block: block))
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
    let key = RosterValidator.BlockKey(
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
  mutating func checkEligibility(path: String, officer: Officer, block: RosterValidator.Block) {
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
  mutating func checkUncovered(entries: [Int], of block: RosterValidator.Block, assigned: Int, short: Int) {
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
  mutating func checkUncoveredCopies(
    entries: [Int], of block: RosterValidator.Block, assigned: Int, short: Int
  ) {
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
}
