import SROScenario

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
  package func restricted(to part: Scenario) -> PublishedRoster {
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
