import GLPKSolver
import LinearModel
import SRORoster
import SROTestSupport
import Testing

@testable import SROFormulation

/// What ``CoverageModel/roster(from:)`` reports of a solution a limit
/// stopped: the real overtime, and optimal once that meets the bound.
@Suite struct RosterDecodingTests {
  /// One officer, 8 hours of work against a 6-hour week: 2 hours of
  /// overtime, in the model's steps.
  let coverage: CoverageModel
  let optimal: Solution

  init() throws {
    coverage = try CoverageModel(
      scenario: scenario(
        """
        schools: [{id: s1, level: elementary, coverage: [{day: mon, start: "08:00", end: "16:00", officers: 1}]}]
        officers: [{id: o1, agency: A, home: s1, maxHoursPerWeek: 6, maxOvertimePerWeek: 4}]
        """))
    optimal = try GLPK.solve(coverage.model, options: SolverOptions())
  }

  /// `optimal` with one step of overtime more than the hours need (as a
  /// search's incumbent can hold), not proven, with `bound`.
  func slack(bound: Double) throws -> Solution {
    var values = optimal.values
    values[coverage.overtime[0].index] += 1
    let objective = coverage.model.objective.evaluate { values[$0.index] }
    #expect(objective > (optimal.objective ?? 0) + 1e-9)
    return Solution(status: .feasible, objective: objective, bound: bound, values: values, solveTime: .zero)
  }

  @Test func theSlackOvertimeIsNotCountedAndTheBoundProvesTheRoster() throws {
    let best = try #require(optimal.objective)
    #expect(coverage.roster(from: optimal).officers[0].overtime == 2)
    let roster = coverage.roster(from: try slack(bound: best))
    #expect(abs(roster.objective - best) < 1e-9)
    #expect(roster.status == .optimal)
    #expect(roster.bound == roster.objective)
  }

  @Test func aBoundBelowTheRealObjectiveLeavesTheRosterFeasible() throws {
    let best = try #require(optimal.objective)
    let roster = coverage.roster(from: try slack(bound: best - 1))
    #expect(abs(roster.objective - best) < 1e-9)
    #expect(roster.status == .feasible)
    #expect(abs(roster.bound - (best - 1)) < 1e-9)
  }
  /// A re-planning roster that moves the published block to another
  /// officer costs nothing of the spec's objective but pays the change
  /// penalty: with no bound from the search (0) it is not proven, however
  /// low its real cost; with a bound on the whole objective that it meets,
  /// it is.
  @Test func aReplanningRosterIsProvenOnlyWithItsChangePenalty() throws {
    let week = try scenario(
      """
      schools: [{id: s1, level: elementary, coverage: [{day: mon, start: "08:00", end: "16:00", officers: 1}]}]
      officers:
        - {id: o1, agency: A, home: s1}
        - {id: o2, agency: A, home: s1}
      """)
    let plain = try CoverageModel(scenario: week)
    let firstOfficer = try #require(plain.solution(taking: [PinCheck.Pair(officer: 0, block: 0)]))
    let published = PublishedRoster(
      assignments: plain.roster(from: firstOfficer).assignments, changeWeight: 25)
    let replanning = try CoverageModel(scenario: week, published: published)
    let moved = try #require(replanning.solution(taking: [PinCheck.Pair(officer: 1, block: 0)]))
    let withPenalty = try #require(moved.objective)
    #expect(withPenalty == 200)
    for (bound, status) in [
      (nil, Roster.Status.feasible), (withPenalty - 1, .feasible), (withPenalty, .optimal),
    ] {
      let stopped = Solution(
        status: .feasible, objective: withPenalty, bound: bound, values: moved.values, solveTime: .zero)
      let roster = replanning.roster(from: stopped)
      #expect(roster.objective == 0)
      #expect(roster.status == status, "bound \(String(describing: bound))")
      #expect(roster.bound == 0)
    }
  }
}
