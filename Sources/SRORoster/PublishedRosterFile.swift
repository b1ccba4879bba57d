import SROScenario

/// Reads the published roster of `sro solve --keep` and checks it against
/// the scenario it is re-planned for, with messages like a scenario's
/// (file, line, field path, a suggestion): strict JSON; the same scenario
/// and week; every assignment with a known day, a date that is that day
/// of the week, valid times with start before end, a known kind (an event
/// id exactly for events); no assignment twice.
///
/// Officers, schools and events the scenario no longer has are accepted:
/// a what-if may remove them, and the re-plan then reports those
/// assignments as forced changes.
public enum PublishedRosterFile {
  /// The published assignments in `text` (named `file` in messages).
  public static func read(_ text: String, file: String, for scenario: Scenario) throws(ScenarioError)
    -> [Roster.Assignment]
  {
    let root = try StrictJSON.parse(text, file: file)
    var reader = NodeReader()
    guard root.entries != nil else {
      throw ScenarioError([
        Diagnostic(root.origin, "expected a roster (a JSON object), found \(root.typeName)")
      ])
    }
    let name = required(root, "scenario", &reader).flatMap { reader.string($0) }
    let week = required(root, "week", &reader)
    if let name, name != scenario.name {
      reader.report(
        root["scenario"]!,
        "this roster is for scenario \"\(name)\", not \"\(scenario.name)\"; re-plan a roster of the same scenario"
      )
    }
    var sameWeek = true
    if let week, let text = reader.string(week), text != scenario.week.description {
      reader.report(
        week,
        "this roster is for the week of \(text), not \(scenario.week); re-plan a roster of the same week")
      sameWeek = false
    }
    var assignments: [Roster.Assignment] = []
    var seen: [Roster.Assignment: String] = [:]
    for item in required(root, "assignments", &reader).flatMap({ reader.list($0) }) ?? [] {
      guard let assignment = self.assignment(item, week: sameWeek ? scenario.week : nil, &reader) else {
        continue
      }
      if let first = seen[assignment] {
        reader.report(item, "the same assignment as \(first)")
        continue
      }
      seen[assignment] = item.origin.path
      assignments.append(assignment)
    }
    guard reader.diagnostics.isEmpty else { throw ScenarioError(inFileOrder: reader.diagnostics) }
    return assignments
  }

  private static func required(_ node: SourceNode, _ key: String, _ reader: inout NodeReader) -> SourceNode? {
    if let value = node[key] { return value }
    var origin = node.origin
    origin.path = origin.appending(key: key)
    reader.report(origin, "missing required field \"\(key)\"")
    return nil
  }

  /// One assignment; its date is checked against `week` when given.
  private static func assignment(_ item: SourceNode, week: CivilDate?, _ reader: inout NodeReader)
    -> Roster.Assignment?
  {
    guard item.entries != nil else {
      reader.report(item, "expected an assignment (an object), found \(item.typeName)")
      return nil
    }
    let keys = ["officer", "school", "day", "date", "start", "end", "kind"]
    let given = keys.map { key in required(item, key, &reader).flatMap { reader.id($0) } }
    let texts = given.compactMap { $0 }
    guard texts.count == keys.count else { return nil }
    let (officer, school, dayText, date, kindText) = (texts[0], texts[1], texts[2], texts[3], texts[6])
    var ok = true
    let day = Weekday(code: dayText)
    if day == nil {
      let hint = suggestion(for: dayText, among: Weekday.allCases.map(\.code))
      reader.report(item["day"]!, "unknown day \"\(dayText)\"\(hint)")
      ok = false
    } else if let day, let week, date != week.adding(days: day.rawValue).description {
      reader.report(
        item["date"]!, "\(dayText) of the week of \(week) is \(week.adding(days: day.rawValue)), not \(date)")
      ok = false
    }
    let fields = ["start": item["start"]!, "end": item["end"]!]
    guard let interval = reader.interval(fields, in: item) else { return nil }
    let kind = Roster.Kind(rawValue: kindText)
    if kind == nil {
      reader.report(item["kind"]!, "kind must be coverage or event, not \"\(kindText)\"")
      ok = false
    }
    let event = item["event"].flatMap { reader.id($0) }
    if kind == .event, event == nil, item["event"] == nil {
      reader.report(item, "an event assignment names its \"event\"")
      ok = false
    } else if kind == .coverage, let node = item["event"] {
      reader.report(node, "a coverage assignment names no event")
      ok = false
    }
    guard ok, let kind else { return nil }
    return Roster.Assignment(
      officer: officer, school: school, day: dayText, date: date, start: interval.start.description,
      end: interval.end.description, kind: kind, event: event)
  }
}
