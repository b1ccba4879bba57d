import Foundation
import SROTestSupport
import Testing

@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch

/// Files that are not UTF-8 text, or not files at all, and `.json` files
/// that are not strict JSON: each refused with the reason and the line.
struct InputFileTests {
  /// The problems loading a file with `bytes` under `name` is refused with.
  private func problems(_ bytes: [UInt8], name: String = "week.yaml") throws -> [String] {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return problems(at: path).map { $0.replacingOccurrences(of: path, with: name) }
  }

  private func problems(at path: String) -> [String] {
    do {
      _ = try ScenarioLoader.load(path)
      return []
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  @Test func invalidUTF8NamesTheLine() throws {
    let text = Array("week: 2024-09-09\nname: caf".utf8) + [0xE9] + Array("\n".utf8)
    #expect(
      try problems(text) == ["week.yaml:2: is not UTF-8 text: byte 0xE9 cannot start or continue a character"]
    )
    // Overlong forms and UTF-16 surrogates are not UTF-8 either.
    #expect(try problems(Array("name: ".utf8) + [0xC0, 0xAF]).first?.contains("byte 0xC0") == true)
    #expect(try problems(Array("name: ".utf8) + [0xED, 0xA0, 0x80]).first?.contains("byte 0xA0") == true)
  }

  @Test func utf16IsNamed() throws {
    let utf16: [UInt8] = [0xFF, 0xFE] + Array("week: 2024-09-09\n".utf8).flatMap { [$0, 0] }
    #expect(try problems(utf16) == ["week.yaml: is UTF-16 (or UTF-32) text; save it as UTF-8"])
  }

  @Test func controlCharactersAreNamedNotEchoed() throws {
    #expect(
      try problems(Array("week: 2024-09-09\nname: a\u{0}b\n".utf8)) == [
        "week.yaml:2: holds the control character U+0000; is this a text file?"
      ])
    #expect(try problems(Array("week: 2024-09-09\u{1B}\n".utf8)).first?.contains("U+001B") == true)
  }

  @Test func randomBytesAreRefused() throws {
    var generator = SplitMix64(seed: 14)
    for _ in 0..<50 {
      let bytes = (0..<200).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
      let found = try problems(bytes)
      #expect(found.count == 1 && found[0].hasPrefix("week.yaml"), "\(found)")
    }
  }

  @Test func aByteOrderMarkIsSkipped() throws {
    #expect(try problems([0xEF, 0xBB, 0xBF] + Array("week: 2024-09-09\n".utf8)) == [])
  }

  @Test func thingsThatAreNotFiles() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let directory = folder.appendingPathComponent("d.yaml").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
    #expect(problems(at: directory) == ["\(directory): is a folder, not a file"])
    let fifo = folder.appendingPathComponent("f.yaml").path
    #expect(mkfifo(fifo, 0o600) == 0)
    #expect(problems(at: fifo) == ["\(fifo): is not a regular file (a device, pipe or socket)"])
    let zero = folder.appendingPathComponent("zero.yaml").path
    try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
    #expect(problems(at: zero) == ["\(zero): is not a regular file (a device, pipe or socket)"])
    #expect(
      problems(at: folder.appendingPathComponent("none.yaml").path).first?.hasSuffix("no such file") == true)
  }

  @Test func aFileAboveTheSizeLimitIsRefusedUnread() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("huge.yaml").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data("week: 2024-09-09\n".utf8)))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: UInt64(InputFile.maximumBytes) + 1)
    try handle.close()
    #expect(problems(at: path) == ["\(path): is 4.0 MiB; an input file may be at most 4 MiB"])
  }
}

/// A `.json` scenario must be strict JSON, with lines in its errors.
struct StrictJSONTests {
  private func problems(_ json: String) -> [String] {
    do {
      _ = try ScenarioLoader.load(text: json, file: "week.json")
      return []
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  @Test(arguments: [
    (
      "{\"week\": \"2024-09-09\",\n \"agencies\": [],\n}",
      "week.json:3: JSON syntax error: a comma before '}' (JSON allows no trailing comma)"
    ),
    (
      "{\"week\": \"2024-09-09\", \"agencies\": [1,]}",
      "week.json:1: JSON syntax error: a comma before ']' (JSON allows no trailing comma)"
    ),
    (
      "{'week': '2024-09-09'}",
      "week.json:1: JSON syntax error: expected a key in double quotes, found ''' (JSON strings and keys are written in double quotes)"
    ),
    (
      "{\n  week: \"2024-09-09\"}",
      "week.json:2: JSON syntax error: expected a key in double quotes, found 'w' (JSON keys and text values are written in double quotes)"
    ),
    (
      "# a comment\n{\"week\": \"2024-09-09\"}",
      "week.json:1: JSON syntax error: expected a value, found '#' (JSON has no comments)"
    ),
    (
      "{\"week\": \"2024-09-09\" // note\n}",
      "week.json:1: JSON syntax error: expected ',' or '}', found '/' (JSON has no comments)"
    ),
    (
      "{\"week\": \"2024-09-09\",\n \"week\": \"2024-09-16\"}",
      "week.json:2: JSON syntax error: key \"week\" appears twice in one object"
    ),
    ("{\"week\": 2024-09-09}", "week.json:1: JSON syntax error: expected ',' or '}', found '-'"),
    (
      "{\"week\": \"2024-09-09\", \"policy\": {\"minRestHours\": 010}}",
      "week.json:1: JSON syntax error: \"010\" is not a JSON number"
    ),
    ("{\"week\": \"2024-09-09\"} {}", "week.json:1: JSON syntax error: unexpected '{' after the JSON value"),
    (
      "{\"week\": \"2024-09-09\n\"}",
      "week.json:1: JSON syntax error: a control character (or line break) inside a string; write it as an escape like \\n"
    ),
    ("{\"week\": \"2024-09-09", "week.json:1: JSON syntax error: a string that is never closed"),
    ("", "week.json:1: JSON syntax error: the text ends where a value should be"),
    (
      String(repeating: "[", count: 100),
      "week.json:1: JSON syntax error: objects and arrays nest more than 64 deep"
    ),
  ])
  func notJSONIsRefused(json: String, expected: String) {
    #expect(problems(json) == [expected])
  }

  @Test func strictJSONLoadsLikeTheSameYAML() throws {
    let json = """
      {"week": "2024-09-09", "name": "caf\\u00e9 \\ud83d\\ude93",
       "agencies": [{"id": "A", "serves": ["elementary"]}],
       "policy": {"maxHoursPerWeek": 3.2e1, "weights": {"uncovered": -0}},
       "schools": [{"id": "s1", "level": "elementary", "location": {"lat": 35.2, "lon": -97.4}}],
       "officers": [{"id": "o1", "agency": "A", "home": "s1", "skills": null}]}
      """
    let fromJSON = try ScenarioLoader.load(text: json, file: "week.json")
    let fromYAML = try ScenarioLoader.load(
      text: """
        week: 2024-09-09
        name: "café 🚓"
        agencies: [{id: A, serves: [elementary]}]
        policy: {maxHoursPerWeek: 32, weights: {uncovered: 0}}
        schools: [{id: s1, level: elementary, location: {lat: 35.2, lon: -97.4}}]
        officers: [{id: o1, agency: A, home: s1}]
        """, file: "week.yaml")
    #expect(fromJSON.name == fromYAML.name && fromJSON.week == fromYAML.week)
    #expect(fromJSON.policy == fromYAML.policy && fromJSON.agencies == fromYAML.agencies)
    #expect(fromJSON.schools == fromYAML.schools && fromJSON.officers == fromYAML.officers)
  }

  @Test func errorsInsideJSONNameTheLineOfTheValue() {
    #expect(
      problems("{\"week\": \"2024-09-09\",\n \"officers\": [\n  {\"id\": \"o1\", \"agency\": \"X\"}]}") == [
        "week.json:3: officers[0].agency: unknown agency \"X\""
      ])
  }
}
