import SRORoster
import SROScenario

/// The explanations of a roster's gaps, and what would cover each, as a
/// table for planners or JSON for programs (`sro explain`).
public struct GapReport: Sendable {
  public var scenario: Scenario
  public var roster: Roster
  public var explanations: [GapExplanation]
  /// For each explanation, the checked changes that cover it; `nil` when
  /// none were tried.
  public var fixes: [[CoverFinder.Fix]]?
  /// The overlays and quick edits of the run, as typed.
  public var assumptions: [String]

  public init(
    scenario: Scenario, roster: Roster, explanations: [GapExplanation], fixes: [[CoverFinder.Fix]]?,
    assumptions: [String] = []
  ) {
    self.scenario = scenario
    self.roster = roster
    self.explanations = explanations
    self.fixes = fixes
    self.assumptions = assumptions
  }

  /// One section per block: the gist, each officer who could in principle
  /// stand there with their first reason, those barred by agency in one
  /// line, then the changes that cover it.
  public var table: String {
    var out = assumptions.isEmpty ? "" : "assuming " + assumptions.joined(separator: ", ") + "\n\n"
    out += "\(roster.scenario.isEmpty ? "Roster" : roster.scenario) — week of \(roster.week)\n"
    out += "status \(roster.status.rawValue), objective \(jsonNumber(roster.objective))"
    out += "; \(roster.uncovered.count) uncovered block\(roster.uncovered.count == 1 ? "" : "s")\n"
    if explanations.isEmpty { out += "\nnothing to explain: every block has the officers it needs\n" }
    for (g, gap) in explanations.enumerated() {
      out += "\n" + section(gap, fixes: fixes?[g])
    }
    return out
  }

  private func section(_ gap: GapExplanation, fixes: [CoverFinder.Fix]?) -> String {
    let block = gap.block
    var out = "\(block.name), priority \(jsonNumber(block.priority)): "
    out += gap.missing > 0 ? "\(gap.missing) of \(block.needed) missing\n" : "covered\n"
    out += "  why: \(gap.oneLine)\n"
    var rows: [[String]] = []
    for entry in gap.candidates {
      let more = entry.reasons.count > 1 ? " (+\(entry.reasons.count - 1) more)" : ""
      rows.append(["   ", entry.officer.rawValue, entry.reasons[0].phrase(for: block, in: scenario) + more])
    }
    if !rows.isEmpty { out += RosterTable.grid(rows) }
    let barred = gap.officers.filter { $0.reasons.contains { $0.kind == "agency" } }
    if !barred.isEmpty {
      out +=
        "    and \(barred.count) officer\(barred.count == 1 ? "" : "s") of other agencies: crossAgency is forbid\n"
    }
    guard let fixes, gap.missing > 0 else { return out }
    guard !fixes.isEmpty else { return out + "  no single change tried covers it\n" }
    out += "  what would cover it (each checked by re-solving the week):\n"
    out += RosterTable.grid(
      fixes.map { fix in
        let result = fix.missingAfter == 0 ? "covers it" : "leaves \(fix.missingAfter) missing"
        return [
          "   ", fix.fix.change.description, result,
          "objective \(signed(fix.fix.objectiveChange)) (to \(jsonNumber(fix.fix.objective)))",
          "uncovered \(signed(fix.fix.uncoveredHoursChange)) h"
            + (fix.fix.status == .optimal ? "" : " (not proven optimal)"),
        ]
      })
    return out
  }

  /// The report as JSON: the roster's header, then one object per gap with
  /// its block, `why`, each officer's reasons and the fixes.
  public var json: String {
    var pairs: [(String, JSONText)] = [
      ("scenario", .string(roster.scenario)), ("week", .string(roster.week)),
      ("status", .string(roster.status.rawValue)), ("objective", .number(roster.objective)),
    ]
    if !assumptions.isEmpty { pairs.append(("assumptions", .array(assumptions.map { .string($0) }))) }
    pairs.append(
      ("gaps", .array(explanations.enumerated().map { g, gap in jsonValue(gap, fixes: fixes?[g]) })))
    return JSONText.object(pairs).document
  }

  private func jsonValue(_ gap: GapExplanation, fixes: [CoverFinder.Fix]?) -> JSONText {
    let block = gap.block
    var pairs: [(String, JSONText)] = [
      ("school", .string(block.school.rawValue)), ("day", .string(block.day.code)),
      ("date", .string(scenario.date(of: block.day).description)),
      ("start", .string(block.interval.start.description)), ("end", .string(block.interval.end.description)),
      ("kind", .string(block.kind.rawValue)),
    ]
    if let event = block.event { pairs.append(("event", .string(event.rawValue))) }
    pairs += [
      ("priority", .number(block.priority)), ("needed", .integer(block.needed)),
      ("assigned", .integer(gap.assigned)), ("missing", .integer(gap.missing)),
      ("agency", .string(gap.agency.rawValue)), ("why", .string(gap.oneLine)),
      (
        "officers",
        .array(
          gap.officers.map { entry in
            .object([
              ("officer", .string(entry.officer.rawValue)),
              ("reasons", .array(entry.reasons.map { jsonValue($0, block) })),
            ])
          })
      ),
    ]
    if let fixes { pairs.append(("fixes", .array(fixes.map(Self.jsonValue(of:))))) }
    return .object(pairs)
  }

  private func jsonValue(_ reason: GapReason, _ block: Block) -> JSONText {
    var pairs: [(String, JSONText)] = [
      ("kind", .string(reason.kind)), ("text", .string(reason.phrase(for: block, in: scenario))),
    ]
    switch reason {
    case .ineligible(.absent(let absence)):
      pairs.append(("reason", absence.reason.map { .string($0) } ?? .null))
    case .ineligible(.lacksSkill(let skill)):
      pairs.append(("skill", .string(skill)))
    case .ineligible(.otherAgency(let agency)):
      pairs.append(("agency", .string(agency.rawValue)))
    case .ineligible(.forbidden), .standsThere:
      break
    case .elsewhere(let other):
      pairs.append(("block", Self.jsonValue(of: other)))
    case .travel(let other, _, _, let needed, let available):
      pairs += [
        ("block", Self.jsonValue(of: other)), ("neededMinutes", .integer(needed)),
        ("availableMinutes", .integer(available)),
      ]
    case .rest(let other, let available, let needed):
      pairs += [
        ("block", Self.jsonValue(of: other)), ("restHours", .number(available)),
        ("neededHours", .number(needed)),
      ]
    case .dayHours(let hours, let over), .weekHours(let hours, let over):
      pairs += [("hours", .number(hours)), ("overBy", .number(over))]
    case .couldTake(let cost, let saving):
      pairs += [("cost", .number(cost)), ("saving", .number(saving))]
    }
    return .object(pairs)
  }

  private static func jsonValue(of block: Block) -> JSONText {
    .object(
      [
        ("school", .string(block.school.rawValue)), ("day", .string(block.day.code)),
        ("start", .string(block.interval.start.description)),
        ("end", .string(block.interval.end.description)),
      ] + (block.event.map { [("event", JSONText.string($0.rawValue))] } ?? []) + [
        ("priority", .number(block.priority))
      ])
  }

  private static func jsonValue(of fix: CoverFinder.Fix) -> JSONText {
    .object([
      ("change", .string(fix.fix.change.kind)), ("description", .string(fix.fix.change.description)),
      ("status", .string(fix.fix.status.rawValue)), ("objective", .number(fix.fix.objective)),
      ("objectiveChange", .number(fix.fix.objectiveChange)),
      ("uncoveredHoursChange", .number(fix.fix.uncoveredHoursChange)),
      ("missingAfter", .integer(fix.missingAfter)),
    ])
  }
}

/// `+4.5`, `-2400`, `0`.
private func signed(_ value: Double) -> String {
  (value > 0 ? "+" : "") + jsonNumber(value)
}
