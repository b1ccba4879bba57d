import Foundation
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

  @Test func aSuiteNeedsScenarios() throws {
    let result = try SRO.run("bench", "--suite")
    #expect(result.status == 64)
    #expect(result.stderr.contains("--suite needs scenario files or folders"))
  }
}
