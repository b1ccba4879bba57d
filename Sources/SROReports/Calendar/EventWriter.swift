import Foundation
import SRORoster
import SROScenario

/// Writes the calendar header and one VEVENT per stretch of duty, in the
/// words an officer reads: where, what, and why it is not their own school.
struct EventWriter {
  let scenario: Scenario
  let week: String
  let timeZone: String
  let stamp: Date
  /// Why published assignments were dropped, for cancelled entries.
  let reasons: [Roster.Assignment: String]

  /// VCALENDAR's opening lines and its name and description.
  func header(for officer: String, roster: Roster, to lines: inout ContentLines) {
    lines.append("BEGIN", "VCALENDAR")
    lines.append("VERSION", "2.0")
    lines.append("PRODID", "-//sro//SRO coverage scheduler//EN")
    lines.append("CALSCALE", "GREGORIAN")
    lines.append("METHOD", "PUBLISH")
    let person = scenario.officer(OfficerID(officer))
    let who = person.map { $0.name == $0.id.rawValue ? officer : "\($0.name) (\(officer))" } ?? officer
    lines.append(text: "X-WR-CALNAME", "SRO duty, \(who), week of \(week)")
    lines.append("X-WR-TIMEZONE", timeZone)
    if let hours = roster.officers.first(where: { $0.id == officer }) {
      var description = "\(hours.hours.rosterText) h of duty in the week of \(week)"
      if hours.overtime > 0 { description += ", \(hours.overtime.rosterText) h of it overtime" }
      if !roster.scenario.isEmpty { description += " (\(roster.scenario))" }
      lines.append(text: "X-WR-CALDESC", description + ".")
    }
  }

  /// One VEVENT for `stretch`.
  func write(_ stretch: DutyStretch, cancelled: Bool, sequence: Int, to lines: inout ContentLines) {
    let school = scenario.school(SchoolID(stretch.school))
    let schoolName = school?.name ?? stretch.school
    let event = stretch.event.flatMap { id in scenario.events.first { $0.id.rawValue == id } }
    var summary =
      stretch.event == nil ? "SRO duty: \(schoolName)" : "Event duty: \(event?.name ?? stretch.event!)"
    if cancelled { summary = "Cancelled: " + summary }
    lines.append("BEGIN", "VEVENT")
    lines.append(text: "UID", stretch.uid(week: week))
    lines.append("DTSTAMP", ContentLines.dateTime(stamp) + "Z")
    lines.append("SEQUENCE", String(sequence))
    lines.append("STATUS", cancelled ? "CANCELLED" : "CONFIRMED")
    lines.append("DTSTART", Self.localText(stretch.date, stretch.start), parameters: [("TZID", timeZone)])
    lines.append("DTEND", Self.localText(stretch.date, stretch.end), parameters: [("TZID", timeZone)])
    lines.append(text: "SUMMARY", summary)
    lines.append(text: "LOCATION", schoolName)
    if let location = school?.location {
      lines.append("GEO", "\(location.latitude.rosterText);\(location.longitude.rosterText)")
    }
    lines.append(text: "DESCRIPTION", description(of: stretch, school: school, cancelled: cancelled))
    lines.append(text: "CATEGORIES", stretch.event == nil ? "SRO coverage" : "SRO event duty")
    lines.append("TRANSP", cancelled ? "TRANSPARENT" : "OPAQUE")
    lines.append(text: "X-SRO-SCHOOL", stretch.school)
    if let id = stretch.event { lines.append(text: "X-SRO-EVENT", id) }
    lines.append("END", "VEVENT")
  }

  /// What the stretch is, in a few lines.
  private func description(of stretch: DutyStretch, school: School?, cancelled: Bool) -> String {
    var parts: [String] = []
    if cancelled {
      var why: [String] = []
      for reason in stretch.assignments.compactMap({ reasons[$0] }) where !why.contains(reason) {
        why.append(reason)
      }
      parts.append(
        "This duty was dropped when the week was re-planned"
          + (why.isEmpty ? "." : ": " + why.joined(separator: "; ") + "."))
    }
    if stretch.event == nil {
      let blocks = stretch.assignments.map { "\($0.start)–\($0.end)" }
      parts.append("Coverage block\(blocks.count == 1 ? "" : "s") \(blocks.joined(separator: ", ")).")
    } else {
      parts.append("Event at \(school?.name ?? stretch.school), \(stretch.start)–\(stretch.end).")
    }
    let officer = scenario.officer(OfficerID(stretch.officer))
    if let officer, let home = officer.home, home.rawValue != stretch.school {
      parts.append("Away from your home school, \(scenario.school(home)?.name ?? home.rawValue).")
    }
    if let officer, let school, officer.agency != school.agency {
      let agency = scenario.agencies.first { $0.id == school.agency }
      parts.append("Cross-agency cover: the school is staffed by \(agency?.name ?? school.agency.rawValue).")
    }
    parts.append("Week of \(week), planned by sro.")
    return parts.joined(separator: "\n")
  }

  /// `YYYYMMDDTHHMM00` of a roster's date and `HH:MM` (`24:00` is midnight
  /// of the next day).
  static func localText(_ date: String, _ time: String) -> String {
    var day = CivilDate(parsing: date)
    var minutes = TimeOfDay(parsing: time)?.minutes ?? 0
    if minutes == 24 * 60 {
      day = day?.adding(days: 1)
      minutes = 0
    }
    let digits = (day?.description ?? date).replacingOccurrences(of: "-", with: "")
    return digits + "T" + String(minutes / 60).leftPadded(2) + String(minutes % 60).leftPadded(2) + "00"
  }
}
