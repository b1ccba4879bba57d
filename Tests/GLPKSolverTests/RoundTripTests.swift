import Foundation
import LinearModel
import Testing

@testable import GLPKSolver

/// A model with every variable kind, bound type and row sense, and a
/// non-trivial optimum.
func roundTripModel() -> Model {
  var model = Model()
  let x = (0..<5).map { model.addVariable(Name("x", "npd-0\($0)", "07:30"), kind: .binary) }
  let n = model.addVariable(Name("n"), kind: .integer, lowerBound: -3, upperBound: 4)
  let free = model.addVariable(Name("free"), lowerBound: -.infinity)
  let short = model.addVariable(Name("short", "lincoln-es"), upperBound: 2.5)
  model.addConstraint(LinearExpression.sum(x) + short == 3, name: Name("cover", "lincoln-es", "tue", "07:30"))
  model.addConstraint(LinearExpression(x[0]) + x[1] <= 1, name: Name("overlap", "npd-01", "tue"))
  model.addConstraint(LinearExpression(n) - free >= -1.5, name: Name("link"))
  model.addConstraint(LinearExpression(free) + 0.5 * x[2] <= 2.25, name: Name("cap"))
  model.setObjective(
    .minimize,
    LinearExpression(terms: zip(x, [3.0, 1, 2, 5, 4])) + 100.0 * short + 1.0 * n - 2.0 * free)
  return model
}

@Suite struct RoundTripTests {
  func write(_ model: Model, as format: ModelFileFormat) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("sro-\(UUID().uuidString).\(format == .freeMPS ? "mps" : "lp")").path
    try model.text(in: format).write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test(arguments: [ModelFileFormat.freeMPS, .cplexLP])
  func glpkReadsBackTheSameOptimum(format: ModelFileFormat) throws {
    let model = roundTripModel()
    let direct = try GLPK.solve(model)
    let path = try write(model, as: format)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let fromFile = try GLPK.solveFile(at: path, format: format)
    #expect(direct.status == .optimal && fromFile.status == .optimal)
    #expect(abs(direct.objective! - fromFile.objective!) < 1e-9)
    #expect(fromFile.columns == model.variables.count)
    #expect(fromFile.rows == model.constraints.count)
  }

  @Test func unreadableFileIsATypedError() {
    #expect(throws: SolverError.self) {
      try GLPK.solveFile(at: "/nonexistent/model.mps", format: .freeMPS)
    }
  }

  /// The outside solver: HiGHS (`pip install highspy`, as `.ci/run` does).
  @Test(.enabled(if: highsIsAvailable, "needs python3 with highspy"))
  func highsReadsBackTheSameOptimum() throws {
    let model = roundTripModel()
    let direct = try GLPK.solve(model)
    let path = try write(model, as: .freeMPS)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let output = try runPython(
      """
      import highspy, sys
      h = highspy.Highs(); h.setOptionValue('output_flag', False)
      h.readModel(sys.argv[1]); h.run()
      print(h.getModelStatus() == highspy.HighsModelStatus.kOptimal, h.getInfo().objective_function_value)
      """, argument: path)
    let fields = (output.split(separator: "\n").last ?? "").split(separator: " ")
    #expect(fields.first == "True")
    let objective = try #require(Double(fields.last ?? ""))
    #expect(abs(objective - direct.objective!) < 1e-6)
  }
}

let highsIsAvailable = (try? runPython("import highspy", argument: "")) != nil

func runPython(_ script: String, argument: String) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", script, argument]
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = FileHandle.nullDevice
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
  return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}
