import LinearModel
import Synchronization
import Testing

@testable import GLPKSolver

/// Branch-and-cut without the presolver starts its LP from a given basis
/// (the relaxation's) instead of solving it again.
@Suite struct StartingBasisTests {
  /// What GLPK printed while solving `model` with `options`.
  static func log(_ model: Model, _ options: SolverOptions) throws -> (Solution, [String]) {
    let lines = Mutex<[String]>([])
    var options = options
    options.log = .lines { line in lines.withLock { $0.append(line) } }
    let solution = try GLPK.solve(model, options: options)
    return (solution, lines.withLock { $0 })
  }

  @Test func theRelaxationsBasisSkipsTheLP() throws {
    let model = marketSplit()
    var lpOptions = SolverOptions()
    lpOptions.presolve = false
    let relaxation = try GLPK.solveRelaxation(model, options: lpOptions)
    let basis = try #require(relaxation.basis)
    #expect(basis.rows == model.constraints.count && basis.columns == model.variables.count)
    var options = SolverOptions()
    options.presolve = false
    options.nodeLimit = 50
    let (cold, coldLog) = try Self.log(model, options)
    options.startingBasis = basis
    let (warm, warmLog) = try Self.log(model, options)
    #expect(coldLog.contains { $0.contains("Constructing initial basis") })
    #expect(!warmLog.contains { $0.contains("Constructing initial basis") })
    // The LP starts optimal: its first and last simplex lines are iteration 0.
    let simplexLines = warmLog.filter { $0.hasPrefix("*") }
    #expect(simplexLines.allSatisfy { $0.hasPrefix("*     0:") }, "\(simplexLines)")
    #expect(warm.status == cold.status)
    #expect(warm.objective == cold.objective)
  }

  /// A basis GLPK cannot use (every row and column basic) is replaced by
  /// the advanced one, which gets what is left of the time limit; the
  /// solve still ends as without it.
  @Test func anUnusableBasisFallsBackToTheAdvancedOne() throws {
    let model = marketSplit()
    var options = SolverOptions()
    options.presolve = false
    options.nodeLimit = 50
    options.timeLimit = .seconds(60)
    let cold = try GLPK.solve(model, options: options)
    options.startingBasis = LPBasis(
      rowStatus: [0] + Array(repeating: 1, count: model.constraints.count),
      columnStatus: [0] + Array(repeating: 1, count: model.variables.count))
    let (warm, warmLog) = try Self.log(model, options)
    #expect(warmLog.contains { $0.contains("Constructing initial basis") })
    #expect(warm.status == cold.status && warm.objective == cold.objective)
    #expect(!warm.timeLimitReached)
  }

  @Test func aBasisOfAnotherShapeOrWithUnknownStatusesIsRefused() throws {
    let model = marketSplit()
    var options = SolverOptions()
    options.startingBasis = LPBasis(rowStatus: [0, 1], columnStatus: [0, 1])
    #expect(throws: SolverError.self) { try GLPK.solve(model, options: options) }
    options.startingBasis = LPBasis(
      rowStatus: [0] + Array(repeating: 9, count: model.constraints.count),
      columnStatus: [0] + Array(repeating: 1, count: model.variables.count))
    #expect(throws: SolverError.self) { try GLPK.solve(model, options: options) }
  }

  /// A block needing two officers, three who may take it (the first two
  /// overlap elsewhere), and a shortage column: min x1 + 2 x2 + 3 x3 + 10 short,
  /// x1 + x2 + x3 + short = 2, x1 + x2 ≤ 1. LP optimum 4 (x1 = x3 = 1).
  static func coverage() -> (model: Model, x: [Variable], short: Variable) {
    var model = Model()
    let x = (1...3).map { model.addVariable(Name("x", String($0)), kind: .binary) }
    let short = model.addVariable(Name("short"), kind: .integer, upperBound: 2)
    model.addConstraint(LinearExpression.sum(x) + short == 2, name: Name("cover"))
    model.addConstraint(LinearExpression(x[0]) + x[1] <= 1, name: Name("overlap"))
    model.setObjective(
      .minimize, LinearExpression(terms: zip(x, [1.0, 2, 3])) + LinearExpression(terms: [(short, 10.0)]))
    return (model, x, short)
  }

  /// The relaxation of `model` from `basis`, and the simplex lines GLPK printed.
  static func relaxation(_ model: Model, from basis: LPBasis?) throws -> (Relaxation, [String]) {
    let lines = Mutex<[String]>([])
    var options = SolverOptions()
    options.startingBasis = basis
    options.log = .lines { line in lines.withLock { $0.append(line) } }
    let relaxation = try GLPK.solveRelaxation(model, options: options)
    return (relaxation, lines.withLock { $0.filter { $0.hasPrefix("*") } })
  }

  /// x2 = 1 and one officer short (objective 12): the LP starts there, not
  /// at GLPK's crash basis, and still ends at 4.
  @Test func aFeasiblePointsBasisStartsTheRelaxationAtThatPoint() throws {
    let (model, _, _) = Self.coverage()
    let basis = try #require(LPBasis(near: [0, 1, 0, 1], of: model))
    let (relaxation, lines) = try Self.relaxation(model, from: basis)
    #expect(lines.first?.hasPrefix("*     0: obj =   1.200000000e+01") == true, "\(lines)")
    #expect(relaxation.status == .optimal && relaxation.objective == 4)
    let (cold, _) = try Self.relaxation(model, from: nil)
    #expect(cold.objective == 4)
  }

  /// The optimum's point: the LP starts at its objective and only changes
  /// basis (degenerate steps) until the basis proves it optimal.
  @Test func theOptimumsPointStartsAtTheOptimum() throws {
    let (model, _, _) = Self.coverage()
    let basis = try #require(LPBasis(near: [1, 0, 1, 0], of: model))
    let (relaxation, lines) = try Self.relaxation(model, from: basis)
    #expect(!lines.isEmpty && lines.allSatisfy { $0.contains("obj =   4.000000000e+00") }, "\(lines)")
    #expect(relaxation.objective == 4)
  }

  /// A point of the wrong length, or a column strictly between its bounds
  /// with no row to stand in for, gives no basis.
  @Test func aPointThatFitsNoBasisGivesNone() {
    let (model, _, _) = Self.coverage()
    #expect(LPBasis(near: [0, 1, 0], of: model) == nil)
    var loose = model
    _ = loose.addVariable(Name("spare"), upperBound: 2)
    #expect(LPBasis(near: [0, 1, 0, 1, 1], of: loose) == nil)
    #expect(LPBasis(near: [0, 1, 0, 1, 2], of: loose) != nil)
  }

  /// A column strictly between its bounds is basic in place of a tight row
  /// (so the vertex is the point), an equality row before an inequality:
  /// y = 1 with y ≤ 4 (slack) and y ≤ 1; then with y ≤ 1 and y + w = 1.
  /// GLPK's statuses: 1 basic, 2 nonbasic at the lower bound, 3 at the
  /// upper, 5 fixed (element 0 unused).
  @Test func aColumnBetweenItsBoundsTakesATightRowAnEqualityFirst() throws {
    var inequalities = Model()
    let y = inequalities.addVariable(Name("y"), upperBound: 5)
    inequalities.addConstraint(LinearExpression(y) <= 4, name: Name("slack"))
    inequalities.addConstraint(LinearExpression(y) <= 1, name: Name("tight"))
    let tight = try #require(LPBasis(near: [1], of: inequalities))
    #expect(tight.rowStatus.dropFirst() == [1, 3] && tight.columnStatus.dropFirst() == [1])
    var equality = Model()
    let z = equality.addVariable(Name("y"), upperBound: 5)
    let w = equality.addVariable(Name("w"), upperBound: 5)
    equality.addConstraint(LinearExpression(z) <= 1, name: Name("tight"))
    equality.addConstraint(LinearExpression(z) + w == 1, name: Name("equal"))
    let fixed = try #require(LPBasis(near: [1, 0], of: equality))
    #expect(fixed.rowStatus.dropFirst() == [1, 5] && fixed.columnStatus.dropFirst() == [1, 2])
  }

  /// An unusable basis (every row and column basic) for the relaxation is
  /// replaced by the advanced one.
  @Test func theRelaxationFallsBackFromAnUnusableBasis() throws {
    let (model, _, _) = Self.coverage()
    let unusable = LPBasis(
      rowStatus: [0] + Array(repeating: 1, count: model.constraints.count),
      columnStatus: [0] + Array(repeating: 1, count: model.variables.count))
    let (relaxation, _) = try Self.relaxation(model, from: unusable)
    #expect(relaxation.status == .optimal && relaxation.objective == 4)
  }
}
