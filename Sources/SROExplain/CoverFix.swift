import SRORoster
import SROScenario

/// One change to a week that could cover a gap: a what-if the explainer
/// tries by re-solving.
public enum CoverChange: Sendable, Hashable {
  /// One more relief officer of `agency`, with `skills`, working only on
  /// `day` and pinned to `school` during `hours` (the school's gaps that
  /// day); the rest of their day is the optimizer's to plan.
  case reliefOfficer(agency: AgencyID, day: Weekday, skills: [String], school: SchoolID, hours: [DayInterval])
  /// `hours` more overtime allowed for `officer`.
  case overtime(officer: OfficerID, hours: Double)
  /// `crossAgency: penalize` instead of `forbid`.
  case allowCrossAgency
  /// The event dropped.
  case dropEvent(EventID)
  /// The event held at the same times on another day.
  case moveEvent(EventID, to: Weekday)

  /// The change in words: `one more CCSO relief officer on tue`.
  public var description: String {
    switch self {
    case .reliefOfficer(let agency, let day, let skills, let school, let hours):
      let with = skills.isEmpty ? "" : " with " + skills.joined(separator: ", ")
      let times = hours.map { "\($0.start)-\($0.end)" }.joined(separator: ", ")
      return "one more \(agency) relief officer\(with) at \(school) \(day) \(times)"
    case .overtime(let officer, let hours):
      return "\(jsonNumber(hours)) h more overtime for \(officer)"
    case .allowCrossAgency:
      return "allow cross-agency cover (crossAgency: penalize)"
    case .dropEvent(let event):
      return "drop event \(event)"
    case .moveEvent(let event, let day):
      return "move event \(event) to \(day)"
    }
  }

  /// A stable name of the change's kind, as the JSON writes it.
  public var kind: String {
    switch self {
    case .reliefOfficer: "relief-officer"
    case .overtime: "overtime"
    case .allowCrossAgency: "cross-agency"
    case .dropEvent: "drop-event"
    case .moveEvent: "move-event"
    }
  }

  /// The id the added relief officer gets: `CCSO-relief-tue`, with a
  /// number added while it clashes with an officer of `scenario`.
  static func reliefID(agency: AgencyID, day: Weekday, in scenario: Scenario) -> OfficerID {
    var id = OfficerID("\(agency.rawValue.lowercased())-relief-\(day)")
    var n = 2
    while scenario.officer(id) != nil {
      id = OfficerID("\(agency.rawValue.lowercased())-relief-\(day)-\(n)")
      n += 1
    }
    return id
  }

  /// `scenario` with the change made.
  func applied(to scenario: Scenario) -> Scenario {
    var changed = scenario
    switch self {
    case .reliefOfficer(let agency, let day, let skills, let school, let hours):
      let id = Self.reliefID(agency: agency, day: day, in: scenario)
      changed.officers.append(
        Officer(
          id: id, name: "extra relief officer", agency: agency, home: nil, skills: skills,
          maxHoursPerWeek: scenario.policy.maxHoursPerWeek,
          maxOvertimePerWeek: scenario.policy.maxOvertimePerWeek))
      changed.absences.append(
        Absence(
          officer: id, days: Weekday.allCases.filter { $0 != day }, interval: .wholeDay,
          reason: "works only on \(day)"))
      changed.pins += hours.map {
        Pin(
          officer: id, school: school, day: day, interval: $0,
          origin: Origin(file: "sro explain", line: nil, path: description))
      }
    case .overtime(let officer, let hours):
      if let o = changed.officers.firstIndex(where: { $0.id == officer }) {
        changed.officers[o].maxOvertimePerWeek += hours
      }
    case .allowCrossAgency:
      changed.policy.crossAgency = .penalize
    case .dropEvent(let event):
      changed.events.removeAll { $0.id == event }
    case .moveEvent(let event, let day):
      if let e = changed.events.firstIndex(where: { $0.id == event }) { changed.events[e].day = day }
    }
    return changed
  }
}

/// A change tried by re-solving, and what it did to the whole week.
public struct CoverFix: Sendable, Hashable {
  public let change: CoverChange
  /// The re-solved roster's status (`feasible` when the time limit stopped it).
  public let status: Roster.Status
  /// The re-solved roster's objective.
  public let objective: Double
  /// The re-solved objective minus the explained roster's.
  public let objectiveChange: Double
  /// Uncovered officer-hours of the re-solved roster minus the explained one's.
  public let uncoveredHoursChange: Double
}
