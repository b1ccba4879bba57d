import LinearModel
import Testing

@testable import GLPKSolver

/// Jeroslow's problem: minimise `scale × y + constant` subject to
/// `2 Σ x_i + y = n` for odd `n`, x binary, y a whole number ≥ 0. The
/// optimum is y = 1, but every node's LP relaxation with a free x left
/// reaches y = 0, so branch-and-bound (without cuts) proves it only after
/// exponentially many nodes, while the first dive finds y = 1 at once.
func jeroslow(n: Int, scale: Double = 1, constant: Double = 0) -> (Model, [Variable], Variable) {
  var model = Model()
  let x = (0..<n).map { model.addVariable(Name("x", String($0)), kind: .binary) }
  let y = model.addVariable(Name("y"), kind: .integer)
  model.addConstraint(2.0 * LinearExpression.sum(x) + y == Double(n), name: Name("parity"))
  model.setObjective(.minimize, scale * y + constant)
  return (model, x, y)
}

@Suite struct StopAtObjectiveTests {
  /// The safety net: without the target, a hard instance runs to this limit.
  static let limit = Duration.seconds(20)

  @Test(arguments: [true, false])
  func reachedTargetStopsTheSearch(presolve: Bool) throws {
    let (model, _, y) = jeroslow(n: 41)
    var options = SolverOptions()
    options.presolve = presolve
    options.timeLimit = Self.limit
    options.stopAtObjective = 1
    let solution = try GLPK.solve(model, options: options)
    #expect(solution.status == .feasible)
    #expect(!solution.timeLimitReached)
    #expect(solution.objective == 1 && solution[y] == 1)
    #expect(solution.solveTime < .seconds(5))
  }

  /// The target in model units is converted into GLPK's: here the objective
  /// is scaled by 10 (0.1 × y) and shifted by −10, so the optimum −9.9 is
  /// GLPK's 1, and (−9.9 + 10) × 10 rounds to 0.9999999999999964.
  @Test func targetIsConvertedThroughScaleAndConstant() throws {
    let (model, _, _) = jeroslow(n: 41, scale: 0.1, constant: -10)
    #expect(try LoweredModel(model).objectiveScale == 10)
    var options = SolverOptions()
    options.timeLimit = Self.limit
    options.stopAtObjective = -9.9
    let solution = try GLPK.solve(model, options: options)
    #expect(solution.status == .feasible)
    #expect(abs((solution.objective ?? 0) - -9.9) < 1e-9)
    #expect(solution.solveTime < .seconds(5))
  }

  @Test func startingSolutionThatMeetsTheTargetStopsAtOnce() throws {
    let (model, x, y) = jeroslow(n: 41)
    var start = [Double](repeating: 0, count: model.variables.count)
    for i in 0..<20 { start[x[i].index] = 1 }
    start[y.index] = 1
    var options = SolverOptions()
    options.timeLimit = Self.limit
    options.startingSolution = start
    options.stopAtObjective = 1
    let solution = try GLPK.solve(model, options: options)
    #expect(solution.startingSolutionAccepted == true)
    #expect(solution.status == .feasible && solution.objective == 1)
    #expect(solution.values == start)
    #expect(solution.solveTime < .seconds(5))
  }

  /// Below the optimum the target is never met, and the search proves
  /// optimality as usual (a small instance, so the proof is quick).
  @Test func unreachableTargetLeavesTheProofAlone() throws {
    let (model, _, _) = jeroslow(n: 9, scale: 0.1, constant: -10)
    var options = SolverOptions()
    options.stopAtObjective = -9.95
    let solution = try GLPK.solve(model, options: options)
    #expect(solution.status == .optimal)
    #expect(abs((solution.objective ?? 0) - -9.9) < 1e-9)
  }

  /// Maximisation: stop once the incumbent is at least the target.
  @Test func maximisationComparesTheOtherWay() throws {
    var options = SolverOptions()
    options.stopAtObjective = 90
    let reached = try GLPK.solve(knapsack().0, options: options)
    #expect(reached.status == .feasible || reached.status == .optimal)
    #expect(reached.objective == 90)
    options.stopAtObjective = 91
    let unreachable = try GLPK.solve(knapsack().0, options: options)
    #expect(unreachable.status == .optimal && unreachable.objective == 90)
  }

  @Test(arguments: [Double.nan, .infinity, -.infinity])
  func nonFiniteTargetIsRejected(target: Double) {
    var options = SolverOptions()
    options.stopAtObjective = target
    #expect(throws: SolverError.self) { try GLPK.solve(knapsack().0, options: options) }
  }
}
