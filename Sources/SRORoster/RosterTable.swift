import SROScenario

/// The roster as a readable weekly grid: schools down, days across, the
/// officers working at each school on each day in the cells, and short
/// blocks marked; then events, each officer's hours, and a summary line.
public struct RosterTable: Sendable {
  public let scenario: Scenario
  public let roster: Roster

  public init(scenario: Scenario, roster: Roster) {
    self.scenario = scenario
    self.roster = roster
  }

  public var text: String {
    let statistics = RosterStatistics(scenario: scenario, roster: roster)
    let days = Weekday.allCases.filter { day in
      day.rawValue < 5 || roster.assignments.contains { $0.day == day.code }
        || roster.uncovered.contains { $0.day == day.code }
    }
    var out = "\(roster.scenario.isEmpty ? "Roster" : roster.scenario) — week of \(roster.week)\n"
    out += "status \(roster.status.rawValue), objective \(jsonNumber(roster.objective))"
    if roster.status != .optimal { out += ", bound \(jsonNumber(roster.bound))" }
    out += "\nquality: \(roster.quality)\n\n"

    // The grid: regular coverage only; events are listed below.
    var rows: [[String]] = [["school"] + days.map(\.code)]
    for school in scenario.schools {
      var row = [school.id.rawValue]
      for day in days {
        let closed = scenario.closures.contains {
          ($0.school == nil || $0.school == school.id) && $0.days.contains(day)
        }
        var officers: [String] = []
        for a in roster.assignments
        where a.school == school.id.rawValue && a.day == day.code && a.kind == .coverage
          && !officers.contains(a.officer)
        {
          officers.append(a.officer)
        }
        let short = roster.uncovered.filter {
          $0.school == school.id.rawValue && $0.day == day.code && $0.kind == .coverage
        }
        var cell = officers.joined(separator: " ")
        if !short.isEmpty {
          let hours = short.reduce(0.0) { $0 + Double($1.missing) * Self.hours($1.start, $1.end) }
          cell += (cell.isEmpty ? "" : " ") + "!\(jsonNumber(hours))h short"
        }
        if cell.isEmpty { cell = closed ? "closed" : "·" }
        row.append(cell)
      }
      rows.append(row)
    }
    out += Self.grid(rows)

    if scenario.events.contains(where: { $0.officers > 0 }) {
      out += "\nevents\n"
      for event in scenario.events where event.officers > 0 {
        let officers = roster.assignments.filter { $0.event == event.id.rawValue }.map(\.officer)
        let missing = roster.uncovered.first { $0.event == event.id.rawValue }?.missing ?? 0
        out += "  \(event.day.code) \(event.start)-\(event.end) \(event.id) at \(event.school): "
        out += officers.isEmpty ? "nobody" : officers.joined(separator: " ")
        if missing > 0 { out += "  !\(missing) missing" }
        out += "\n"
      }
    }

    var hours: [[String]] = [["officer", "agency", "home", "hours", "overtime"]]
    for (officer, entry) in zip(scenario.officers, roster.officers) {
      hours.append([
        officer.id.rawValue, officer.agency.rawValue, officer.home?.rawValue ?? "(relief)",
        jsonNumber(entry.hours), jsonNumber(entry.overtime),
      ])
    }
    out += "\n" + Self.grid(hours)

    let percent = jsonNumber((statistics.overall.fraction * 1000).rounded() / 10)
    let byPriority = statistics.uncoveredHoursByPriority.map {
      "\(jsonNumber($0.hours)) h at priority \(jsonNumber($0.priority))"
    }
    out += "\ncoverage \(percent)%"
    out += "; uncovered " + (byPriority.isEmpty ? "none" : byPriority.joined(separator: ", "))
    out += "; overtime \(jsonNumber(statistics.overtimeHours)) h\n"
    return out
  }

  private static func hours(_ start: String, _ end: String) -> Double {
    Double((TimeOfDay(parsing: end)?.minutes ?? 0) - (TimeOfDay(parsing: start)?.minutes ?? 0)) / 60
  }

  /// Left-aligned columns separated by two spaces.
  package static func grid(_ rows: [[String]]) -> String {
    let widths = rows.reduce(into: [Int]()) { widths, row in
      for (i, cell) in row.enumerated() {
        if i < widths.count { widths[i] = max(widths[i], cell.count) } else { widths.append(cell.count) }
      }
    }
    return rows.map { row in
      row.enumerated().map { i, cell in
        i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
      }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
  }
}
