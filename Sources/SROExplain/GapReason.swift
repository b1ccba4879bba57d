import SROFormulation
import SRORoster
import SROScenario

/// Why one officer does not stand at a block in a roster, in the terms of
/// the scenario contract: eligibility (§3) or one of the model's rules (§4)
/// broken by the officer's other blocks in that roster.
public enum GapReason: Sendable, Hashable {
  /// Not eligible: absent, lacks a skill, other agency under `forbid`, or
  /// ruled out by a `forbids` entry.
  case ineligible(Ineligibility)
  /// Rule 2 (one place at a time): the officer takes `other`, which
  /// overlaps the block.
  case elsewhere(other: Block)
  /// Rule 3 (travel): between the block and `other` on the same day the
  /// drive from `from` to `to` takes `neededMinutes`, but only
  /// `availableMinutes` lie between them.
  case travel(other: Block, from: SchoolID, to: SchoolID, neededMinutes: Int, availableMinutes: Int)
  /// Rule 5 (rest): `other`, on the day before or after, leaves only
  /// `availableHours` of rest where `neededHours` are required.
  case rest(other: Block, availableHours: Double, neededHours: Double)
  /// Rule 4 (day): the officer would work `hours` that day, `over` above
  /// `maxHoursPerDay`.
  case dayHours(hours: Double, over: Double)
  /// Rule 6 (week): the officer would work `hours` in the week, `over`
  /// above their regular hours plus overtime.
  case weekHours(hours: Double, over: Double)
  /// No rule stands in the way: taking the block would add `cost` to the
  /// objective (overtime, away from home, cross-agency) and save `saving`
  /// (the uncovered cost of the hours, 0 when the block lacks nobody).
  case couldTake(cost: Double, saving: Double)
  /// The officer stands there in the roster.
  case standsThere

  /// A stable name of the reason's kind, as the JSON writes it.
  public var kind: String {
    switch self {
    case .ineligible(.absent): "absent"
    case .ineligible(.lacksSkill): "skill"
    case .ineligible(.otherAgency): "agency"
    case .ineligible(.forbidden): "forbidden"
    case .elsewhere: "elsewhere"
    case .travel: "travel"
    case .rest: "rest"
    case .dayHours: "day-hours"
    case .weekHours: "week-hours"
    case .couldTake: "could-take"
    case .standsThere: "stands-there"
    }
  }

  /// The reason as a phrase about the officer (`absent on tue (state SRO
  /// training)`), for `block` in `scenario`.
  public func phrase(for block: Block, in scenario: Scenario) -> String {
    switch self {
    case .ineligible(.absent(let absence)):
      let when = absence.interval == .wholeDay ? "" : " \(absence.interval.start)-\(absence.interval.end)"
      return "absent on \(block.day)\(when)" + (absence.reason.map { " (\($0))" } ?? "")
    case .ineligible(.lacksSkill(let skill)):
      return "lacks the skill \(skill)"
    case .ineligible(.otherAgency(let agency)):
      let school = scenario.school(block.school)?.agency.rawValue ?? "?"
      return "of \(agency), not \(school), and crossAgency is forbid"
    case .ineligible(.forbidden):
      return "forbidden at \(block.school) on \(block.day) (forbids)"
    case .elsewhere(let other):
      return
        "at \(other.place) \(other.interval.start)-\(other.interval.end) then (priority \(jsonNumber(other.priority)))"
    case .travel(let other, let from, let to, let needed, let available):
      let near = other.interval.end <= block.interval.start ? "until" : "from"
      let time = near == "until" ? other.interval.end : other.interval.start
      return "at \(other.place) \(near) \(time): \(needed) min from \(from) to \(to), \(available) available"
    case .rest(let other, let available, let needed):
      return
        "at \(other.place) \(other.day) \(other.interval.start)-\(other.interval.end): \(jsonNumber(available)) h of rest, \(jsonNumber(needed)) needed"
    case .dayHours(let hours, let over):
      return
        "would work \(jsonNumber(hours)) h on \(block.day), \(jsonNumber(over)) h over maxHoursPerDay \(jsonNumber(scenario.policy.maxHoursPerDay))"
    case .weekHours(let hours, let over):
      return "would work \(jsonNumber(hours)) h in the week, \(jsonNumber(over)) h over regular + overtime"
    case .couldTake(let cost, let saving):
      return saving > 0
        ? "breaks no rule: would cost \(jsonNumber(cost)) and save \(jsonNumber(saving))"
        : "breaks no rule, but the block lacks nobody"
    case .standsThere:
      return "stands there"
    }
  }
}

extension Block {
  /// The event's id for an event block, else the school's.
  var place: String { event.map { "event \($0)" } ?? school.rawValue }

  /// `lincoln-es tue 07:30-08:30`, or `event nh-game at north-high (mon 18:00-21:00)`.
  public var name: String {
    if let event { return "event \(event) at \(school) (\(day) \(interval.start)-\(interval.end))" }
    return "\(school) \(day) \(interval.start)-\(interval.end)"
  }
}
