/// A planned week, loaded and validated: everything the model needs, with
/// the spec's defaults filled in and every reference resolved.
///
/// Lists keep the order of the (merged) files; ids are unique within each.
public struct Scenario: Sendable {
  public var name: String
  /// The Monday of the planned week.
  public var week: CivilDate
  public var periods: [Period]
  public var policy: Policy
  public var agencies: [Agency]
  public var schools: [School]
  public var officers: [Officer]
  public var absences: [Absence]
  public var closures: [Closure]
  public var events: [Event]
  /// Assignments a planner fixed (an sro addition to the spec's format).
  public var pins: [Pin] = []
  /// Assignments a planner ruled out (an sro addition to the spec's format).
  public var forbids: [Forbid] = []
  /// The IANA time zone of the district's clock times (`America/Chicago`
  /// unless the scenario's `timeZone` says otherwise; an sro addition).
  public var timeZone = Scenario.defaultTimeZone
  /// What a staffing study assumes (an sro addition to the spec's format).
  public var staffing = StaffingAssumptions()

  /// The date of `day` in the planned week.
  public func date(of day: Weekday) -> CivilDate { week.adding(days: day.rawValue) }

  /// The school with `id`. Every reference in a validated scenario resolves.
  public func school(_ id: SchoolID) -> School? { schools.first { $0.id == id } }

  /// The officer with `id`.
  public func officer(_ id: OfficerID) -> Officer? { officers.first { $0.id == id } }
}

/// A named slice of the school day whose coverage blocks get a priority.
public struct Period: Sendable, Hashable {
  public var id: String
  public var start: TimeOfDay
  public var end: TimeOfDay
  public var priority: Double
}

/// Whether an officer may cover a school of another agency.
public enum CrossAgencyRule: String, Sendable, Hashable {
  /// Never.
  case forbid
  /// Yes, at `weights.crossAgency` per hour.
  case penalize
}

/// The objective's weights (spec §4).
public struct Weights: Sendable, Hashable {
  public var uncovered: Double = 100
  public var overtime: Double = 4
  public var awayFromHome: Double = 1
  public var crossAgency: Double = 10
}

/// District-wide rules.
public struct Policy: Sendable, Hashable {
  public var crossAgency: CrossAgencyRule = .forbid
  public var maxHoursPerDay: Double = 12
  public var maxHoursPerWeek: Double = 40
  public var maxOvertimePerWeek: Double = 10
  public var minRestHours: Double = 10
  public var travelSpeedKmh: Double = 40
  public var weights = Weights()
}

/// A law-enforcement agency and the school levels it staffs.
public struct Agency: Sendable, Hashable {
  public var id: AgencyID
  public var name: String
  public var serves: [String]
}

/// A coverage requirement: `officers` officers from `start` to `end` on `days`.
public struct CoverageWindow: Sendable, Hashable {
  public var days: [Weekday]
  public var start: TimeOfDay
  public var end: TimeOfDay
  public var officers: Int
}

/// A point on the earth, in degrees.
public struct Location: Sendable, Hashable {
  public var latitude: Double
  public var longitude: Double
}

/// A school, with its responsible agency and coverage resolved.
public struct School: Sendable, Hashable {
  public var id: SchoolID
  public var name: String
  public var level: String
  /// The agency responsible for the school: its own `agency`, else the one
  /// agency serving its level.
  public var agency: AgencyID
  public var priority: Double
  public var location: Location?
  /// Skills every officer covering the school must have, sorted.
  public var skills: [String]
  /// The school's own windows, else its level's defaults.
  public var coverage: [CoverageWindow]
}

/// An officer, with the policy's limits filled in.
public struct Officer: Sendable, Hashable {
  public var id: OfficerID
  public var name: String
  public var agency: AgencyID
  /// The officer's own school; `nil` for a relief officer.
  public var home: SchoolID?
  /// Skills, sorted.
  public var skills: [String]
  public var maxHoursPerWeek: Double
  public var maxOvertimePerWeek: Double

  package init(
    id: OfficerID, name: String, agency: AgencyID, home: SchoolID?, skills: [String],
    maxHoursPerWeek: Double, maxOvertimePerWeek: Double
  ) {
    self.id = id
    self.name = name
    self.agency = agency
    self.home = home
    self.skills = skills
    self.maxHoursPerWeek = maxHoursPerWeek
    self.maxOvertimePerWeek = maxOvertimePerWeek
  }
}

/// Part of a day, or the whole of it.
public struct DayInterval: Sendable, Hashable {
  public var start: TimeOfDay
  public var end: TimeOfDay

  /// The interval `[start, end)`.
  public init(start: TimeOfDay, end: TimeOfDay) {
    self.start = start
    self.end = end
  }

  /// `[00:00, 24:00)`.
  public static let wholeDay = DayInterval(
    start: TimeOfDay(minutes: 0), end: TimeOfDay(minutes: 24 * 60))

  /// Whether the half-open intervals share a moment.
  public func overlaps(_ other: DayInterval) -> Bool {
    start < other.end && other.start < end
  }
}

/// An officer away on some days, for the whole day or part of it.
public struct Absence: Sendable, Hashable {
  public var officer: OfficerID
  public var days: [Weekday]
  /// `wholeDay` when the absence gave no times.
  public var interval: DayInterval
  public var reason: String?

  package init(officer: OfficerID, days: [Weekday], interval: DayInterval, reason: String?) {
    self.officer = officer
    self.days = days
    self.interval = interval
    self.reason = reason
  }
}

/// A school (or every school) closed on some days.
public struct Closure: Sendable, Hashable {
  /// `nil` for `school: all`.
  public var school: SchoolID?
  public var days: [Weekday]
  public var reason: String?
}

/// An evening or special event needing officers at a school.
public struct Event: Sendable, Hashable {
  public var id: EventID
  public var name: String
  public var school: SchoolID
  public var day: Weekday
  public var start: TimeOfDay
  public var end: TimeOfDay
  public var officers: Int
  public var priority: Double
  public var skills: [String]
}

/// A planner's fixed assignment: the officer takes every block at the
/// school on the day — the coverage blocks when no times are given, every
/// block (events included) lying within `[start, end)` when they are.
public struct Pin: Sendable, Hashable {
  public var officer: OfficerID
  public var school: SchoolID
  public var day: Weekday
  public var interval: DayInterval?
  /// Where the pin was written, for messages.
  public var origin: Origin

  package init(officer: OfficerID, school: SchoolID, day: Weekday, interval: DayInterval?, origin: Origin) {
    self.officer = officer
    self.school = school
    self.day = day
    self.interval = interval
    self.origin = origin
  }
}

/// A planner's ruled-out assignment: the officer takes no block at the
/// school on the given days (every day when none are given).
public struct Forbid: Sendable, Hashable {
  public var officer: OfficerID
  public var school: SchoolID
  public var days: [Weekday]
}
