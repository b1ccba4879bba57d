import Foundation
import SRORoster
import SROScenario

/// Each officer's week as an iCalendar file (RFC 5545): one event per
/// stretch of duty (adjacent blocks at one school joined, each event duty
/// on its own) in the district's time zone, published with `METHOD:PUBLISH`
/// so a calendar app that imports or subscribes to the file keeps one entry
/// per stretch and updates it when the week is re-planned.
public struct OfficerCalendars: Sendable {
  /// One officer's calendar.
  public struct File: Sendable, Hashable {
    public var officer: String
    /// `OFFICER.ics`, the officer id made safe as a file name.
    public var name: String
    /// The iCalendar text, lines ending in CR LF.
    public var text: String
  }

  /// One file per officer of the scenario, in scenario order, then one for
  /// each officer who has published duty but is no longer in the scenario.
  public let files: [File]

  /// The calendars of `roster`, a roster of `scenario`.
  ///
  /// - Parameters:
  ///   - published: the published roster's assignments when the roster
  ///     re-plans it (`sro solve --keep`): each published stretch that is
  ///     gone is sent again as cancelled, and each that changed its hours
  ///     gets `SEQUENCE:1`, so calendar apps replace the old entries.
  ///   - reasons: why published assignments had to go (an absence, say),
  ///     told in the cancelled entries.
  ///   - stamp: the moment the calendars are made (`DTSTAMP`).
  public init(
    scenario: Scenario, roster: Roster, published: [Roster.Assignment]? = nil,
    reasons: [Roster.Assignment: String] = [:], stamp: Date
  ) throws(CalendarError) {
    guard let zone = TimeZoneDefinition(identifier: scenario.timeZone, week: scenario.week) else {
      throw CalendarError("unknown time zone \"\(scenario.timeZone)\"")
    }
    let current = Dictionary(grouping: DutyStretch.stretches(of: roster.assignments), by: \.officer)
    let old = Dictionary(grouping: DutyStretch.stretches(of: published ?? []), by: \.officer)
    let listed = scenario.officers.map(\.id.rawValue)
    let unlisted = Set(old.keys).subtracting(listed).sorted()
    let writer = EventWriter(
      scenario: scenario, week: roster.week, timeZone: scenario.timeZone, stamp: stamp, reasons: reasons)
    files = (listed + unlisted).map { officer in
      var lines = ContentLines()
      writer.header(for: officer, roster: roster, to: &lines)
      zone.write(to: &lines)
      let now = current[officer] ?? []
      let before = Dictionary(
        (old[officer] ?? []).map { ($0.uid(week: roster.week), $0) }, uniquingKeysWith: { a, _ in a })
      let nowIDs = Set(now.map { $0.uid(week: roster.week) })
      for stretch in now {
        let previous = before[stretch.uid(week: roster.week)]
        let changed = previous.map { $0.start != stretch.start || $0.end != stretch.end } ?? false
        writer.write(stretch, cancelled: false, sequence: changed ? 1 : 0, to: &lines)
      }
      for stretch in old[officer] ?? [] where !nowIDs.contains(stretch.uid(week: roster.week)) {
        writer.write(stretch, cancelled: true, sequence: 1, to: &lines)
      }
      lines.append("END", "VCALENDAR")
      return File(officer: officer, name: Self.fileName(for: officer), text: lines.text)
    }
  }

  /// `OFFICER.ics`, with every character but ASCII letters, digits, `-`
  /// and `_` (and `.` after the first character) percent-encoded, so that
  /// distinct ids give distinct names and no id reaches outside the folder.
  public static func fileName(for officer: String) -> String {
    var name = ""
    for byte in officer.utf8 {
      let scalar = Unicode.Scalar(byte)
      let plain =
        (("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
          || scalar == "-" || scalar == "_" || (scalar == "." && !name.isEmpty))
      name += plain ? String(scalar) : "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
    }
    return name + ".ics"
  }
}

/// Why calendars could not be made.
public struct CalendarError: Error, Sendable, CustomStringConvertible {
  public let description: String
  init(_ description: String) { self.description = description }
}

extension String {
  /// The string with `0`s in front up to `width` characters.
  func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
