import SRORoster
import SROScenario

/// Who fills each officer place of the week's coverage blocks, school by
/// school and day by day: what the report's heatmap draws.
struct CoverageMap {
  /// How one officer place of a block is filled.
  enum Fill: Hashable {
    /// By an officer whose home is this school.
    case home
    /// By another officer of the school's agency: a relief officer, a
    /// floater, or one away from their own school.
    case away
    /// By an officer of another agency.
    case crossAgency
    /// By nobody; `priority` is the block's.
    case missing(priority: Double)
  }

  /// One coverage block of a school's day, its places in the order above.
  struct Segment: Hashable {
    var start: Int
    var end: Int
    var fills: [Fill]
  }

  /// A school's day: its blocks, or why it has none.
  struct Day: Hashable {
    var segments: [Segment]
    /// The officers who take coverage blocks there, in the order they first start.
    var officers: [String]
    /// Missing officer-hours.
    var shortHours: Double
    /// The closure's reason (or empty) when the school is closed.
    var closed: String?
  }

  /// The earliest start and latest end of any coverage block, in minutes,
  /// widened to whole hours.
  let axis: ClosedRange<Int>
  private let days: [SchoolID: [Weekday: Day]]

  init(scenario: Scenario, roster: Roster) {
    let blocks = scenario.blocks().filter { $0.event == nil }
    var taken: [String: [String]] = [:]
    for a in roster.assignments where a.kind == .coverage {
      taken[[a.school, a.day, a.start, a.end].joined(separator: "|"), default: []].append(a.officer)
    }
    var days: [SchoolID: [Weekday: Day]] = [:]
    for block in blocks {
      let key = [
        block.school.rawValue, block.day.code, block.interval.start.description,
        block.interval.end.description,
      ].joined(separator: "|")
      // Identical blocks (overlapping windows) share out the officers.
      let officers = Array((taken[key] ?? []).prefix(block.needed))
      taken[key] = Array((taken[key] ?? []).dropFirst(officers.count))
      let fills =
        officers.map { Self.fill(by: $0, at: block.school, in: scenario) }.sorted(by: Self.order)
        + Array(repeating: .missing(priority: block.priority), count: block.needed - officers.count)
      var day = days[block.school, default: [:]][block.day] ?? Day(segments: [], officers: [], shortHours: 0)
      day.segments.append(
        Segment(start: block.interval.start.minutes, end: block.interval.end.minutes, fills: fills))
      for officer in officers where !day.officers.contains(officer) { day.officers.append(officer) }
      day.shortHours += Double(block.needed - officers.count) * block.hours
      days[block.school, default: [:]][block.day] = day
    }
    for school in scenario.schools {
      for closure in scenario.closures where closure.school == nil || closure.school == school.id {
        for day in closure.days where days[school.id]?[day] == nil {
          days[school.id, default: [:]][day] = Day(
            segments: [], officers: [], shortHours: 0, closed: closure.reason ?? "")
        }
      }
    }
    self.days = days
    let starts = blocks.map(\.interval.start.minutes)
    let ends = blocks.map(\.interval.end.minutes)
    let first = (starts.min() ?? 7 * 60) / 60 * 60
    let last = ((ends.max() ?? 16 * 60) + 59) / 60 * 60
    axis = first...max(last, first + 60)
  }

  /// The school's day; `nil` when nothing is needed and the school is open.
  func day(_ day: Weekday, at school: SchoolID) -> Day? { days[school]?[day] }

  private static func fill(by officer: String, at school: SchoolID, in scenario: Scenario) -> Fill {
    guard let person = scenario.officer(OfficerID(officer)), let place = scenario.school(school) else {
      return .away
    }
    if person.agency != place.agency { return .crossAgency }
    return person.home == school ? .home : .away
  }

  /// Home first, then away, then cross-agency, then missing.
  private static func order(_ a: Fill, _ b: Fill) -> Bool { rank(a) < rank(b) }

  private static func rank(_ fill: Fill) -> Int {
    switch fill {
    case .home: 0
    case .away: 1
    case .crossAgency: 2
    case .missing: 3
    }
  }
}
