import ArgumentParser
import Foundation
import SROCore

/// The exit codes `sro` documents (sysexits.h values).
enum Exit {
  static let invalidRoster = ExitCode(1)
  static let badInput = ExitCode(65)
  static let solverFailure = ExitCode(70)
  static let ioFailure = ExitCode(74)
}

/// The scenario file and the what-if overlays on top of it.
struct ScenarioOptions: ParsableArguments {
  @Argument(help: "The scenario file (.yaml, .yml or .json).")
  var scenario: String

  @Option(
    name: .customLong("with"),
    help: ArgumentHelp(
      "An overlay merged on top of the scenario (repeatable, in order).", valueName: "overlay"))
  var overlays: [String] = []

  /// Loads the scenario, or prints every problem and exits 65.
  func load() throws -> Scenario {
    do {
      return try ScenarioLoader.load(scenario, overlays: overlays)
    } catch {
      printError(error.description)
      throw Exit.badInput
    }
  }
}

/// Prints `message` to stderr.
func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Writes `text` to `path` atomically, or to stdout when `path` is nil.
func emit(_ text: String, to path: String?) throws {
  guard let path else {
    FileHandle.standardOutput.write(Data(text.utf8))
    return
  }
  do {
    try AtomicFile.write(text, to: path)
  } catch {
    printError("\(path): cannot write: \(error.localizedDescription)")
    throw Exit.ioFailure
  }
}
