import Foundation
import GLPKSolver
import SROCore
import SROTestSupport
import Testing

/// Runs the real `sro` binary, as a planner would.
struct SRO {
  struct Output {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  static let binary: URL = {
    // The test bundle and the executable are built into the same folder.
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for folder in [bundle, bundle.deletingLastPathComponent()] {
      let candidate = folder.appendingPathComponent("sro")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return packageRoot.appendingPathComponent(".build/debug/sro")
  }()

  @discardableResult
  static func run(_ arguments: String...) throws -> Output { try runArguments(arguments) }

  static func runArguments(_ arguments: [String]) throws -> Output {
    try Clients.run(binary.path, arguments)
  }
}

/// The Norman weeks with their optimal objectives, cross-checked by an
/// independent implementation of the spec's model solved with SciPy's MILP
/// solver (HiGHS) while the scenarios were written.
let normanWeeks: [(file: String, objective: Double)] = [
  ("scenarios/norman/district.yaml", 0),
  ("scenarios/norman/typical-week.yaml", 0),
  ("scenarios/norman/training-week.yaml", 4800),
  ("scenarios/norman/football-friday.yaml", 4.5),
  ("scenarios/norman/holiday-week.yaml", 0),
]

@Suite(.serialized, .tags(.slow)) struct BundledScenarioTests {
  @Test(arguments: normanWeeks.map(\.file))
  func checkAcceptsEveryBundledScenario(file: String) throws {
    let result = try SRO.run("check", file)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\(file): valid"))
    #expect(result.stdout.contains("variables"))
  }

  @Test(arguments: normanWeeks.map(\.file))
  func solvesToProvenOptimumThatPassesTheValidator(file: String) throws {
    let expected = try #require(normanWeeks.first { $0.file == file }).objective
    let result = try SRO.run("solve", file, "--format", "json")
    #expect(result.status == 0, "\(result.stderr)")
    let roster = try Roster.decode(json: Data(result.stdout.utf8))
    #expect(roster.status == .optimal)
    #expect(abs(roster.objective - expected) < 1e-6)
    let scenario = try ScenarioLoader.load(packageRoot.appendingPathComponent(file).path)
    let validation = RosterValidator(scenario: scenario).validate(roster)
    #expect(validation.violations == [])
  }
}

@Suite(.tags(.slow)) struct CommandLineTests {
  let small = "Tests/SROCoreTests/Fixtures/small.yaml"

  @Test func sameScenarioTwiceGivesByteIdenticalJSON() throws {
    let first = try SRO.run("solve", small, "--format", "json")
    let second = try SRO.run("solve", small, "--format", "json")
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
  }

  @Test func verboseLogsTheSearchOnStderrAndLeavesTheRosterAlone() throws {
    let quiet = try SRO.run("solve", small, "--format", "json")
    let verbose = try SRO.run("solve", small, "--format", "json", "--verbose")
    #expect(verbose.status == 0)
    #expect(verbose.stdout == quiet.stdout)
    #expect(quiet.stderr.isEmpty)
    #expect(verbose.stderr.contains("sro: "))
    #expect(verbose.stderr.contains("LP relaxation optimal"))
  }

  @Test func outputFileIsWrittenAndValidates() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("roster.json").path
    let solve = try SRO.run("solve", small, "--format", "json", "--output", path)
    #expect(solve.status == 0)
    #expect(solve.stdout.isEmpty)
    let validate = try SRO.run("validate", small, "--roster", path)
    #expect(validate.status == 0, "\(validate.stderr)")
    #expect(validate.stdout.contains("valid; objective 1800"))
  }

  @Test func tamperedRosterFailsValidation() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("roster.json").path
    let json = try SRO.run("solve", small, "--format", "json").stdout
    try json.replacingOccurrences(of: "\"objective\": 1800", with: "\"objective\": 1700")
      .write(toFile: path, atomically: true, encoding: .utf8)
    let validate = try SRO.run("validate", small, "--roster", path)
    #expect(validate.status == 1)
    #expect(validate.stderr.contains("objective"))
  }

  @Test func badScenarioExits65AndLeavesExistingOutputAlone() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bad = folder.appendingPathComponent("bad.yaml").path
    try "week: 2024-09-10\nofficers: [{id: o1, agency: X}]\n".write(
      toFile: bad, atomically: true, encoding: .utf8)
    let output = folder.appendingPathComponent("roster.json").path
    try "previous roster".write(toFile: output, atomically: true, encoding: .utf8)
    let result = try SRO.run("solve", bad, "--format", "json", "--output", output)
    #expect(result.status == 65)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.hasPrefix(bad + ":") })
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "previous roster")
  }

  @Test func unwritableOutputExits74() throws {
    let result = try SRO.run("solve", small, "--output", "/nonexistent/folder/roster.txt")
    #expect(result.status == 74)
    #expect(result.stderr.contains("/nonexistent/folder/roster.txt"))
  }

  @Test func missingScenarioFileExits65() throws {
    let result = try SRO.run("check", "nowhere.yaml")
    #expect(result.status == 65)
    #expect(result.stderr.contains("nowhere.yaml: no such file"))
  }

  @Test func badOptionIsAUsageError() throws {
    let result = try SRO.run("solve", small, "--gap", "2")
    #expect(result.status == 64)
  }

  @Test func csvAndTableFormats() throws {
    let csv = try SRO.run("solve", small, "--format", "csv")
    #expect(csv.stdout.hasPrefix("officer,school,day,date,start,end,hours,kind,event\r\n"))
    let table = try SRO.run("solve", small)
    #expect(table.stdout.contains("coverage 56.3%"))
  }

  @Test(arguments: ["mps", "lp"])
  func exportedModelHasTheSameOptimumInGLPK(format: String) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("model.\(format)").path
    let export = try SRO.run("export", small, "--\(format)", path)
    #expect(export.status == 0, "\(export.stderr)")
    let solution = try GLPK.solveFile(at: path, format: format == "mps" ? .freeMPS : .cplexLP)
    #expect(solution.status == .optimal)
    #expect(abs((solution.objective ?? 0) - 1800) < 1e-6)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
      text.contains(
        format == "mps" ? "cover[lincoln-es,mon,07:30-08:30]" : "cover(lincoln~es,mon,07.30~08.30)"))
  }
}
