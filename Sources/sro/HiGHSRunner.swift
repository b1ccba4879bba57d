import Foundation
import LinearModel
import SROBench
import SROCore

/// HiGHS on a scenario's plain model (the straightforward formulation of
/// `sro export --plain`), through benchmarks/highs_solve.py; its solution is
/// read back into a roster and checked by the independent validator.
struct HiGHSRunner {
  let scenario: Scenario
  let plain: CoverageModel
  let script: String
  /// The exported model and where the script writes the solution.
  let modelPath: String
  let solutionPath: String

  /// Exports the plain model of `scenario` to a temporary MPS file.
  init(scenario: Scenario, script: String) throws {
    self.scenario = scenario
    self.script = script
    plain = try CoverageModel(scenario: scenario, formulation: .plain)
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("sro-bench-\(UUID().uuidString)")
    modelPath = base.path + ".mps"
    solutionPath = base.path + ".solution.json"
    let model = plain.model
    try AtomicFile.write(to: modelPath) { emit in model.write(in: .freeMPS, to: emit) }
  }

  /// Removes the temporary files.
  func removeFiles() {
    try? FileManager.default.removeItem(atPath: modelPath)
    try? FileManager.default.removeItem(atPath: solutionPath)
  }

  /// HiGHS with `limit` seconds; `unavailable` when the script fails.
  func solve(limit: Double) -> SolverRun {
    try? FileManager.default.removeItem(atPath: solutionPath)
    let unavailable = SolverRun(
      status: "unavailable", objective: nil, bound: nil, seconds: 0, violations: nil)
    guard let summary = runScript(limit: limit) else { return unavailable }
    let seconds = summary["seconds"] as? Double ?? 0
    let bound = summary["bound"] as? Double
    guard let objective = summary["objective"] as? Double, let values = readValues() else {
      return SolverRun(status: "none", objective: nil, bound: bound, seconds: seconds, violations: nil)
    }
    let optimal = summary["status"] as? String == "optimal"
    let solution = Solution(
      status: optimal ? .optimal : .feasible, objective: objective, bound: bound, values: values,
      solveTime: .milliseconds(Int64(seconds * 1000)))
    let validation = RosterValidator(scenario: scenario).validate(plain.roster(from: solution))
    return SolverRun(
      status: optimal ? "optimal" : "feasible", objective: validation.recomputedObjective,
      bound: optimal ? validation.recomputedObjective : bound, seconds: seconds,
      violations: validation.violations.count)
  }

  /// The script's JSON line, or `nil` when it failed.
  private func runScript(limit: Double) -> [String: Any]? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", script, modelPath, "--time-limit", String(limit), "--solution", solutionPath,
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let last = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
    guard process.terminationStatus == 0 else { return nil }
    return (try? JSONSerialization.jsonObject(with: Data(last.utf8))) as? [String: Any]
  }

  /// The solution's column values, in the model's variable order; `nil`
  /// when there are none or their count is not the model's.
  private func readValues() -> [Double]? {
    guard let data = FileManager.default.contents(atPath: solutionPath),
      let values = (try? JSONSerialization.jsonObject(with: data)) as? [Double],
      values.count == plain.model.variables.count
    else { return nil }
    return zip(values, plain.model.variables).map { value, variable in
      variable.kind == .continuous ? value : value.rounded()
    }
  }
}
