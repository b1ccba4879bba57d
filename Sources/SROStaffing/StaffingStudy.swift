import Foundation
import SROFormulation
import SRORoster
import SROScenario
import SROSearch

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

  /// The sampled week `sample`, solved at every level.
  ///
  /// Independent parts (see ``Scenario/independentParts()``) are planned
  /// apart. A part a level shares with a lower one (an agency whose relief
  /// did not change) is planned once. A part that a lower level already
  /// staffed perfectly (its schools fully covered, no overtime, no
  /// cross-agency hour) is not planned again: more relief cannot improve any
  /// number the report shows, and that roster is still valid (it counts as
  /// `carried`).
  public func week(_ sample: Int) throws(PlanningError) -> SampledWeek {
    var solvedParts: [String: LevelOutcome] = [:]
    var perfect: [(level: [Int], schools: [SchoolID], outcome: LevelOutcome)] = []
    var chosen: [LevelOutcome] = []
    let clock = ContinuousClock()
    for level in levels {
      let deadline = clock.now + timeLimit
      let week = sampler.week(sample, relief: Array(zip(agencies, level)))
      var own = LevelOutcome.empty
      for part in week.independentParts() {
        let schools = part.schools.map(\.id)
        let key =
          part.officers.map(\.id.rawValue).joined(separator: ",") + "|"
          + schools.map(\.rawValue).joined(separator: ",")
        var outcome: LevelOutcome
        if let known = solvedParts[key] {
          outcome = known
        } else if let lower = perfect.first(where: { $0.schools == schools && $0.level.allSatisfy(<=, level) }
        ) {
          outcome = lower.outcome
          outcome.carried = true
        } else {
          outcome = try solve(part, limit: max(deadline - clock.now, timeLimit / 10))
          solvedParts[key] = outcome
          if outcome.isPerfect { perfect.append((level, schools, outcome)) }
          own = own.adding(outcome)
          continue
        }
        outcome.seconds = 0
        own = own.adding(outcome)
      }
      chosen.append(best(own, below: level, chosen: chosen))
    }
    return SampledWeek(sample: sample, levels: chosen)
  }

  /// `own`, or the best roster of a lower level when it is better.
  func best(_ own: LevelOutcome, below level: [Int], chosen: [LevelOutcome]) -> LevelOutcome {
    var best = own
    for (lower, outcome) in zip(levels, chosen)
    where lower.allSatisfy(<=, level) && outcome.isBetter(than: best) {
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

extension [Int] {
  /// Whether every count is at most the other level's.
  fileprivate func allSatisfy(_ order: (Int, Int) -> Bool, _ other: [Int]) -> Bool {
    zip(self, other).allSatisfy { order($0, $1) }
  }
}
