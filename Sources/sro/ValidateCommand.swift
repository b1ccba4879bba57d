import ArgumentParser
import SROCore

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check a roster JSON against its scenario's hard rules and objective.")

  @OptionGroup var input: ScenarioOptions

  @Option(help: "The roster JSON to check.")
  var roster: String

  func run() throws {
    let scenario = try input.load()
    let decoded = try readRoster(roster)
    let validation = RosterValidator(scenario: scenario).validate(decoded)
    guard validation.isValid else {
      for violation in validation.violations { printError("\(roster): \(violation)") }
      throw Exit.invalidRoster
    }
    try Console.out("\(roster): valid; objective \(validation.recomputedObjective.rosterText)\n")
  }
}
