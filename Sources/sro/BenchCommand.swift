import ArgumentParser
import Foundation
import LinearModel
import SROBench
import SROCore

struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time sro on scenarios and generated districts, side by side with HiGHS.",
    discussion: """
      For each case: load + validation, model building and the GLPK solve, with the \
      roster checked by the independent validator; then the same scenario's \
      straightforward model (sro export --plain) solved by HiGHS through \
      benchmarks/highs_solve.py (pip install highspy), the ratio of the times, and \
      whether the optima agree. Prints a table; --json writes the same figures.

      With --suite, the scenarios given (a folder: every scenario file in it), \
      with no generated districts: sro and HiGHS \
      each at --quick-limit (2 s) and at --time-limit (default 20 s), every roster of \
      both checked by the validator, and the distribution over the folder: proofs \
      within the limit, time to proof, gaps to the best known objective and to each \
      solver's own bound, and how often sro's roster beats, ties or loses to HiGHS's. \
      Exits 1 when a roster of either solver breaks a rule, or lies below a proven bound.
      """)

  @Argument(
    help: "Scenario files to time (default: the Norman typical week); with --suite, files or folders.")
  var scenarios: [String] = []

  @Option(help: "Generated district sizes, comma-separated (e.g. 25,60,120,250).")
  var sizes: String = "25,60"

  @Option(parsing: .unconditional, help: "Seed of the generated districts.")
  var seed: UInt64 = 1

  @Option(
    parsing: .unconditional,
    help: "Time limit of each solve, ours and HiGHS's, in seconds (default 120; with --suite, 20).")
  var timeLimit: Double?

  @Flag(
    help: "Run the scenarios given, every scenario file of each folder given, and report the distribution.")
  var suite = false

  @Option(parsing: .unconditional, help: "With --suite: the quick limit, in seconds.")
  var quickLimit: Double = 2

  @Option(parsing: .unconditional, help: "Relative gap at which both solvers stop (0: prove optimality).")
  var gap: Double = 0

  @Option(help: "With --suite: take HiGHS's runs from this earlier --json report instead of running HiGHS.")
  var highsFrom: String?

  @Flag(help: "Skip HiGHS.")
  var noHighs = false

  @Option(help: "The HiGHS script.")
  var highsScript = "benchmarks/highs_solve.py"

  @Option(help: "Write the results as JSON to this file.")
  var json: String?

  func validate() throws {
    if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be above 0") }
    if !(quickLimit > 0) { throw ValidationError("--quick-limit must be above 0") }
  }

  func run() throws {
    if suite {
      try runSuite()
      return
    }
    var cases: [(name: String, load: () throws -> Scenario)] = []
    for path in scenarios.isEmpty ? ["scenarios/norman/typical-week.yaml"] : scenarios {
      cases.append(
        (
          URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
          {
            try ScenarioLoader.load(path)
          }
        ))
    }
    for size in sizes.split(separator: ",").compactMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
      let options = DistrictGenerator.Options(schools: size, seed: seed)
      let text = DistrictGenerator(options: options).yaml()
      cases.append(
        ("generated-\(size)-s\(seed)", { try ScenarioLoader.load(text: text, file: "generated-\(size)") }))
    }
    var rows: [BenchRow] = []
    for (name, load) in cases {
      Console.error("bench: \(name)…\n")
      rows.append(try measure(name: name, load: load))
    }
    try Console.out(BenchRow.table(rows) + "\n")
    if let json {
      try emit(BenchRow.json(rows, machine: Self.machine()), to: json)
    }
  }

  /// `--suite`: the distribution over the scenarios given.
  private func runSuite() throws {
    guard !scenarios.isEmpty else { throw ValidationError("--suite needs scenario files or folders") }
    var bench = SuiteBench(
      timeLimit: timeLimit ?? 20, quickLimit: quickLimit, highsScript: noHighs ? nil : highsScript)
    if let highsFrom {
      guard let data = FileManager.default.contents(atPath: highsFrom),
        let earlier = try? JSONDecoder().decode(SuiteReport.self, from: data)
      else { throw ValidationError("--highs-from \(highsFrom): not a report of sro bench --suite --json") }
      bench.earlierHiGHS = Dictionary(earlier.cases.map { ($0.name, $0) }) { first, _ in first }
    }
    let report = try bench.run(paths: scenarios)
    try Console.out(report.table())
    if let json { try emit(try report.json(), to: json) }
    let invalid = report.statistics.sro.rostersInvalid + (report.statistics.highs?.rostersInvalid ?? 0)
    if invalid > 0 || report.statistics.contradictions > 0 {
      Console.error(
        "bench: \(invalid) roster(s) broke a rule; \(report.statistics.contradictions) below a proven bound\n"
      )
      throw ExitCode(1)
    }
  }

  private func measure(name: String, load: () throws -> Scenario) throws -> BenchRow {
    let clock = ContinuousClock()
    let began = clock.now
    let scenario = try load()
    let loaded = clock.now
    var options = PlanningOptions()
    options.timeLimit = .milliseconds(Int64((timeLimit ?? 120) * 1000))
    options.relativeGap = gap
    let result = try Planner.plan(scenario, options: options)
    let validation = RosterValidator(scenario: scenario).validate(result.roster)
    var row = BenchRow(
      name: name, schools: scenario.schools.count, officers: scenario.officers.count,
      blocks: scenario.blocks().count, binaries: result.binaries, rows: result.rows,
      loadMilliseconds: (loaded - began).milliseconds, buildMilliseconds: result.buildTime.milliseconds,
      solveMilliseconds: result.solveTime.milliseconds, status: result.roster.status.rawValue,
      objective: result.roster.objective, bound: result.roster.bound,
      violations: validation.violations.count)
    if !noHighs { row.highs = try solveWithHiGHS(scenario) }
    return row
  }

  private func solveWithHiGHS(_ scenario: Scenario) throws -> BenchRow.HiGHS {
    let plain = try CoverageModel(scenario: scenario, formulation: .plain).model
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sro-bench-\(UUID().uuidString).mps")
    defer { try? FileManager.default.removeItem(at: path) }
    try AtomicFile.write(to: path.path) { emit in plain.write(in: .freeMPS, to: emit) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", highsScript, path.path, "--time-limit", String(timeLimit ?? 120), "--gap", String(gap),
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let last = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
    guard process.terminationStatus == 0,
      let object = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any]
    else {
      return BenchRow.HiGHS(
        status: "unavailable", objective: nil, bound: nil, seconds: nil, binaries: plain.variables.count,
        rows: plain.constraints.count)
    }
    return BenchRow.HiGHS(
      status: object["status"] as? String ?? "?", objective: object["objective"] as? Double,
      bound: object["bound"] as? Double, seconds: object["seconds"] as? Double,
      binaries: plain.variables.count, rows: plain.constraints.count)
  }

  static func machine() -> String {
    let cpu =
      (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
      .split(separator: "\n").first { $0.hasPrefix("model name") }
      .map {
        $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
      } ?? "unknown CPU"
    return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu)"
  }
}

/// One benchmark case's figures.
struct BenchRow {
  struct HiGHS {
    var status: String
    var objective: Double?
    var bound: Double?
    var seconds: Double?
    var binaries: Int
    var rows: Int
  }

  var name: String
  var schools: Int
  var officers: Int
  var blocks: Int
  var binaries: Int
  var rows: Int
  var loadMilliseconds: Double
  var buildMilliseconds: Double
  var solveMilliseconds: Double
  var status: String
  var objective: Double
  var bound: Double
  var violations: Int
  var highs: HiGHS?

  var totalMilliseconds: Double { loadMilliseconds + buildMilliseconds + solveMilliseconds }
  var gap: Double { abs(objective - bound) / max(1, abs(objective)) }

  /// HiGHS's time over ours (load + build + solve).
  var ratio: Double? { highs?.seconds.map { $0 * 1000 / totalMilliseconds } }

  /// Whether both optima agree: equal when both are proven, otherwise each
  /// objective at or above the other's bound.
  var agreement: String {
    guard let highs, let theirs = highs.objective else { return "-" }
    if status == "optimal", highs.status == "optimal" {
      return abs(theirs - objective) <= 1e-6 * max(1, abs(objective)) ? "yes" : "NO"
    }
    let theirBound = highs.bound ?? -.infinity
    return objective >= theirBound - 1e-6 && theirs >= bound - 1e-6 ? "consistent" : "NO"
  }

  static func table(_ rows: [BenchRow]) -> String {
    func f(_ value: Double, _ digits: Int = 0) -> String { String(format: "%.\(digits)f", value) }
    var lines = [
      [
        "scenario", "schools", "officers", "blocks", "binaries", "rows", "load ms", "build ms", "solve ms",
        "status", "gap", "objective", "valid", "HiGHS binaries", "HiGHS rows", "HiGHS s", "HiGHS status",
        "HiGHS objective", "ratio", "agree",
      ]
    ]
    for r in rows {
      lines.append([
        r.name, "\(r.schools)", "\(r.officers)", "\(r.blocks)", "\(r.binaries)", "\(r.rows)",
        f(r.loadMilliseconds), f(r.buildMilliseconds), f(r.solveMilliseconds), r.status,
        f(r.gap * 100, 2) + "%", r.objective.rosterText, r.violations == 0 ? "yes" : "NO (\(r.violations))",
        r.highs.map { "\($0.binaries)" } ?? "-", r.highs.map { "\($0.rows)" } ?? "-",
        r.highs?.seconds.map { f($0, 2) } ?? "-", r.highs?.status ?? "-",
        r.highs?.objective.map { $0.rosterText } ?? "-",
        r.ratio.map { (r.highs?.status == "optimal" ? "" : "≥") + f($0, 1) + "×" } ?? "-",
        r.agreement,
      ])
    }
    let widths = lines[0].indices.map { i in lines.map { $0[i].count }.max() ?? 0 }
    return lines.map { line in
      line.enumerated().map { i, cell in cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
        .joined(separator: "  ")
    }.joined(separator: "\n")
  }

  static func json(_ rows: [BenchRow], machine: String) -> String {
    let items = rows.map { r -> [String: Any] in
      var item: [String: Any] = [
        "scenario": r.name, "schools": r.schools, "officers": r.officers, "blocks": r.blocks,
        "binaries": r.binaries, "rows": r.rows, "loadMs": r.loadMilliseconds,
        "buildMs": r.buildMilliseconds, "solveMs": r.solveMilliseconds, "totalMs": r.totalMilliseconds,
        "status": r.status, "objective": r.objective, "bound": r.bound, "gap": r.gap,
        "validatorViolations": r.violations, "agree": r.agreement,
      ]
      if let highs = r.highs {
        item["highs"] = [
          "status": highs.status, "objective": highs.objective as Any, "bound": highs.bound as Any,
          "seconds": highs.seconds as Any, "binaries": highs.binaries, "rows": highs.rows,
        ]
        item["ratio"] = r.ratio as Any
      }
      return item
    }
    let object: [String: Any] = ["machine": machine, "cases": items]
    let data =
      (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}

extension Duration {
  var milliseconds: Double {
    Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
  }
}
