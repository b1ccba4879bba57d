import SRORoster
import SROScenario

/// The uncovered blocks as the report lists them: blocks of one school and
/// day that follow each other, miss the same number of officers and have
/// the same reason are one row.
struct GapRow: Hashable {
  var day: Weekday
  var school: SchoolID
  /// The event's id for an uncovered event.
  var event: String?
  var start: String
  var end: String
  var missing: Int
  var needed: Int
  /// Missing officer-hours of the row's blocks.
  var officerHours: Double
  /// The highest priority among the row's blocks.
  var priority: Double
  /// The missing officer-hours at that priority.
  var topPriorityHours: Double
  /// The one-line reason, when one was given.
  var reason: String?

  /// The rows of `roster`'s uncovered blocks; `reasons[i]`, when given, is
  /// the reason of `roster.uncovered[i]`.
  static func rows(of roster: Roster, scenario: Scenario, reasons: [String]?) -> [GapRow] {
    var priorities: [String: Double] = [:]
    for block in scenario.blocks() {
      priorities[
        key(
          block.school.rawValue, block.day.code, block.interval.start.description,
          block.interval.end.description, block.event?.rawValue)
      ] = block.priority
    }
    var rows: [GapRow] = []
    for (index, u) in roster.uncovered.enumerated() {
      guard let day = Weekday(code: u.day) else { continue }
      let priority = priorities[key(u.school, u.day, u.start, u.end, u.event)] ?? 1
      let hours =
        Double((TimeOfDay(parsing: u.end)?.minutes ?? 0) - (TimeOfDay(parsing: u.start)?.minutes ?? 0)) / 60
      let row = GapRow(
        day: day, school: SchoolID(u.school), event: u.event, start: u.start, end: u.end, missing: u.missing,
        needed: u.needed, officerHours: Double(u.missing) * hours, priority: priority,
        topPriorityHours: Double(u.missing) * hours,
        reason: reasons.flatMap { index < $0.count ? $0[index] : nil })
      if u.event == nil, let k = rows.lastIndex(where: { $0.continues(with: row) }) {
        rows[k].end = row.end
        rows[k].officerHours += row.officerHours
        if row.priority > rows[k].priority {
          (rows[k].priority, rows[k].topPriorityHours) = (row.priority, row.topPriorityHours)
        } else if row.priority == rows[k].priority {
          rows[k].topPriorityHours += row.topPriorityHours
        }
      } else {
        rows.append(row)
      }
    }
    return rows.sorted { ($0.day, $0.start, $0.school) < ($1.day, $1.start, $1.school) }
  }

  /// Whether `next` picks up where this coverage row ends, alike in all else.
  private func continues(with next: GapRow) -> Bool {
    event == nil && day == next.day && school == next.school && end == next.start && missing == next.missing
      && needed == next.needed && reason == next.reason
  }

  private static func key(_ school: String, _ day: String, _ start: String, _ end: String, _ event: String?)
    -> String
  {
    [school, day, start, end, event ?? ""].joined(separator: "|")
  }
}
