import SRORoster
import SROScenario
import SROSearch

/// What a staffing study found, level by level: computed from the header
/// and the sampled weeks alone, so that a merged set of shards gives the
/// very report an unsharded run gives.
public struct StaffingReport: Sendable, Hashable {
  /// A distribution over the sampled weeks.
  public struct Spread: Sendable, Hashable {
    public var p5: Double
    public var median: Double
    public var p95: Double
    public var mean: Double
  }

  /// How often one school was left uncovered at one level.
  public struct SchoolShare: Sendable, Hashable {
    public var school: StudyHeader.SchoolInfo
    /// Share of weeks with an uncovered block at the school.
    public var uncovered: Double
    /// Share of weeks with an uncovered high-priority block at the school.
    public var priorityUncovered: Double
  }

  /// How often one agency's schools were covered at one level.
  public struct AgencyShare: Sendable, Hashable {
    public var agency: String
    /// Share of weeks with nothing uncovered at the agency's schools.
    public var fullyCovered: Double
    /// Share of weeks with no high-priority block uncovered at its schools.
    public var priorityCovered: Double
  }

  /// One relief level over every sampled week.
  public struct Level: Sendable, Hashable {
    /// Relief officers per agency, in the header's agency order.
    public var relief: [Int]
    /// Share of weeks with nothing uncovered.
    public var fullyCovered: Double
    /// Share of weeks with no high-priority block uncovered.
    public var priorityCovered: Double
    /// Missing officer-hours per week.
    public var uncoveredHours: Spread
    public var overtimeHours: Spread
    public var crossAgencyHours: Spread
    /// Share of weeks whose roster is proven optimal.
    public var proven: Double
    /// Weeks that kept a lower level's roster (see ``StaffingStudy``).
    public var carried: Int
    /// Every school, in the scenario's order.
    public var schools: [SchoolShare]
    /// Every agency responsible for a school, in order of its first school.
    public var agencies: [AgencyShare]

    /// Relief officers in all.
    public var totalRelief: Int { relief.reduce(0, +) }
  }

  public let header: StudyHeader
  public let levels: [Level]
  /// The level with the fewest relief officers whose `priorityCovered`
  /// reaches the target (ties: the better covered, then the first); `nil`
  /// when none does.
  public let recommended: Int?

  /// The report of `weeks` (every sample of the header exactly once, in
  /// any order).
  public init(header: StudyHeader, weeks: [SampledWeek]) {
    self.header = header
    let weeks = weeks.sorted { $0.sample < $1.sample }
    let levels = header.levels.indices.map { l in
      Self.level(header: header, relief: header.levels[l], outcomes: weeks.map { $0.levels[l] })
    }
    self.levels = levels
    recommended = levels.indices.filter { levels[$0].priorityCovered >= header.target }.min { a, b in
      (levels[a].totalRelief, -levels[a].priorityCovered, -levels[a].fullyCovered, a)
        < (levels[b].totalRelief, -levels[b].priorityCovered, -levels[b].fullyCovered, b)
    }
  }

  private static func level(header: StudyHeader, relief: [Int], outcomes: [LevelOutcome]) -> Level {
    let count = Double(max(1, outcomes.count))
    func share(_ include: (LevelOutcome) -> Bool) -> Double {
      roundToMicro(Double(outcomes.filter(include).count) / count)
    }
    var uncovered: [String: Int] = [:]
    var priorityUncovered: [String: Int] = [:]
    for outcome in outcomes {
      for school in outcome.uncoveredSchools { uncovered[school, default: 0] += 1 }
      for school in outcome.priorityUncoveredSchools { priorityUncovered[school, default: 0] += 1 }
    }
    var agencies: [String] = []
    for school in header.schools where !agencies.contains(school.agency) { agencies.append(school.agency) }
    let agencyOf = Dictionary(header.schools.map { ($0.id, $0.agency) }) { first, _ in first }
    let agencyShares = agencies.map { agency in
      AgencyShare(
        agency: agency,
        fullyCovered: share { !$0.uncoveredSchools.contains { agencyOf[$0] == agency } },
        priorityCovered: share { !$0.priorityUncoveredSchools.contains { agencyOf[$0] == agency } })
    }
    return Level(
      relief: relief, fullyCovered: share(\.fullyCovered), priorityCovered: share(\.priorityCovered),
      uncoveredHours: Spread(outcomes.map(\.uncoveredHours)),
      overtimeHours: Spread(outcomes.map(\.overtimeHours)),
      crossAgencyHours: Spread(outcomes.map(\.crossAgencyHours)), proven: share(\.optimal),
      carried: outcomes.filter(\.carried).count,
      schools: header.schools.map { school in
        SchoolShare(
          school: school, uncovered: roundToMicro(Double(uncovered[school.id] ?? 0) / count),
          priorityUncovered: roundToMicro(Double(priorityUncovered[school.id] ?? 0) / count))
      }, agencies: agencyShares)
  }
}

extension StaffingReport.Spread {
  /// The 5th, 50th and 95th percentiles (linear between the two nearest
  /// ranks) and the mean of `values`; all 0 when there are none.
  init(_ values: [Double]) {
    let sorted = values.sorted()
    func percentile(_ p: Double) -> Double {
      guard !sorted.isEmpty else { return 0 }
      let rank = p * Double(sorted.count - 1)
      let low = Int(rank.rounded(.down))
      let high = min(low + 1, sorted.count - 1)
      return roundToMicro(sorted[low] + (sorted[high] - sorted[low]) * (rank - Double(low)))
    }
    self.init(
      p5: percentile(0.05), median: percentile(0.5), p95: percentile(0.95),
      mean: roundToMicro(sorted.reduce(0, +) / Double(max(1, sorted.count))))
  }
}
