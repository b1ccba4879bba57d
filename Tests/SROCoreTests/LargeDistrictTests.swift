import GLPKSolver
import LinearModel
import SROTestSupport
import Testing

@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch
@testable import SROValidator

/// The machinery for large districts: the greedy roster, and the
/// restricted, priced model with its bound.
@Suite(.tags(.slow)) struct LargeDistrictTests {
  func generated(_ schools: Int, seed: UInt64) throws -> Scenario {
    try ScenarioLoader.load(
      text: DistrictGenerator(options: .init(schools: schools, seed: seed)).yaml(), file: "generated.yaml")
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func greedyRosterMeetsEveryConstraint(seed: UInt64) throws {
    let scenario = try generated(16, seed: seed)
    let coverage = try CoverageModel(scenario: scenario)
    let greedy = GreedyStart(coverage: coverage)
    let values = try #require(greedy.values())
    for named in coverage.model.constraints {
      #expect(named.constraint.isSatisfied(by: { values[$0.index] }), "\(named.name)")
    }
    for (j, variable) in coverage.model.variables.enumerated() {
      #expect(values[j] >= variable.lowerBound - 1e-9 && values[j] <= variable.upperBound + 1e-9)
    }
    let solution = try #require(greedy.solution())
    #expect(solution.objective == coverage.model.objective.evaluate { values[$0.index] })
    let roster = coverage.roster(from: solution)
    #expect(RosterValidator(scenario: scenario).validate(roster).violations == [])
  }

  @Test(arguments: [1, 3, 5] as [UInt64])
  func restrictedModelGivesAValidRosterAndBound(seed: UInt64) throws {
    let scenario = try generated(12, seed: seed)
    let exact = try Planner.plan(scenario).roster
    var tuning = SearchTuning()
    tuning.restrictionThreshold = 0
    let restricted = try Planner.plan(scenario, options: PlanningOptions(), tuning: tuning).roster
    #expect(RosterValidator(scenario: scenario).validate(restricted).violations == [])
    #expect(restricted.objective >= exact.objective - 1e-6)
    // The bound holds for the full model: never above its optimum.
    #expect(restricted.bound <= exact.objective + 1e-6)
    #expect(restricted.bound <= restricted.objective + 1e-6)
  }
}

/// Generated Norman-size weeks whose search goes past LP rounding: stage 4
/// searches the LP's support from a branch-and-cut roster that takes
/// pairs the LP left at 0 (they must stay free, or GLPK refuses the start).
/// Its optimum, 104.5, is HiGHS's too on `sro export --mps` of the week.
@Suite(.tags(.slow)) struct StagedSearchTests {
  @Test func generatedWeekPastRoundingReachesItsOptimum() throws {
    let scenario = try ScenarioLoader.load(
      text: DistrictGenerator(options: .init(schools: 24, seed: 4)).yaml(), file: "generated.yaml")
    let roster = try solveAndValidate(scenario)
    #expect(roster.status == .optimal)
    #expect(roster.objective == 104.5)
  }
}

/// A search cut short by its time limit never calls a roster optimal that
/// is not, and its bound never passes the optimum. The optima are
/// HiGHS's on `sro export --mps` of each generated week (3964 in 10 s,
/// 104.5 in 3 s, 2700 in 94 s). Rounding searches report `optimal` for
/// their own neighbourhood; that status once leaked into the roster
/// (seed 4 at 0.3 s was "optimal" at 686.5).
@Suite(.tags(.slow)) struct TimeLimitedSearchTests {
  @Test(arguments: [(1, 3964.0), (4, 104.5), (10, 2700.0)] as [(UInt64, Double)])
  func shortLimitsNeverClaimAFalseOptimum(seed: UInt64, optimum: Double) throws {
    let scenario = try ScenarioLoader.load(
      text: DistrictGenerator(options: .init(schools: 24, seed: seed)).yaml(), file: "generated.yaml")
    for milliseconds in [100, 300, 1000] as [Int64] {
      var options = PlanningOptions()
      options.timeLimit = .milliseconds(milliseconds)
      let roster = try Planner.plan(scenario, options: options).roster
      #expect(RosterValidator(scenario: scenario).validate(roster).violations == [])
      #expect(roster.bound <= optimum + 1e-6, "\(milliseconds) ms")
      #expect(roster.objective >= optimum - 1e-6, "\(milliseconds) ms")
      if roster.status == .optimal {
        #expect(abs(roster.objective - optimum) < 1e-6, "\(milliseconds) ms: optimal at \(roster.objective)")
      }
    }
  }
}
