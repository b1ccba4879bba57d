import SROScenario

extension Roster {
  /// One roster from the rosters of a scenario's independent parts: lists
  /// in the order a single solve would give, objectives and bounds added.
  package static func merging(_ parts: [Roster], of scenario: Scenario) -> Roster {
    let dayIndex = Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0.code, $0.rawValue) })
    let assignments = parts.flatMap(\.assignments).sorted { a, b in
      (dayIndex[a.day] ?? 0, a.start, a.school, a.end, a.officer)
        < (dayIndex[b.day] ?? 0, b.start, b.school, b.end, b.officer)
    }
    let uncovered = parts.flatMap(\.uncovered).enumerated().sorted { x, y in
      let (a, b) = (x.element, y.element)
      let left = (dayIndex[a.day] ?? 0, a.start, a.end, a.school, a.event == nil ? 0 : 1, a.event ?? "")
      let right = (dayIndex[b.day] ?? 0, b.start, b.end, b.school, b.event == nil ? 0 : 1, b.event ?? "")
      return left != right ? left < right : x.offset < y.offset
    }.map(\.element)
    var hours: [String: OfficerHours] = [:]
    for entry in parts.flatMap(\.officers) { hours[entry.id] = entry }
    return Roster(
      scenario: scenario.name, week: scenario.week.description,
      status: parts.allSatisfy { $0.status == .optimal } ? .optimal : .feasible,
      objective: roundToMicro(parts.reduce(0) { $0 + $1.objective }),
      bound: roundToMicro(parts.reduce(0) { $0 + $1.bound }), assignments: assignments,
      uncovered: uncovered,
      officers: scenario.officers.map {
        hours[$0.id.rawValue] ?? OfficerHours(id: $0.id.rawValue, hours: 0, overtime: 0)
      })
  }
}
