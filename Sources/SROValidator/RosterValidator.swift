import SRORoster
import SROScenario

/// An independent check of a solved roster against its scenario.
///
/// The validator derives the blocks of spec §2 from the scenario on its own
/// (it never uses the model builder), checks every hard rule of spec §4 and
/// the bookkeeping of spec §5, and recomputes the objective. A roster written
/// by a correct solver passes, with `recomputedObjective` equal to its
/// `objective` to within 1e-6.
///
/// ```swift
/// let check = RosterValidator(scenario: scenario).validate(roster)
/// for problem in check.violations { print(problem) }
/// ```
public struct RosterValidator: Sendable {
  /// The scenario rosters are checked against.
  public let scenario: Scenario
  /// The week's blocks, one per distinct key.
  let blocks: [Block]
  let blockIndex: [BlockKey: Int]
  let officerIndex: [OfficerID: Int]
  let schoolIndex: [SchoolID: Int]

  /// Absolute tolerance for hours, overtime and bounds; relative (scaled by
  /// `max(1, |objective|)`) for the objective.
  static let tolerance = 1e-6

  /// Prepares to check rosters of `scenario`, a loaded and validated
  /// scenario, deriving its blocks.
  public init(scenario: Scenario) {
    self.scenario = scenario
    blocks = Self.deriveBlocks(of: scenario)
    blockIndex = Dictionary(
      blocks.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
    officerIndex = Dictionary(
      scenario.officers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    schoolIndex = Dictionary(
      scenario.schools.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// Checks `roster` against every hard rule and recomputes its objective.
  ///
  /// Violations come in a fixed order: the roster's header, then each
  /// assignment in roster order, cover and `uncovered` block by block, each
  /// officer's week in scenario order, the `officers` list, and finally the
  /// objective and bound. An assignment that names an unknown officer or no
  /// block is reported and then left out of every other check.
  public func validate(_ roster: Roster) -> RosterValidation {
    var run = Run(validator: self, roster: roster)
    run.checkHeader()
    run.matchAssignments()
    run.checkCover()
    run.checkUncovered()
    run.checkOfficerWeeks()
    run.checkOfficerEntries()
    let objective = run.recomputeObjective()
    run.checkObjective(recomputed: objective)
    return RosterValidation(violations: run.violations, recomputedObjective: objective)
  }
}

/// The outcome of checking one roster.
public struct RosterValidation: Sendable, Hashable {
  /// One human-readable line per problem, in a deterministic order; empty
  /// when the roster keeps every rule.
  public var violations: [String]
  /// The objective of spec §4 evaluated on the roster's assignments.
  public var recomputedObjective: Double

  /// Whether the roster keeps every rule.
  public var isValid: Bool { violations.isEmpty }

  /// A result with the given violations and objective.
  public init(violations: [String], recomputedObjective: Double) {
    self.violations = violations
    self.recomputedObjective = recomputedObjective
  }
}
