import SROScenario

/// A roster with what the run assumed (overlays, quick edits) and, when
/// re-planning a published roster, what changed — as JSON, CSV or a table.
public struct RosterReport: Sendable {
  public var roster: Roster
  /// The overlays and quick edits the run applied, as typed.
  public var assumptions: [String]
  /// How the roster differs from the published one (`--keep`).
  public var changes: RosterChanges?

  /// One line per entry of `roster.uncovered` saying why it is short
  /// (``GapExplanation/oneLine``); `nil` unless asked for (`--explain`).
  public var why: [String]?

  public init(
    roster: Roster, assumptions: [String] = [], changes: RosterChanges? = nil, why: [String]? = nil
  ) {
    self.roster = roster
    self.assumptions = assumptions
    self.changes = changes
    self.why = why
  }

  /// Spec §5's JSON, plus `assumptions` and `changes` when there are any,
  /// and a `why` in each uncovered entry when explained.
  public var json: String {
    guard case .object(var pairs) = roster.jsonValue else { return roster.json }
    if let why, let u = pairs.firstIndex(where: { $0.0 == "uncovered" }),
      case .array(let entries) = pairs[u].1
    {
      pairs[u].1 = .array(
        zip(entries, why).map { entry, line in
          guard case .object(let keys) = entry else { return entry }
          return .object(keys + [("why", .string(line))])
        })
    }
    if !assumptions.isEmpty { pairs.append(("assumptions", .array(assumptions.map { .string($0) }))) }
    if let changes {
      func list(_ assignments: [Roster.Assignment]) -> JSONText {
        .array(assignments.map(Roster.jsonValue(of:)))
      }
      pairs.append(
        (
          "changes",
          .object([
            ("unchanged", .bool(changes.isUnchanged)),
            ("kept", .integer(changes.kept.count)),
            ("dropped", list(changes.dropped)),
            (
              "forced",
              .array(
                changes.forced.map {
                  .object([
                    ("assignment", Roster.jsonValue(of: $0.assignment)), ("reason", .string($0.reason)),
                  ])
                })
            ),
            ("added", list(changes.added)),
          ])
        ))
    }
    return JSONText.object(pairs).document
  }

  /// One CSV row per assignment (assumptions and changes are not part of it).
  public var csv: String { roster.csv }

  /// The weekly grid, preceded by the assumptions and followed by the changes.
  public func table(scenario: Scenario) -> String {
    var out = ""
    if !assumptions.isEmpty {
      out += "assuming " + assumptions.joined(separator: ", ") + "\n\n"
    }
    out += RosterTable(scenario: scenario, roster: roster).text
    if let why, !why.isEmpty {
      out += "\nuncovered, and why\n"
      for (u, line) in zip(roster.uncovered, why) {
        out += "  \(u.event.map { "event \($0) at " } ?? "")\(u.school) \(u.day) \(u.start)-\(u.end): "
        out += "\(u.missing) of \(u.needed) missing\n    \(line)\n"
      }
    }
    if let changes {
      out += "\nchanges against the published roster: "
      out +=
        changes.isUnchanged
        ? "none\n"
        : "\(changes.kept.count) kept, \(changes.dropped.count) dropped, \(changes.forced.count) forced, \(changes.added.count) added\n"
      for forced in changes.forced {
        out += "  forced  \(Self.describe(forced.assignment)): \(forced.reason)\n"
      }
      for a in changes.dropped { out += "  dropped \(Self.describe(a))\n" }
      for a in changes.added { out += "  added   \(Self.describe(a))\n" }
    }
    return out
  }

  static func describe(_ a: Roster.Assignment) -> String {
    "\(a.officer) at \(a.event ?? a.school) \(a.day) \(a.start)-\(a.end)"
  }
}
