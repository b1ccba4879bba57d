import ArgumentParser
import SROCore

struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Generate a realistic district week as a scenario file (seeded, reproducible).",
    discussion: """
      A city police department staffs the high and middle schools, a county sheriff's office the \
      elementary schools (about 10% high, 15% middle, 75% elementary), scattered around a city centre \
      over an area that grows with the district. Officers are split between the agencies in proportion \
      to the hours they must cover: most have a home school, 10-15% are relief officers, a few work \
      part-time; some schools need officers with a skill. The week brings whole-day and partial \
      absences, evening and Saturday events and building closures. The same options always give the \
      same file, byte for byte.
      """)

  @Option(parsing: .unconditional, help: "Number of schools (1-\(DistrictGenerator.Options.maximumSchools)).")
  var schools: Int

  @Option(parsing: .unconditional, help: "Number of officers (default: 1.25 per school, rounded).")
  var officers: Int?

  @Option(parsing: .unconditional, help: "Seed of every random choice (a whole number 0 ... 2^64-1).")
  var seed: UInt64

  @Option(help: "The Monday of the planned week (YYYY-MM-DD).")
  var week: String = DistrictGenerator.Options.defaultWeek.description

  @Option(parsing: .unconditional, help: "Share of officers away for some of the week, 0-1.")
  var absenceRate: Double = 0.2

  @Option(
    parsing: .unconditional,
    help: """
      Number of evening and weekend events (default: about 0.8 per high school, 0.3 per middle \
      school, 0.05 per elementary school; at most one per school and day).
      """)
  var events: Int?

  @Option(
    parsing: .unconditional,
    help: "Number of single-school closures (default: one per 40 schools, at least one).")
  var closures: Int?

  @Option(help: "Cross-agency rule written into the policy: forbid or penalize.")
  var crossAgency: CrossAgencyChoice = .forbid

  @Option(help: "Write the scenario to this file (atomically) instead of stdout.")
  var output: String?

  /// The `policy.crossAgency` values.
  enum CrossAgencyChoice: String, ExpressibleByArgument, CaseIterable {
    case forbid, penalize
  }

  func validate() throws {
    guard let date = CivilDate(parsing: week) else {
      throw ValidationError("--week must be a date YYYY-MM-DD (a Monday)")
    }
    let problems = options(week: date).problems
    guard problems.isEmpty else { throw ValidationError(problems.joined(separator: "; ")) }
  }

  func run() throws {
    let generator = DistrictGenerator(options: options(week: CivilDate(parsing: week)!))
    try emit(generator.yaml(), to: output)
  }

  private func options(week: CivilDate) -> DistrictGenerator.Options {
    var options = DistrictGenerator.Options(schools: schools, officers: officers, seed: seed)
    options.week = week
    options.absenceRate = absenceRate
    options.events = events
    options.closures = closures
    options.crossAgency = crossAgency == .forbid ? .forbid : .penalize
    return options
  }
}
