public import LinearModel
import SRORoster
import SROScenario

/// The mixed-integer program of spec §4 for one scenario, with the
/// bookkeeping to turn a solution back into a ``Roster``.
///
/// Variables: `x[officer,block]` (binary, one per eligible pair),
/// `short[block]` (integer: officers missing) and `ot[officer]` (overtime,
/// counted in steps of ``overtimeStep`` hours so that it can be integer
/// too). Constraint families, in order: `cover`,
/// `overlap` (clique rows over each officer's overlapping blocks), `travel`
/// and `rest` (each row: one block and a clique of the blocks it rules
/// out), `day`, `week`, and `symmetry` (interchangeable officers ordered
/// by hours). Rows that can never bind are left out.
public struct CoverageModel: Sendable {
  /// One eligible (officer, block) pair and its variable.
  public struct Assignment: Sendable {
    public let officer: Int
    public let block: Int
    public let variable: Variable
  }

  public let scenario: Scenario
  /// The blocks, in ``Scenario/blocks()`` order.
  public let blocks: [Block]
  public private(set) var model = Model()
  /// Every `x` variable, grouped by officer, then by block order.
  public private(set) var assignments: [Assignment] = []
  /// `short[b]`, by block.
  public private(set) var shortages: [Variable] = []
  /// `ot[o]`, by officer, in steps of `overtimeStep[o]` hours.
  public private(set) var overtime: [Variable] = []
  /// The hours one step of `ot[o]` stands for: the greatest common divisor
  /// of the officer's block lengths and weekly cap, so that counting
  /// overtime in whole steps loses nothing (1 when there is none). With
  /// every objective column integer, GLPK rounds its bound up to the next
  /// value the objective can take, which closes the last step of a search.
  public private(set) var overtimeStep: [Double] = []
  /// The published roster being re-planned, if any.
  public let published: PublishedRoster?
  /// How the rules are written as rows.
  public let formulation: Formulation
  /// The officer–block pairs the model may use (all eligible pairs when
  /// `nil`); see ``RestrictedPlanner``.
  package let candidates: Set<PinCheck.Pair>?
  /// Whether the `symmetry` rows order interchangeable officers by hours.
  package let ordersTwins: Bool
  /// The published assignments matched to this model's blocks.
  package private(set) var publishedMatch: PublishedMatch?
  /// For each published assignment still possible, its variable and the
  /// penalty (change weight × hours) for dropping it.
  package private(set) var changeTerms: [(variable: Variable, penalty: Double)] = []

  /// Builds the model of `scenario`, with its pins fixed and, when
  /// re-planning, a penalty for every dropped assignment of `published`.
  ///
  /// - Throws: ``PlanningError/infeasiblePins(_:)`` when the pins break a rule.
  public init(
    scenario: Scenario, published: PublishedRoster? = nil, formulation: Formulation = .tight
  ) throws(PlanningError) {
    try self.init(scenario: scenario, published: published, formulation: formulation, candidates: nil)
  }

  /// The model restricted to `candidates` (pinned and published pairs are
  /// always kept), without symmetry rows when restricted or when
  /// `ordersTwins` is false (a roster built elsewhere, e.g. region by
  /// region, need not order interchangeable officers by hours).
  package init(
    scenario: Scenario, published: PublishedRoster?, formulation: Formulation,
    candidates: Set<PinCheck.Pair>?, ordersTwins: Bool = true
  ) throws(PlanningError) {
    self.candidates = candidates
    self.ordersTwins = ordersTwins && candidates == nil
    self.scenario = scenario
    self.blocks = scenario.blocks()
    self.published = published
    self.formulation = formulation
    try build()
  }

  private mutating func build() throws(PlanningError) {
    let rules = Rules(scenario)
    let blocks = self.blocks
    let weights = scenario.policy.weights
    let pinned = try PinCheck(scenario: scenario, blocks: blocks, rules: rules).resolve()
    let kept = published.map { PublishedMatch(scenario: scenario, blocks: blocks, published: $0) }
    publishedMatch = kept
    var objective = LinearExpression()

    // Variables.
    var byBlock = [[Variable]](repeating: [], count: blocks.count)
    var byOfficer: [[(block: Int, variable: Variable)]] = []
    for officer in scenario.officers {
      var mine: [(block: Int, variable: Variable)] = []
      for (b, block) in blocks.enumerated() where rules.isEligible(officer, for: block) {
        let pair = PinCheck.Pair(officer: byOfficer.count, block: b)
        let isPinned = pinned.contains(pair)
        if let candidates, !candidates.contains(pair), !isPinned,
          kept?.contains(officer: officer.id, block: b) != true
        {
          continue
        }
        let x = model.addVariable(
          Name("x", index: [officer.id.rawValue] + block.label), kind: .binary,
          lowerBound: isPinned ? 1 : 0)
        assignments.append(Assignment(officer: byOfficer.count, block: b, variable: x))
        mine.append((b, x))
        byBlock[b].append(x)
        var cost = 0.0
        if rules.isAwayFromHome(officer, block) { cost += weights.awayFromHome }
        if rules.isCrossAgency(officer, block) { cost += weights.crossAgency }
        if cost != 0 { objective.add(x, coefficient: cost * block.hours) }
        if let kept, kept.contains(officer: officer.id, block: b) {
          // W × hours × (1 − x): a constant and a reward for keeping x.
          let penalty = kept.changeWeight * block.hours
          objective.add(x, coefficient: -penalty)
          objective += LinearExpression(constant: penalty)
          changeTerms.append((x, penalty))
        }
      }
      byOfficer.append(mine)
    }
    for block in blocks {
      let short = model.addVariable(
        Name("short", index: block.label), kind: .integer, upperBound: Double(block.needed))
      shortages.append(short)
      objective.add(short, coefficient: weights.uncovered * block.priority * block.hours)
    }
    for (o, officer) in scenario.officers.enumerated() {
      let step = Self.overtimeStep(officer, blocks: byOfficer[o].map { blocks[$0.block] })
      let ot: Variable
      if let step {
        ot = model.addVariable(
          Name("ot", officer.id.rawValue), kind: .integer,
          upperBound: (officer.maxOvertimePerWeek / step + 1e-9).rounded(.down))
      } else {
        ot = model.addVariable(Name("ot", officer.id.rawValue), upperBound: officer.maxOvertimePerWeek)
      }
      overtime.append(ot)
      overtimeStep.append(step ?? 1)
      objective.add(ot, coefficient: weights.overtime * (step ?? 1))
    }

    // 1. cover
    for (b, block) in blocks.enumerated() {
      model.addConstraint(
        LinearExpression.sum(byBlock[b]) + shortages[b] == Double(block.needed),
        name: Name("cover", index: block.label))
    }
    // 2–6, officer by officer. The travel test runs for millions of block
    // pairs at district scale, so it reads plain arrays.
    let schoolOf = blocks.map { rules.schoolIndex[$0.school] }
    let starts = blocks.map(\.interval.start.minutes)
    let ends = blocks.map(\.interval.end.minutes)
    for (o, officer) in scenario.officers.enumerated() {
      let days = Dictionary(grouping: byOfficer[o]) { blocks[$0.block].day }
      for day in Weekday.allCases {
        guard let today = days[day] else { continue }
        addOverlapRows(officer, day, today)
        addConflictRows(
          family: "travel", officer, day, from: today, to: today,
          conflict: {
            ends[$0] <= starts[$1]
              && rules.travelConflict(from: schoolOf[$0], end: ends[$0], to: schoolOf[$1], start: starts[$1])
          })
        if let next = day.next, let tomorrow = days[next] {
          addConflictRows(
            family: "rest", officer, day, from: today, to: tomorrow,
            conflict: { rules.restConflict(blocks[$0], blocks[$1]) })
        }
        let hours = today.map { (blocks[$0.block].hours, $0.variable) }
        if formulation == .plain || hours.reduce(0, { $0 + $1.0 }) > scenario.policy.maxHoursPerDay {
          model.addConstraint(
            LinearExpression(terms: hours.map { ($0.1, $0.0) }) <= scenario.policy.maxHoursPerDay,
            name: Name("day", officer.id.rawValue, day.code))
        }
      }
      let week = byOfficer[o].map { (blocks[$0.block].hours, $0.variable) }
      if formulation == .plain || week.reduce(0, { $0 + $1.0 }) > officer.maxHoursPerWeek {
        model.addConstraint(
          LinearExpression(terms: week.map { ($0.1, $0.0) }) - overtimeStep[o] * overtime[o]
            <= officer.maxHoursPerWeek,
          name: Name("week", officer.id.rawValue))
      }
    }
    if ordersTwins { addSymmetryRows(byOfficer) }
    model.setObjective(.minimize, objective)
  }

  /// Officers who are interchangeable — same agency, home, skills, limits
  /// and absences, and no pin, forbid or published assignment of their own —
  /// have the same blocks and costs, so any roster stays feasible and
  /// equally good when their weeks are swapped. Ordering them by hours
  /// (`hours(o₁) ≥ hours(o₂) ≥ …`) removes those copies of every roster
  /// from the search without losing an optimum.
  private mutating func addSymmetryRows(_ byOfficer: [[(block: Int, variable: Variable)]]) {
    struct Twin: Hashable {
      let agency: AgencyID
      let home: SchoolID?
      let skills: [String]
      let week: Double
      let overtime: Double
      let absences: [String]
    }
    let special = Set(scenario.pins.map(\.officer) + scenario.forbids.map(\.officer))
      .union((published?.assignments ?? []).map { OfficerID($0.officer) })
    var groups: [Twin: [Int]] = [:]
    var order: [Twin] = []
    for (o, officer) in scenario.officers.enumerated() where !special.contains(officer.id) {
      let absences = scenario.absences.filter { $0.officer == officer.id }
        .map { "\($0.days) \($0.interval.start)-\($0.interval.end)" }.sorted()
      let twin = Twin(
        agency: officer.agency, home: officer.home, skills: officer.skills,
        week: officer.maxHoursPerWeek, overtime: officer.maxOvertimePerWeek, absences: absences)
      if groups[twin] == nil { order.append(twin) }
      groups[twin, default: []].append(o)
    }
    let blocks = self.blocks
    func hours(_ o: Int) -> LinearExpression {
      LinearExpression(terms: byOfficer[o].map { ($0.variable, blocks[$0.block].hours) })
    }
    for twin in order {
      let members = groups[twin]!
      for (first, second) in zip(members, members.dropFirst()) {
        model.addConstraint(
          hours(first) - hours(second) >= 0,
          name: Name(
            "symmetry", scenario.officers[first].id.rawValue, scenario.officers[second].id.rawValue))
      }
    }
  }

  /// The step (hours) of whole minutes dividing every block length and the
  /// weekly cap, or `nil` when the cap is not a whole number of minutes.
  private static func overtimeStep(_ officer: Officer, blocks: [Block]) -> Double? {
    let capMinutes = officer.maxHoursPerWeek * 60
    guard capMinutes == capMinutes.rounded(), capMinutes < 1e9 else { return nil }
    func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
    let step = blocks.reduce(Int(capMinutes)) {
      gcd($0, $1.interval.end.minutes - $1.interval.start.minutes)
    }
    return step > 0 ? Double(step) / 60 : nil
  }

  /// One row per maximal set of the officer's blocks that share a moment
  /// on `day`: at most one of them.
  private mutating func addOverlapRows(
    _ officer: Officer, _ day: Weekday, _ candidates: [(block: Int, variable: Variable)]
  ) {
    let sorted = candidates.sorted { blocks[$0.block].interval.start < blocks[$1.block].interval.start }
    let starts = Array(Set(sorted.map { blocks[$0.block].interval.start })).sorted()
    var previous: [Variable] = []
    var previousStart: TimeOfDay?
    func emit(_ clique: [Variable], at point: TimeOfDay) {
      model.addConstraint(
        LinearExpression.sum(clique) <= 1,
        name: Name("overlap", officer.id.rawValue, day.code, point.description))
    }
    for (k, point) in starts.enumerated() {
      let clique = sorted.filter {
        let interval = blocks[$0.block].interval
        return interval.start <= point && point < interval.end
      }
      // Emit the previous clique unless it is contained in this one.
      if let previousStart, previous.count >= 2,
        !previous.allSatisfy({ v in clique.contains { $0.variable == v } })
      {
        emit(previous, at: previousStart)
      }
      previous = clique.map(\.variable)
      previousStart = point
      if k == starts.count - 1, previous.count >= 2 {
        emit(previous, at: point)
      }
    }
  }

  /// For each block `b` of `from`, the blocks of `to` that `conflict(b, ·)`
  /// rules out, split into groups that share a moment (so at most one of
  /// each group is taken): one row `x_b + Σ group ≤ 1` per group.
  private mutating func addConflictRows(
    family: String, _ officer: Officer, _ day: Weekday,
    from: [(block: Int, variable: Variable)], to: [(block: Int, variable: Variable)],
    conflict: (Int, Int) -> Bool
  ) {
    for first in from {
      let ruledOut = to.filter { conflict(first.block, $0.block) }
        .sorted { blocks[$0.block].interval.start < blocks[$1.block].interval.start }
      var groups: [[(block: Int, variable: Variable)]] = []
      if formulation == .plain {
        groups = ruledOut.map { [$0] }
      }
      var groupEnd = TimeOfDay(minutes: 0)
      for candidate in formulation == .plain ? [] : ruledOut {
        let interval = blocks[candidate.block].interval
        if !groups.isEmpty, interval.start < groupEnd {
          groups[groups.count - 1].append(candidate)
          groupEnd = min(groupEnd, interval.end)
        } else {
          groups.append([candidate])
          groupEnd = interval.end
        }
      }
      for group in groups {
        let second = blocks[group[0].block]
        model.addConstraint(
          LinearExpression(first.variable) + LinearExpression.sum(group.map(\.variable)) <= 1,
          name: Name(
            family,
            index: [officer.id.rawValue] + blocks[first.block].label + [
              second.day.code, second.interval.start.description,
            ]))
      }
    }
  }
}

/// How ``CoverageModel`` writes the rules of spec §4 as rows. Both give the
/// same optimum; they differ in size and in how tight the LP relaxation is.
public enum Formulation: Sendable, Hashable {
  /// Travel and rest rows pair a block with a group of mutually
  /// overlapping blocks it rules out; rows that cannot bind are left out.
  case tight
  /// The straightforward form benchmarks compare against: one row per
  /// conflicting pair for travel and rest, a day row for every officer-day
  /// and a week row for every officer.
  case plain
}
