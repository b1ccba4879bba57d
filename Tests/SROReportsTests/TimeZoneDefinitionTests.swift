import SROCore
import Testing

@testable import SROReports

@Suite struct TimeZoneDefinitionTests {
  typealias Observance = TimeZoneDefinition.Observance

  @Test func aWeekAfterTheAutumnChangeHasTheChangesAroundIt() throws {
    // Thanksgiving week 2024: CDT ended on 3 Nov, CDT starts again 9 Mar 2025.
    let zone = try #require(
      TimeZoneDefinition(identifier: "America/Chicago", week: CivilDate(parsing: "2024-11-25")!))
    #expect(
      zone.observances == [
        Observance(isDaylight: false, start: "20241103T020000", offsetFrom: -18_000, offsetTo: -21_600),
        Observance(isDaylight: true, start: "20250309T020000", offsetFrom: -21_600, offsetTo: -18_000),
      ])
  }

  @Test func aWeekHoldingAChangeHasBothOffsets() throws {
    // The week of 4 Mar 2024 ends on Sunday 10 Mar, when CDT starts.
    let zone = try #require(
      TimeZoneDefinition(identifier: "America/Chicago", week: CivilDate(parsing: "2024-03-04")!))
    #expect(zone.observances.map(\.start) == ["20231105T020000", "20240310T020000", "20241103T020000"])
    #expect(zone.observances.map(\.isDaylight) == [false, true, false])
  }

  @Test func aZoneWithoutChangesHasOneObservance() throws {
    let zone = try #require(
      TimeZoneDefinition(identifier: "Asia/Kolkata", week: CivilDate(parsing: "2024-10-07")!))
    #expect(
      zone.observances == [
        Observance(isDaylight: false, start: "19700101T000000", offsetFrom: 19_800, offsetTo: 19_800)
      ])
    var lines = ContentLines()
    zone.write(to: &lines)
    #expect(
      lines.text
        == [
          "BEGIN:VTIMEZONE", "TZID:Asia/Kolkata", "BEGIN:STANDARD", "DTSTART:19700101T000000",
          "TZOFFSETFROM:+0530", "TZOFFSETTO:+0530", "END:STANDARD", "END:VTIMEZONE", "",
        ].joined(separator: "\r\n"))
  }

  @Test func offsetsPrintWithSignHoursMinutesAndSecondsWhenAny() {
    #expect(TimeZoneDefinition.offsetText(-21_600) == "-0600")
    #expect(TimeZoneDefinition.offsetText(0) == "+0000")
    #expect(TimeZoneDefinition.offsetText(20_700) == "+0545")
    #expect(TimeZoneDefinition.offsetText(-3_661) == "-010101")
  }

  @Test func anUnknownZoneHasNoDefinition() {
    #expect(
      TimeZoneDefinition(identifier: "Mars/Olympus_Mons", week: CivilDate(parsing: "2024-10-07")!) == nil)
  }
}
