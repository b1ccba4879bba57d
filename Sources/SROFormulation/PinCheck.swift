import LinearModel
import SRORoster
import SROScenario

/// Resolves a scenario's pins to (officer, block) pairs and proves them
/// feasible before any solving: a pin that breaks a rule is refused with a
/// message naming the pin and the rule.
///
/// Pins only ever constrain their own officer's week and their blocks'
/// cover, so checking each officer's pinned blocks against the rules of
/// spec §4 (and each block's pinned count against its need) is exact: if
/// these pass, the model with the pins fixed is feasible.
package struct PinCheck {
  /// An officer (by index in the scenario) taking a block (by index).
  package struct Pair: Hashable {
    package let officer: Int
    package let block: Int

    package init(officer: Int, block: Int) {
      self.officer = officer
      self.block = block
    }
  }

  package let scenario: Scenario
  package let blocks: [Block]
  package let rules: Rules

  package init(scenario: Scenario, blocks: [Block], rules: Rules) {
    self.scenario = scenario
    self.blocks = blocks
    self.rules = rules
  }

  /// The pins of `instance`'s scenario against its blocks and rules.
  package init(instance: Instance) {
    self.init(scenario: instance.scenario, blocks: instance.blocks, rules: instance.rules)
  }

  /// The pinned pairs, or every problem with the pins.
  package func resolve() throws(PlanningError) -> Set<Pair> {
    var problems: [Diagnostic] = []
    var pairs = Set<Pair>()
    // The last pin (in merge order) that asks for each pair: messages name it.
    var pinOf: [Pair: Int] = [:]
    for (p, pin) in scenario.pins.enumerated() {
      guard let o = scenario.officers.firstIndex(where: { $0.id == pin.officer }) else { continue }
      let officer = scenario.officers[o]
      let matched = blocks.indices.filter { b in
        let block = blocks[b]
        guard block.school == pin.school, block.day == pin.day else { return false }
        if let interval = pin.interval {
          return interval.start <= block.interval.start && block.interval.end <= interval.end
        }
        return block.event == nil
      }
      if matched.isEmpty {
        let window = pin.interval.map { " within \($0.start)-\($0.end)" } ?? ""
        problems.append(
          Diagnostic(
            pin.origin, "pin matches no block: nothing needed at \(pin.school) on \(pin.day)\(window)"))
      }
      for b in matched {
        if let reason = rules.whyIneligible(officer, for: blocks[b]) {
          problems.append(Diagnostic(pin.origin, "pin breaks eligibility: \(reason)"))
          continue
        }
        pairs.insert(Pair(officer: o, block: b))
        pinOf[Pair(officer: o, block: b)] = p
      }
    }
    for b in blocks.indices {
      let pinned = pairs.filter { $0.block == b }
      if pinned.count > blocks[b].needed, let p = pinned.compactMap({ pinOf[$0] }).max() {
        problems.append(
          Diagnostic(
            scenario.pins[p].origin,
            "pins break cover: \(pinned.count) officers pinned to \(describe(blocks[b])), which needs \(blocks[b].needed)"
          ))
      }
    }
    for (o, officer) in scenario.officers.enumerated() {
      let mine = pairs.filter { $0.officer == o }.map(\.block).sorted()
      let pinIndex = { (b: Int) in pinOf[Pair(officer: o, block: b)] ?? 0 }
      problems += conflicts(officer, mine, pinIndex: pinIndex)
    }
    guard problems.isEmpty else {
      var seen = Set<Diagnostic>()
      throw .infeasiblePins(problems.filter { seen.insert($0).inserted })
    }
    return pairs
  }

  /// The rules of spec §4 broken by one officer's pinned blocks alone.
  /// Each names the latest pin involved.
  private func conflicts(_ officer: Officer, _ mine: [Int], pinIndex: (Int) -> Int) -> [Diagnostic] {
    var problems: [(pin: Int, message: String)] = []
    func add(_ blocks: [Int], _ message: String) {
      problems.append((blocks.map(pinIndex).max() ?? 0, message))
    }
    for (i, b1) in mine.enumerated() {
      for b2 in mine[(i + 1)...] {
        // In day order, then by start (the earlier block first on one day).
        let (first, second) =
          (blocks[b1].day, blocks[b1].interval.start) <= (blocks[b2].day, blocks[b2].interval.start)
          ? (blocks[b1], blocks[b2]) : (blocks[b2], blocks[b1])
        if let rule = rules.conflict(first, second) {
          add([b1, b2], message(rule, first, second))
        }
      }
    }
    for day in Weekday.allCases {
      let today = mine.filter { blocks[$0].day == day }
      let hours = today.reduce(0.0) { $0 + blocks[$1].hours }
      if !rules.withinDay(hours) {
        add(
          today,
          "day: \(jsonNumber(hours)) h pinned on \(day), over maxHoursPerDay \(jsonNumber(scenario.policy.maxHoursPerDay))"
        )
      }
    }
    let week = mine.reduce(0.0) { $0 + blocks[$1].hours }
    if !rules.withinWeek(week, of: officer) {
      add(
        mine, "week: \(jsonNumber(week)) h pinned, over \(jsonNumber(rules.weekCap(officer))) h with overtime"
      )
    }
    return problems.map {
      Diagnostic(scenario.pins[$0.pin].origin, "pins of \(officer.id) break \($0.message)")
    }
  }

  /// What `rule` says about `first` and `second` (in day order, then by start).
  private func message(_ rule: ConstraintFamily, _ first: Block, _ second: Block) -> String {
    switch rule {
    case .overlap:
      return "one place at a time: \(describe(first)) and \(describe(second)) overlap"
    case .travel:
      return
        "travel: \(rules.travelMinutes(first.school, second.school)) min from \(first.school) to \(second.school), but \(describe(first)) and \(describe(second)) leave \(second.interval.start.minutes - first.interval.end.minutes)"
    default:
      return
        "rest: less than \(jsonNumber(scenario.policy.minRestHours)) h between \(describe(first)) and \(describe(second))"
    }
  }

  private func describe(_ block: Block) -> String {
    if let event = block.event {
      return "event \(event) (\(block.day) \(block.interval.start)-\(block.interval.end))"
    }
    return "\(block.school) \(block.day) \(block.interval.start)-\(block.interval.end)"
  }
}
