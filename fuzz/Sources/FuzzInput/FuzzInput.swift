import Foundation
import SROCore

/// What the first byte of an input makes of the rest.
enum Target: UInt8, CaseIterable {
  /// A YAML scenario (`fuzz.yaml`).
  case yaml
  /// A JSON scenario (`fuzz.json`, strict JSON).
  case json
  /// Quick edits, one `FLAG VALUE` per line, on top of the small week.
  case quickEdits
  /// A published roster (`--keep`) for the small week.
  case publishedRoster
}

/// The tests' two-school week (`small.yaml`), the base of quick edits and
/// published rosters: small enough to be solved after every edit.
let smallWeek: String = {
  let here = URL(fileURLWithPath: #filePath)
  let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  return root.appendingPathComponent("Tests/SROCoreTests/Fixtures/small.yaml").path
}()

let smallScenario: Scenario = {
  do { return try ScenarioLoader.load(smallWeek) } catch {
    fatalError("the small week does not load: \(error)")
  }
}()

/// Runs one input. Refusals are the expected outcome of most inputs; only
/// a crash, a trap or a hang is a finding.
func run(_ bytes: UnsafeRawBufferPointer) {
  guard let first = bytes.first, let target = Target(rawValue: first % UInt8(Target.allCases.count)) else {
    return
  }
  let data = Data(bytes.dropFirst())
  switch target {
  case .yaml: exercise(try? ScenarioLoader.load(data: data, file: "fuzz.yaml"))
  case .json: exercise(try? ScenarioLoader.load(data: data, file: "fuzz.json"))
  case .quickEdits:
    exercise(try? ScenarioLoader.load(smallWeek, edits: quickEdits(String(decoding: data, as: UTF8.self))))
  case .publishedRoster:
    _ = try? PublishedRosterFile.read(
      String(decoding: data, as: UTF8.self), file: "fuzz.json", for: smallScenario)
  }
}

/// `--absent npd-03:tue` … lines as quick edits.
func quickEdits(_ text: String) -> QuickEdits {
  var edits = QuickEdits()
  for line in text.split(separator: "\n") {
    let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { continue }
    switch parts[0] {
    case "--absent": edits.absent.append(parts[1])
    case "--event": edits.events.append(parts[1])
    case "--close": edits.close.append(parts[1])
    case "--add-officer": edits.addOfficers.append(parts[1])
    case "--remove": edits.remove.append(parts[1])
    case "--policy": edits.policy.append(parts[1])
    case "--pin": edits.pins.append(parts[1])
    case "--forbid": edits.forbids.append(parts[1])
    default: continue
    }
  }
  return edits
}

/// Builds the model of a small scenario that loaded (at most 400
/// officer-school pairs, so that an input takes milliseconds), as `sro
/// check` does, and solves it when it has at most 300 variables, as `sro
/// solve` does: numbers the loader lets through must not trap further on.
func exercise(_ scenario: Scenario?) {
  guard let scenario, scenario.schools.count * scenario.officers.count <= 400,
    let model = try? CoverageModel(scenario: scenario), model.model.variables.count <= 300
  else { return }
  var options = PlanningOptions()
  options.timeLimit = .seconds(2)
  _ = try? Planner.plan(scenario, options: options)
}

/// Runs under libFuzzer when built with `-sanitize=fuzzer -DFUZZING`
/// (SwiftPM names the executable's entry point itself, so libFuzzer's own
/// `main` is not used: this one hands over to its driver); otherwise runs
/// each file named on the command line once (a corpus or crash replay),
/// e.g. `FuzzInput fuzz/findings/crash-1234`.
@main
struct FuzzMain {
  static func main() throws {
    #if FUZZING
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    #else
      for path in CommandLine.arguments.dropFirst() {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        data.withUnsafeBytes { run($0) }
        print("\(path): ran")
      }
    #endif
  }
}

#if FUZZING
  /// libFuzzer's callback, by the name its runtime also looks for.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
  }

  /// libFuzzer's `LLVMFuzzerRunDriver`: parses libFuzzer's options from
  /// the command line and fuzzes `callback`.
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32
#endif
