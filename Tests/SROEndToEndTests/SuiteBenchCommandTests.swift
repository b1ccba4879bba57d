import Foundation
import SROBench
import SROCore
import SROTestSupport
import Testing

/// `sro bench --suite` on a folder of one small scenario: both solvers'
/// rosters validated, the JSON and the table written.
@Suite(.tags(.slow)) struct SuiteBenchCommandTests {
  @Test func aSuiteOfOneScenarioReportsValidRostersOfBothSolvers() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = packageRoot.appendingPathComponent("Tests/SROCoreTests/Fixtures/small.yaml")
    try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent("small.yaml"))
    try Data("not a scenario".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    let json = folder.appendingPathComponent("out.json").path
    let result = try SRO.runArguments([
      "bench", "--suite", folder.path, "--time-limit", "5", "--quick-limit", "1", "--json", json,
      "--highs-script", packageRoot.appendingPathComponent("benchmarks/highs_solve.py").path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("proven optimal within 5 s"))
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
    let cases = try #require(report["cases"] as? [[String: Any]])
    #expect(cases.count == 1)
    let sro = try #require(cases.first?["sroLimit"] as? [String: Any])
    #expect(sro["status"] as? String == "optimal")
    #expect(sro["violations"] as? Int == 0)
    // HiGHS's roster, read back from its solution, passes the validator
    // too (skipped where highspy is not installed).
    let highs = try #require(cases.first?["highsLimit"] as? [String: Any])
    if highs["status"] as? String != "unavailable" {
      #expect(highs["violations"] as? Int == 0)
      #expect(highs["objective"] as? Double == sro["objective"] as? Double)
    }
  }

  /// `--highs-from` takes HiGHS's runs from an earlier report: the script
  /// given cannot run, and the runs are the earlier ones.
  @Test func highsRunsComeFromAnEarlierReport() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = packageRoot.appendingPathComponent("Tests/SROCoreTests/Fixtures/small.yaml")
    try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent("small.yaml"))
    let highs = SolverRun(status: "feasible", objective: 1e6, bound: 0, seconds: 7, violations: 0)
    let sro = SolverRun(status: "none", objective: nil, bound: nil, seconds: 1, violations: nil)
    let earlier = SuiteReport(
      suite: "x", machine: "x", timeLimit: 5, quickLimit: 1,
      cases: [
        SuiteCase(
          name: "small", schools: 0, officers: 0, binaries: 0, sroQuick: sro, sroLimit: sro,
          highsQuick: highs,
          highsLimit: highs)
      ])
    let earlierPath = folder.appendingPathComponent("earlier.json").path
    try Data(try earlier.json().utf8).write(to: URL(fileURLWithPath: earlierPath))
    let json = folder.appendingPathComponent("out.json").path
    let result = try SRO.runArguments([
      "bench", "--suite", folder.appendingPathComponent("small.yaml").path, "--time-limit", "5",
      "--highs-from", earlierPath, "--highs-script", "/nonexistent.py", "--json", json,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try JSONDecoder().decode(
      SuiteReport.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
    #expect(report.cases.first?.highsLimit == highs)
    #expect(report.cases.first?.sroLimit.violations == 0)
    #expect(report.statistics.versusLimit?.better == 1)
  }

  @Test func aSuiteNeedsScenarios() throws {
    let result = try SRO.run("bench", "--suite")
    #expect(result.status == 64)
    #expect(result.stderr.contains("--suite needs scenario files or folders"))
  }
}
