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
  /// the advanced one; the solve still ends as without it.
  @Test func anUnusableBasisFallsBackToTheAdvancedOne() throws {
    let model = marketSplit()
    var options = SolverOptions()
    options.presolve = false
    options.nodeLimit = 50
    let cold = try GLPK.solve(model, options: options)
    options.startingBasis = LPBasis(
      rowStatus: [0] + Array(repeating: 1, count: model.constraints.count),
      columnStatus: [0] + Array(repeating: 1, count: model.variables.count))
    let (warm, warmLog) = try Self.log(model, options)
    #expect(warmLog.contains { $0.contains("Constructing initial basis") })
    #expect(warm.status == cold.status && warm.objective == cold.objective)
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
}
