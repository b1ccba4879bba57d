import SROScenario

/// Coverage and cost figures of a roster, for summaries and comparisons.
public struct RosterStatistics: Sendable {
  /// Needed and covered officer-hours of some set of blocks.
  public struct Coverage: Sendable, Hashable {
    public var needed: Double = 0
    public var covered: Double = 0
    /// `covered / needed`, 1 when nothing is needed.
    public var fraction: Double { needed == 0 ? 1 : covered / needed }
  }

  /// The objective's four terms (spec §4); they add up to ``total``.
  public struct ObjectiveTerms: Sendable, Hashable {
    public var uncovered: Double = 0
    public var overtime: Double = 0
    public var awayFromHome: Double = 0
    public var crossAgency: Double = 0
    public var total: Double { uncovered + overtime + awayFromHome + crossAgency }
  }

  public private(set) var overall = Coverage()
  public private(set) var byAgency: [AgencyID: Coverage] = [:]
  public private(set) var bySchool: [SchoolID: Coverage] = [:]
  public private(set) var byDay: [Weekday: Coverage] = [:]
  /// Missing officer-hours by block priority, highest priority first.
  public private(set) var uncoveredHoursByPriority: [(priority: Double, hours: Double)] = []
  public private(set) var overtimeHours = 0.0
  public private(set) var awayFromHomeHours = 0.0
  public private(set) var crossAgencyHours = 0.0
  public private(set) var terms = ObjectiveTerms()

  /// The figures of `roster`, a roster of `scenario`.
  public init(scenario: Scenario, roster: Roster) {
    let rules = Eligibility(scenario)
    let weights = scenario.policy.weights
    let blocks = scenario.blocks()
    // Identical blocks (overlapping windows of one school) each have an
    // entry of their own, in block order: hand them out in that order.
    var missing: [String: [Int]] = [:]
    for u in roster.uncovered {
      missing[Self.key(u.school, u.day, u.start, u.end, u.event), default: []].append(u.missing)
    }
    var byPriority: [Double: Double] = [:]
    for block in blocks {
      let key = Self.key(
        block.school.rawValue, block.day.code, block.interval.start.description,
        block.interval.end.description, block.event?.rawValue)
      let short = Double(missing[key]?.isEmpty == false ? missing[key]!.removeFirst() : 0) * block.hours
      let needed = Double(block.needed) * block.hours
      let agency = rules.school(block.school)?.agency ?? AgencyID("")
      for update in [
        { (c: inout Coverage) in
          c.needed += needed; c.covered += needed - short
        }
      ] {
        update(&overall)
        update(&byAgency[agency, default: Coverage()])
        update(&bySchool[block.school, default: Coverage()])
        update(&byDay[block.day, default: Coverage()])
      }
      if short > 0 {
        byPriority[block.priority, default: 0] += short
        terms.uncovered += weights.uncoveredCost(hours: short, priority: block.priority)
      }
    }
    uncoveredHoursByPriority = byPriority.sorted { $0.key > $1.key }.map { ($0.key, $0.value) }
    overtimeHours = roster.officers.reduce(0) { $0 + $1.overtime }
    terms.overtime = weights.overtimeCost(hours: overtimeHours)
    for a in roster.assignments {
      guard let officer = scenario.officer(OfficerID(a.officer)),
        let start = TimeOfDay(parsing: a.start), let end = TimeOfDay(parsing: a.end)
      else { continue }
      let hours = Double(end.minutes - start.minutes) / 60
      if rules.isAwayFromHome(officer, at: SchoolID(a.school)) { awayFromHomeHours += hours }
      if rules.isCrossAgency(officer, at: SchoolID(a.school)) { crossAgencyHours += hours }
    }
    terms.awayFromHome = weights.awayFromHomeCost(hours: awayFromHomeHours)
    terms.crossAgency = weights.crossAgencyCost(hours: crossAgencyHours)
  }

  static func key(_ school: String, _ day: String, _ start: String, _ end: String, _ event: String?)
    -> String
  {
    [school, day, start, end, event ?? ""].joined(separator: "|")
  }
}
