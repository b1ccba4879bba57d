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
    whyIneligible(officer, for: block) == nil
  }

  /// Why `officer` may not take `block`, in words, or `nil` if they may.
  public func whyIneligible(_ officer: Officer, for block: Block) -> String? {
    for absence in absencesByOfficer[officer.id] ?? []
    where absence.days.contains(block.day) && absence.interval.overlaps(block.interval) {
      let when = absence.interval == .wholeDay ? "" : " \(absence.interval.start)-\(absence.interval.end)"
      let reason = absence.reason.map { " (\($0))" } ?? ""
      return "\(officer.id) is absent on \(block.day)\(when)\(reason)"
    }
    if let missing = block.requiredSkills.first(where: { !officer.skills.contains($0) }) {
      return
        "\(officer.id) lacks the skill \(missing) that \(block.event?.rawValue ?? block.school.rawValue) requires"
    }
    if scenario.policy.crossAgency == .forbid, isCrossAgency(officer, block) {
      return "\(officer.id) is of agency \(officer.agency), not \(block.school)'s, and crossAgency is forbid"
    }
    if forbidden.contains(ForbiddenKey(officer: officer.id, school: block.school, day: block.day)) {
      return "\(officer.id) is forbidden at \(block.school) on \(block.day)"
    }
    return nil
  }

  /// Whether the officer's agency is not the block's school's responsible agency.
  public func isCrossAgency(_ officer: Officer, _ block: Block) -> Bool {
    officer.agency != school(block.school)?.agency
  }

  /// Whether the officer has a home school and it is not the block's.
  public func isAwayFromHome(_ officer: Officer, _ block: Block) -> Bool {
    officer.home.map { $0 != block.school } ?? false
  }
}
