import SRORoster
import SROScenario
import SROSearch

/// What a staffing study asked, written at the head of each shard so that
/// shards can be checked to belong together and merged without the scenario.
public struct StudyHeader: Sendable, Hashable, Codable {
  /// A school as the report names it.
  public struct SchoolInfo: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var agency: String
  }

  /// The absence rates of an agency's officers (relief officers included),
  /// or of one officer with rates of its own.
  public struct Rates: Sendable, Hashable, Codable {
    public var who: String
    public var wholeDay: Double
    public var partDay: Double
  }

  /// The shard file format.
  public var format = "sro-staffing/1"
  public var scenario: String
  public var week: String
  public var seed: UInt64
  public var samples: Int
  public var agencies: [String]
  /// Each level's relief count per agency, in `agencies` order.
  public var levels: [[Int]]
  /// The high-priority periods (empty: every coverage block).
  public var priorityPeriods: [String]
  public var schools: [SchoolInfo]
  public var rates: [Rates]
  public var eventsPerWeek: Double
  public var closureRate: Double
  /// Skills of each agency's relief officers (agencies without any left out).
  public var reliefSkills: [String: [String]]
  public var timeLimitSeconds: Double
  public var target: Double
}

extension StaffingStudy {
  /// The header of this study's report and shards.
  public var header: StudyHeader {
    let defaults = sampler.defaults
    let assumptions = scenario.staffing
    var rates = scenario.agencies.map { agency in
      let typical = sampler.reliefOfficer(1, of: agency.id)
      let own = assumptions.rates(of: typical, defaults: defaults)
      return StudyHeader.Rates(who: agency.id.rawValue, wholeDay: own.wholeDay, partDay: own.partDay)
    }
    for officer in scenario.officers
    where assumptions.rates.contains(where: { $0.scope == .officer(officer.id) }) {
      let own = assumptions.rates(of: officer, defaults: defaults)
      rates.append(StudyHeader.Rates(who: officer.id.rawValue, wholeDay: own.wholeDay, partDay: own.partDay))
    }
    let limit = timeLimit.components
    return StudyHeader(
      scenario: scenario.name, week: scenario.week.description, seed: seed, samples: samples,
      agencies: agencies.map(\.rawValue), levels: levels,
      priorityPeriods: highPriority.periods.map(\.id),
      schools: scenario.schools.map {
        StudyHeader.SchoolInfo(id: $0.id.rawValue, name: $0.name, agency: $0.agency.rawValue)
      },
      rates: rates, eventsPerWeek: assumptions.eventsPerWeek, closureRate: assumptions.closureRate,
      reliefSkills: Dictionary(
        uniqueKeysWithValues: assumptions.reliefSkills.map { ($0.key.rawValue, $0.value) }),
      timeLimitSeconds: roundToMicro(Double(limit.seconds) + Double(limit.attoseconds) * 1e-18),
      target: target)
  }
}
