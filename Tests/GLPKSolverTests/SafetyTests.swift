import Foundation
import LinearModel
import Synchronization
import Testing

@testable import GLPKSolver

@Suite struct SafetyTests {
  @Test func fatalErrorGuardTurnsAbortIntoError() throws {
    let error = try #require(GLPK.provokeFatalError())
    guard case .glpkFatalError(let message) = error else {
      Issue.record("expected a GLPK fatal error, got \(error)")
      return
    }
    #expect(message.contains("glp_set_col_bnds"))
    // The thread's environment was freed; GLPK still works afterwards.
    #expect(try GLPK.solve(knapsack().0).objective == 90)
  }

  /// GLPK 5.0's cut generators reach its fatal-error path
  /// (`glp_add_cols: ncs = 0`) on a MIP its presolver empties of columns
  /// but not of rows; here the presolver fixes x = y = 0 and keeps the
  /// emptied row `half`. Such a model is still solved, with or without
  /// cuts.
  @Test(arguments: [Set<CutFamily>(), Set(CutFamily.allCases)])
  func aModelThePresolverEmptiesIsSolvedWithCuts(cuts: Set<CutFamily>) throws {
    var model = Model()
    let x = model.addVariable(Name("x"), kind: .binary)
    let y = model.addVariable(Name("y"), kind: .binary)
    let sum = LinearExpression.sum([x, y])
    var difference = LinearExpression()
    difference.add(x)
    difference.add(y, coefficient: -1)
    model.setObjective(.minimize, sum)
    model.addConstraint(sum <= 0.5, name: Name("half"))
    model.addConstraint(difference == 0, name: Name("same"))
    var options = SolverOptions()
    options.cuts = cuts
    let solution = try GLPK.solve(model, options: options)
    #expect(solution.status == .optimal)
    #expect(solution.objective == 0)
    // The same model read back from a file by GLPK.
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("sro-emptied-\(UUID()).lp").path
    try model.text(in: .cplexLP).write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let fromFile = try GLPK.solveFile(at: path, format: .cplexLP, options: options)
    #expect(fromFile.status == .optimal)
    #expect(fromFile.objective == 0)
  }

  @Test func nanCoefficientIsATypedError() {
    var model = Model()
    let x = model.addVariable(Name("x"), kind: .binary)
    model.setObjective(.minimize, Double.nan * x)
    #expect {
      try GLPK.solve(model)
    } throws: { error in
      guard case SolverError.invalidModel(.nonFiniteCoefficient) = error else { return false }
      return true
    }
  }

  @Test func emptyBoundsAreATypedError() {
    var model = Model()
    _ = model.addVariable(Name("x"), lowerBound: 3, upperBound: 1)
    #expect(throws: SolverError.self) { try GLPK.solve(model) }
  }

  @Test(arguments: [-1.0, 1.0, .nan, .infinity])
  func outOfRangeGapIsRejected(gap: Double) {
    var options = SolverOptions()
    options.relativeGap = gap
    #expect(throws: SolverError.self) { try GLPK.solve(knapsack().0, options: options) }
  }

  @Test(arguments: [Duration.zero, .seconds(-3), .seconds(3_000_000)])
  func outOfRangeTimeLimitIsRejected(limit: Duration) {
    var options = SolverOptions()
    options.timeLimit = limit
    #expect(throws: SolverError.self) { try GLPK.solve(knapsack().0, options: options) }
  }

  @Test func startingSolutionOfWrongLengthIsRejected() {
    var options = SolverOptions()
    options.startingSolution = [1]
    #expect(throws: SolverError.self) { try GLPK.solve(knapsack().0, options: options) }
  }

  @Test func infeasibleStartingSolutionNamesTheConstraint() {
    var options = SolverOptions()
    options.startingSolution = [1, 1, 1, 1]
    #expect {
      try GLPK.solve(knapsack().0, options: options)
    } throws: { error in
      guard case SolverError.infeasibleStartingSolution(let message) = error else { return false }
      return message.contains("capacity")
    }
  }

  @Test func feasibleStartingSolutionIsAccepted() throws {
    var options = SolverOptions()
    options.startingSolution = [0, 1, 1, 0]  // worth 70
    let solution = try GLPK.solve(knapsack().0, options: options)
    #expect(solution.startingSolutionAccepted == true)
    #expect(solution.objective == 90)
  }

  @Test func outputIsCapturedLineByLine() throws {
    let lines = LineCollector()
    var options = SolverOptions()
    options.log = .lines { lines.append($0) }
    _ = try GLPK.solve(knapsack().0, options: options)
    #expect(lines.all.contains { $0.contains("mip =") && $0.contains("tree is empty") })
    #expect(lines.all.allSatisfy { !$0.contains("\n") })
  }
}

/// Collects log lines from the solving thread.
final class LineCollector: @unchecked Sendable {
  private var lines: [String] = []
  private let lock = NSLockLike()
  func append(_ line: String) { lock.withLock { lines.append(line) } }
  var all: [String] { lock.withLock { lines } }
}

/// A tiny lock over `Mutex` for the collector above.
struct NSLockLike: ~Copyable {
  private let mutex = Mutex(())
  func withLock<T>(_ body: () -> T) -> T { mutex.withLock { _ in body() } }
}
