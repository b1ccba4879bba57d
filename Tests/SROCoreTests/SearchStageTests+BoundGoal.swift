import Foundation
import GLPKSolver
import SROFormulation
import Synchronization
import Testing

@testable import SROSearch
@testable import SROValidator

extension SearchStageTests {
  /// Branch-and-cut ends once its own bound proves the best roster optimal
  /// (``SolverOptions/stopAtBound``): the goal it is handed is the least
  /// bound that proves the best roster (a step under it on the grid), and
  /// none without a roster. A restricted model's search raises no bound
  /// of the part, so it gets no goal.
  @Test func branchAndCutIsHandedTheBoundThatProvesTheBestRoster() throws {
    let greedy = try #require(GreedyStart(coverage: search.coverage).solution())
    let restricted = PartSearch(coverage: try restrictedToEveryPair(), options: PlanningOptions())
    for (part, best, expected) in [
      (search, greedy, Optional(freshState().boundProving(try #require(greedy.objective)))),
      (search, nil, nil), (restricted, greedy, nil),
    ] as [(PartSearch, Solution?, Double?)] {
      var state = freshState()
      state.best = best
      var stage = BranchAndCutStage(limit: .briefly, fromBest: false)
      let goals = Mutex<[Double?]>([])
      stage.branchAndCut = { _, options in
        goals.withLock { $0.append(options.stopAtBound?.current) }
        return Solution(status: .noSolutionFound, objective: nil, bound: nil, values: [], solveTime: .zero)
      }
      try stage.run(on: part, &state)
      #expect(goals.withLock { $0 } == [expected])
    }
    let step = try #require(freshState().step)
    #expect(freshState().boundProving(100) == 100 - step + step / 1000)
    #expect(SearchState.boundProving(100, step: nil) == 100)
  }

  /// The re-staffing beside a branch-and-cut lowers that goal with each
  /// better roster it finds, so a search whose bound proves one ends: a
  /// stand-in for GLPK that holds a bound halfway from the greedy roster
  /// to the optimum (not a proven one) waits until the goal falls to it,
  /// long before its 20 s, and the state then proves the re-staffed
  /// roster against that bound, the goal left at the least bound that
  /// proves it. The bound the stage starts with (0) is not met, so the
  /// re-staffing's own target does not end the search.
  @Test func branchAndCutEndsOnceItsBoundProvesTheReStaffedRoster() throws {
    let greedy = try #require(GreedyStart(coverage: search.coverage).solution())
    let start = try #require(greedy.objective)
    let held = (start + optimum) / 2
    var state = SearchState(
      model: search.coverage.model, timeLimit: .seconds(60), log: .silent, knownBound: nil)
    state.best = greedy
    #expect(state.boundProving(start) > held)
    var stage = BranchAndCutStage(limit: .untilDeadline, fromBest: false, reStaffsBeside: true)
    let goals = Mutex<[BoundGoal?]>([])
    stage.branchAndCut = { _, options in
      goals.withLock { $0.append(options.stopAtBound) }
      let searched = waited(atMost: .seconds(20)) { (options.stopAtBound?.current ?? .infinity) <= held }
      return Solution(status: .noSolutionFound, objective: nil, bound: held, values: [], solveTime: searched)
    }
    let began = ContinuousClock.now
    try stage.run(on: onTwoThreads(), &state)
    #expect(ContinuousClock.now - began < .seconds(10))
    #expect(state.bound == held)
    #expect(try validatedObjective(state) < start)
    #expect(state.proven(state.best) != nil)
    let goal = try #require(goals.withLock { $0 }.first ?? nil)
    #expect(goal.current == state.boundProving(try #require(state.best?.objective)))
  }
}
