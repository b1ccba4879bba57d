import ArgumentParser
import Foundation
import SROCore

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain each uncovered block: who could stand there, why not, and what would cover it.",
    discussion: """
      Without --roster the week is solved first. For each uncovered block (or each \
      --block), every officer who could in principle stand there is listed with the \
      reason they do not: absent, lacks a skill, another agency under crossAgency: \
      forbid, a forbids entry, at another block then, travel time, the day's or the \
      week's hours, or the rest rule. Then the single changes that would cover it — one \
      more relief officer of the responsible agency that day, cross-agency cover, \
      overtime for an officer held back only by the week's hours, dropping or moving an \
      event — each checked by re-solving the week (--fix-time-limit seconds at most \
      each), with the change in objective and in uncovered hours.
      """)

  @OptionGroup var input: ScenarioOptions

  @Option(help: "A roster JSON of the scenario to explain, instead of solving the week.")
  var roster: String?

  @Option(
    name: .customLong("block"),
    help: ArgumentHelp(
      "Explain the block at SCHOOL:DAY@HH:MM (any block, covered or not; repeatable).",
      valueName: "block"))
  var blocks: [String] = []

  @Option(help: "Output format: table or json.")
  var format: ExplainFormat = .table

  @Option(help: "Write the explanation to this file (atomically) instead of stdout.")
  var output: String?

  @Flag(help: "Only explain; do not re-solve to find what would cover each gap.")
  var noFixes = false

  @Option(help: "Seconds each re-solve of a change may take at most.")
  var fixTimeLimit: Double = 10

  @OptionGroup var search: SearchOptions

  enum ExplainFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
  }

  func validate() throws {
    guard fixTimeLimit > 0, fixTimeLimit < 2_000_000 else {
      throw ValidationError("--fix-time-limit must be a positive number of seconds")
    }
  }

  func run() throws {
    let scenario = try input.load()
    let explainer = GapExplainer(scenario: scenario)
    let asked = try blocks.flatMap { text throws -> [Block] in
      try refusing(nil) { () throws(ExplainError) in try explainer.blocks(named: text) }
    }
    let roster = try self.roster.map(readRoster) ?? solve(scenario)
    let explanations = try refusing(self.roster) { () throws(ExplainError) in
      blocks.isEmpty
        ? try explainer.explanations(of: roster)
        : try asked.map { block throws(ExplainError) in try explainer.explanation(of: block, in: roster) }
    }
    if let path = self.roster { try validate(roster, path, scenario) }
    var fixes: [[CoverFinder.Fix]]?
    if !noFixes {
      var options = search.planningOptions
      options.timeLimit = .milliseconds(Int64((fixTimeLimit * 1000).rounded(.up)))
      fixes = CoverFinder(scenario: scenario, roster: roster, options: options).fixes(for: explanations)
    }
    let report = GapReport(
      scenario: scenario, roster: roster, explanations: explanations, fixes: fixes,
      assumptions: input.whatIf.assumptions)
    try emit(format == .json ? report.json : report.table, to: output)
  }

  /// The week solved, as `sro solve` would.
  private func solve(_ scenario: Scenario) throws -> Roster {
    var options = search.planningOptions
    let progress = ProgressView.make(quiet: search.quiet || search.verbose)
    if let progress { options.progress = { progress.report($0) } }
    defer { progress?.finish() }
    do {
      return try Planner.plan(scenario, options: options).roster
    } catch {
      throw fail(error)
    }
  }

  /// Checks a roster read from `path` with the independent validator:
  /// explaining a roster that breaks the rules would explain nothing.
  /// Exits 65 when it fails.
  private func validate(_ roster: Roster, _ path: String, _ scenario: Scenario) throws {
    let validation = RosterValidator(scenario: scenario).validate(roster)
    guard validation.isValid else {
      for violation in validation.violations { printError("\(path): \(violation)") }
      printError("\(path): not a valid roster of this scenario; nothing explained")
      throw Exit.badInput
    }
  }

  /// Runs `body`; an ``ExplainError`` is printed (each line prefixed with
  /// `file` when given) and ends the run with exit 65.
  private func refusing<T>(_ file: String?, _ body: () throws(ExplainError) -> T) throws -> T {
    do {
      return try body()
    } catch {
      for problem in error.problems { printError((file.map { "\($0): " } ?? "") + problem) }
      throw Exit.badInput
    }
  }
}
