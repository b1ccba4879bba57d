import ArgumentParser
import Foundation
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
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: roster))
    } catch {
      printError("\(roster): cannot read: \(error.localizedDescription)")
      throw Exit.ioFailure
    }
    let decoded: Roster
    do {
      decoded = try Roster.decode(json: data)
    } catch {
      printError("\(roster): not a roster JSON: \(error)")
      throw Exit.badInput
    }
    let validation = RosterValidator(scenario: scenario).validate(decoded)
    guard validation.isValid else {
      for violation in validation.violations { printError("\(roster): \(violation)") }
      throw Exit.invalidRoster
    }
    print("\(roster): valid; objective \(validation.recomputedObjective)")
  }
}
