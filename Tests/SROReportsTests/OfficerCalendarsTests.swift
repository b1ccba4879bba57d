import Foundation
import SROCore
import Testing

@testable import SROReports

/// Two schools and a game; the deputy's name needs escaping, the NPD
/// officer covers both days at North High and the game.
let smallYAML = """
  name: Small district; week of 9 Sep 2024
  week: 2024-09-09
  timeZone: America/Denver
  periods: [{id: arrival, start: "07:30", end: "08:30", priority: 3}]
  agencies:
    - {id: NPD, name: Police, serves: [high]}
    - {id: CCSO, name: Sheriff, serves: [elementary]}
  schools:
    - {id: north-high, name: "North High, Main Campus", level: high, location: {lat: 35.25, lon: -97.45},
       coverage: [{days: [mon, tue], start: "07:30", end: "12:30", officers: 1}]}
    - {id: lincoln-es, name: Lincoln Elementary, level: elementary,
       coverage: [{days: [mon], start: "07:30", end: "11:30", officers: 1}]}
  officers:
    - {id: npd-01, name: "Ofc. A. Rivera, Jr.", agency: NPD, home: north-high}
    - {id: ccso-01, agency: CCSO, home: lincoln-es}
  events:
    - {id: nh-game, name: "Football; Homecoming", school: north-high, day: tue, start: "18:00",
       end: "24:00", officers: 1}
  """

/// 2024-09-01T12:00:00Z.
let stamp = Date(timeIntervalSince1970: 1_725_192_000)

/// The unfolded content lines of `text`.
func unfolded(_ text: String) -> [String] {
  text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast()
}

/// The VEVENTs of `text`, each as its content lines.
func events(_ text: String) -> [[String]] {
  var events: [[String]] = []
  var inside = false
  for line in unfolded(text) {
    if line == "BEGIN:VEVENT" {
      events.append([])
      inside = true
    } else if line == "END:VEVENT" {
      inside = false
    } else if inside {
      events[events.count - 1].append(line)
    }
  }
  return events
}

@Suite struct OfficerCalendarsTests {
  let scenario: Scenario
  let roster: Roster

  init() throws {
    scenario = try ScenarioLoader.load(text: smallYAML, file: "small.yaml")
    roster = try Planner.plan(scenario).roster
  }

  @Test func eachOfficerGetsOneFileWithOneEventPerStretch() throws {
    let calendars = try OfficerCalendars(scenario: scenario, roster: roster, stamp: stamp)
    #expect(calendars.files.map(\.name) == ["npd-01.ics", "ccso-01.ics"])
    let npd = calendars.files[0].text
    let lines = unfolded(npd)
    #expect(
      Array(lines.prefix(5)) == [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//sro//SRO coverage scheduler//EN", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
      ])
    #expect(lines.contains(#"X-WR-CALNAME:SRO duty\, Ofc. A. Rivera\, Jr. (npd-01)\, week of 2024-09-09"#))
    #expect(lines.contains("X-WR-TIMEZONE:America/Denver"))
    #expect(lines.contains("TZID:America/Denver"))
    #expect(lines.last == "END:VCALENDAR")
    let found = events(npd)
    #expect(found.count == 3)
    #expect(found[0].contains("DTSTART;TZID=America/Denver:20240909T073000"))
    #expect(found[0].contains("DTEND;TZID=America/Denver:20240909T123000"))
    #expect(found[0].contains(#"SUMMARY:SRO duty: North High\, Main Campus"#))
    #expect(found[0].contains(#"LOCATION:North High\, Main Campus"#))
    #expect(found[0].contains("GEO:35.25;-97.45"))
    #expect(
      found[0].contains(
        #"DESCRIPTION:Coverage blocks 07:30–08:30\, 08:30–12:30.\nWeek of 2024-09-09\, planned by sro."#))
    #expect(found[0].contains("DTSTAMP:20240901T120000Z"))
    #expect(found[0].contains("UID:2024-09-09-mon-north-high-1-npd-01@sro"))
    #expect(found[0].contains("STATUS:CONFIRMED") && found[0].contains("SEQUENCE:0"))
    // The game ends at midnight: 24:00 is the start of Wednesday.
    #expect(found[2].contains(#"SUMMARY:Event duty: Football\; Homecoming"#))
    #expect(found[2].contains("DTEND;TZID=America/Denver:20240911T000000"))
    #expect(found[2].contains("X-SRO-EVENT:nh-game"))
    #expect(found[2].contains("CATEGORIES:SRO event duty"))
    // Lincoln has no location: no GEO.
    let deputy = events(calendars.files[1].text)
    #expect(deputy.count == 1 && !deputy[0].contains { $0.hasPrefix("GEO") })
  }

  @Test func workAwayFromHomeAndAcrossAgenciesIsSaid() throws {
    var roster = roster
    roster.assignments = [
      Roster.Assignment(
        officer: "npd-01", school: "lincoln-es", day: "mon", date: "2024-09-09", start: "07:30", end: "08:30",
        kind: .coverage, event: nil)
    ]
    let text = try OfficerCalendars(scenario: scenario, roster: roster, stamp: stamp).files[0].text
    let description = try #require(events(text).first?.first { $0.hasPrefix("DESCRIPTION:") })
    #expect(description.contains(#"Away from your home school\, North High\, Main Campus."#))
    #expect(description.contains("Cross-agency cover: the school is staffed by Sheriff."))
  }

  @Test func replanningCancelsWhatIsGoneAndRaisesTheSequenceOfWhatChanged() throws {
    // Published: npd-01 on Monday only 07:30-08:30, and at Lincoln on Tuesday;
    // a former officer had the game.
    let published = [
      Roster.Assignment(
        officer: "npd-01", school: "north-high", day: "mon", date: "2024-09-09", start: "07:30", end: "08:30",
        kind: .coverage, event: nil),
      Roster.Assignment(
        officer: "npd-01", school: "lincoln-es", day: "tue", date: "2024-09-10", start: "07:30", end: "08:30",
        kind: .coverage, event: nil),
      Roster.Assignment(
        officer: "npd-99", school: "north-high", day: "tue", date: "2024-09-10", start: "18:00", end: "24:00",
        kind: .event, event: "nh-game"),
    ]
    let calendars = try OfficerCalendars(
      scenario: scenario, roster: roster, published: published,
      reasons: [published[1]: "npd-01 is needed at home"], stamp: stamp)
    #expect(calendars.files.map(\.name) == ["npd-01.ics", "ccso-01.ics", "npd-99.ics"])
    let npd = events(calendars.files[0].text)
    #expect(npd.count == 4)
    let monday = try #require(npd.first { $0.contains("UID:2024-09-09-mon-north-high-1-npd-01@sro") })
    #expect(monday.contains("SEQUENCE:1") && monday.contains("STATUS:CONFIRMED"))
    let tuesday = try #require(npd.first { $0.contains("UID:2024-09-09-tue-north-high-1-npd-01@sro") })
    #expect(tuesday.contains("SEQUENCE:0"))
    let lincoln = try #require(npd.first { $0.contains("UID:2024-09-09-tue-lincoln-es-1-npd-01@sro") })
    #expect(lincoln.contains("STATUS:CANCELLED") && lincoln.contains("SEQUENCE:1"))
    #expect(lincoln.contains("SUMMARY:Cancelled: SRO duty: Lincoln Elementary"))
    #expect(lincoln.contains("TRANSP:TRANSPARENT"))
    #expect(
      lincoln.contains {
        $0.hasPrefix(
          "DESCRIPTION:This duty was dropped when the week was re-planned: npd-01 is needed at home.")
      })
    let former = events(calendars.files[2].text)
    #expect(former.count == 1 && former[0].contains("STATUS:CANCELLED"))
    #expect(
      former[0].contains {
        $0.hasPrefix(#"DESCRIPTION:This duty was dropped when the week was re-planned.\n"#)
      })
    #expect(!calendars.files[2].text.contains("X-WR-CALDESC"))
  }

  @Test func anUnknownTimeZoneIsRefused() throws {
    var scenario = scenario
    scenario.timeZone = "Mars/Olympus_Mons"
    #expect {
      _ = try OfficerCalendars(scenario: scenario, roster: roster, stamp: stamp)
    } throws: { error in
      "\(error)" == "unknown time zone \"Mars/Olympus_Mons\""
    }
  }

  @Test(arguments: [
    ("npd-01", "npd-01.ics"), ("../etc/passwd", "%2E.%2Fetc%2Fpasswd.ics"), ("a b", "a%20b.ics"),
    ("é", "%C3%A9.ics"), ("a%2F", "a%252F.ics"), (".hidden", "%2Ehidden.ics"),
  ])
  func fileNamesStayInTheFolderAndDistinct(officer: String, name: String) {
    #expect(OfficerCalendars.fileName(for: officer) == name)
  }
}
