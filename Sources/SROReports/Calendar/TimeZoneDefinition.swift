import Foundation
import SRORoster
import SROScenario

/// A VTIMEZONE component (RFC 5545 §3.6.5) for the weeks around a planned
/// week, worked out from the time zone database Foundation carries: one
/// observance per change of UTC offset, from the last change before the
/// week to the first after it.
struct TimeZoneDefinition {
  /// One STANDARD or DAYLIGHT observance.
  struct Observance: Equatable {
    var isDaylight: Bool
    /// The local time of the change, in the offset before it.
    var start: String
    /// Seconds east of UTC before and after the change.
    var offsetFrom: Int
    var offsetTo: Int
  }

  let identifier: String
  let observances: [Observance]

  /// The definition of zone `identifier` (an IANA name) covering the week
  /// that starts on `week`. `nil` if Foundation does not know the zone.
  init?(identifier: String, week: CivilDate) {
    guard let zone = TimeZone(identifier: identifier) else { return nil }
    self.identifier = identifier
    let weekStart = Self.instant(of: week, in: zone)
    let weekEnd = weekStart.addingTimeInterval(8 * 86_400)
    var changes: [Date] = []
    var cursor = weekStart.addingTimeInterval(-400 * 86_400)
    while let next = zone.nextDaylightSavingTimeTransition(after: cursor) {
      if next <= weekStart { changes = [next] } else { changes.append(next) }
      if next > weekEnd { break }
      cursor = next
    }
    guard !changes.isEmpty else {
      // No change near the week: one observance that never changes.
      let offset = zone.secondsFromGMT(for: weekStart)
      observances = [
        Observance(isDaylight: false, start: "19700101T000000", offsetFrom: offset, offsetTo: offset)
      ]
      return
    }
    var observances = changes.map { change in
      let before = zone.secondsFromGMT(for: change.addingTimeInterval(-1))
      return Observance(
        isDaylight: zone.isDaylightSavingTime(for: change),
        start: ContentLines.dateTime(change.addingTimeInterval(TimeInterval(before))),
        offsetFrom: before, offsetTo: zone.secondsFromGMT(for: change))
    }
    if changes[0] > weekStart {
      // The week begins before the first change found: the offset before it.
      let offset = observances[0].offsetFrom
      observances.insert(
        Observance(
          isDaylight: zone.isDaylightSavingTime(for: weekStart), start: "19700101T000000",
          offsetFrom: offset, offsetTo: offset), at: 0)
    }
    self.observances = observances
  }

  /// Appends the component.
  func write(to lines: inout ContentLines) {
    lines.append("BEGIN", "VTIMEZONE")
    lines.append("TZID", identifier)
    for observance in observances {
      let kind = observance.isDaylight ? "DAYLIGHT" : "STANDARD"
      lines.append("BEGIN", kind)
      lines.append("DTSTART", observance.start)
      lines.append("TZOFFSETFROM", Self.offsetText(observance.offsetFrom))
      lines.append("TZOFFSETTO", Self.offsetText(observance.offsetTo))
      lines.append("END", kind)
    }
    lines.append("END", "VTIMEZONE")
  }

  /// Midnight at the start of `date` in `zone`.
  static func instant(of date: CivilDate, in zone: TimeZone) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let components = DateComponents(year: date.year, month: date.month, day: date.day)
    return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
  }

  /// `±HHMM`, or `±HHMMSS` when the offset has seconds.
  static func offsetText(_ seconds: Int) -> String {
    let sign = seconds < 0 ? "-" : "+"
    let magnitude = abs(seconds)
    func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let text = pad(magnitude / 3600) + pad(magnitude % 3600 / 60)
    return sign + text + (magnitude % 60 == 0 ? "" : pad(magnitude % 60))
  }
}
