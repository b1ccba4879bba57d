public import LinearModel
import SRORoster
import SROScenario

/// The mixed-integer program of spec §4 for one scenario, with the
/// bookkeeping to turn a solution back into a ``Roster``.
///
/// Variables: `x[officer,block]` (binary, one per eligible pair),
/// `short[block]` (integer: officers missing) and `ot[officer]` (overtime,
/// counted in steps of ``overtimeStep`` hours so that it can be integer
/// too). Row families (``ConstraintFamily``), in order: `cover`, then
/// officer by officer and day by day `overlap` (clique rows over each
/// officer's overlapping blocks), `travel` and `rest` (each row: one block
/// and a clique of the blocks it rules out; in the tight formulation a
/// `rest` row may hold several blocks that share a moment and rule out the
/// same clique), `day` and `long` (the day
/// rule again as cliques, tight formulation only), then `week`, and
/// `symmetry` (interchangeable officers ordered by hours). Rows that can
/// never bind are left out. Each family is written by a function of its
/// own, named after the rule (`CoverageModel+Cover.swift`, …); the rules
/// themselves are defined once in ``Rules``.
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
  public internal(set) var model = Model()
  /// Every `x` variable, grouped by officer, then by block order.
  public internal(set) var assignments: [Assignment] = []
  /// `short[b]`, by block.
  public internal(set) var shortages: [Variable] = []
  /// `ot[o]`, by officer, in steps of `overtimeStep[o]` hours.
  public internal(set) var overtime: [Variable] = []
  /// The hours one step of `ot[o]` stands for: the greatest common divisor
  /// of the officer's block lengths and weekly cap, so that counting
  /// overtime in whole steps loses nothing (1 when there is none). With
  /// every objective column integer, GLPK rounds its bound up to the next
  /// value the objective can take, which closes the last step of a search.
  public internal(set) var overtimeStep: [Double] = []
  /// The published roster being re-planned, if any.
  public let published: PublishedRoster?
  /// How the rules are written as rows.
  public let formulation: Formulation
  /// The part as every consumer of the formulation reads it (restricted to
  /// some pairs or not).
  package let instance: Instance
  /// The published assignments matched to this model's blocks.
  package internal(set) var publishedMatch: PublishedMatch?
  /// For each published assignment still possible, its variable and the
  /// penalty (change weight × hours) for dropping it.
  package internal(set) var changeTerms: [(variable: Variable, penalty: Double)] = []
  /// The groups of interchangeable officers (by index, two or more each),
  /// in the order the `symmetry` rows rank them: each member's week at
  /// least as long in hours as the next one's. Empty without those rows.
  package internal(set) var twins: [[Int]] = []

  /// Builds the model of `scenario`, with its pins fixed and, when
  /// re-planning, a penalty for every dropped assignment of `published`.
  ///
  /// - Throws: ``PlanningError/infeasiblePins(_:)`` when the pins break a rule.
  public init(
    scenario: Scenario, published: PublishedRoster? = nil, formulation: Formulation = .tight
  ) throws(PlanningError) {
    try self.init(instance: Instance(scenario), published: published, formulation: formulation)
  }

  /// The model of `instance` (of the pairs it allows, when restricted),
  /// written as `formulation` says.
  ///
  /// - Throws: ``PlanningError/infeasiblePins(_:)`` when the pins break a rule.
  package init(
    instance: Instance, published: PublishedRoster?, formulation: Formulation
  ) throws(PlanningError) {
    self.instance = instance
    self.scenario = instance.scenario
    self.blocks = instance.blocks
    self.published = published
    self.formulation = formulation
    try build()
  }

  /// Each officer's `x` variables with their blocks, and each block's.
  struct Columns {
    var byOfficer: [[(block: Int, variable: Variable)]] = []
    var byBlock: [[Variable]]
  }

  private mutating func build() throws(PlanningError) {
    let pinned = try PinCheck(instance: instance).resolve()
    publishedMatch = published.map { PublishedMatch(scenario: scenario, blocks: blocks, published: $0) }
    let columns = addVariables(pinned: pinned)
    model.setObjective(.minimize, objective())
    addCoverRows(columns)
    for (o, officer) in scenario.officers.enumerated() {
      let days = Dictionary(grouping: columns.byOfficer[o]) { blocks[$0.block].day }
      for day in Weekday.allCases {
        guard let today = days[day] else { continue }
        addOverlapRows(officer, day, today)
        addTravelRows(officer, day, today)
        if let next = day.next, let tomorrow = days[next] {
          addRestRows(officer, day, today, tomorrow)
        }
        addDayRow(officer, day, today)
        addLongBlockRows(officer, day, today)
      }
      addWeekRow(o, columns.byOfficer[o])
    }
    if formulation.ordersTwins, instance.restriction == nil { addSymmetryRows(columns.byOfficer) }
  }

  /// Adds a row of `family`, named `family[index…]`.
  mutating func addRow(_ row: LinearConstraint, _ family: ConstraintFamily, _ index: [String]) {
    model.addConstraint(row, name: Name(family.rawValue, index: index))
  }
}

/// How ``CoverageModel`` writes the rules of spec §4 as rows, and whether
/// it adds the `symmetry` rows. Every choice gives the same optimum; they
/// differ in size and in how tight the LP relaxation is.
public struct Formulation: Sendable, Hashable {
  /// How the travel, rest, day and week rules are written.
  public enum Rows: Sendable, Hashable {
    /// Travel and rest rows pair a block with a group of mutually
    /// overlapping blocks it rules out; rows that cannot bind are left out;
    /// `long` rows restate the day rule as cliques.
    case tight
    /// The straightforward form benchmarks compare against: one row per
    /// conflicting pair for travel and rest, a day row for every officer-day,
    /// a week row for every officer and no `long` rows.
    case plain
  }

  /// How the rules are written.
  public var rows: Rows
  /// Whether `symmetry` rows order interchangeable officers by hours (a
  /// restricted instance never has them). A search that starts from a
  /// roster built elsewhere, e.g. region by region, turns them off: that
  /// roster need not order its officers so.
  public var ordersTwins: Bool

  /// Rules written as `rows`, with `symmetry` rows when `ordersTwins`.
  public init(rows: Rows, ordersTwins: Bool = true) {
    self.rows = rows
    self.ordersTwins = ordersTwins
  }

  /// The tight rows, with `symmetry` rows: what the search solves.
  public static let tight = Formulation(rows: .tight)
  /// The plain rows, with `symmetry` rows.
  public static let plain = Formulation(rows: .plain)
}
