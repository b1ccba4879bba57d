/// How often officers are away on a school day: for the whole day (sick,
/// leave, training) or part of it (court, a training session).
public struct AbsenceRates: Sendable, Hashable {
  /// The chance of a whole-day absence on one school day, in `[0, 1]`.
  public var wholeDay: Double
  /// The chance of a part-day absence on one school day, in `[0, 1]`.
  public var partDay: Double

  public init(wholeDay: Double, partDay: Double) {
    self.wholeDay = wholeDay
    self.partDay = partDay
  }

  /// The rates a scenario that lists no absence of a kind gets: about nine
  /// whole days and five part days of a 180-day school year.
  public static let fallback = AbsenceRates(wholeDay: 0.05, partDay: 0.03)
}

/// Who a rate applies to: every officer, an agency's, or one officer.
public enum RateScope: Sendable, Hashable, CustomStringConvertible {
  case everyone
  case agency(AgencyID)
  case officer(OfficerID)

  public var description: String {
    switch self {
    case .everyone: return "everyone"
    case .agency(let id): return id.rawValue
    case .officer(let id): return id.rawValue
    }
  }
}

/// One rate setting: a scope and the rates it sets (`nil` leaves a rate to
/// the broader scopes).
public struct RateSetting: Sendable, Hashable {
  public var scope: RateScope
  public var wholeDay: Double?
  public var partDay: Double?

  public init(scope: RateScope, wholeDay: Double? = nil, partDay: Double? = nil) {
    self.scope = scope
    self.wholeDay = wholeDay
    self.partDay = partDay
  }
}

/// What a staffing study assumes about the weeks it samples (the scenario's
/// `staffing` section, an sro addition, and the command line on top).
public struct StaffingAssumptions: Sendable, Hashable {
  /// In order; a later setting of the same scope wins, and an officer's
  /// setting beats its agency's, which beats everyone's.
  public var rates: [RateSetting] = []
  /// Expected extra events per week, each a copy of one of the scenario's
  /// events on a random school day.
  public var eventsPerWeek: Double = 0
  /// The chance that a school is closed on a school day.
  public var closureRate: Double = 0
  /// The skills an agency's relief officers have (sorted; none unless given).
  public var reliefSkills: [AgencyID: [String]] = [:]

  public init() {}

  /// The rates of `officer`: its own, else its agency's, else everyone's,
  /// else `defaults`.
  public func rates(of officer: Officer, defaults: AbsenceRates) -> AbsenceRates {
    var result = defaults
    for scope in [RateScope.everyone, .agency(officer.agency), .officer(officer.id)] {
      for setting in rates where setting.scope == scope {
        if let whole = setting.wholeDay { result.wholeDay = whole }
        if let part = setting.partDay { result.partDay = part }
      }
    }
    return result
  }
}

extension Scenario {
  /// The days that have a block to cover: the days absences are drawn on.
  var schoolDays: [Weekday] { Array(Set(blocks().map(\.day))).sorted() }

  /// The absence rates the scenario's own absences show: officer-days away
  /// over officers × school days, whole and part days apart; a kind the
  /// scenario does not list gets ``AbsenceRates/fallback``.
  public var observedAbsenceRates: AbsenceRates {
    let days = Set(schoolDays)
    var whole = Set<String>()
    var part = Set<String>()
    for absence in absences {
      for day in absence.days where days.contains(day) {
        let key = "\(absence.officer) \(day)"
        if absence.interval == .wholeDay { whole.insert(key) } else { part.insert(key) }
      }
    }
    let officerDays = Double(max(1, officers.count * days.count))
    return AbsenceRates(
      wholeDay: whole.isEmpty
        ? AbsenceRates.fallback.wholeDay : roundToMicro(Double(whole.count) / officerDays),
      partDay: part.isEmpty ? AbsenceRates.fallback.partDay : roundToMicro(Double(part.count) / officerDays))
  }

  /// The part-day absences' intervals (each once, in order), the shapes a
  /// sampled part-day absence takes; a morning and an afternoon when none.
  var partDayShapes: [DayInterval] {
    var shapes: [DayInterval] = []
    for absence in absences where absence.interval != .wholeDay && !shapes.contains(absence.interval) {
      shapes.append(absence.interval)
    }
    return shapes.isEmpty
      ? [
        DayInterval(start: TimeOfDay(minutes: 8 * 60), end: TimeOfDay(minutes: 12 * 60)),
        DayInterval(start: TimeOfDay(minutes: 12 * 60), end: TimeOfDay(minutes: 16 * 60)),
      ] : shapes
  }
}
