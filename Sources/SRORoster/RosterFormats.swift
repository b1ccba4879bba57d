import Foundation
import SROScenario

extension Roster {
  /// The roster JSON of spec §5, keys in the spec's order, one assignment
  /// per line.
  public var json: String { jsonValue.document }

  var jsonValue: JSONText {
    func event(_ id: String?) -> [(String, JSONText)] { id.map { [("event", .string($0))] } ?? [] }
    return .object([
      ("scenario", .string(scenario)),
      ("week", .string(week)),
      ("status", .string(status.rawValue)),
      ("objective", .number(objective)),
      ("bound", .number(bound)),
      ("assignments", .array(assignments.map(Self.jsonValue(of:)))),
      (
        "uncovered",
        .array(
          uncovered.map { u in
            .object(
              [
                ("school", .string(u.school)), ("day", .string(u.day)), ("date", .string(u.date)),
                ("start", .string(u.start)), ("end", .string(u.end)),
                ("kind", .string(u.kind.rawValue)),
              ] + event(u.event) + [
                ("needed", .integer(u.needed)), ("assigned", .integer(u.assigned)),
                ("missing", .integer(u.missing)),
              ])
          })
      ),
      (
        "officers",
        .array(
          officers.map { o in
            .object([
              ("id", .string(o.id)), ("hours", .number(o.hours)), ("overtime", .number(o.overtime)),
            ])
          })
      ),
    ])
  }

  /// One assignment as a JSON object, keys in the spec's order.
  static func jsonValue(of a: Assignment) -> JSONText {
    .object(
      [
        ("officer", .string(a.officer)), ("school", .string(a.school)), ("day", .string(a.day)),
        ("date", .string(a.date)), ("start", .string(a.start)), ("end", .string(a.end)),
        ("kind", .string(a.kind.rawValue)),
      ] + (a.event.map { [("event", JSONText.string($0))] } ?? []))
  }

  /// One CSV row per assignment (RFC 4180), with a header row.
  public var csv: String {
    var lines = ["officer,school,day,date,start,end,hours,kind,event"]
    for a in assignments {
      let hours =
        Double(
          (TimeOfDay(parsing: a.end)?.minutes ?? 0) - (TimeOfDay(parsing: a.start)?.minutes ?? 0)) / 60
      lines.append(
        [
          a.officer, a.school, a.day, a.date, a.start, a.end, jsonNumber(hours), a.kind.rawValue,
          a.event ?? "",
        ]
        .map(csvField).joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// Reads a roster JSON (as written by ``json``).
  public static func decode(json data: Data) throws -> Roster {
    try JSONDecoder().decode(Roster.self, from: data)
  }

  /// Reads a roster JSON text named `file`: a syntax error names its line,
  /// a missing or mistyped field its path.
  public static func decode(json text: String, file: String) throws(ScenarioError) -> Roster {
    _ = try StrictJSON.parse(text, file: file)
    do {
      return try decode(json: Data(text.utf8))
    } catch let DecodingError.keyNotFound(key, context) {
      throw rosterError(file, context.codingPath + [key], "missing required field \"\(key.stringValue)\"")
    } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
      let DecodingError.dataCorrupted(context)
    {
      throw rosterError(file, context.codingPath, context.debugDescription)
    } catch {
      throw rosterError(file, [], "not a roster: \(error)")
    }
  }

  private static func rosterError(_ file: String, _ path: [any CodingKey], _ message: String) -> ScenarioError
  {
    let text = path.reduce("") { text, key in
      key.intValue.map { "\(text)[\($0)]" } ?? (text.isEmpty ? key.stringValue : "\(text).\(key.stringValue)")
    }
    return ScenarioError([Diagnostic(Origin(file: file, path: text), message)])
  }
}

extension Double {
  /// The number as rosters print it: rounded to 1e-6, whole numbers
  /// without a fraction (`4800`, `4.5`).
  public var rosterText: String { jsonNumber(self) }
}

/// A CSV field, quoted when it must be.
func csvField(_ text: String) -> String {
  guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
    return text
  }
  return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
