import Foundation

/// One sampled week's outcomes, one per relief level of its study.
public struct SampledWeek: Sendable, Hashable, Codable {
  /// The week's index, `0 ..< samples`.
  public var sample: Int
  public var levels: [LevelOutcome]
}

/// A staffing study: many weeks sampled from one scenario, each planned at
/// every relief level, to see how often the program is fully covered.
///
/// Relief levels are every combination of the counts asked per agency, in
/// order (the first agency's count changing slowest), so a level comes
/// after every level with no more relief of any agency.
///
/// More relief never makes a week worse: the roster of a lower level is
/// still valid with more officers (the extra ones stay home) and costs the
/// same, so each level keeps the better of its own roster and those of the
/// levels below it (less uncovered at high priority, then less uncovered,
/// then a lower objective). With rosters proven optimal this changes a
/// result only where the objective trades a little coverage for overtime;
/// under a time limit it also guards against a search stopped early. Such
/// weeks are counted as `carried`.
public struct StaffingStudy: Sendable {
  public let scenario: Scenario
  public let seed: UInt64
  public let samples: Int
  /// The agencies given relief, and each level's count per agency.
  public let agencies: [AgencyID]
  public let levels: [[Int]]
  /// The time allowed to one week at one level (its parts share it; a
  /// part is given at least a tenth of it).
  public let timeLimit: Duration
  /// The share of weeks fully covered at high priority the recommendation aims at.
  public let target: Double
  let sampler: WeekSampler
  let highPriority: HighPriority

  /// A study of `samples` weeks of `scenario` (its `staffing` assumptions
  /// included); `relief` lists the counts to try per agency (sorted, each once).
  public init(
    scenario: Scenario, seed: UInt64, samples: Int, relief: [(agency: AgencyID, counts: [Int])],
    timeLimit: Duration, target: Double
  ) {
    self.scenario = scenario
    self.seed = seed
    self.samples = samples
    self.timeLimit = timeLimit
    self.target = target
    agencies = relief.map(\.agency)
    levels = relief.reduce([[]]) { levels, agency in
      levels.flatMap { level in Array(Set(agency.counts)).sorted().map { level + [$0] } }
    }
    sampler = WeekSampler(base: scenario, seed: seed)
    highPriority = HighPriority(scenario)
  }

  /// The sampled weeks `slice`, several at a time on `threads` threads;
  /// `progress` is called after each week (from the week's thread). In
  /// sample order.
  public func run(
    _ slice: Range<Int>, threads: Int, progress: @escaping @Sendable () -> Void = {}
  ) throws(PlanningError) -> [SampledWeek] {
    let results = concurrently(Array(slice), threads: threads) { sample in
      defer { progress() }
      return Result { () throws(PlanningError) in try self.week(sample) }
    }
    var weeks: [SampledWeek] = []
    for result in results {
      switch result {
      case .success(let week): weeks.append(week)
      case .failure(let error): throw error
      }
    }
    return weeks
  }

  /// The sampled week `sample`, solved at every level. Independent parts
  /// (see ``Scenario/independentParts()``) that one level shares with a
  /// lower one (an agency whose relief did not change) are solved once.
  public func week(_ sample: Int) throws(PlanningError) -> SampledWeek {
    var solvedParts: [String: LevelOutcome] = [:]
    var chosen: [LevelOutcome] = []
    let clock = ContinuousClock()
    for level in levels {
      let deadline = clock.now + timeLimit
      let week = sampler.week(sample, relief: Array(zip(agencies, level)))
      var own = LevelOutcome.empty
      for part in week.independentParts() {
        let key =
          part.officers.map(\.id.rawValue).joined(separator: ",") + "|"
          + part.schools.map(\.id.rawValue).joined(separator: ",")
        if let known = solvedParts[key] {
          own = own.adding(LevelOutcome(cachedFrom: known))
        } else {
          let outcome = try solve(part, limit: max(deadline - clock.now, timeLimit / 10))
          solvedParts[key] = outcome
          own = own.adding(outcome)
        }
      }
      chosen.append(best(own, below: level, chosen: chosen))
    }
    return SampledWeek(sample: sample, levels: chosen)
  }

  /// `own`, or the best roster of a lower level when it is better.
  func best(_ own: LevelOutcome, below level: [Int], chosen: [LevelOutcome]) -> LevelOutcome {
    var best = own
    for (lower, outcome) in zip(levels, chosen)
    where zip(lower, level).allSatisfy({ $0 <= $1 }) && outcome.isBetter(than: best) {
      best = outcome
    }
    guard best != own else { return own }
    best.carried = true
    best.bound = own.bound
    best.optimal = best.objective <= own.bound + 1e-6
    best.seconds = own.seconds
    return best
  }

  /// Plans one part within `limit`, on one thread.
  private func solve(_ part: Scenario, limit: Duration) throws(PlanningError) -> LevelOutcome {
    var options = PlanningOptions()
    options.timeLimit = limit
    options.threads = 1
    let result = try Planner.plan(part, options: options)
    let seconds =
      Double(result.wallTime.components.seconds)
      + Double(result.wallTime.components.attoseconds) * 1e-18
    return LevelOutcome(roster: result.roster, scenario: part, priority: highPriority, seconds: seconds)
  }
}

extension LevelOutcome {
  /// A part solved at a lower level, reused: no time spent now.
  fileprivate init(cachedFrom outcome: LevelOutcome) {
    self = outcome
    seconds = 0
  }
}
