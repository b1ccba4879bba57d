import LinearModel
import Testing

@testable import GLPKSolver

@Suite struct ColumnLPTests {
  /// Rows r0: `≥ 2`, r1: `≥ 3`, r2: `≤ 6` (a capacity).
  ///
  /// Step 1, columns a (cost 3; r0, r2) and b (cost 4; r1, r2): a = 2,
  /// b = 3, objective 6 + 12 = 18. Both columns are basic, so their reduced
  /// costs vanish: 3 − y0 − y2 = 0 and 4 − y1 − y2 = 0; r2 has slack, so
  /// y2 = 0, y0 = 3, y1 = 4 (dual objective 2·3 + 3·4 = 18).
  ///
  /// Step 2, column c (cost 5; r0, r1, and 2 units of r2) prices at
  /// 5 − 3 − 4 = −2: it improves. The new optimum is c = 2, b = 1, a = 0,
  /// objective 10 + 4 = 14 (capacity 2·2 + 1 = 5 ≤ 6, still slack): from
  /// b and c basic, 4 − y1 = 0 and 5 − y0 − y1 = 0, so y = (1, 4, 0)
  /// (dual objective 2 + 12 = 14), and a prices at 3 − 1 = 2 ≥ 0.
  @Test func coverInTwoStepsByHand() throws {
    try ColumnLP.withLP(rows: [.atLeast(2), .atLeast(3), .atMost(6)]) { lp throws(SolverError) in
      #expect(try lp.addColumn(cost: 3, entries: [(row: 0, value: 1), (row: 2, value: 1)]) == 0)
      #expect(try lp.addColumn(cost: 4, entries: [(row: 1, value: 1), (row: 2, value: 1)]) == 1)
      let first = try lp.solve()
      #expect(first.status == .optimal)
      #expect(close(first.objective, 18))
      #expect(close(first.rowDuals, [3, 4, 0]))
      #expect(close(first.columnValues, [2, 3]))

      let price = 5 - first.rowDuals[0] - first.rowDuals[1] - 2 * first.rowDuals[2]
      #expect(abs(price - -2) < 1e-9)
      let c = try lp.addColumn(
        cost: 5, entries: [(row: 0, value: 1), (row: 1, value: 1), (row: 2, value: 2)])
      #expect(c == 2 && lp.columnCount == 3)
      let second = try lp.solve()
      #expect(second.status == .optimal)
      #expect(close(second.objective, 14))
      #expect(close(second.rowDuals, [1, 4, 0]))
      #expect(close(second.columnValues, [0, 1, 2]))
    }
  }

  /// Rows r0: `= 4` (demand), r1: `≤ 3` (what the cheap supply p can give).
  ///
  /// Step 1, p (cost 1; r0, r1) and q (cost 5; r0): p = 3, q = 1,
  /// objective 8. Basic p and q give 5 − y0 = 0 and 1 − y0 − y1 = 0, so
  /// y = (5, −4): the binding `≤` row of a minimisation has a dual ≤ 0
  /// (dual objective 4·5 − 3·4 = 8).
  ///
  /// Step 2, r (cost 3; r0) prices at 3 − 5 = −2; one pivot (r in, q out)
  /// gives p = 3, r = 1, objective 6, y = (3, −2), and q prices at 2.
  @Test func warmResolveAfterAnImprovingColumn() throws {
    try ColumnLP.withLP(rows: [.equal(4), .atMost(3)]) { lp throws(SolverError) in
      try lp.addColumn(cost: 1, entries: [(row: 0, value: 1), (row: 1, value: 1)])
      try lp.addColumn(cost: 5, entries: [(row: 0, value: 1)])
      let first = try lp.solve()
      #expect(first.status == .optimal)
      #expect(close(first.objective, 8))
      #expect(close(first.rowDuals, [5, -4]))

      // Warm: solving again from an optimal basis takes no iteration,
      // and the improving column takes a pivot or two, not a fresh start.
      let solved = lp.simplexIterations
      #expect(close(try lp.solve().objective, 8))
      #expect(lp.simplexIterations == solved)
      try lp.addColumn(cost: 3, entries: [(row: 0, value: 1), (row: 1, value: 0)])
      let second = try lp.solve()
      #expect(lp.simplexIterations - solved <= 2)
      #expect(second.status == .optimal)
      #expect(close(second.objective, 6))
      #expect(close(second.rowDuals, [3, -2]))
      #expect(close(second.columnValues, [3, 0, 1]))
    }
  }

  /// Cutting stock: rolls of width 10 cut into pieces of width 3, 4 and 5
  /// (demands 20, 10, 15). Column generation from the one-width patterns,
  /// pricing every pattern by its reduced cost `1 − Σ dual × count`, must
  /// reach the LP optimum over all patterns at once.
  @Test func columnGenerationReachesTheFullLP() throws {
    let widths = [3, 4, 5]
    let demands: [Double] = [20, 10, 15]
    var patterns: [[Int]] = []
    for a in 0...3 {
      for b in 0...2 {
        for c in 0...2 where 3 * a + 4 * b + 5 * c <= 10 && a + b + c > 0 { patterns.append([a, b, c]) }
      }
    }
    func entries(_ pattern: [Int]) -> [(row: Int, value: Double)] {
      pattern.indices.map { (row: $0, value: Double(pattern[$0])) }
    }
    let rows = demands.map { ColumnLP.Row.atLeast($0) }
    let full = try ColumnLP.withLP(rows: rows) { lp throws(SolverError) in
      for pattern in patterns { try lp.addColumn(cost: 1, entries: entries(pattern)) }
      return try lp.solve()
    }
    #expect(full.status == .optimal)

    let generated = try ColumnLP.withLP(rows: rows) { lp throws(SolverError) -> ColumnLP.Result in
      for (i, width) in widths.enumerated() {
        try lp.addColumn(cost: 1, entries: [(row: i, value: Double(10 / width))])
      }
      while true {
        let result = try lp.solve()
        guard result.status == .optimal else { return result }
        let best = patterns.min { price($0, result.rowDuals) < price($1, result.rowDuals) }!
        guard price(best, result.rowDuals) < -1e-9 else { return result }
        try lp.addColumn(cost: 1, entries: entries(best))
      }
    }
    #expect(generated.status == .optimal)
    #expect(close(generated.objective, full.objective ?? .nan))
    #expect(generated.rowDuals.allSatisfy { $0 >= -1e-9 })
  }

  @Test func emptyAndDegenerateShapes() throws {
    let empty = try ColumnLP.withLP(rows: [.atMost(1), .atLeast(-2)]) { lp throws(SolverError) in
      try lp.solve()
    }
    #expect(empty.status == .optimal && empty.objective == 0 && empty.columnValues.isEmpty)
    #expect(empty.rowDuals == [0, 0])
    let uncovered = try ColumnLP.withLP(rows: [.equal(1)]) { lp throws(SolverError) in
      try lp.solve().status
    }
    #expect(uncovered == .infeasible)
    let unbounded = try ColumnLP.withLP(rows: []) { lp throws(SolverError) in
      try lp.addColumn(cost: 2, lowerBound: 1, upperBound: 1, entries: [])
      let fixed = try lp.solve()
      #expect(fixed.status == .optimal && close(fixed.objective, 2))
      try lp.addColumn(cost: -1, entries: [])
      return try lp.solve().status
    }
    #expect(unbounded == .unbounded)
  }

  @Test func invalidColumnsThrowAndLeaveTheLPAsItWas() throws {
    try ColumnLP.withLP(rows: [.equal(1), .atMost(2)]) { lp throws(SolverError) in
      try lp.addColumn(cost: 1, entries: [(row: 0, value: 1)])
      expectInvalidColumn { () throws(SolverError) in try lp.addColumn(cost: 1, entries: [(row: 2, value: 1)])
      }
      expectInvalidColumn { () throws(SolverError) in
        try lp.addColumn(cost: 1, entries: [(row: -1, value: 1)])
      }
      expectInvalidColumn { () throws(SolverError) in
        try lp.addColumn(cost: 1, entries: [(row: 1, value: 1), (row: 1, value: 2)])
      }
      expectInvalidColumn { () throws(SolverError) in
        try lp.addColumn(cost: 1, entries: [(row: 0, value: 0), (row: 0, value: 1)])
      }
      expectInvalidModel { () throws(SolverError) in try lp.addColumn(cost: .nan, entries: []) }
      expectInvalidModel { () throws(SolverError) in try lp.addColumn(cost: .infinity, entries: []) }
      expectInvalidModel { () throws(SolverError) in
        try lp.addColumn(cost: 1, lowerBound: 2, upperBound: 1, entries: [])
      }
      expectInvalidModel { () throws(SolverError) in
        try lp.addColumn(cost: 1, lowerBound: -.infinity, entries: [])
      }
      expectInvalidModel { () throws(SolverError) in
        try lp.addColumn(cost: 1, upperBound: .nan, entries: [])
      }
      expectInvalidModel { () throws(SolverError) in
        try lp.addColumn(cost: 1, entries: [(row: 1, value: .nan)])
      }
      #expect(throws: SolverError.self) { try lp.solve(timeLimit: .zero) }
      // A failed call added nothing, and the duplicate check is per call.
      #expect(lp.columnCount == 1)
      #expect(try lp.addColumn(cost: 2, entries: [(row: 1, value: 1), (row: 0, value: 1)]) == 1)
      let result = try lp.solve()
      #expect(result.status == .optimal && close(result.objective, 1))
      #expect(close(result.columnValues, [1, 0]))
    }
  }

  @Test(arguments: [ColumnLP.Row.equal(.nan), .atMost(.infinity), .atLeast(-.infinity)])
  func nonFiniteRightHandSideIsRejected(row: ColumnLP.Row) {
    var ran = false
    #expect {
      try ColumnLP.withLP(rows: [.equal(1), row]) { _ throws(SolverError) in ran = true }
    } throws: { error in
      guard case SolverError.invalidModel(.nonFiniteRightHandSide(let name)) = error else { return false }
      return name == Name("row", "1")
    }
    #expect(!ran)
  }

  @Test func caughtFatalErrorLeavesTheLPDead() throws {
    try ColumnLP.withLP(rows: [.atLeast(1)]) { lp throws(SolverError) in
      try lp.addColumn(cost: 1, entries: [(row: 0, value: 1)])
      #expect(throws: SolverError.self) { try lp.provokeFatalError() }
      #expect(throws: SolverError.self) { try lp.solve() }
      #expect(throws: SolverError.self) {
        try lp.addColumn(cost: 1, entries: [(row: 0, value: 1)])
      }
    }
    // The thread's GLPK still works afterwards.
    #expect(try GLPK.solve(knapsack().0).objective == 90)
  }

  @Test func outputIsCaptured() throws {
    let lines = LineCollector()
    try ColumnLP.withLP(rows: [.atLeast(1)], log: .lines { lines.append($0) }) { lp throws(SolverError) in
      try lp.addColumn(cost: 1, entries: [(row: 0, value: 1)])
      _ = try lp.solve()
    }
    #expect(lines.all.contains { $0.contains("obj =") })
  }
}

/// The reduced cost of a cutting pattern (cost 1).
private func price(_ pattern: [Int], _ duals: [Double]) -> Double {
  1 - zip(pattern, duals).reduce(0) { $0 + Double($1.0) * $1.1 }
}

private func close(_ value: Double?, _ expected: Double) -> Bool {
  guard let value else { return false }
  return abs(value - expected) < 1e-9
}

private func close(_ values: [Double], _ expected: [Double]) -> Bool {
  values.count == expected.count && zip(values, expected).allSatisfy { abs($0 - $1) < 1e-9 }
}

private func expectInvalidColumn(
  _ call: () throws(SolverError) -> Int, sourceLocation: SourceLocation = #_sourceLocation
) {
  do {
    _ = try call()
    Issue.record("expected an invalid column", sourceLocation: sourceLocation)
  } catch {
    guard case .invalidColumn = error else {
      Issue.record("expected an invalid column, got \(error)", sourceLocation: sourceLocation)
      return
    }
  }
}

private func expectInvalidModel(
  _ call: () throws(SolverError) -> Int, sourceLocation: SourceLocation = #_sourceLocation
) {
  do {
    _ = try call()
    Issue.record("expected an invalid model", sourceLocation: sourceLocation)
  } catch {
    guard case .invalidModel = error else {
      Issue.record("expected an invalid model, got \(error)", sourceLocation: sourceLocation)
      return
    }
  }
}
