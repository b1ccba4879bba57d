import Foundation
import LinearModel
import Testing

@testable import GLPKSolver

/// ``SolverOptions/stopAtBound``: branch-and-cut ends once its own bound
/// reaches a goal that another thread may lower while it runs. Jeroslow's
/// problem (``jeroslow(n:scale:constant:)``) keeps its bound at the
/// LP's 0 (scaled and shifted) until the tree is exhausted, so without
/// the goal the search runs to its limit. The suite's time limit only
/// catches a goal that never ends a search (see ``StopRequestTests``).
@Suite(.timeLimit(.minutes(15))) struct StopAtBoundTests {
  /// The safety net: without the goal, the search runs to this limit.
  static let limit = Duration.seconds(20)

  /// `model` solved with a goal of `value` (and the presolver as given),
  /// within ``limit``.
  func solved(_ model: Model, goal value: Double, presolve: Bool = true) throws -> Solution {
    let goal = BoundGoal()
    goal.lower(to: value)
    var options = SolverOptions()
    options.presolve = presolve
    options.timeLimit = Self.limit
    options.stopAtBound = goal
    return try GLPK.solve(model, options: options)
  }

  /// A goal the root's bound meets ends the search at the next callback,
  /// with no roster or GLPK's first one, and the bound.
  @Test(arguments: [true, false])
  func aGoalTheBoundMeetsEndsTheSearch(presolve: Bool) throws {
    let (model, _, _) = jeroslow(n: 41)
    let solution = try solved(model, goal: 0, presolve: presolve)
    #expect(solution.status == .feasible || solution.status == .noSolutionFound)
    #expect(!solution.timeLimitReached)
    #expect(try #require(solution.bound) >= 0)
    #expect(solution.solveTime < .seconds(5))
  }

  /// The goal is in the model's units, converted into GLPK's: the
  /// objective 0.1 × y − 10 has GLPK's bound 0 at the model's −10.
  @Test func theGoalIsConvertedThroughScaleAndConstant() throws {
    let (model, _, _) = jeroslow(n: 41, scale: 0.1, constant: -10)
    let solution = try solved(model, goal: -10)
    #expect(!solution.timeLimitReached)
    #expect(abs(try #require(solution.bound) - -10) < 1e-9)
    #expect(solution.solveTime < .seconds(5))
  }

  /// The scale matters where GLPK's bound is not 0: with y ≥ 2 the
  /// objective 0.1 × y − 10 has GLPK's bound 2 (the model's −9.8), and the
  /// goal −9.75 is GLPK's 2.5, which the bound never reaches before the
  /// proof of y = 3 (−9.7). Read without the scale (0.25), or divided by
  /// it, the goal would end the search at the root.
  @Test func aGoalAboveTheScaledBoundLeavesTheProofAlone() throws {
    var model = Model()
    let x = (0..<9).map { model.addVariable(Name("x", String($0)), kind: .binary) }
    let y = model.addVariable(Name("y"), kind: .integer, lowerBound: 2)
    model.addConstraint(2.0 * LinearExpression.sum(x) + y == 9, name: Name("parity"))
    model.setObjective(.minimize, 0.1 * y + -10.0)
    let solution = try solved(model, goal: -9.75)
    #expect(solution.status == .optimal)
    #expect(abs((solution.objective ?? 0) - -9.7) < 1e-9)
  }

  /// Lowered from another thread while the search runs (as a roster found
  /// beside it does), the goal ends it.
  @Test func aGoalLoweredFromAnotherThreadEndsTheSearch() throws {
    let (model, _, _) = jeroslow(n: 41)
    let goal = BoundGoal()
    var options = SolverOptions()
    options.timeLimit = Self.limit
    options.stopAtBound = goal
    let lowerer = Thread {
      usleep(300_000)
      goal.lower(to: 0)
    }
    lowerer.start()
    let solution = try GLPK.solve(model, options: options)
    #expect(goal.current == 0)
    #expect(!solution.timeLimitReached)
    #expect(solution.solveTime < .seconds(10))
  }

  /// A goal above every bound the search reaches never ends it: the proof
  /// runs as usual (a small instance, so it is quick).
  @Test func anUnreachedGoalLeavesTheProofAlone() throws {
    let (model, _, _) = jeroslow(n: 9, scale: 0.1, constant: -10)
    let solution = try solved(model, goal: -9.95)
    #expect(solution.status == .optimal)
    #expect(abs((solution.objective ?? 0) - -9.9) < 1e-9)
  }

  /// A goal only falls: a higher value, or NaN, leaves it as it is.
  @Test func theGoalOnlyFalls() {
    let goal = BoundGoal()
    #expect(goal.current == nil)
    goal.lower(to: .nan)
    #expect(goal.current == nil)
    goal.lower(to: 5)
    goal.lower(to: 7)
    #expect(goal.current == 5)
    goal.lower(to: 3)
    #expect(goal.current == 3)
  }

  /// A maximisation's bound falls, so a goal there is refused.
  @Test func aMaximisationIsRefused() {
    var options = SolverOptions()
    options.stopAtBound = BoundGoal()
    #expect(throws: SolverError.self) { try GLPK.solve(knapsack().0, options: options) }
  }
}
