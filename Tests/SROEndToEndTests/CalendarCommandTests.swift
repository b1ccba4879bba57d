import Foundation
import SROCore
import SROReports
import SROTestSupport
import Testing

/// A calendar as Python's icalendar reads it (Clients/read_calendars.py).
struct ReadCalendars: Decodable {
  struct Calendar: Decodable {
    var file: String
    var name: String
    var timeZone: String
    var events: [Event]
  }

  struct Event: Decodable, Hashable {
    var uid: String
    var status: String
    var sequence: Int
    var summary: String
    var location: String
    var description: String
    var geo: [Double]?
    var school: String
    var event: String?
    var date: String
    var start: String
    var end: String
  }

  var calendars: [Calendar]
  var problems: [String]

  /// Reads the calendars in `folder` with icalendar.
  static func read(_ folder: URL) throws -> ReadCalendars {
    let script = Clients.scripts.appendingPathComponent("read_calendars.py").path
    let result = try Clients.run("/usr/bin/env", ["python3", script, folder.path])
    #expect(result.status == 0, "read_calendars.py: \(result.stderr)")
    return try JSONDecoder().decode(ReadCalendars.self, from: Data(result.stdout.utf8))
  }
}

@Suite(
  .serialized, .tags(.slow),
  .enabled(
    if: Clients.hasICalendar || Clients.isCI,
    "Python's icalendar is not installed (scripts/install-deps installs it)"))
struct CalendarCommandTests {
  /// `sro solve ARGS --format ics` into a new folder, with a fixed DTSTAMP.
  static func calendars(_ arguments: [String], in folder: URL) throws -> URL {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let output = folder.appendingPathComponent("calendars")
    let process = try SRO.runArguments(["solve"] + arguments + ["--format", "ics", "--output", output.path])
    #expect(process.status == 0, "\(process.stderr)")
    return output
  }

  /// The scenario `arguments` plan (scenario file and `--with` overlays).
  static func scenario(_ arguments: [String]) throws -> Scenario {
    let overlays = zip(arguments, arguments.dropFirst()).filter { $0.0 == "--with" }.map {
      packageRoot.appendingPathComponent($0.1).path
    }
    return try ScenarioLoader.load(packageRoot.appendingPathComponent(arguments[0]).path, overlays: overlays)
  }

  /// The roster's assignments rebuilt from the calendars' confirmed events:
  /// each event cut into the scenario's blocks at its school on its day.
  static func assignments(from read: ReadCalendars, scenario: Scenario) throws -> [Roster.Assignment] {
    let blocks = scenario.blocks()
    var rebuilt: [Roster.Assignment] = []
    for calendar in read.calendars {
      let officer = try #require(
        scenario.officers.first { OfficerCalendars.fileName(for: $0.id.rawValue) == calendar.file }
      ).id.rawValue
      for event in calendar.events where event.status == "CONFIRMED" {
        let date = try #require(CivilDate(parsing: event.date))
        let day = date.weekday
        #expect(scenario.date(of: day) == date)
        var cursor = event.start
        while cursor != event.end {
          let block = try #require(
            blocks.first {
              $0.school.rawValue == event.school && $0.day == day && $0.event?.rawValue == event.event
                && $0.interval.start.description == cursor && $0.interval.end.description <= event.end
            }, "\(calendar.file): no block at \(event.school) \(event.date) \(cursor)")
          rebuilt.append(
            Roster.Assignment(
              officer: officer, school: event.school, day: day.code, date: event.date, start: cursor,
              end: block.interval.end.description, kind: block.kind, event: event.event))
          cursor = block.interval.end.description
        }
      }
    }
    return rebuilt
  }

  @Test(arguments: plannedWeeks)
  func calendarsReadByICalendarGiveBackTheRoster(arguments: [String]) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (roster, same) = try solved(arguments, in: folder)
    let read = try ReadCalendars.read(try Self.calendars(same, in: folder))
    #expect(read.problems == [])
    let scenario = try Self.scenario(arguments)
    #expect(read.calendars.count == scenario.officers.count)
    #expect(read.calendars.allSatisfy { $0.timeZone == "America/Chicago" })
    let rebuilt = try Self.assignments(from: read, scenario: scenario)
    #expect(rebuilt.count == roster.assignments.count)
    #expect(Set(rebuilt) == Set(roster.assignments))
    // Adjacent blocks at one school are one event: no two confirmed events
    // of an officer touch at the same school.
    for calendar in read.calendars {
      let confirmed = calendar.events.filter { $0.status == "CONFIRMED" && $0.event == nil }
      for a in confirmed {
        #expect(!confirmed.contains { $0.school == a.school && $0.date == a.date && $0.start == a.end })
      }
    }
    for event in read.calendars.flatMap(\.events) {
      let school = try #require(scenario.school(SchoolID(event.school)))
      #expect(event.location == school.name)
      #expect(event.geo == school.location.map { [$0.latitude, $0.longitude] })
    }
  }
}

extension CalendarCommandTests {
  static let typical = "scenarios/norman/typical-week.yaml"
  static let published = "scenarios/norman/published/typical-week.json"

  @Test func replanningUpdatesThePublishedEntriesAndCancelsDroppedDuty() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // The published week's calendars: --keep on the unchanged week gives
    // the published roster back.
    let before = try ReadCalendars.read(
      try Self.calendars([Self.typical, "--keep", Self.published], in: folder.appendingPathComponent("a")))
    let after = try ReadCalendars.read(
      try Self.calendars(
        [Self.typical, "--with", "scenarios/norman/whatif/sick-wednesday.yaml", "--keep", Self.published],
        in: folder.appendingPathComponent("b")))
    #expect(before.problems == [] && after.problems == [])
    let old = Dictionary(uniqueKeysWithValues: before.calendars.flatMap(\.events).map { ($0.uid, $0) })
    let new = Dictionary(uniqueKeysWithValues: after.calendars.flatMap(\.events).map { ($0.uid, $0) })
    #expect(old.values.allSatisfy { $0.status == "CONFIRMED" && $0.sequence == 0 })
    // Every published entry comes again under its UID: updated, unchanged
    // or cancelled; none is left behind in an officer's calendar app.
    #expect(Set(old.keys).isSubset(of: Set(new.keys)))
    var cancelled = 0
    for (uid, published) in old {
      let replanned = try #require(new[uid])
      let sameHours = replanned.start == published.start && replanned.end == published.end
      if replanned.status == "CANCELLED" {
        cancelled += 1
        #expect(sameHours && replanned.sequence == 1 && replanned.summary.hasPrefix("Cancelled: "))
      } else {
        #expect(replanned.sequence == (sameHours ? 0 : 1), "\(uid)")
      }
    }
    // ccso-01 calls in sick on Wednesday: the Adams entry is cancelled.
    let adams = try #require(new["2024-09-16-wed-adams-es-1-ccso-01@sro"])
    #expect(adams.status == "CANCELLED")
    #expect(adams.description.contains("re-planned: ccso-01 is absent on wed (sick call)."))
    #expect(cancelled >= 1)
    // What is new is confirmed, at sequence 0.
    for (uid, event) in new where old[uid] == nil {
      #expect(event.status == "CONFIRMED" && event.sequence == 0)
    }
  }

  @Test func theSameWeekTwiceGivesTheSameFilesWithAFixedStamp() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var texts: [[String]] = []
    for name in ["a", "b"] {
      let output = folder.appendingPathComponent(name)
      let result = try Clients.run(
        SRO.binary.path,
        ["solve", "scenarios/norman/football-friday.yaml", "--format", "ics", "--output", output.path],
        environment: ["SOURCE_DATE_EPOCH": "1725192000"])
      #expect(result.status == 0, "\(result.stderr)")
      let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
      texts.append(
        try names.map { try String(contentsOf: output.appendingPathComponent($0), encoding: .utf8) })
      #expect(texts.last?.first?.contains("DTSTAMP:20240901T120000Z") == true)
    }
    #expect(texts[0] == texts[1])
  }

  @Test func theReaderFindsBrokenCalendars() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A VTIMEZONE one hour off, a bare LF, and an 80-octet line.
    let broken = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "METHOD:PUBLISH",
      "X-WR-TIMEZONE:America/Chicago",
      "BEGIN:VTIMEZONE", "TZID:America/Chicago", "BEGIN:STANDARD", "DTSTART:19700101T000000",
      "TZOFFSETFROM:-0600", "TZOFFSETTO:-0600", "END:STANDARD", "END:VTIMEZONE", "BEGIN:VEVENT",
      "UID:x@sro", "DTSTAMP:20240901T120000Z", "SEQUENCE:0", "STATUS:CONFIRMED",
      "DTSTART;TZID=America/Chicago:20240916T073000", "DTEND;TZID=America/Chicago:20240916T083000",
      "SUMMARY:" + String(repeating: "x", count: 72), "LOCATION:here\nX-A:b", "END:VEVENT", "END:VCALENDAR",
      "",
    ].joined(separator: "\r\n")
    try Data(broken.utf8).write(to: folder.appendingPathComponent("x.ics"))
    let read = try ReadCalendars.read(folder)
    #expect(read.problems.contains { $0.contains("x.ics:21: 80 octets, more than 75") })
    #expect(read.problems.contains { $0.contains("a line break that is not CR LF") })
    #expect(read.problems.contains { $0.contains("VTIMEZONE gives -1 day, 18:00:00 at 2024-09-16 07:30:00") })
  }
}

@Suite(.tags(.slow)) struct CalendarCommandErrorTests {
  @Test func icsNeedsAnOutputFolder() throws {
    let result = try SRO.run("solve", "scenarios/norman/typical-week.yaml", "--format", "ics")
    #expect(result.status == 64)
    #expect(
      result.stderr.contains("--format ics writes a file per officer: name their folder with --output DIR"))
  }

  @Test func calendarsHaveNoReasonsToAdd() throws {
    let result = try SRO.run(
      "solve", "scenarios/norman/typical-week.yaml", "--format", "ics", "--output", "/tmp/x", "--explain")
    #expect(result.status == 64)
    #expect(
      result.stderr.contains("--explain adds to the table, the JSON and the HTML report, not to the ICS"))
  }

  @Test func aFolderOfOtherFilesIsNotReplacedAndExits74() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("keep me".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    let result = try SRO.run(
      "solve", "Tests/SROCoreTests/Fixtures/small.yaml", "--format", "ics", "--output", folder.path)
    #expect(result.status == 74)
    #expect(result.stderr.contains("holds files other than calendars (notes.txt)"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
  }
}
