import Foundation
import SRORoster
import SROScenario
import SROSearch

/// How one sampled week went at one relief level: what stayed uncovered,
/// the overtime and cross-agency hours, and how the solve ended.
public struct LevelOutcome: Sendable, Hashable, Codable {
  /// Missing officer-hours over every block (Σ missing × hours).
  public var uncoveredHours: Double
  /// Missing officer-hours over the high-priority coverage blocks.
  public var priorityUncoveredHours: Double
  public var overtimeHours: Double
  /// Hours officers worked at schools of another agency.
  public var crossAgencyHours: Double
  /// The roster's objective and the best proven bound (spec §4).
  public var objective: Double
  public var bound: Double
  /// Whether the roster is proven optimal at this level.
  public var optimal: Bool
  /// Whether the roster is a lower level's, which was better (see
  /// ``StaffingStudy``).
  public var carried: Bool
  /// Schools with an uncovered block, and with an uncovered high-priority
  /// block, sorted.
  public var uncoveredSchools: [String]
  public var priorityUncoveredSchools: [String]
  /// Wall time of this level's solves (not part of the report: it differs
  /// from run to run).
  public var seconds: Double

  /// Nothing uncovered at all.
  public var fullyCovered: Bool { uncoveredHours == 0 }
  /// Nothing uncovered, no overtime, no cross-agency hour: no roster does
  /// better on any number a report shows.
  var isPerfect: Bool { uncoveredHours == 0 && overtimeHours == 0 && crossAgencyHours == 0 }

  /// Nothing uncovered in a high-priority block.
  public var priorityCovered: Bool { priorityUncoveredHours == 0 }

  static let empty = LevelOutcome(
    uncoveredHours: 0, priorityUncoveredHours: 0, overtimeHours: 0, crossAgencyHours: 0,
    objective: 0, bound: 0, optimal: true, carried: false, uncoveredSchools: [],
    priorityUncoveredSchools: [], seconds: 0)

  /// The outcome of `roster`, solved for `scenario`; `priority` tells the
  /// high-priority blocks.
  init(roster: Roster, scenario: Scenario, priority: HighPriority, seconds: Double) {
    let agencyOf = Dictionary(uniqueKeysWithValues: scenario.officers.map { ($0.id.rawValue, $0.agency) })
    let schoolAgency = Dictionary(uniqueKeysWithValues: scenario.schools.map { ($0.id.rawValue, $0.agency) })
    var uncovered = 0.0
    var priorityUncovered = 0.0
    var schools = Set<String>()
    var prioritySchools = Set<String>()
    for entry in roster.uncovered {
      let hours = Double(entry.missing) * Self.hours(entry.start, entry.end)
      uncovered += hours
      schools.insert(entry.school)
      if priority.contains(entry) {
        priorityUncovered += hours
        prioritySchools.insert(entry.school)
      }
    }
    let cross = roster.assignments.reduce(0.0) { sum, assignment in
      agencyOf[assignment.officer] == schoolAgency[assignment.school]
        ? sum : sum + Self.hours(assignment.start, assignment.end)
    }
    self.init(
      uncoveredHours: roundToMicro(uncovered), priorityUncoveredHours: roundToMicro(priorityUncovered),
      overtimeHours: roundToMicro(roster.officers.reduce(0) { $0 + $1.overtime }),
      crossAgencyHours: roundToMicro(cross), objective: roster.objective, bound: roster.bound,
      optimal: roster.status == .optimal, carried: false, uncoveredSchools: schools.sorted(),
      priorityUncoveredSchools: prioritySchools.sorted(), seconds: seconds)
  }

  init(
    uncoveredHours: Double, priorityUncoveredHours: Double, overtimeHours: Double,
    crossAgencyHours: Double, objective: Double, bound: Double, optimal: Bool, carried: Bool,
    uncoveredSchools: [String], priorityUncoveredSchools: [String], seconds: Double
  ) {
    self.uncoveredHours = uncoveredHours
    self.priorityUncoveredHours = priorityUncoveredHours
    self.overtimeHours = overtimeHours
    self.crossAgencyHours = crossAgencyHours
    self.objective = objective
    self.bound = bound
    self.optimal = optimal
    self.carried = carried
    self.uncoveredSchools = uncoveredSchools
    self.priorityUncoveredSchools = priorityUncoveredSchools
    self.seconds = seconds
  }

  /// Two independent parts' outcomes as one week's.
  func adding(_ other: LevelOutcome) -> LevelOutcome {
    LevelOutcome(
      uncoveredHours: roundToMicro(uncoveredHours + other.uncoveredHours),
      priorityUncoveredHours: roundToMicro(priorityUncoveredHours + other.priorityUncoveredHours),
      overtimeHours: roundToMicro(overtimeHours + other.overtimeHours),
      crossAgencyHours: roundToMicro(crossAgencyHours + other.crossAgencyHours),
      objective: roundToMicro(objective + other.objective), bound: roundToMicro(bound + other.bound),
      optimal: optimal && other.optimal, carried: carried || other.carried,
      uncoveredSchools: Set(uncoveredSchools + other.uncoveredSchools).sorted(),
      priorityUncoveredSchools: Set(priorityUncoveredSchools + other.priorityUncoveredSchools).sorted(),
      seconds: seconds + other.seconds)
  }

  /// Less uncovered at high priority, then less uncovered, then a lower
  /// objective.
  func isBetter(than other: LevelOutcome) -> Bool {
    (priorityUncoveredHours, uncoveredHours, objective)
      < (other.priorityUncoveredHours, other.uncoveredHours, other.objective)
  }

  /// `HH:MM`–`HH:MM` in hours.
  private static func hours(_ start: String, _ end: String) -> Double {
    guard let start = TimeOfDay(parsing: start), let end = TimeOfDay(parsing: end) else { return 0 }
    return Double(end.minutes - start.minutes) / 60
  }
}

/// The blocks a study counts as high priority: coverage blocks inside the
/// periods with the largest period priority (arrival and dismissal in the
/// Norman district); every coverage block when no period has a priority
/// above 1. Events never count (they are not part of the school day).
public struct HighPriority: Sendable, Hashable {
  /// The periods, empty when every coverage block counts.
  public let periods: [Period]

  public init(_ scenario: Scenario) {
    let top = scenario.periods.map(\.priority).max() ?? 1
    periods = top > 1 ? scenario.periods.filter { $0.priority == top } : []
  }

  /// Whether an uncovered entry is a high-priority block.
  func contains(_ entry: Roster.Uncovered) -> Bool {
    guard entry.kind == .coverage else { return false }
    guard !periods.isEmpty else { return true }
    guard let start = TimeOfDay(parsing: entry.start), let end = TimeOfDay(parsing: entry.end) else {
      return false
    }
    return periods.contains { $0.start <= start && end <= $0.end }
  }
}
