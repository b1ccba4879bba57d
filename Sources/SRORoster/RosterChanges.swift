import SROScenario

/// How a re-planned roster differs from the published one.
public struct RosterChanges: Sendable, Hashable {
  /// A published assignment that can no longer stand, and why.
  public struct Forced: Sendable, Hashable {
    public var assignment: Roster.Assignment
    public var reason: String
  }

  /// Published and still in the roster.
  public var kept: [Roster.Assignment] = []
  /// Published, still possible, but dropped by the optimizer.
  public var dropped: [Roster.Assignment] = []
  /// Published but impossible now (absence, closure, removed officer, …).
  public var forced: [Forced] = []
  /// New in the roster.
  public var added: [Roster.Assignment] = []

  /// Compares `roster`, planned for `scenario`, with `published`.
  public init(published: [Roster.Assignment], roster: Roster, scenario: Scenario) {
    let rules = Eligibility(scenario)
    var blocks: [BlockKey: Block] = [:]
    for block in scenario.blocks() { blocks[BlockKey(block)] = block }
    let now = Set(roster.assignments)
    let before = Set(published)
    for a in published {
      if now.contains(a) {
        kept.append(a)
      } else if let reason = Self.whyImpossible(a, scenario: scenario, blocks: blocks, rules: rules) {
        forced.append(Forced(assignment: a, reason: reason))
      } else {
        dropped.append(a)
      }
    }
    added = roster.assignments.filter { !before.contains($0) }
  }

  private static func whyImpossible(
    _ a: Roster.Assignment, scenario: Scenario, blocks: [BlockKey: Block], rules: Eligibility
  ) -> String? {
    guard let officer = scenario.officer(OfficerID(a.officer)) else {
      return "\(a.officer) is no longer in the scenario"
    }
    guard let block = blocks[BlockKey(a)] else {
      return "\(a.school) needs nobody on \(a.day) \(a.start)-\(a.end) any more"
    }
    return rules.whyIneligible(officer, for: block)
  }

  /// Whether the roster is the published one.
  public var isUnchanged: Bool { dropped.isEmpty && forced.isEmpty && added.isEmpty }
}
