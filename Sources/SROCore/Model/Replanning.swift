/// A roster already published to officers, to change as little as possible
/// when re-planning (`sro solve --keep`).
public struct PublishedRoster: Sendable {
  public var assignments: [Roster.Assignment]
  /// The penalty per hour of every published assignment that is dropped.
  public var changeWeight: Double

  /// The default change weight: half the weight of an uncovered hour, so
  /// that only uncovered coverage (priority ≥ 1) outranks keeping the
  /// published roster, while overtime, away-from-home and cross-agency
  /// costs (4 + 1 + 10 per hour by default) do not.
  public static func defaultChangeWeight(for policy: Policy) -> Double {
    policy.weights.uncovered / 2
  }

  /// The published assignments of `part`'s officers.
  func restricted(to part: Scenario) -> PublishedRoster {
    let officers = Set(part.officers.map(\.id.rawValue))
    return PublishedRoster(
      assignments: assignments.filter { officers.contains($0.officer) }, changeWeight: changeWeight)
  }

  /// A published roster used only to break ties: the change weight is so
  /// small (0.001 in all over the roster's hours) that it never trades
  /// against the spec's objective when every objective coefficient is a
  /// multiple of a step above 0.001 — true for whole-number weights and
  /// priorities, since hours are multiples of 1/60. Among equally good
  /// rosters it picks one closest to `roster`.
  public static func tieBreaking(towards roster: Roster) -> PublishedRoster {
    let hours = roster.officers.reduce(0) { $0 + $1.hours }
    return PublishedRoster(assignments: roster.assignments, changeWeight: 1e-3 / max(1, hours))
  }

  public init(assignments: [Roster.Assignment], changeWeight: Double) {
    self.assignments = assignments
    self.changeWeight = changeWeight
  }
}

/// The published assignments matched to this scenario's officers and blocks.
struct PublishedMatch {
  let changeWeight: Double
  private let pairs: Set<Pair>

  private struct Pair: Hashable {
    let officer: OfficerID
    let block: Int
  }

  init(scenario: Scenario, blocks: [Block], published: PublishedRoster) {
    changeWeight = published.changeWeight
    var index: [BlockKey: Int] = [:]
    for (b, block) in blocks.enumerated() { index[BlockKey(block)] = b }
    pairs = Set(
      published.assignments.compactMap { a in
        index[BlockKey(a)].map { Pair(officer: OfficerID(a.officer), block: $0) }
      })
  }

  func contains(officer: OfficerID, block: Int) -> Bool {
    pairs.contains(Pair(officer: officer, block: block))
  }
}

/// What identifies a block in a roster: school, day, times and event.
struct BlockKey: Hashable {
  let school: String
  let day: String
  let start: String
  let end: String
  let event: String?

  init(_ block: Block) {
    school = block.school.rawValue
    day = block.day.code
    start = block.interval.start.description
    end = block.interval.end.description
    event = block.event?.rawValue
  }

  init(_ assignment: Roster.Assignment) {
    school = assignment.school
    day = assignment.day
    start = assignment.start
    end = assignment.end
    event = assignment.event
  }
}

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
    let rules = Rules(scenario)
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
    _ a: Roster.Assignment, scenario: Scenario, blocks: [BlockKey: Block], rules: Rules
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
