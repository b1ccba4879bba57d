import Foundation
import SROCore
import SROReports

/// Writes each officer's calendar to the folder `path`, all or nothing, or
/// prints why not and exits 74.
///
/// `DTSTAMP` is the current time, or `SOURCE_DATE_EPOCH` (seconds since
/// 1970) when that is set, for output that is the same byte for byte.
func writeCalendars(
  scenario: Scenario, roster: Roster, published: [Roster.Assignment]?, changes: RosterChanges?,
  to path: String
) throws {
  var reasons: [Roster.Assignment: String] = [:]
  for forced in changes?.forced ?? [] { reasons[forced.assignment] = forced.reason }
  do {
    let calendars = try OfficerCalendars(
      scenario: scenario, roster: roster, published: published, reasons: reasons,
      stamp: outputTimestamp())
    try CalendarFolder.write(calendars.files.map { ($0.name, $0.text) }, to: path)
  } catch {
    printError(error.description)
    throw Exit.ioFailure
  }
}

/// The moment outputs are stamped with: `SOURCE_DATE_EPOCH` when set (the
/// reproducible-builds convention), else now.
func outputTimestamp() -> Date {
  if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(text) {
    return Date(timeIntervalSince1970: TimeInterval(seconds))
  }
  return Date()
}
