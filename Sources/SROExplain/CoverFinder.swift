import SROFormulation
import SRORoster
import SROScenario
import SROSearch

/// Finds what would cover each gap of a roster: tries the single changes
/// its explanation points to (one more relief officer of the responsible
/// agency that day, cross-agency cover, overtime for an officer held back
/// only by the week's hours, dropping or moving an event that holds an
/// officer back, or the gap's own event) by re-solving the changed week.
public struct CoverFinder: Sendable {
  public let scenario: Scenario
  /// The roster the gaps are in; changes are measured against it.
  public let roster: Roster
  /// How each re-solve searches; set a time limit to keep it fast.
  public var options: PlanningOptions

  public init(scenario: Scenario, roster: Roster, options: PlanningOptions = PlanningOptions()) {
    self.scenario = scenario
    self.roster = roster
    self.options = options
  }

  /// A change that covers a gap (some of it or all), re-solved.
  public struct Fix: Sendable, Hashable {
    public let fix: CoverFix
    /// Officers still missing at the gap's block in the re-solved roster (0
    /// when the change drops the gap's own event).
    public let missingAfter: Int
  }

  /// For each explanation (in order), the changes that leave fewer
  /// officers missing at its block (none for a block that lacks nobody), cheapest first (objective change, then
  /// uncovered hours). Each distinct change is solved once, several at a
  /// time (`options.threads`); a change the solver cannot plan (a pin it
  /// breaks, no roster within the time limit) is left out.
  public func fixes(for gaps: [GapExplanation]) -> [[Fix]] {
    let candidates = gaps.map(changes(for:))
    var distinct: [CoverChange] = []
    var seen = Set<CoverChange>()
    for change in candidates.joined() where seen.insert(change).inserted { distinct.append(change) }
    var options = self.options
    options.published = nil
    options.progress = nil
    let solved = Planner.plan(
      distinct.map { $0.applied(to: scenario) }, options: options, threads: options.threads)
    var tried: [CoverChange: (CoverFix, Roster)] = [:]
    for (change, result) in zip(distinct, solved) {
      guard case .success(let planned) = result else { continue }
      tried[change] = (fix(change, planned.roster), planned.roster)
    }
    return zip(gaps, candidates).map { gap, changes in
      changes.compactMap { change -> Fix? in
        guard let (fix, after) = tried[change] else { return nil }
        let missing = missing(at: gap.block, after: change, in: after)
        return missing < gap.missing ? Fix(fix: fix, missingAfter: missing) : nil
      }.sorted {
        ($0.fix.objectiveChange, $0.fix.uncoveredHoursChange)
          < ($1.fix.objectiveChange, $1.fix.uncoveredHoursChange)
      }
    }
  }

  /// The single changes worth trying for `gap`, each at most once (none
  /// when nobody is missing there).
  func changes(for gap: GapExplanation) -> [CoverChange] {
    guard gap.missing > 0 else { return [] }
    let block = gap.block
    var changes: [CoverChange] = [
      .reliefOfficer(
        agency: gap.agency, day: block.day, skills: block.requiredSkills, school: block.school,
        hours: reliefHours(for: block))
    ]
    if scenario.policy.crossAgency == .forbid, gap.officers.count > gap.candidates.count {
      changes.append(.allowCrossAgency)
    }
    var events: [EventID] = block.event.map { [$0] } ?? []
    for entry in gap.candidates {
      let overs = entry.reasons.compactMap { reason -> Double? in
        if case .weekHours(_, let over) = reason { return over }
        return nil
      }
      if overs.count == entry.reasons.count, let over = overs.first {
        changes.append(.overtime(officer: entry.officer, hours: over))
      }
      let held = Set(entry.reasons.map(\.event))
      if held.count == 1, let event = held.first ?? nil { events.append(event) }
    }
    for event in events {
      changes.append(.dropEvent(event))
      guard let day = scenario.events.first(where: { $0.id == event })?.day else { continue }
      for other in [day.rawValue - 1, day.rawValue + 1].compactMap(Weekday.init(rawValue:)) {
        changes.append(.moveEvent(event, to: other))
      }
    }
    var seen = Set<CoverChange>()
    return changes.filter { seen.insert($0).inserted }
  }

  /// When a relief officer for `block` is pinned: every short coverage
  /// block of the school that day, joined where they touch, if one officer
  /// may work them all; else the block alone.
  private func reliefHours(for block: Block) -> [DayInterval] {
    guard block.event == nil else { return [block.interval] }
    let short = Set(
      roster.uncovered.filter {
        $0.school == block.school.rawValue && $0.day == block.day.code && $0.kind == .coverage
      }.compactMap { u in
        TimeOfDay(parsing: u.start).flatMap { start in
          TimeOfDay(parsing: u.end).map { DayInterval(start: start, end: $0) }
        }
      }
    ).sorted { $0.start < $1.start }
    var joined: [DayInterval] = []
    for interval in short {
      if let last = joined.last, interval.start <= last.end {
        joined[joined.count - 1].end = max(last.end, interval.end)
      } else {
        joined.append(interval)
      }
    }
    let hours = joined.reduce(0) { $0 + Double($1.end.minutes - $1.start.minutes) / 60 }
    guard hours <= scenario.policy.maxHoursPerDay,
      joined.contains(where: { $0.start <= block.interval.start && block.interval.end <= $0.end })
    else { return [block.interval] }
    return joined
  }

  /// What `change` did: the re-solved roster `after` against the explained one.
  private func fix(_ change: CoverChange, _ after: Roster) -> CoverFix {
    CoverFix(
      change: change, status: after.status, objective: after.objective,
      objectiveChange: roundToMicro(after.objective - roster.objective),
      uncoveredHoursChange: roundToMicro(uncoveredHours(after) - uncoveredHours(roster)))
  }

  /// Officers missing at `block` in `roster`, the week re-solved with `change`.
  private func missing(at block: Block, after change: CoverChange, in roster: Roster) -> Int {
    var key = BlockKey(block)
    if let event = block.event {
      if change == .dropEvent(event) { return 0 }
      if case .moveEvent(event, let day) = change { key = BlockKey(block.moved(to: day)) }
    }
    return roster.uncovered.first { BlockKey($0) == key }?.missing ?? 0
  }

  /// Σ missing × hours over the roster's uncovered blocks.
  private func uncoveredHours(_ roster: Roster) -> Double {
    roster.uncovered.reduce(0) { sum, u in
      let start = TimeOfDay(parsing: u.start)?.minutes ?? 0
      let end = TimeOfDay(parsing: u.end)?.minutes ?? 0
      return sum + Double(u.missing * (end - start)) / 60
    }
  }
}

extension Block {
  /// The same block on another day.
  func moved(to day: Weekday) -> Block {
    var block = self
    block.day = day
    return block
  }
}

extension GapReason {
  /// The event whose block this reason is about (at it, travelling to or
  /// from it, resting after it), if any.
  var event: EventID? {
    switch self {
    case .elsewhere(let other), .travel(let other, _, _, _, _), .rest(let other, _, _): other.event
    default: nil
    }
  }
}
