import ArgumentParser
import Foundation
import SROCore

/// Output formats of a staffing report.
enum StaffingFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, html
}

struct StaffingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "staffing",
    abstract: "How many relief officers the program needs: a study over many sampled weeks.",
    discussion: "See docs/staffing.md for the sampling, the report and running a study on a cluster.",
    subcommands: [StaffingStudyCommand.self, StaffingMergeCommand.self],
    defaultSubcommand: StaffingStudyCommand.self)
}

/// Where to write a report, and how.
struct ReportOptions: ParsableArguments {
  @Option(help: "Report format: table, json or html.")
  var format: StaffingFormat?

  @Option(help: "Write to this file (atomically) instead of stdout.")
  var output: String?

  /// Writes `report` in the chosen format (a table when none was given).
  func write(_ report: StaffingReport) throws {
    switch format ?? .table {
    case .table: try emit(report.table, to: output)
    case .json: try emit(report.json, to: output)
    case .html: try emit(report.html, to: output)
    }
  }
}

struct StaffingStudyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "study",
    abstract: "Sample weeks, solve each at every relief level, report how often the schools are covered.",
    discussion: """
      Relief levels are every combination of the counts given per agency \
      (--relief CCSO=0-3 --relief NPD=0,1,2: 12 levels; default 0,1,2 for every agency). \
      Rates are chances per officer and school day; WHO is an agency or an officer \
      (everyone when left out); defaults come from the scenario's staffing section, \
      else from its own absences.
      """)

  @OptionGroup var input: ScenarioOptions

  @Option(help: "Sampled weeks.")
  var samples = 200

  @Option(help: "Seed of the sampling (the same seed gives the same weeks and report).")
  var seed: UInt64 = 1

  @Option(
    help: ArgumentHelp(
      "Relief officers to try for an agency: AGENCY=COUNTS, e.g. CCSO=0,1,2,3.", valueName: "relief"))
  var relief: [String] = []

  @Option(help: ArgumentHelp("Chance of a whole-day absence per school day: [WHO=]RATE.", valueName: "rate"))
  var wholeDayRate: [String] = []

  @Option(
    help: ArgumentHelp(
      "Chance of a part-day absence (court, training) per school day: [WHO=]RATE.", valueName: "rate"))
  var partDayRate: [String] = []

  @Option(
    help: ArgumentHelp(
      "Skills of an agency's relief officers: AGENCY=SKILL,SKILL (none unless given).", valueName: "skills"))
  var reliefSkills: [String] = []

  @Option(help: "Expected extra events per week (copies of the scenario's events on random days).")
  var eventsPerWeek: Double?

  @Option(help: "Chance that a school is closed on a school day.")
  var closureRate: Double?

  @Option(help: "Seconds allowed to one sampled week at one relief level.")
  var timeLimit: Double = 10

  @Option(
    help: "Share of weeks to cover fully at high priority; the report names the smallest relief reaching it.")
  var target: Double = 0.95

  @Option(
    help: ArgumentHelp(
      "Solve only slice I (0-based) of N and write it as JSON lines for `sro staffing merge`.",
      valueName: "I/N"))
  var shard: String?

  @Option(help: "Weeks solved at once (default: every core).")
  var threads = ProcessInfo.processInfo.activeProcessorCount

  @OptionGroup var report: ReportOptions

  @Flag(help: "No live progress line and no closing summary on stderr.")
  var quiet = false

  func validate() throws {
    guard (1...1_000_000).contains(samples) else { throw ValidationError("--samples must be in 1...1000000") }
    guard timeLimit > 0, timeLimit < 1_000_000 else {
      throw ValidationError("--time-limit must be a positive number of seconds")
    }
    guard target > 0, target <= 1 else { throw ValidationError("--target must be in (0, 1]") }
    guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    if let eventsPerWeek, !(0...100).contains(eventsPerWeek) {
      throw ValidationError("--events-per-week must be in [0, 100]")
    }
    if let closureRate, !(0...1).contains(closureRate) {
      throw ValidationError("--closure-rate must be in [0, 1]")
    }
    if shard != nil {
      _ = try shardSlice()
      if report.format != nil {
        throw ValidationError("--shard writes JSON lines; give --format to `sro staffing merge`")
      }
    }
  }

  /// The shard's index and count.
  func shardSlice() throws -> (index: Int, count: Int)? {
    guard let shard else { return nil }
    let parts = shard.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 2, let index = parts[0], let count = parts[1], count >= 1,
      (0..<count).contains(index)
    else {
      throw ValidationError("--shard must be I/N with 0 <= I < N, e.g. 0/8")
    }
    return (index, count)
  }

  func run() throws {
    let study = try makeStudy()
    let slice =
      try shardSlice().map {
        StudyShards.slice(samples: samples, shard: $0.index, of: $0.count)
      } ?? 0..<samples
    let progress = StudyProgress.make(quiet: quiet, weeks: slice.count)
    let began = ContinuousClock.now
    let weeks: [SampledWeek]
    do {
      weeks = try study.run(slice, threads: threads) { progress?.weekDone() }
    } catch {
      progress?.finish()
      throw fail(error)
    }
    progress?.finish()
    if !quiet { printError(StudyProgress.summary(weeks, levels: study.levels.count, since: began)) }
    if shard != nil {
      try emit(StudyShards.lines(header: study.header, weeks: weeks), to: report.output)
    } else {
      try report.write(StaffingReport(header: study.header, weeks: weeks))
    }
  }

  /// The study the options describe, or the problem printed (exit 64 or 65).
  private func makeStudy() throws -> StaffingStudy {
    var scenario = try input.load()
    do throws(StaffingSettingError) {
      for text in wholeDayRate { try scenario.staffing.add(text, kind: .wholeDay, for: scenario) }
      for text in partDayRate { try scenario.staffing.add(text, kind: .partDay, for: scenario) }
      for text in reliefSkills { try scenario.staffing.addReliefSkills(text, for: scenario) }
      if let eventsPerWeek {
        guard !scenario.events.isEmpty || eventsPerWeek == 0 else {
          throw StaffingSettingError(description: "--events-per-week: the scenario has no event to copy")
        }
        scenario.staffing.eventsPerWeek = eventsPerWeek
      }
      if let closureRate { scenario.staffing.closureRate = closureRate }
      let requests = try ReliefRequest.parsing(relief, for: scenario)
      let asked =
        requests.isEmpty
        ? scenario.agencies.map { (agency: $0.id, counts: [0, 1, 2]) }
        : requests.map { (agency: $0.agency, counts: $0.counts) }
      return StaffingStudy(
        scenario: scenario, seed: seed, samples: samples, relief: asked,
        timeLimit: .milliseconds(Int64((timeLimit * 1000).rounded(.up))), target: target)
    } catch {
      throw ValidationError(error.description)
    }
  }
}

struct StaffingMergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Combine the shards of a staffing study into its report (the one an unsharded run gives).")

  @Argument(help: "The shard files (JSON lines written with --shard).")
  var files: [String]

  @OptionGroup var report: ReportOptions

  func run() throws {
    var shards: [(name: String, text: String)] = []
    for file in files {
      do {
        shards.append((file, try String(contentsOfFile: file, encoding: .utf8)))
      } catch {
        printError("\(file): cannot read: \(error.localizedDescription)")
        throw Exit.ioFailure
      }
    }
    do {
      let (header, weeks) = try StudyShards.merge(shards)
      try report.write(StaffingReport(header: header, weeks: weeks))
    } catch let error as ShardError {
      printError(error.description)
      throw Exit.badInput
    }
  }
}
