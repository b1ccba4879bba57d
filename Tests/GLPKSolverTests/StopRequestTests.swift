import Foundation
import LinearModel
import Testing

@testable import GLPKSolver

/// A raised ``StopRequest`` ends branch-and-cut and the simplex method with
/// what they have, as a time limit would.
@Suite(.timeLimit(.minutes(2))) struct StopRequestTests {
  /// The market split runs far longer than a second without a limit; a
  /// stop raised from another thread ends it with its incumbent and bound.
  @Test func aStopFromAnotherThreadEndsBranchAndCut() throws {
    let stop = StopRequest()
    var options = SolverOptions()
    options.stop = stop
    options.timeLimit = .seconds(60)
    let raiser = Thread {
      usleep(300_000)
      stop.raise()
    }
    raiser.start()
    let solution = try GLPK.solve(marketSplit(), options: options)
    #expect(stop.isRaised)
    #expect(solution.status == .feasible)
    #expect(!solution.timeLimitReached)
    let objective = try #require(solution.objective)
    let bound = try #require(solution.bound)
    #expect(bound < objective)
  }

  /// Raised before the solve: the simplex method does not start, and
  /// neither does branch-and-cut when its LP runs first (no presolver).
  @Test func aStopRaisedBeforeHandsBackNothing() throws {
    let stop = StopRequest()
    stop.raise()
    var options = SolverOptions()
    options.stop = stop
    options.presolve = false
    let relaxation = try GLPK.solveRelaxation(marketSplit(), options: options)
    #expect(relaxation.status == .noSolutionFound)
    let solution = try GLPK.solve(marketSplit(), options: options)
    #expect(solution.status == .noSolutionFound)
    #expect(solution.objective == nil)
  }

  /// Not raised: the simplex method run in steps reaches the same optimum
  /// as without a request.
  @Test func anUnraisedStopChangesNothing() throws {
    var options = SolverOptions()
    options.presolve = false
    let plain = try GLPK.solveRelaxation(marketSplit(), options: options)
    options.stop = StopRequest()
    let stepped = try GLPK.solveRelaxation(marketSplit(), options: options)
    #expect(plain.status == .optimal && stepped.status == .optimal)
    #expect(abs((plain.objective ?? -1) - (stepped.objective ?? -2)) < 1e-9)
  }
}
