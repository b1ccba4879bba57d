import GLPKSolver
import LinearModel
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
}
