import SROScenario

/// One part of a week as every consumer of the formulation reads it,
/// computed once: the blocks, who may take each, what each pair costs, how
/// overtime is counted, and the rules between blocks (with the travel
/// table). The model, the pin check, the greedy start, pricing and
/// re-staffing all read this one value. A restricted instance
/// (``restricted(to:)``) gives its model only some of the eligible pairs.
package struct Instance: Sendable {
  package let scenario: Scenario
  /// The blocks, in ``SROScenario/Scenario/blocks()`` order.
  package let blocks: [Block]
  /// The rules of spec §4 between blocks, and eligibility (§3).
  package let rules: Rules
  /// The blocks each officer may take (spec §3), by officer, in block order.
  package let eligible: [[Int]]
  /// Each block's school, by position in `scenario.schools`.
  package let schoolOf: [Int?]
  /// Each block's start and end, in minutes after midnight. Model building
  /// and pricing compare millions of block pairs, so they read plain arrays.
  package let starts: [Int]
  package let ends: [Int]
  /// The officer–block pairs the model may use besides the pinned and the
  /// published ones, or `nil` for every eligible pair.
  package private(set) var restriction: Set<PinCheck.Pair>?

  package init(_ scenario: Scenario) {
    self.init(scenario, blocks: scenario.blocks())
  }

  package init(_ scenario: Scenario, blocks: [Block]) {
    self.scenario = scenario
    self.blocks = blocks
    let rules = Rules(scenario)
    self.rules = rules
    eligible = scenario.officers.map { officer in
      blocks.indices.filter { rules.isEligible(officer, for: blocks[$0]) }
    }
    schoolOf = blocks.map { rules.schoolIndex[$0.school] }
    starts = blocks.map(\.interval.start.minutes)
    ends = blocks.map(\.interval.end.minutes)
  }

  /// Whether one officer cannot take block `a` and then block `b` of the
  /// same day for lack of driving time (§4.3, ``Rules/travelConflict(_:_:)``):
  /// `a` ends at or before `b` starts and the gap is shorter than the drive.
  package func travelConflict(_ a: Int, _ b: Int) -> Bool {
    ends[a] <= starts[b]
      && rules.travelConflict(from: schoolOf[a], end: ends[a], to: schoolOf[b], start: starts[b])
  }

  /// This instance with its model restricted to the eligible pairs among
  /// `pairs`, and the pinned and published pairs (a search strategy for
  /// parts too large to model whole; see `RestrictedPlanner`). Such a model
  /// has no `symmetry` rows: interchangeable officers need not keep the
  /// same pairs.
  package func restricted(to pairs: Set<PinCheck.Pair>) -> Instance {
    var restricted = self
    restricted.restriction = pairs
    return restricted
  }

  /// Whether the model of this instance may use the eligible pair of
  /// officer `o` and block `b` that is neither pinned nor published.
  package func allows(officer o: Int, block b: Int) -> Bool {
    restriction?.contains(PinCheck.Pair(officer: o, block: b)) ?? true
  }

  /// How many officer–block pairs are eligible (the size of the full model).
  package var eligiblePairs: Int { eligible.reduce(0) { $0 + $1.count } }

  /// The objective's cost of officer `o` taking block `b` (spec §4): the
  /// block's hours times ``Rules/costPerHour(_:_:)``.
  package func pairCost(officer o: Int, block b: Int) -> Double {
    pairCostPerHour(officer: o, block: b) * blocks[b].hours
  }

  /// ``pairCost(officer:block:)`` for one hour of the block.
  package func pairCostPerHour(officer o: Int, block b: Int) -> Double {
    rules.costPerHour(scenario.officers[o], blocks[b])
  }

  /// The step (hours) of whole minutes dividing every block length and the
  /// weekly cap, or `nil` when the cap is not a whole number of minutes.
  /// Overtime counted in such steps loses nothing: every week's hours are
  /// a whole number of them.
  package static func overtimeStep(officer: Officer, blocks: [Block]) -> Double? {
    let capMinutes = officer.maxHoursPerWeek * 60
    guard capMinutes == capMinutes.rounded(), capMinutes < 1e9 else { return nil }
    func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
    let step = blocks.reduce(Int(capMinutes)) {
      gcd($0, $1.interval.end.minutes - $1.interval.start.minutes)
    }
    return step > 0 ? Double(step) / 60 : nil
  }
}
