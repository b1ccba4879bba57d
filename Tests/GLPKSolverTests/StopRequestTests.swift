import Foundation
import LinearModel
import Testing

@testable import GLPKSolver

/// A raised ``StopRequest`` ends branch-and-cut and the simplex method with
/// what they have, as a time limit would. The suite's time limit only
/// catches a stop that never ends a search: Swift Testing counts it from
/// when a test is started, and a test started beside the long suites may
/// wait minutes for a thread (on a two-core machine all six of these
/// once passed 2 minutes before running), so it is longer than the whole
/// test run.
@Suite(.timeLimit(.minutes(15))) struct StopRequestTests {
  /// The market split runs far longer than a second without a limit; a
  /// stop raised from another thread ends it with its incumbent and bound.
  @Test func aStopFromAnotherThreadEndsBranchAndCut() throws {
    let stop = StopRequest()
    let solution = try marketSplitStopped(carrying: stop, raising: stop)
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
  /// A follower is raised with its leader, and alone without raising the
  /// leader or the leader's other followers.
  @Test func aFollowerIsRaisedWithItsLeaderAndAlone() {
    let leader = StopRequest()
    let first = StopRequest(following: leader)
    let second = StopRequest(following: leader)
    let third = StopRequest(following: second)
    first.raise()
    #expect(first.isRaised && !leader.isRaised && !second.isRaised && !third.isRaised)
    leader.raise()
    #expect(second.isRaised && third.isRaised)
  }

  /// Following a leader already raised: raised from the start. Following
  /// none: only its own raise raises it.
  @Test func aFollowerOfARaisedLeaderStartsRaised() {
    let leader = StopRequest()
    leader.raise()
    #expect(StopRequest(following: leader).isRaised)
    #expect(!StopRequest(following: nil).isRaised)
  }

  /// Raised from another thread, the leader ends a branch-and-cut that
  /// carries only its follower.
  @Test func aLeaderRaisedElsewhereEndsItsFollowersSolve() throws {
    let leader = StopRequest()
    let solution = try marketSplitStopped(carrying: StopRequest(following: leader), raising: leader)
    #expect(solution.status == .feasible)
    #expect(!solution.timeLimitReached)
  }
  /// Branch-and-cut on the market split (a minute's limit) carrying
  /// `carried`, with `raised` raised from another thread after 0.3 s.
  func marketSplitStopped(carrying carried: StopRequest, raising raised: StopRequest) throws -> Solution {
    var options = SolverOptions()
    options.stop = carried
    options.timeLimit = .seconds(60)
    let raiser = Thread {
      usleep(300_000)
      raised.raise()
    }
    raiser.start()
    return try GLPK.solve(marketSplit(), options: options)
  }
}
