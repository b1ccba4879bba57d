import ArgumentParser
import SROCore

/// Output formats of a roster.
enum RosterFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv
}

struct SolveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "solve",
    abstract: "Solve a scenario and print the week's roster.")

  @OptionGroup var input: ScenarioOptions

  @Option(help: "Output format: table, json or csv.")
  var format: RosterFormat = .table

  @Option(help: "Write the roster to this file (atomically) instead of stdout.")
  var output: String?

  @Option(help: "Stop after this many seconds with the best roster found so far.")
  var timeLimit: Double?

  @Option(help: "Stop once the relative gap between roster and bound is at most this.")
  var gap: Double = 0

  func validate() throws {
    if let timeLimit, !(timeLimit > 0 && timeLimit < 2_000_000) {
      throw ValidationError("--time-limit must be a positive number of seconds")
    }
    guard gap >= 0, gap < 1 else { throw ValidationError("--gap must be in [0, 1)") }
  }

  func run() throws {
    let scenario = try input.load()
    var options = PlanningOptions()
    options.timeLimit = timeLimit.map { .milliseconds(Int64(($0 * 1000).rounded(.up))) }
    options.relativeGap = gap
    let result: PlanningResult
    do {
      result = try Planner.plan(scenario, options: options)
    } catch {
      printError("sro: \(error)")
      throw Exit.solverFailure
    }
    let text: String
    switch format {
    case .json: text = result.roster.json
    case .csv: text = result.roster.csv
    case .table: text = RosterTable(scenario: scenario, roster: result.roster).text
    }
    try emit(text, to: output)
  }
}
