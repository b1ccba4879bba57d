/// Spec §3, who may take a block: an officer is eligible unless absent
/// during it, lacking one of its skills, of the other agency while
/// cross-agency cover is forbidden, or ruled out there by a planner's forbid.
///
/// Built once per scenario; asking is a few dictionary and set look-ups.
public struct Eligibility: Sendable {
  public let scenario: Scenario
  private let absencesByOfficer: [OfficerID: [Absence]]
  private let forbidden: Set<ForbiddenKey>
  /// Each school's position in `scenario.schools`.
  public let schoolIndex: [SchoolID: Int]

  private struct ForbiddenKey: Hashable {
    let officer: OfficerID
    let school: SchoolID
    let day: Weekday
  }

  public init(_ scenario: Scenario) {
    self.scenario = scenario
    absencesByOfficer = Dictionary(grouping: scenario.absences, by: \.officer)
    forbidden = Set(
      scenario.forbids.flatMap { forbid in
        forbid.days.map { ForbiddenKey(officer: forbid.officer, school: forbid.school, day: $0) }
      })
    schoolIndex = Dictionary(
      scenario.schools.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// The school with `id`, by index rather than by search.
  public func school(_ id: SchoolID) -> School? { schoolIndex[id].map { scenario.schools[$0] } }

  /// Whether `officer` may take `block` (spec §3).
  public func isEligible(_ officer: Officer, for block: Block) -> Bool {
    var eligible = true
    visitIneligibilities(officer, for: block) { _ in
      eligible = false
      return false
    }
    return eligible
  }

  /// Why `officer` may not take `block`, in words, or `nil` if they may.
  public func whyIneligible(_ officer: Officer, for block: Block) -> String? {
    var first: Ineligibility?
    visitIneligibilities(officer, for: block) {
      first = $0
      return false
    }
    return first?.sentence(officer: officer.id, block: block)
  }

  /// Every reason that keeps `officer` from `block`, in the order the
  /// contract lists them; empty when the officer is eligible.
  public func ineligibilities(_ officer: Officer, for block: Block) -> [Ineligibility] {
    var reasons: [Ineligibility] = []
    visitIneligibilities(officer, for: block) {
      reasons.append($0)
      return true
    }
    return reasons
  }

  /// The rule itself: calls `visit` with each reason that keeps `officer`
  /// from `block`, in the contract's order, until it returns false.
  private func visitIneligibilities(
    _ officer: Officer, for block: Block, _ visit: (Ineligibility) -> Bool
  ) {
    if let absence = absencesByOfficer[officer.id]?.first(where: {
      $0.days.contains(block.day) && $0.interval.overlaps(block.interval)
    }) {
      guard visit(.absent(absence)) else { return }
    }
    if let missing = block.requiredSkills.first(where: { !officer.skills.contains($0) }) {
      guard visit(.lacksSkill(missing)) else { return }
    }
    if scenario.policy.crossAgency == .forbid, isCrossAgency(officer, block) {
      guard visit(.otherAgency(officer.agency)) else { return }
    }
    if forbidden.contains(ForbiddenKey(officer: officer.id, school: block.school, day: block.day)) {
      _ = visit(.forbidden)
    }
  }

  /// Whether the officer's agency is not the block's school's responsible agency.
  public func isCrossAgency(_ officer: Officer, _ block: Block) -> Bool {
    isCrossAgency(officer, at: block.school)
  }

  /// Whether `officer` is of another agency than `school` (or the school is unknown).
  public func isCrossAgency(_ officer: Officer, at school: SchoolID) -> Bool {
    officer.agency != self.school(school)?.agency
  }

  /// Whether the officer has a home school and it is not the block's.
  public func isAwayFromHome(_ officer: Officer, _ block: Block) -> Bool {
    isAwayFromHome(officer, at: block.school)
  }

  /// Whether `officer` has a home school and it is not `school`.
  public func isAwayFromHome(_ officer: Officer, at school: SchoolID) -> Bool {
    officer.home.map { $0 != school } ?? false
  }
}

/// Why an officer is not eligible for a block (spec §3, and the planner's
/// `forbids`).
public enum Ineligibility: Sendable, Hashable {
  /// An absence of the officer overlaps the block.
  case absent(Absence)
  /// The officer lacks this skill, which the block requires.
  case lacksSkill(String)
  /// The officer is of this agency, not the school's, and `crossAgency` is `forbid`.
  case otherAgency(AgencyID)
  /// A `forbids` entry rules the officer out at the school that day.
  case forbidden

  /// The reason as a sentence about `officer` and `block`.
  func sentence(officer: OfficerID, block: Block) -> String {
    switch self {
    case .absent(let absence):
      let when = absence.interval == .wholeDay ? "" : " \(absence.interval.start)-\(absence.interval.end)"
      let reason = absence.reason.map { " (\($0))" } ?? ""
      return "\(officer) is absent on \(block.day)\(when)\(reason)"
    case .lacksSkill(let skill):
      return
        "\(officer) lacks the skill \(skill) that \(block.event?.rawValue ?? block.school.rawValue) requires"
    case .otherAgency(let agency):
      return "\(officer) is of agency \(agency), not \(block.school)'s, and crossAgency is forbid"
    case .forbidden:
      return "\(officer) is forbidden at \(block.school) on \(block.day)"
    }
  }
}
