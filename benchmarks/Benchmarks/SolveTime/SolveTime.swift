// The pipeline, stage by stage, on the Norman week and on generated
// districts: scenario loading and validation, model building, the GLPK
// solve, and the whole plan. See ../../README.md for how to run it.

import Benchmark
import Foundation
import GLPKSolver
import SROCore

// MARK: - What is measured

/// How far the whole-model GLPK solve is taken.
enum SolveBound: Sendable {
  /// To proven optimality, as `sro solve` does by default: `Solve.<name>`.
  /// Deterministic, so its allocation count has a committed threshold.
  case exact
  /// To a 1 % gap or `limit`, whichever comes first: `SolveBounded.<name>`.
  /// How far GLPK gets in the time depends on the machine, so only the
  /// clock means much here, and no threshold is recorded for it.
  case bounded(limit: Duration)
}

/// One scenario the suite measures.
struct District: Sendable {
  enum Source: Sendable {
    /// A scenario file, relative to the repository's root.
    case file(String)
    /// `sro generate --schools N --seed 1`, generated in-process.
    case generated(schools: Int)
  }

  /// The benchmark names' suffix: `norman`, `g025`.
  let name: String
  let source: Source
  /// The whole model handed to GLPK at once (`GLPK.solve`).
  let solve: SolveBound
  /// Whether to run `EndToEnd.<name>`: `Planner.plan` with its default
  /// options but one thread (independent parts one after the other,
  /// solved to optimality).
  let endToEnd: Bool
  /// Part of the quick run (`SRO_BENCH_QUICK=1`, what CI runs).
  let quick: Bool

  static func generated(
    _ schools: Int, solve: SolveBound, endToEnd: Bool, quick: Bool
  ) -> District {
    let digits = String(schools)
    let name = "g" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    return District(
      name: name, source: .generated(schools: schools), solve: solve, endToEnd: endToEnd,
      quick: quick)
  }
}

/// Every scenario of the suite, smallest first: the one place to change
/// sizes and bounds. (Nov 2026, on the 2-core CI machine: the whole g060
/// model did not solve to optimality in 15 minutes, while `Planner.plan`,
/// solving its independent parts apart, took 12 to 45 s.)
let districts: [District] = [
  District(
    name: "norman", source: .file("scenarios/norman/typical-week.yaml"), solve: .exact,
    endToEnd: true, quick: true),
  .generated(25, solve: .exact, endToEnd: true, quick: true),
  .generated(60, solve: .bounded(limit: .seconds(5)), endToEnd: true, quick: true),
  .generated(120, solve: .bounded(limit: .seconds(5)), endToEnd: false, quick: false),
  .generated(250, solve: .bounded(limit: .seconds(5)), endToEnd: false, quick: false),
]

// MARK: - Settings

/// `SRO_BENCH_QUICK=1`: the quick scenarios only, and few iterations.
let quickMode = ProcessInfo.processInfo.environment["SRO_BENCH_QUICK"] == "1"

/// Whether the CPU's instruction counter can be read. package-benchmark
/// reads it with `perf_event_open` on Linux; virtual machines without a
/// virtual PMU (as this project's machines are, Nov 2026) have none.
/// `SRO_BENCH_INSTRUCTIONS=1` or `=0` overrides the guess.
let instructionsAvailable: Bool = {
  switch ProcessInfo.processInfo.environment["SRO_BENCH_INSTRUCTIONS"] {
  case "1": return true
  case "0": return false
  default:
    #if os(Linux)
      let devices = "/sys/bus/event_source/devices"
      let pmus = (try? FileManager.default.contentsOfDirectory(atPath: devices)) ?? []
      // `cpu` on x86, `cpu_core`/`cpu_atom` on hybrid x86, `armv8_*` on arm64.
      return pmus.contains { $0 == "cpu" || $0.hasPrefix("cpu_") || $0.hasPrefix("armv8") }
    #else
      return true
    #endif
  }
}()

/// `SRO_BENCH_MEMORY=1`: also the peak resident set. package-benchmark
/// samples it every 5 ms on a thread of its own, whose allocations then
/// count in `mallocCountTotal` (about 100 a second): off by default.
let memoryMetrics = ProcessInfo.processInfo.environment["SRO_BENCH_MEMORY"] == "1"

/// Wall clock to read; allocations to threshold (exact: the same count on
/// every run of the same code); instructions where the machine counts them.
let metrics: [BenchmarkMetric] =
  [.wallClock, .mallocCountTotal]
  + (instructionsAvailable ? [.instructions] : [])
  + (memoryMetrics ? [.peakMemoryResident] : [])

/// The tolerance of `thresholds check`, at p90 (the percentile the
/// committed thresholds record): ±1 % on allocation counts and
/// instructions. No thresholds on time: this machine is shared.
var tolerances: [BenchmarkMetric: BenchmarkThresholds] {
  var tolerances = [BenchmarkMetric.mallocCountTotal: BenchmarkThresholds(relative: [.p90: 1.0])]
  if instructionsAvailable {
    tolerances[.instructions] = BenchmarkThresholds(relative: [.p90: 2.0])
  }
  return tolerances
}

/// A configuration: up to `iterations` within `seconds` (always at least
/// one measured iteration), cut down in the quick run. Slow benchmarks
/// (solves, whole plans, the districts left out of the quick run) skip
/// the warm-up iteration: at a second or more each, one run's allocation
/// caches and lazy initialisation are noise, and a warm-up would double
/// the suite's time.
func configuration(iterations: Int, seconds: Int, slow: Bool) -> Benchmark.Configuration {
  .init(
    metrics: metrics,
    units: [.mallocCountTotal: .count, .instructions: .count],
    warmupIterations: slow ? 0 : 1,
    maxDuration: .seconds(quickMode ? max(1, seconds / 3) : seconds),
    maxIterations: quickMode ? max(3, iterations / 4) : iterations,
    thresholds: tolerances
  )
}

// MARK: - Inputs

/// The repository's root: `SRO_REPO_ROOT`, else found from this file's
/// path (benchmarks/Benchmarks/SolveTime/SolveTime.swift), else from the
/// working directory upwards.
let repositoryRoot: URL = {
  let marker = "scenarios/norman/typical-week.yaml"
  let files = FileManager.default
  func holdsMarker(_ url: URL) -> Bool {
    files.fileExists(atPath: url.appendingPathComponent(marker).path)
  }
  if let root = ProcessInfo.processInfo.environment["SRO_REPO_ROOT"] {
    return URL(fileURLWithPath: root)
  }
  var candidates: [URL] = []
  var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  for _ in 0..<4 {
    url.deleteLastPathComponent()
    candidates.append(url)
  }
  url = URL(fileURLWithPath: files.currentDirectoryPath)
  while url.path != "/" {
    candidates.append(url)
    url.deleteLastPathComponent()
  }
  guard let root = candidates.first(where: holdsMarker) else {
    fatalError("cannot find \(marker); set SRO_REPO_ROOT to the repository's root")
  }
  return root
}()

/// A scenario's text and the name it goes by in messages.
struct ScenarioText: Sendable {
  let text: String
  let file: String
}

extension District {
  /// The scenario file's absolute path; `nil` for a generated district.
  var path: String? {
    guard case .file(let relative) = source else { return nil }
    return repositoryRoot.appendingPathComponent(relative).path
  }

  /// The generated district's YAML (not measured: made in setup); `nil`
  /// for a scenario file.
  func generatedText() -> ScenarioText? {
    guard case .generated(let schools) = source else { return nil }
    let yaml = DistrictGenerator(options: .init(schools: schools, seed: 1)).yaml()
    return ScenarioText(text: yaml, file: "generated-\(name).yaml")
  }

  /// Loads (and validates) the scenario: from its file, or from `text`.
  func load(_ text: ScenarioText?) throws -> Scenario {
    if let path { return try ScenarioLoader.load(path) }
    guard let text else { preconditionFailure("a generated district needs its text") }
    return try ScenarioLoader.load(text: text.text, file: text.file)
  }

  func loadForSetup() throws -> Scenario { try load(generatedText()) }

  /// `Solve.<name>` or `SolveBounded.<name>`.
  var solveName: String {
    switch solve {
    case .exact: return "Solve.\(name)"
    case .bounded: return "SolveBounded.\(name)"
    }
  }

  /// GLPK's options for `Solve.*`: the cuts `Planner` asks for (keep in
  /// step with `PlanningOptions.solverOptions`, which is internal), with a
  /// gap and a time limit for the bounded districts.
  var solverOptions: SolverOptions {
    var options = SolverOptions()
    options.cuts = Set(CutFamily.allCases)
    if case .bounded(let limit) = solve {
      options.relativeGap = 0.01
      options.timeLimit = limit
    }
    return options
  }
}

// MARK: - The suite

let benchmarks: @Sendable () -> Void = {
  let selected = districts.filter { !quickMode || $0.quick }

  for district in selected {
    Benchmark(
      "Load.\(district.name)",
      configuration: configuration(iterations: 50, seconds: 3, slow: !district.quick)
    ) { benchmark, text in
      for _ in benchmark.scaledIterations {
        blackHole(try district.load(text))
      }
    } setup: {
      district.generatedText()
    }

    Benchmark(
      "Build.\(district.name)",
      configuration: configuration(iterations: 50, seconds: 3, slow: !district.quick)
    ) { benchmark, scenario in
      for _ in benchmark.scaledIterations {
        blackHole(try CoverageModel(scenario: scenario))
      }
    } setup: {
      try district.loadForSetup()
    }

    Benchmark(
      district.solveName,
      configuration: configuration(iterations: 20, seconds: 6, slow: true)
    ) { benchmark, coverage in
      for _ in benchmark.scaledIterations {
        let solution = try GLPK.solve(coverage.model, options: district.solverOptions)
        switch solution.status {
        case .optimal, .feasible, .noSolutionFound: blackHole(solution)
        case .infeasible, .unbounded:
          benchmark.error("\(district.solveName): GLPK said \(solution.status.rawValue)")
        }
      }
    } setup: {
      try CoverageModel(scenario: try district.loadForSetup())
    }

    if district.endToEnd {
      Benchmark(
        "EndToEnd.\(district.name)",
        configuration: configuration(iterations: 20, seconds: 6, slow: true)
      ) { benchmark, scenario in
        // One part at a time, on this thread. package-benchmark's malloc
        // interposer (1.6.1) frees its per-thread counters in a thread-exit
        // destructor and then counts into them from later destructors, so a
        // thread that ends during a measured iteration corrupts the heap
        // (`malloc(): unaligned fastbin chunk detected`, seen on 2026-12-01
        // in 5 of 6 loaded runs when each part had a thread of its own).
        // With one thread `Planner` starts none. The parts' allocations are
        // the same either way.
        var options = PlanningOptions()
        options.threads = 1
        for _ in benchmark.scaledIterations {
          blackHole(try Planner.plan(scenario, options: options))
        }
      } setup: {
        try district.loadForSetup()
      }
    }
  }
}
