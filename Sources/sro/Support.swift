import ArgumentParser
import Foundation
import LinearModel
import SROCore

/// The exit codes `sro` documents (sysexits.h values).
enum Exit {
  static let invalidRoster = ExitCode(1)
  static let badInput = ExitCode(65)
  static let solverFailure = ExitCode(70)
  static let ioFailure = ExitCode(74)
}

/// Overlays and quick edits: a what-if on top of a scenario.
struct WhatIfOptions: ParsableArguments {
  @Option(
    name: .customLong("with"),
    help: ArgumentHelp(
      "An overlay file merged on top of the scenario (repeatable, in order).", valueName: "overlay"))
  var overlays: [String] = []

  @Option(
    help: ArgumentHelp(
      "An officer away: OFFICER:DAYS[@HH:MM-HH:MM], e.g. npd-03:tue-wed.", valueName: "absence"))
  var absent: [String] = []

  @Option(
    help: ArgumentHelp(
      "An extra event: SCHOOL:DAY@HH:MM-HH:MMxN, e.g. norman-north:fri@18:00-22:30x3.", valueName: "event"))
  var event: [String] = []

  @Option(
    help: ArgumentHelp(
      "A closure: SCHOOL:DAYS (all for every school), e.g. lincoln-es:fri.", valueName: "closure"))
  var close: [String] = []

  @Option(help: ArgumentHelp("An extra officer: ID:AGENCY[@HOME], e.g. ccso-r9:CCSO.", valueName: "officer"))
  var addOfficer: [String] = []

  @Option(
    help: ArgumentHelp("Remove an officer, school or event: KIND:ID, e.g. officer:npd-05.", valueName: "id"))
  var remove: [String] = []

  @Option(
    help: ArgumentHelp(
      "A policy value: KEY=VALUE, e.g. crossAgency=penalize or weights.overtime=8.", valueName: "setting"))
  var policy: [String] = []

  @Option(help: ArgumentHelp("Fix an assignment: OFFICER:SCHOOL:DAY[@HH:MM-HH:MM].", valueName: "pin"))
  var pin: [String] = []

  @Option(help: ArgumentHelp("Rule out an assignment: OFFICER:SCHOOL[:DAYS].", valueName: "forbid"))
  var forbid: [String] = []

  var edits: QuickEdits {
    var edits = QuickEdits()
    edits.absent = absent
    edits.events = event
    edits.close = close
    edits.addOfficers = addOfficer
    edits.remove = remove
    edits.policy = policy
    edits.pins = pin
    edits.forbids = forbid
    return edits
  }

  /// What the run assumes on top of the scenario, as typed.
  var assumptions: [String] { overlays.map { "--with \($0)" } + edits.descriptions }

  /// Loads `scenario` with these overlays and edits, or prints every
  /// problem (each after `context`, when given: the variant it belongs to)
  /// and exits 65.
  func load(_ scenario: String, context: String? = nil) throws -> Scenario {
    do {
      return try ScenarioLoader.load(scenario, overlays: overlays, edits: edits)
    } catch {
      for diagnostic in error.diagnostics {
        printError(context.map { "\($0): \(diagnostic)" } ?? diagnostic.description)
      }
      throw Exit.badInput
    }
  }
}

/// The scenario file and the what-if on top of it.
struct ScenarioOptions: ParsableArguments {
  @Argument(help: "The scenario file (.yaml, .yml or .json).")
  var scenario: String

  @OptionGroup var whatIf: WhatIfOptions

  func load() throws -> Scenario { try whatIf.load(scenario) }
}

/// The model of `scenario`, or the pin problems printed and exit 65.
func coverageModel(
  _ scenario: Scenario, published: PublishedRoster? = nil, formulation: Formulation = .tight
) throws -> CoverageModel {
  do {
    return try CoverageModel(scenario: scenario, published: published, formulation: formulation)
  } catch {
    throw fail(error)
  }
}

/// Prints a planning error and returns the exit code it maps to.
func fail(_ error: PlanningError) -> ExitCode {
  switch error {
  case .infeasiblePins:
    printError(error.description)
    return Exit.badInput
  default:
    printError("sro: \(error)")
    return Exit.solverFailure
  }
}

/// Prints `message` to stderr.
func printError(_ message: String) {
  Console.error(message + "\n")
}

/// Writes `text` to `path` atomically, or to stdout when `path` is nil.
func emit(_ text: String, to path: String?) throws {
  guard let path else { return try Console.out(text) }
  try writeFile(path) { emit in emit(text) }
}

/// Writes `model` as `format` to `path` atomically, a piece at a time (a
/// large district's model is gigabytes of text).
func emit(_ model: Model, in format: ModelFileFormat, to path: String) throws {
  try writeFile(path) { emit in model.write(in: format, to: emit) }
}

/// Writes what `produce` emits to `path` atomically, or prints why not
/// and exits 74.
private func writeFile(_ path: String, _ produce: (_ emit: (String) -> Void) -> Void) throws {
  do {
    try AtomicFile.write(to: path, produce)
  } catch {
    printError(error.description)
    throw Exit.ioFailure
  }
}

/// The text of an input file other than a scenario (a roster), or why
/// not printed and exit 74.
func readInput(_ path: String) throws -> String {
  switch InputFile.text(of: path) {
  case .success(let text): return text
  case .failure(let failure):
    printError(failure.diagnostic(file: path).description)
    throw Exit.ioFailure
  }
}

/// Reads a roster JSON file, or prints why not and exits 74 or 65.
func readRoster(_ path: String) throws -> Roster {
  let text = try readInput(path)
  do {
    return try Roster.decode(json: text, file: path)
  } catch {
    printError(error.description)
    throw Exit.badInput
  }
}
