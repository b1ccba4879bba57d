import SROFormulation
import SRORoster
import SROScenario

/// Explains the gaps of a roster: for each uncovered block (or any block
/// asked for), every officer and why they do not stand there, in the terms
/// of the scenario contract, read from the same rules the model is built
/// from.
///
/// ```swift
/// let explainer = GapExplainer(scenario: scenario)
/// for gap in try explainer.explanations(of: roster) { print(gap.block.name, gap.oneLine) }
/// ```
public struct GapExplainer: Sendable {
  public let scenario: Scenario
  /// The scenario's blocks, in ``Scenario/blocks()`` order.
  public let blocks: [Block]
  let rules: Rules

  public init(scenario: Scenario) {
    self.scenario = scenario
    self.blocks = scenario.blocks()
    self.rules = Rules(scenario)
  }

  /// One explanation per entry of `roster.uncovered`, in the same order.
  ///
  /// - Throws: ``ExplainError`` when `roster` is not a roster of this
  ///   scenario's week (another week, unknown officers or blocks).
  public func explanations(of roster: Roster) throws(ExplainError) -> [GapExplanation] {
    let reading = try RosterReading(roster, scenario: scenario, blocks: blocks)
    var byKey: [BlockKey: Block] = [:]
    for block in blocks where byKey[BlockKey(block)] == nil { byKey[BlockKey(block)] = block }
    return roster.uncovered.compactMap { entry in
      byKey[BlockKey(entry)].map { explanation(of: $0, assigned: entry.assigned, reading: reading) }
    }
  }

  /// The explanation of `block` (any block of the scenario, short or not)
  /// in `roster`.
  public func explanation(of block: Block, in roster: Roster) throws(ExplainError) -> GapExplanation {
    let reading = try RosterReading(roster, scenario: scenario, blocks: blocks)
    return explanation(
      of: block, assigned: min(block.needed, reading.assigned[BlockKey(block)] ?? 0), reading: reading)
  }

  /// The blocks at `school` on `day` whose interval holds `time` (coverage
  /// and events), in block order.
  public func blocks(at school: SchoolID, on day: Weekday, time: TimeOfDay) -> [Block] {
    blocks.filter {
      $0.school == school && $0.day == day && $0.interval.start <= time && time < $0.interval.end
    }
  }

  /// The blocks `text` names: `SCHOOL:DAY@HH:MM`, every block at the
  /// school that day whose interval holds the time.
  ///
  /// - Throws: ``ExplainError`` naming the problem: not of that form, an
  ///   unknown school (with a suggestion), or no block at that time (with
  ///   the school's blocks that day).
  public func blocks(named text: String) throws(ExplainError) -> [Block] {
    let fail = { (message: String) in ExplainError(problems: ["--block \(text): \(message)"]) }
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    let place = parts[0].split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, place.count == 2, let time = TimeOfDay(parsing: String(parts[1])) else {
      throw fail("expected SCHOOL:DAY@HH:MM, e.g. lincoln-es:tue@09:00")
    }
    let school = SchoolID(String(place[0]))
    guard scenario.school(school) != nil else {
      throw fail(
        "unknown school \"\(school)\""
          + suggestion(for: school.rawValue, among: scenario.schools.map(\.id.rawValue)))
    }
    guard let day = Weekday(code: String(place[1])) else { throw fail("unknown day \"\(place[1])\"") }
    let found = blocks(at: school, on: day, time: time)
    guard found.isEmpty else { return found }
    let that = blocks.filter { $0.school == school && $0.day == day }
      .map { block in
        (block.event.map { "event \($0) " } ?? "") + "\(block.interval.start)-\(block.interval.end)"
      }
    throw fail(
      "no block at \(school) on \(day) at \(time); "
        + (that.isEmpty ? "it needs nobody that day" : "its blocks that day: " + that.joined(separator: ", "))
    )
  }

  private func explanation(of block: Block, assigned: Int, reading: RosterReading) -> GapExplanation {
    let officers = scenario.officers.indices.map { o in
      GapExplanation.OfficerReasons(
        officer: scenario.officers[o].id,
        reasons: reasons(o, block, taken: reading.taken[o], missing: assigned < block.needed))
    }
    return GapExplanation(
      block: block, agency: rules.school(block.school)?.agency ?? AgencyID(""), assigned: assigned,
      officers: officers, scenario: scenario)
  }

  /// Why officer `o`, taking `taken`, does not stand at `block`: every
  /// reason that applies, eligibility first, then the rules of spec §4 in
  /// the contract's order.
  func reasons(_ o: Int, _ block: Block, taken: [Block], missing: Bool) -> [GapReason] {
    let officer = scenario.officers[o]
    if taken.contains(where: { BlockKey($0) == BlockKey(block) }) { return [.standsThere] }
    var reasons = rules.eligibility.ineligibilities(officer, for: block).map(GapReason.ineligible)
    reasons += conflicts(officer, block, taken: taken)
    if reasons.isEmpty {
      let weights = scenario.policy.weights
      let week = taken.reduce(0.0) { $0 + $1.hours }
      let overtime = rules.overtime(week + block.hours, of: officer) - rules.overtime(week, of: officer)
      let cost = weights.overtimeCost(hours: overtime) + rules.costPerHour(officer, block) * block.hours
      let saving = missing ? weights.uncoveredCost(hours: block.hours, priority: block.priority) : 0
      reasons = [.couldTake(cost: cost, saving: saving)]
    }
    return reasons
  }

  /// The rules of spec §4 that `block` would break next to the officer's
  /// other blocks, in the contract's order: one place at a time, travel,
  /// day hours, rest, week hours.
  private func conflicts(_ officer: Officer, _ block: Block, taken: [Block]) -> [GapReason] {
    let policy = scenario.policy
    let today = taken.filter { $0.day == block.day }
    var reasons = today.filter { rules.overlapConflict($0, block) }.map { GapReason.elsewhere(other: $0) }
    for other in today where !rules.overlapConflict(other, block) {
      let (first, second) = other.interval.end <= block.interval.start ? (other, block) : (block, other)
      if rules.travelConflict(first, second) {
        reasons.append(
          .travel(
            other: other, from: first.school, to: second.school,
            neededMinutes: rules.travelMinutes(first.school, second.school),
            availableMinutes: second.interval.start.minutes - first.interval.end.minutes))
      }
    }
    let day = today.reduce(block.hours) { $0 + $1.hours }
    if !rules.withinDay(day) {
      reasons.append(.dayHours(hours: day, over: day - policy.maxHoursPerDay))
    }
    for other in taken where other.day.next == block.day || block.day.next == other.day {
      let (late, early) = other.day.next == block.day ? (other, block) : (block, other)
      if rules.restConflict(late, early) {
        let rest =
          Double(
            rules.restMinutes(lateEnd: late.interval.end.minutes, earlyStart: early.interval.start.minutes))
          / 60
        reasons.append(.rest(other: other, availableHours: rest, neededHours: policy.minRestHours))
      }
    }
    let week = taken.reduce(block.hours) { $0 + $1.hours }
    if !rules.withinWeek(week, of: officer) {
      reasons.append(.weekHours(hours: week, over: week - rules.weekCap(officer)))
    }
    return reasons
  }
}
