import ArgumentParser
import Foundation
import SROCore
import SROReports

/// Output formats of a roster.
enum RosterFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv, ics, html
}

/// How long and how exactly to search.
struct SearchOptions: ParsableArguments {
  /// The search's budget when `--time-limit` is not given.
  static let standardTimeLimit = 60.0

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      """
      Stop after this many seconds with the best roster found so far; none searches until \
      the roster is proven optimal.
      """, valueName: "seconds|none"))
  var timeLimit = jsonNumber(standardTimeLimit)

  /// `--time-limit` in seconds; `nil` for none.
  var timeLimitSeconds: Double? { timeLimit == "none" ? nil : Double(timeLimit) }

  @Option(
    parsing: .unconditional, help: "Stop once the relative gap between roster and bound is at most this.")
  var gap: Double = 0

  @Flag(help: "No live progress line on stderr (it is shown only on a terminal anyway).")
  var quiet = false

  @Flag(help: "Print the search's log on stderr: each stage of a solve and GLPK's own output.")
  var verbose = false

  func validate() throws {
    if timeLimit != "none" {
      guard let seconds = Double(timeLimit), seconds > 0, seconds < 2_000_000 else {
        throw ValidationError("--time-limit must be a positive number of seconds, or none")
      }
    }
    guard gap >= 0, gap < 1 else { throw ValidationError("--gap must be in [0, 1)") }
  }

  var planningOptions: PlanningOptions {
    var options = PlanningOptions()
    options.timeLimit = timeLimitSeconds.map { .milliseconds(Int64(($0 * 1000).rounded(.up))) }
    options.relativeGap = gap
    if verbose { options.log = .lines { Console.error($0 + "\n") } }
    return options
  }

  /// Why a search ended before it proved its roster optimal: a signal
  /// (``Interruption``), else the time limit.
  var stopReason: String {
    switch (Interruption.signal, timeLimitSeconds) {
    case (SIGINT?, _): "interrupted (SIGINT)"
    case (SIGTERM?, _): "stopped (SIGTERM)"
    case (_, let seconds?): "the time limit (\(jsonNumber(seconds)) s) ended the search"
    default: "the search stopped"
    }
  }
}

struct SolveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "solve",
    abstract: "Solve a scenario and print the week's roster.",
    discussion: """
      With --keep, re-plans against a published roster: every published assignment \
      that is dropped costs --change-weight per hour (default: half the uncovered \
      weight), and the output lists what changed.
      """)

  @OptionGroup var input: ScenarioOptions

  @Option(
    help: """
      Output format: table, json, csv, ics (a calendar per officer, in the --output folder) \
      or html (a printable report).
      """)
  var format: RosterFormat = .table

  @Option(
    help: "Write the roster to this file (atomically) instead of stdout; for ics, the calendars' folder.")
  var output: String?

  @OptionGroup var search: SearchOptions

  @Option(help: "A published roster JSON to change as little as possible.")
  var keep: String?

  @Option(parsing: .unconditional, help: "Penalty per hour of a dropped published assignment (with --keep).")
  var changeWeight: Double?

  @Flag(help: "Add a one-line reason to each uncovered block (a `why` key in the JSON).")
  var explain = false

  func validate() throws {
    if format == .ics, output == nil {
      throw ValidationError("--format ics writes a file per officer: name their folder with --output DIR")
    }
    if explain, format == .csv || format == .ics {
      throw ValidationError(
        "--explain adds to the table, the JSON and the HTML report, not to the \(format.rawValue.uppercased())"
      )
    }
    if let changeWeight {
      guard keep != nil else { throw ValidationError("--change-weight needs --keep") }
      guard changeWeight >= 0, changeWeight.isFinite else {
        throw ValidationError("--change-weight must be a number >= 0")
      }
    }
  }

  func run() throws {
    let scenario = try input.load()
    var options = search.planningOptions
    let stop = StopRequest()
    options.stop = stop
    Interruption.install(raising: stop)
    let progress = ProgressView.make(quiet: search.quiet || search.verbose)
    if let progress { options.progress = { progress.report($0) } }
    defer { progress?.finish() }
    var publishedAssignments: [Roster.Assignment]?
    if let keep {
      let assignments: [Roster.Assignment]
      do {
        assignments = try PublishedRosterFile.read(try readInput(keep), file: keep, for: scenario)
      } catch let error as ScenarioError {
        printError(error.description)
        throw Exit.badInput
      }
      publishedAssignments = assignments
      options.published = PublishedRoster(
        assignments: assignments,
        changeWeight: changeWeight ?? PublishedRoster.defaultChangeWeight(for: scenario.policy))
    }
    let result: PlanningResult
    do {
      result = try Planner.plan(scenario, options: options)
    } catch {
      throw fail(error)
    }
    progress?.finish()
    if !search.quiet { noteIfStopped(result.roster) }
    var report = RosterReport(
      roster: result.roster, assumptions: input.whatIf.assumptions,
      changes: publishedAssignments.map {
        RosterChanges(published: $0, roster: result.roster, scenario: scenario)
      })
    // The printable report always gives each gap its reason.
    if explain || format == .html {
      do {
        report.why = try GapExplainer(scenario: scenario).explanations(of: result.roster).map(\.oneLine)
      } catch {
        printError("sro: cannot explain the roster: \(error)")
        throw Exit.solverFailure
      }
    }
    switch format {
    case .json: try emit(report.json, to: output)
    case .csv: try emit(report.csv, to: output)
    case .table: try emit(report.table(scenario: scenario), to: output)
    case .html: try emit(PrintableReport(report: report, scenario: scenario).html, to: output)
    case .ics:
      try writeCalendars(
        scenario: scenario, roster: result.roster, published: publishedAssignments,
        changes: report.changes, to: output ?? "")
    }
    if let signal = Interruption.signal { throw ExitCode(128 + signal) }
  }

  /// When the search stopped before proving the roster optimal: one line
  /// on stderr saying why and how good the roster is.
  private func noteIfStopped(_ roster: Roster) {
    guard roster.status != .optimal else { return }
    printError(
      "sro: \(search.stopReason): the roster is \(roster.quality); --time-limit none searches until it is proven"
    )
  }
}
