import SRORoster
import SROScenario

/// Why a block of a roster lacks officers: each officer's reasons, and
/// the gist in one line.
public struct GapExplanation: Sendable {
  /// One officer and every reason they do not stand at the block (never empty).
  public struct OfficerReasons: Sendable, Hashable {
    public let officer: OfficerID
    public let reasons: [GapReason]
  }

  public let block: Block
  /// The school's responsible agency.
  public let agency: AgencyID
  /// Officers the roster puts there.
  public let assigned: Int
  /// Every officer of the scenario, in scenario order.
  public let officers: [OfficerReasons]
  /// The gist: `no CCSO officer free: 5 absent (state SRO training), 14 at
  /// other blocks then; NPD may not cover it (crossAgency: forbid)`.
  public let oneLine: String

  /// Officers missing: needed − assigned.
  public var missing: Int { block.needed - assigned }

  init(block: Block, agency: AgencyID, assigned: Int, officers: [OfficerReasons], scenario: Scenario) {
    self.block = block
    self.agency = agency
    self.assigned = assigned
    self.officers = officers
    self.oneLine = Self.gist(block, agency, assigned: assigned, officers, scenario)
  }

  /// The officers who could in principle stand there: all but those of
  /// another agency under `crossAgency: forbid`.
  public var candidates: [OfficerReasons] {
    officers.filter { !$0.reasons.contains { $0.kind == "agency" } }
  }

  private static func gist(
    _ block: Block, _ agency: AgencyID, assigned: Int, _ officers: [OfficerReasons], _ scenario: Scenario
  ) -> String {
    let barred = officers.filter { $0.reasons.contains { $0.kind == "agency" } }
    let candidates = officers.filter { !$0.reasons.contains { $0.kind == "agency" } }
    var groups: [(kind: String, members: [OfficerReasons])] = []
    for entry in candidates where entry.reasons != [.standsThere] {
      let kind = entry.reasons[0].kind
      if let g = groups.firstIndex(where: { $0.kind == kind }) {
        groups[g].members.append(entry)
      } else {
        groups.append((kind, [entry]))
      }
    }
    groups.sort { $0.members.count > $1.members.count }
    let parts = groups.map { group -> String in
      let first = group.members[0]
      if group.members.count == 1 {
        return "\(first.officer) " + first.reasons[0].phrase(for: block, in: scenario)
      }
      let phrases = Set(group.members.map { $0.reasons[0].phrase(for: block, in: scenario) })
      let common = phrases.count == 1 ? first.reasons[0].phrase(for: block, in: scenario) : nil
      return "\(group.members.count) " + (common ?? plural(group.kind))
    }
    let sameAgency = candidates.allSatisfy { scenario.officer($0.officer)?.agency == agency }
    let who = sameAgency ? "\(agency) " : ""
    var line =
      assigned >= block.needed
      ? "covered (\(assigned) of \(block.needed))"
      : candidates.isEmpty
        ? "no officer may stand there" : "no \(assigned > 0 ? "other " : "")\(who)officer free"
    if !parts.isEmpty { line += ": " + parts.joined(separator: ", ") }
    if !barred.isEmpty {
      var agencies: [String] = []
      for entry in barred {
        let id = scenario.officer(entry.officer)?.agency.rawValue ?? "?"
        if !agencies.contains(id) { agencies.append(id) }
      }
      line += "; \(agencies.joined(separator: ", ")) may not cover it (crossAgency: forbid)"
    }
    return line
  }

  /// What a group of several officers with reasons of one kind have in common.
  private static func plural(_ kind: String) -> String {
    switch kind {
    case "absent": "absent"
    case "skill": "lack a required skill"
    case "forbidden": "forbidden there (forbids)"
    case "elsewhere": "at other blocks then"
    case "travel": "too far away to drive in time"
    case "rest": "short of rest"
    case "day-hours": "over maxHoursPerDay"
    case "week-hours": "over their week's hours"
    case "could-take": "could take it at a cost"
    default: "stand there"
    }
  }
}
