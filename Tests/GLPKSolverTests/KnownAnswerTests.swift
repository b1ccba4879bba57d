import LinearModel
import Testing

@testable import GLPKSolver

/// Items (value, weight), capacity 10: the best load is items 1 and 3
/// (40 + 50 = 90, weight 7); no other subset within 10 is worth more.
func knapsack(values: [Double] = [10, 40, 30, 50], weights: [Double] = [5, 4, 6, 3], capacity: Double = 10)
  -> (Model, [Variable])
{
  var model = Model()
  let take = values.indices.map { model.addVariable(Name("take", String($0)), kind: .binary) }
  var weight = LinearExpression()
  var value = LinearExpression()
  for i in values.indices {
    weight.add(take[i], coefficient: weights[i])
    value.add(take[i], coefficient: values[i])
  }
  model.addConstraint(weight <= capacity, name: Name("capacity"))
  model.setObjective(.maximize, value)
  return (model, take)
}

@Suite struct KnownAnswerTests {
  @Test func knapsackByHand() throws {
    let (model, take) = knapsack()
    let solution = try GLPK.solve(model)
    #expect(solution.status == .optimal)
    #expect(solution.objective == 90)
    #expect(solution.bound == 90)
    #expect(take.map { solution[$0] } == [0, 1, 0, 1])
  }

  /// Costs [[4,1,3],[2,0,5],[3,2,2]]: of the six permutations, worker 0→1,
  /// 1→0, 2→2 costs 1 + 2 + 2 = 5, the least.
  @Test func assignmentByHand() throws {
    let cost: [[Double]] = [[4, 1, 3], [2, 0, 5], [3, 2, 2]]
    var model = Model()
    var x: [[Variable]] = []
    for w in 0..<3 {
      x.append((0..<3).map { model.addVariable(Name("x", String(w), String($0)), kind: .binary) })
    }
    var objective = LinearExpression()
    for w in 0..<3 {
      model.addConstraint(LinearExpression.sum(x[w]) == 1, name: Name("worker", String(w)))
      model.addConstraint(LinearExpression.sum(x.map { $0[w] }) == 1, name: Name("task", String(w)))
      for t in 0..<3 { objective.add(x[w][t], coefficient: cost[w][t]) }
    }
    model.setObjective(.minimize, objective)
    let solution = try GLPK.solve(model)
    #expect(solution.status == .optimal)
    #expect(solution.objective == 5)
    #expect(solution[x[0][1]] == 1 && solution[x[1][0]] == 1 && solution[x[2][2]] == 1)
  }

  /// Sets {1,2,3}:3, {2,4}:1, {3,4}:1, {4,5}:2, {1,5}:2 over 1…5. Element 1
  /// needs {1,2,3} or {1,5}; with {1,5} the rest needs {2,4} and {3,4}
  /// (cost 4), with {1,2,3} it needs 4 and 5 for at least 2 more (cost 5).
  @Test func setCoverByHand() throws {
    let sets: [([Int], Double)] = [([1, 2, 3], 3), ([2, 4], 1), ([3, 4], 1), ([4, 5], 2), ([1, 5], 2)]
    var model = Model()
    let pick = sets.indices.map { model.addVariable(Name("pick", String($0)), kind: .binary) }
    for element in 1...5 {
      let covering = sets.indices.filter { sets[$0].0.contains(element) }.map { pick[$0] }
      model.addConstraint(LinearExpression.sum(covering) >= 1, name: Name("cover", String(element)))
    }
    model.setObjective(.minimize, LinearExpression(terms: zip(pick, sets.map(\.1))))
    let solution = try GLPK.solve(model)
    #expect(solution.status == .optimal)
    #expect(solution.objective == 4)
    #expect(pick.map { solution[$0] } == [0, 1, 1, 0, 1])
  }

  /// max 3x + 2y, x + y ≤ 4, x + 3y ≤ 6, x ≤ 3: the vertex (3, 1) gives 11.
  @Test func linearProgramBySimplex() throws {
    var model = Model()
    let x = model.addVariable(Name("x"), upperBound: 3)
    let y = model.addVariable(Name("y"))
    model.addConstraint(LinearExpression(x) + y <= 4, name: Name("a"))
    model.addConstraint(LinearExpression(x) + 3.0 * y <= 6, name: Name("b"))
    model.setObjective(.maximize, 3.0 * x + 2.0 * y + 1)
    let solution = try GLPK.solve(model)
    #expect(solution.status == .optimal)
    #expect(abs(solution.objective! - 12) < 1e-9)  // 11 plus the constant 1
    #expect(abs(solution[x] - 3) < 1e-9 && abs(solution[y] - 1) < 1e-9)
  }

  @Test(arguments: [true, false])
  func infeasibleModel(presolve: Bool) throws {
    var model = Model()
    let x = model.addVariable(Name("x"), kind: .binary)
    let y = model.addVariable(Name("y"), kind: .integer, upperBound: 3)
    model.addConstraint(LinearExpression(x) + y >= 5, name: Name("impossible"))
    model.setObjective(.minimize, LinearExpression(x))
    var options = SolverOptions()
    options.presolve = presolve
    let solution = try GLPK.solve(model, options: options)
    #expect(solution.status == .infeasible)
    #expect(solution.objective == nil && solution.values.isEmpty)
  }

  @Test func infeasibleLinearProgram() throws {
    var model = Model()
    let x = model.addVariable(Name("x"), upperBound: 1)
    model.addConstraint(LinearExpression(x) >= 2, name: Name("impossible"))
    model.setObjective(.minimize, LinearExpression(x))
    #expect(try GLPK.solve(model).status == .infeasible)
  }

  @Test(arguments: [true, false])
  func unboundedModel(presolve: Bool) throws {
    var model = Model()
    let x = model.addVariable(Name("x"), kind: .integer)
    let y = model.addVariable(Name("y"))
    model.addConstraint(LinearExpression(x) - y <= 2, name: Name("loose"))
    model.setObjective(.maximize, LinearExpression(x) + y)
    var options = SolverOptions()
    options.presolve = presolve
    #expect(try GLPK.solve(model, options: options).status == .unbounded)
  }

  @Test func unboundedLinearProgram() throws {
    var model = Model()
    let x = model.addVariable(Name("x"))
    model.setObjective(.maximize, LinearExpression(x))
    var options = SolverOptions()
    options.presolve = false
    #expect(try GLPK.solve(model, options: options).status == .unbounded)
  }

  @Test func emptyModelIsOptimal() throws {
    let solution = try GLPK.solve(Model())
    #expect(solution.status == .optimal)
    #expect(solution.objective == 0)
  }
}
