import Foundation
import LinearModel
import Synchronization
import Testing

@testable import GLPKSolver

/// A market-split instance (Cornuéjols and Dawande): 4 equality rows over 36
/// binaries with slack, minimising the slack. Branch-and-bound needs far
/// longer than a second, but x = 0 with slack is feasible at once.
func marketSplit(seed: UInt64 = 7, redundantRows: Int = 0) -> Model {
  var state = seed
  func next() -> Double {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Double((state >> 33) % 100)
  }
  var model = Model()
  let n = 36
  let x = (0..<n).map { model.addVariable(Name("x", String($0)), kind: .binary) }
  var objective = LinearExpression()
  for row in 0..<4 {
    let coefficients = (0..<n).map { _ in next() }
    let rhs = (coefficients.reduce(0, +) / 2).rounded(.down)
    let over = model.addVariable(Name("over", String(row)))
    let under = model.addVariable(Name("under", String(row)))
    model.addConstraint(
      LinearExpression(terms: zip(x, coefficients)) - over + under == rhs, name: Name("split", String(row)))
    objective += LinearExpression(over) + under
  }
  // xa + xb ≤ 2 holds for any binaries: GLPK's presolver removes each.
  for row in 0..<redundantRows {
    let a = row % n
    let b = (a + 1 + row / n) % n
    if a != b {
      model.addConstraint(LinearExpression(x[a]) + x[b] <= 2, name: Name("redundant", String(row)))
    }
  }
  model.setObjective(.minimize, objective)
  return model
}

@Suite struct LimitsAndConcurrencyTests {
  @Test func timeLimitStopsWithFeasibleStatusAndGap() throws {
    var options = SolverOptions()
    options.timeLimit = .milliseconds(300)
    let solution = try GLPK.solve(marketSplit(), options: options)
    #expect(solution.status == .feasible)
    #expect(solution.timeLimitReached)
    let objective = try #require(solution.objective)
    let bound = try #require(solution.bound)
    #expect(bound < objective)
    #expect((solution.relativeGap ?? 0) > 0)
  }

  /// GLPK's clock starts once its presolver and the LP are done; the
  /// guard's covers them, and ends the search at its first callback when
  /// they took the time limit (here 200,000 rows the presolver removes,
  /// 0.1 s on the machine this was written on, against 5 ms): the search
  /// counts as cut short by its limit, with no roster.
  @Test func aLimitSpentInThePresolverEndsTheSearchAtItsFirstCallback() throws {
    var options = SolverOptions()
    options.timeLimit = .milliseconds(5)
    let solution = try GLPK.solve(marketSplit(redundantRows: 200_000), options: options)
    #expect(solution.status == .noSolutionFound)
    #expect(solution.timeLimitReached)
  }

  /// With a start the presolver is off and the LP runs before
  /// branch-and-cut; the limit covers both, and the bound reported is a
  /// node's solved bound, never GLPK's -DBL_MAX for an unsolved node.
  @Test func timeLimitWithAStartKeepsTheStartAndAFiniteBound() throws {
    var options = SolverOptions()
    options.timeLimit = .milliseconds(300)
    let model = marketSplit()
    let first = try GLPK.solve(model, options: options)
    options.startingSolution = first.values
    let solution = try GLPK.solve(model, options: options)
    #expect(solution.status == .feasible)
    #expect(solution.timeLimitReached)
    let objective = try #require(solution.objective)
    let started = try #require(first.objective)
    #expect(objective <= started + 1e-9)
    if let bound = solution.bound {
      #expect(bound.isFinite && bound > -1e300 && bound <= objective + 1e-9)
    }
  }

  /// A node limit stops the search at the same point every time (the
  /// same incumbent, bound and values), however busy the machine, and
  /// under a time limit that did not run out the search counts as run to
  /// its end; a limit that is not positive is refused before GLPK runs.
  @Test func nodeLimitStopsAtTheSamePointEveryTime() throws {
    var options = SolverOptions()
    options.nodeLimit = 2000
    options.timeLimit = .seconds(60)
    let model = marketSplit()
    let first = try GLPK.solve(model, options: options)
    #expect(first.status == .feasible)
    #expect(!first.timeLimitReached)
    #expect(first.solveTime < .seconds(5))
    let second = try GLPK.solve(model, options: options)
    #expect(second.objective == first.objective)
    #expect(second.bound == first.bound)
    #expect(second.values == first.values)
    for limit in [0, -3, Int(Int32.max)] {
      options.nodeLimit = limit
      #expect(throws: SolverError.self) { try GLPK.solve(model, options: options) }
    }
  }

  @Test func eightModelsOnEightThreadsMatchSerial() throws {
    let models = (0..<8).map { (i: Int) -> Model in
      let items = 0..<12
      let values: [Double] = items.map { (k: Int) -> Double in Double(10 + (i * 7 + k * 13) % 31) }
      let weights: [Double] = items.map { (k: Int) -> Double in Double(3 + (i * 5 + k * 11) % 17) }
      return knapsack(values: values, weights: weights, capacity: Double(30 + i)).0
    }
    let serial = try models.map { try GLPK.solve($0).objective }
    let results = Mutex<[Int: Double?]>([:])
    let group = DispatchGroup()
    for (i, model) in models.enumerated() {
      group.enter()
      let thread = Thread {
        let objective = try? GLPK.solve(model).objective
        results.withLock { $0[i] = objective }
        group.leave()
      }
      thread.start()
    }
    group.wait()
    let concurrent = results.withLock { dictionary in (0..<8).map { dictionary[$0] ?? nil } }
    #expect(concurrent == serial)
    #expect(serial.allSatisfy { $0 != nil })
  }
}
