import SROScenario

/// A solved week: who stands where and when, what stays uncovered, and each
/// officer's hours (spec §5).
public struct Roster: Sendable, Hashable, Codable {
  /// Whether the roster is proven optimal.
  public enum Status: String, Sendable, Hashable, Codable {
    /// Proven optimal.
    case optimal
    /// A limit stopped the search with this roster in hand; see `bound`.
    case feasible
  }

  /// Whether a block is regular coverage or an event.
  public enum Kind: String, Sendable, Hashable, Codable {
    case coverage
    case event
  }

  /// One officer taking one block.
  public struct Assignment: Sendable, Hashable, Codable {
    public var officer: String
    public var school: String
    public var day: String
    public var date: String
    public var start: String
    public var end: String
    public var kind: Kind
    /// The event's id, for event blocks.
    public var event: String?

    public init(
      officer: String, school: String, day: String, date: String, start: String, end: String,
      kind: Kind, event: String?
    ) {
      self.officer = officer
      self.school = school
      self.day = day
      self.date = date
      self.start = start
      self.end = end
      self.kind = kind
      self.event = event
    }
  }

  /// A block with fewer officers than it needs.
  public struct Uncovered: Sendable, Hashable, Codable {
    public var school: String
    public var day: String
    public var date: String
    public var start: String
    public var end: String
    public var kind: Kind
    public var event: String?
    public var needed: Int
    public var assigned: Int
    public var missing: Int

    public init(
      school: String, day: String, date: String, start: String, end: String, kind: Kind,
      event: String?, needed: Int, assigned: Int, missing: Int
    ) {
      self.school = school
      self.day = day
      self.date = date
      self.start = start
      self.end = end
      self.kind = kind
      self.event = event
      self.needed = needed
      self.assigned = assigned
      self.missing = missing
    }
  }

  /// An officer's week.
  public struct OfficerHours: Sendable, Hashable, Codable {
    public var id: String
    public var hours: Double
    /// `max(0, hours − maxHoursPerWeek)`.
    public var overtime: Double

    public init(id: String, hours: Double, overtime: Double) {
      self.id = id
      self.hours = hours
      self.overtime = overtime
    }
  }

  public var scenario: String
  public var week: String
  public var status: Status
  /// The objective value of this roster (spec §4).
  public var objective: Double
  /// The best proven bound; equal to `objective` when optimal.
  public var bound: Double
  /// Sorted by day, start, school, end, officer.
  public var assignments: [Assignment]
  /// In block order: by day, start, end, school, coverage before events.
  public var uncovered: [Uncovered]
  /// One entry per officer, in scenario order.
  public var officers: [OfficerHours]

  public init(
    scenario: String, week: String, status: Status, objective: Double, bound: Double,
    assignments: [Assignment], uncovered: [Uncovered], officers: [OfficerHours]
  ) {
    self.scenario = scenario
    self.week = week
    self.status = status
    self.objective = objective
    self.bound = bound
    self.assignments = assignments
    self.uncovered = uncovered
    self.officers = officers
  }
}

extension Block {
  /// Whether the block is regular coverage or an event, as a roster says it.
  public var kind: Roster.Kind { event == nil ? .coverage : .event }
}
