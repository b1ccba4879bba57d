import ArgumentParser
import Foundation
import SROCore
import SROReports
import Synchronization

struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Solve a baseline and what-if variants and show them side by side.",
    discussion: """
      The baseline is SCENARIO with the --with files and quick edits given outside any \
      --variant. Each --variant adds its own overlays and quick edits on top of the \
      baseline, written as one argument: [NAME=]OPTIONS, e.g.
        --variant 'with relief=--add-officer ccso-r4:CCSO'
        --variant '--with scenarios/norman/whatif/cross-agency.yaml --absent npd-03:fri'
      Options inside a variant are separated by spaces (no quoting inside). Variants are \
      solved concurrently, each on its own thread; the output does not depend on --jobs.

      Unless --independent is given, each variant is re-planned against the baseline \
      roster with a tiny change weight, so among its optimal rosters it picks one that \
      differs least from the baseline, and the listed differences are the ones the \
      what-if forces rather than arbitrary ties.
      """)

  @OptionGroup var input: ScenarioOptions

  @Option(
    parsing: .unconditionalSingleValue,
    help: ArgumentHelp("A variant: [NAME=]OPTIONS (repeatable).", valueName: "variant"))
  var variant: [String] = []

  @Option(help: "Output format: table, json or html (a printable report).")
  var format: ComparisonFormat = .table

  @Option(help: "Write the comparison to this file (atomically) instead of stdout.")
  var output: String?

  @Option(parsing: .unconditional, help: "How many solves to run at once (default: the number of cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @OptionGroup var search: SearchOptions

  @Flag(help: "Solve each variant on its own, without leaning towards the baseline roster.")
  var independent = false

  enum ComparisonFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, html
  }

  func validate() throws {
    guard !variant.isEmpty else { throw ValidationError("give at least one --variant") }
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
  }

  func run() throws {
    let baselineScenario = try input.load()
    var cases: [(name: String, assumptions: [String], scenario: Scenario)] = [
      ("baseline", input.whatIf.assumptions, baselineScenario)
    ]
    var failed = false
    for (index, text) in variant.enumerated() {
      let (name, arguments) = Self.split(text, number: index + 1)
      let options: WhatIfOptions
      do {
        options = try WhatIfOptions.parse(arguments)
      } catch {
        printError("--variant \(text): \(WhatIfOptions.message(for: error))")
        failed = true
        continue
      }
      var combined = input.whatIf
      combined.overlays += options.overlays
      combined.absent += options.absent
      combined.event += options.event
      combined.close += options.close
      combined.addOfficer += options.addOfficer
      combined.remove += options.remove
      combined.policy += options.policy
      combined.pin += options.pin
      combined.forbid += options.forbid
      do {
        cases.append(
          (name, options.assumptions, try combined.load(input.scenario, context: "--variant \(text)")))
      } catch {
        failed = true
      }
    }
    if failed { throw Exit.badInput }
    var options = search.planningOptions
    let stop = StopRequest()
    options.stop = stop
    Interruption.install(raising: stop)
    let progress = ProgressView.make(quiet: search.quiet || search.verbose)
    defer { progress?.finish() }
    progress?.solving("baseline")
    var baselineOptions = options
    if let progress { baselineOptions.progress = { progress.report($0) } }
    let baseline: Result<PlanningResult, PlanningError> = Result {
      () throws(PlanningError) in try Planner.plan(baselineScenario, options: baselineOptions)
    }
    var variantOptions = options
    if !independent, case .success(let planned) = baseline {
      variantOptions.published = PublishedRoster.tieBreaking(towards: planned.roster)
    }
    let variantCount = cases.count - 1
    progress?.variants(done: 0, of: variantCount)
    let ended = Mutex(0)
    let results =
      [baseline]
      + Planner.plan(cases.dropFirst().map(\.scenario), options: variantOptions, threads: jobs) { _ in
        ended.withLock { done in
          done += 1
          progress?.variants(done: done, of: variantCount)
        }
      }
    progress?.finish()
    var solved: [Comparison.Case] = []
    for (entry, result) in zip(cases, results) {
      switch result {
      case .success(let planned):
        solved.append(
          Comparison.Case(
            name: entry.name, assumptions: entry.assumptions, scenario: entry.scenario,
            roster: planned.roster))
      case .failure(let error):
        printError("\(entry.name):")
        throw fail(error)
      }
    }
    let comparison = Comparison(baseline: solved[0], variants: Array(solved.dropFirst()))
    if !search.quiet { noteIfStopped(solved) }
    switch format {
    case .table: try emit(comparison.table, to: output)
    case .json: try emit(comparison.json, to: output)
    case .html:
      // Each case's gaps with their reasons; a roster that cannot be
      // explained is printed without them.
      let why = ([comparison.baseline] + comparison.variants).map { c in
        try? GapExplainer(scenario: c.scenario).explanations(of: c.roster).map(\.oneLine)
      }
      try emit(ComparisonReport(comparison: comparison, why: why).html, to: output)
    }
    if let signal = Interruption.signal { throw ExitCode(128 + signal) }
  }

  /// When a limit or a signal stopped some searches before their rosters
  /// were proven optimal: one line on stderr naming those cases.
  private func noteIfStopped(_ cases: [Comparison.Case]) {
    let unproven = cases.filter { $0.roster.status != .optimal }.map(\.name)
    guard !unproven.isEmpty else { return }
    printError(
      "sro: \(search.stopReason): not proven optimal: \(unproven.joined(separator: ", ")) (status feasible; the JSON "
        + "gives each bound); --time-limit none searches until they are proven")
  }

  /// `NAME=OPTIONS` or `OPTIONS` (named `variant N`), split into words.
  static func split(_ text: String, number: Int) -> (String, [String]) {
    var name = "variant \(number)"
    var rest = Substring(text)
    if let equals = text.firstIndex(of: "=") {
      let head = text[..<equals].trimmingCharacters(in: .whitespaces)
      if !head.isEmpty, !head.hasPrefix("-") {
        name = head
        rest = text[text.index(after: equals)...]
      }
    }
    return (name, rest.split(whereSeparator: \.isWhitespace).map(String.init))
  }
}
