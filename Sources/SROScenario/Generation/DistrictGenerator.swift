/// Generates a realistic district week as a scenario file (the spec's
/// format), for benchmarks, demonstrations and property tests.
///
/// A generated district looks like the Norman scenarios: a city police
/// department staffs the high and middle schools, a county sheriff's office
/// the elementary schools (about 10% high, 15% middle, 75% elementary);
/// schools are scattered around a city centre over an area that grows with
/// the district (about 8 km radius for 24 schools); arrival and dismissal
/// weigh three times as much as the rest of the day; some schools have
/// priority 2 and require a skill, and an alternative academy keeps its own
/// hours. Officers are split between the agencies in proportion to the
/// hours they must cover; most have a home school, 10–15% are relief
/// officers, a few work part-time (32 h). The week brings whole-day and
/// partial absences (sick leave, annual leave, training, court), evening
/// games and other events (some on Saturday) and a building closure or two —
/// enough that parts of the week are short of officers.
///
/// Everything random is drawn from a seeded ``SplitMix64``, one stream per
/// part of the district, so the same options always give the same text,
/// byte for byte, on every platform.
public struct DistrictGenerator: Sendable {
  /// What to generate.
  public struct Options: Sendable, Hashable {
    /// Number of schools, at least 1.
    public var schools: Int
    /// Number of officers; `nil` for ``defaultOfficers(schools:)``.
    public var officers: Int?
    /// The seed every random choice follows from.
    public var seed: UInt64
    /// The Monday of the planned week.
    public var week: CivilDate = Options.defaultWeek
    /// The share of officers (0–1) away for some of the week. Unless it is
    /// 0, every district with two officers or more has at least one
    /// whole-day and one partial absence.
    public var absenceRate: Double = 0.2
    /// Number of evening and weekend events; `nil` for
    /// ``defaultEvents(schools:)``. At most one event per school and day,
    /// so a small district may get fewer than asked.
    public var events: Int?
    /// Number of single-school closures; `nil` for
    /// ``defaultClosures(schools:)``. At most one per school.
    public var closures: Int?
    /// The district's cross-agency rule.
    public var crossAgency: CrossAgencyRule = .forbid

    /// Options with the defaults for everything but the size and the seed.
    public init(schools: Int, officers: Int? = nil, seed: UInt64) {
      self.schools = schools
      self.officers = officers
      self.seed = seed
    }

    /// Monday, 16 September 2024.
    public static let defaultWeek = CivilDate(year: 2024, month: 9, day: 16)!

    /// The largest district the name pools are meant for.
    public static let maximumSchools = 2000

    /// About 1.25 officers per school, rounded.
    public static func defaultOfficers(schools: Int) -> Int {
      Int((Double(schools) * 1.25).rounded())
    }

    /// About 0.8 events per high school, 0.3 per middle school and 0.05 per
    /// elementary school, at least one.
    public static func defaultEvents(schools: Int) -> Int {
      let levels = LevelCounts(schools: schools)
      let expected =
        0.8 * Double(levels.high) + 0.3 * Double(levels.middle) + 0.05 * Double(levels.elementary)
      return max(1, Int(expected.rounded()))
    }

    /// One closure per 40 schools, at least one.
    public static func defaultClosures(schools: Int) -> Int {
      max(1, Int((Double(schools) / 40).rounded()))
    }

    /// The number of officers that will be generated.
    public var resolvedOfficers: Int { officers ?? Self.defaultOfficers(schools: schools) }
    /// The number of events that will be asked for.
    public var resolvedEvents: Int { events ?? Self.defaultEvents(schools: schools) }
    /// The number of closures that will be generated.
    public var resolvedClosures: Int { min(schools, closures ?? Self.defaultClosures(schools: schools)) }

    /// What is wrong with these options, one message each; empty when they
    /// can be generated.
    public var problems: [String] {
      var problems: [String] = []
      if !(1...Self.maximumSchools).contains(schools) {
        problems.append("schools must be between 1 and \(Self.maximumSchools)")
      }
      if let officers, !(0...10 * Self.maximumSchools).contains(officers) {
        problems.append("officers must be between 0 and \(10 * Self.maximumSchools)")
      }
      if !(absenceRate >= 0 && absenceRate <= 1) { problems.append("the absence rate must be in [0, 1]") }
      if let events, !(0...10 * Self.maximumSchools).contains(events) {
        problems.append("events must be between 0 and \(10 * Self.maximumSchools)")
      }
      if let closures, closures < 0 { problems.append("closures must be 0 or more") }
      if week.weekday != .mon {
        problems.append("the week must start on a Monday (\(week) is a \(week.weekday))")
      }
      return problems
    }
  }

  /// The options this generator follows.
  public let options: Options

  /// A generator for `options`.
  ///
  /// - Precondition: `options.problems` is empty.
  public init(options: Options) {
    precondition(options.problems.isEmpty, options.problems.joined(separator: "; "))
    self.options = options
  }

  /// The scenario file: YAML in the spec's format, loadable with
  /// ``ScenarioLoader/load(text:file:)``.
  public func yaml() -> String {
    GeneratedDistrict(options: options).yaml()
  }
}

/// How many schools of each level a district of `schools` schools has.
struct LevelCounts: Sendable, Hashable {
  var high: Int
  var middle: Int
  var elementary: Int

  init(schools: Int) {
    switch schools {
    case ...1: (high, middle, elementary) = (0, 0, max(0, schools))
    case 2: (high, middle, elementary) = (1, 0, 1)
    default:
      high = max(1, Int((Double(schools) * 0.10).rounded()))
      middle = max(1, Int((Double(schools) * 0.15).rounded()))
      elementary = schools - high - middle
    }
  }
}
