import SRORoster
import SROScenario

/// The report's sentences: what the status, the gap and the figures mean,
/// in a planner's words.
enum ReportWording {
  /// Whether the roster is the best possible, and how far from it if not.
  static func status(of roster: Roster) -> String {
    switch roster.status {
    case .optimal:
      return roster.objective == 0
        ? "Every post is covered, at home, without overtime: no better roster exists."
        : "The best roster the rules allow: proven optimal."
    case .feasible:
      guard roster.objective > 0 else { return "A roster without any cost; the search was stopped early." }
      let gap = max(0, (roster.objective - roster.bound) / roster.objective)
      return
        "A good roster, not proven the best: the search stopped when a better one could still cost up to "
        + percent(gap) + " less."
    }
  }

  /// `proven best`, or `not proven best, gap 5.6%`.
  static func shortStatus(of roster: Roster) -> String {
    guard roster.status == .feasible else { return "proven best" }
    let gap = roster.objective > 0 ? max(0, (roster.objective - roster.bound) / roster.objective) : 0
    return "not proven best, gap " + percent(gap)
  }

  /// `97%`, `97.5%`, `100%` (never 100% for a fraction short of 1).
  static func percent(_ fraction: Double) -> String {
    var tenths = (fraction * 1000).rounded() / 10
    if tenths >= 100, fraction < 1 { tenths = 99.9 }
    return tenths.rosterText + "%"
  }

  /// `7.5 h`.
  static func hours(_ value: Double) -> String { value.rosterText + " h" }

  /// `Mon 7 Oct`.
  static func dayLabel(_ day: Weekday, in scenario: Scenario) -> String {
    let date = scenario.date(of: day)
    return "\(dayNames[day.rawValue]) \(date.day) \(monthNames[date.month - 1])"
  }

  /// `7–11 Oct 2024`, `30 Sep – 4 Oct 2024`, `30 Dec 2024 – 3 Jan 2025`.
  static func weekSpan(of scenario: Scenario, through last: Weekday) -> String {
    let first = scenario.week
    let end = scenario.date(of: last)
    let month = { (date: CivilDate) in monthNames[date.month - 1] }
    if first.year != end.year {
      return "\(first.day) \(month(first)) \(first.year) – \(end.day) \(month(end)) \(end.year)"
    }
    if first.month != end.month {
      return "\(first.day) \(month(first)) – \(end.day) \(month(end)) \(end.year)"
    }
    return "\(first.day)–\(end.day) \(month(end)) \(end.year)"
  }

  /// `08:30–11:30`.
  static func span(_ start: String, _ end: String) -> String { "\(start)–\(end)" }

  /// `8`, `12`, `2`: the hour on a 12-hour clock face, for axis labels.
  static func hourLabel(_ minutes: Int) -> String {
    let hour = minutes / 60 % 24
    return String(hour % 12 == 0 ? 12 : hour % 12)
  }

  static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

  static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]
}
