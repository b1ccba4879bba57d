import Foundation
import LinearModel
import SROBench
import SROCore

/// Runs every scenario of a folder with sro and with HiGHS (on the plain
/// model), each at the quick limit and at the suite's limit, and checks
/// every roster with the independent validator.
struct SuiteBench {
  /// The suite's limit and the quick one, in seconds.
  let timeLimit: Double
  let quickLimit: Double
  /// The HiGHS script; `nil` skips HiGHS.
  let highsScript: String?
  /// HiGHS's runs of an earlier report, by scenario name: taken instead of
  /// running HiGHS again (when only sro changed).
  var earlierHiGHS: [String: SuiteCase] = [:]

  /// The report of `paths`: files, and every `.yaml`, `.yml` or `.json` file
  /// of each folder, by name.
  func run(paths: [String]) throws -> SuiteReport {
    let files = try paths.flatMap(Self.scenarioFiles)
    var cases: [SuiteCase] = []
    for (i, path) in files.enumerated() {
      Console.error("bench: \(path) (\(i + 1) of \(files.count))…\n")
      cases.append(try measure(path: path))
    }
    return SuiteReport(
      suite: paths.joined(separator: " "), machine: BenchCommand.machine(), timeLimit: timeLimit,
      quickLimit: quickLimit, cases: cases)
  }

  /// `path` itself, or the scenario files of the folder `path`, by name.
  static func scenarioFiles(_ path: String) throws -> [String] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
      return [path]
    }
    return try FileManager.default.contentsOfDirectory(atPath: path)
      .filter { ["yaml", "yml", "json"].contains(URL(fileURLWithPath: $0).pathExtension) }.sorted()
      .map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
  }

  /// One scenario: sro at the limit, then at the quick limit unless the first
  /// run was already done by then (the same run) or the limits are one; HiGHS likewise.
  func measure(path: String) throws -> SuiteCase {
    let scenario = try ScenarioLoader.load(path)
    let sroLimit = sro(scenario, limit: timeLimit)
    let sroQuick = reuses(sroLimit) ? sroLimit : sro(scenario, limit: quickLimit)
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    var highsQuick = earlierHiGHS[name]?.highsQuick
    var highsLimit = earlierHiGHS[name]?.highsLimit
    if let highsScript, earlierHiGHS[name] == nil {
      let highs = try HiGHSRunner(scenario: scenario, script: highsScript)
      defer { highs.removeFiles() }
      let limit = highs.solve(limit: timeLimit)
      highsLimit = limit
      highsQuick = reuses(limit) ? limit : highs.solve(limit: quickLimit)
    }
    Console.error("  sro \(describe(sroQuick)) / \(describe(sroLimit))")
    Console.error("; HiGHS \(describe(highsQuick)) / \(describe(highsLimit))\n")
    return SuiteCase(
      name: name, schools: scenario.schools.count, officers: scenario.officers.count,
      binaries: Instance(scenario).eligiblePairs, sroQuick: sroQuick, sroLimit: sroLimit,
      highsQuick: highsQuick, highsLimit: highsLimit)
  }

  /// Whether the run at the limit also stands for the quick one.
  private func reuses(_ run: SolverRun) -> Bool {
    quickLimit >= timeLimit || run.seconds <= quickLimit
  }

  /// sro's planner with `limit` seconds; the roster checked.
  func sro(_ scenario: Scenario, limit: Double) -> SolverRun {
    var options = PlanningOptions()
    options.timeLimit = .milliseconds(Int64(limit * 1000))
    let clock = ContinuousClock()
    let began = clock.now
    guard let result = try? Planner.plan(scenario, options: options) else {
      return SolverRun(
        status: "none", objective: nil, bound: nil, seconds: (clock.now - began).seconds, violations: nil)
    }
    let seconds = (clock.now - began).seconds
    let validation = RosterValidator(scenario: scenario).validate(result.roster)
    return SolverRun(
      status: result.roster.status.rawValue, objective: validation.recomputedObjective,
      bound: result.roster.bound, seconds: seconds, violations: validation.violations.count)
  }

  private func describe(_ run: SolverRun?) -> String {
    guard let run else { return "-" }
    let objective = run.objective.map { $0.rosterText } ?? "none"
    return "\(run.status) \(objective) in \(String(format: "%.1f", run.seconds)) s"
  }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double { milliseconds / 1000 }
}
