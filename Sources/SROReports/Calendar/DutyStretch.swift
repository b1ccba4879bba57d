import SRORoster
import SROScenario

/// An officer's continuous time at one place: adjacent coverage blocks at
/// one school joined into one stretch, or one event. A calendar shows one
/// entry per stretch.
public struct DutyStretch: Sendable, Hashable {
  public var officer: String
  public var school: String
  /// `mon` … `sun`.
  public var day: String
  /// `YYYY-MM-DD`.
  public var date: String
  /// `HH:MM`.
  public var start: String
  /// `HH:MM`, possibly `24:00`.
  public var end: String
  /// The event's id, for event duty.
  public var event: String?
  /// The roster's assignments the stretch is made of, in time order.
  public var assignments: [Roster.Assignment]
  /// 1 for the officer's first stretch at this place on this day, 2 for
  /// the second, …
  public var ordinal: Int

  /// The stretch's identity within a week, the same in every re-plan of
  /// the week that keeps the officer at the place: week, day, place
  /// (school, or event), ordinal and officer. Calendar apps update the
  /// entry with this identity instead of adding another.
  public func uid(week: String) -> String {
    let place = event.map { "event-\($0)" } ?? school
    return "\(week)-\(day)-\(place)-\(ordinal)-\(officer)@sro"
  }

  /// The stretches of `assignments` (any order), by officer, then in time
  /// order.
  public static func stretches(of assignments: [Roster.Assignment]) -> [DutyStretch] {
    let sorted = assignments.sorted {
      ($0.officer, $0.date, $0.start, $0.end, $0.school) < ($1.officer, $1.date, $1.start, $1.end, $1.school)
    }
    var stretches: [DutyStretch] = []
    var ordinals: [String: Int] = [:]
    for a in sorted {
      if var last = stretches.last, last.officer == a.officer, last.date == a.date,
        last.event == nil, a.kind == .coverage, last.school == a.school, last.end == a.start
      {
        last.end = a.end
        last.assignments.append(a)
        stretches[stretches.count - 1] = last
        continue
      }
      let place = [a.officer, a.date, a.event.map { "event \($0)" } ?? a.school].joined(separator: "|")
      ordinals[place, default: 0] += 1
      stretches.append(
        DutyStretch(
          officer: a.officer, school: a.school, day: a.day, date: a.date, start: a.start, end: a.end,
          event: a.kind == .event ? a.event : nil, assignments: [a], ordinal: ordinals[place]!))
    }
    return stretches
  }
}
