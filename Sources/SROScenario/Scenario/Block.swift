/// A unit of coverage (spec §2): one school, one day, one interval, needing
/// a number of officers with some skills.
public struct Block: Sendable, Hashable {
  public var school: SchoolID
  public var day: Weekday
  public var interval: DayInterval
  public var needed: Int
  /// School priority × period (or event) priority.
  public var priority: Double
  public var requiredSkills: [String]
  /// The event this block is, or `nil` for regular coverage.
  public var event: EventID?

  /// `(end − start) / 60`.
  public var hours: Double { Double(interval.end.minutes - interval.start.minutes) / 60 }

  /// The block's index in names: `school,day,HH:MM-HH:MM`, or the event id.
  public var label: [String] {
    if let event { return [event.rawValue] }
    return [school.rawValue, day.code, "\(interval.start)-\(interval.end)"]
  }
}

extension Scenario {
  /// Every block of the week (spec §2), sorted by day, start, end, school,
  /// coverage before events, then event id. Blocks needing no officer are
  /// left out: nobody may take them and nothing can be missing.
  public func blocks() -> [Block] {
    var blocks: [Block] = []
    for school in schools {
      let closedDays = Set(
        closures.filter { $0.school == nil || $0.school == school.id }.flatMap(\.days))
      for window in school.coverage where window.officers > 0 {
        let pieces = cut(DayInterval(start: window.start, end: window.end))
        for day in window.days where !closedDays.contains(day) {
          for piece in pieces {
            let period = periods.first { $0.start <= piece.start && piece.end <= $0.end }
            blocks.append(
              Block(
                school: school.id, day: day, interval: piece, needed: window.officers,
                priority: school.priority * (period?.priority ?? 1), requiredSkills: school.skills,
                event: nil))
          }
        }
      }
    }
    for event in events where event.officers > 0 {
      let schoolPriority = school(event.school)?.priority ?? 1
      blocks.append(
        Block(
          school: event.school, day: event.day,
          interval: DayInterval(start: event.start, end: event.end), needed: event.officers,
          priority: event.priority * schoolPriority, requiredSkills: event.skills,
          event: event.id))
    }
    return blocks.enumerated().sorted { lhs, rhs in
      let (a, b) = (lhs.element, rhs.element)
      if a.day != b.day { return a.day < b.day }
      if a.interval.start != b.interval.start { return a.interval.start < b.interval.start }
      if a.interval.end != b.interval.end { return a.interval.end < b.interval.end }
      if a.school != b.school { return a.school < b.school }
      if (a.event == nil) != (b.event == nil) { return a.event == nil }
      if let x = a.event, let y = b.event, x != y { return x < y }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }

  /// `interval` cut at every period boundary strictly inside it.
  private func cut(_ interval: DayInterval) -> [DayInterval] {
    let cuts = Set(periods.flatMap { [$0.start, $0.end] })
      .filter { interval.start < $0 && $0 < interval.end }
      .sorted()
    let points = [interval.start] + cuts + [interval.end]
    return zip(points, points.dropFirst()).map { DayInterval(start: $0, end: $1) }
  }
}
