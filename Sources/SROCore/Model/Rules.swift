import Foundation

/// The per-pair rules of spec §3–4 that do not depend on the solver:
/// eligibility, travel time and rest.
struct Rules {
  let scenario: Scenario
  private let absencesByOfficer: [OfficerID: [Absence]]
  private let forbidden: Set<ForbiddenKey>
  /// Each school's position in `scenario.schools`.
  let schoolIndex: [SchoolID: Int]
  /// Minutes from school i to school j at `i * schools + j`, computed once:
  /// model building asks for millions of pairs.
  private let travel: [Int]

  private struct ForbiddenKey: Hashable {
    let officer: OfficerID
    let school: SchoolID
    let day: Weekday
  }

  init(_ scenario: Scenario) {
    self.scenario = scenario
    absencesByOfficer = Dictionary(grouping: scenario.absences, by: \.officer)
    forbidden = Set(
      scenario.forbids.flatMap { forbid in
        forbid.days.map { ForbiddenKey(officer: forbid.officer, school: forbid.school, day: $0) }
      })
    schoolIndex = Dictionary(
      scenario.schools.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    let speed = scenario.policy.travelSpeedKmh
    travel = scenario.schools.flatMap { from in
      scenario.schools.map { to in
        guard from.id != to.id, let a = from.location, let b = to.location else { return 0 }
        return Int((60 * haversineKilometres(a, b) / speed).rounded(.up))
      }
    }
  }

  func school(_ id: SchoolID) -> School? { schoolIndex[id].map { scenario.schools[$0] } }

  /// Spec §3: not absent during the block, has its skills, and of the
  /// school's agency unless cross-agency cover is penalised instead of
  /// forbidden; and not ruled out by a planner's forbid.
  func isEligible(_ officer: Officer, for block: Block) -> Bool {
    var eligible = true
    visitIneligibilities(officer, for: block) { _ in
      eligible = false
      return false
    }
    return eligible
  }

  /// Why `officer` may not take `block`, in words, or `nil` if they may.
  func whyIneligible(_ officer: Officer, for block: Block) -> String? {
    var first: Ineligibility?
    visitIneligibilities(officer, for: block) {
      first = $0
      return false
    }
    return first?.sentence(officer: officer.id, block: block)
  }

  /// Every reason of spec §3 (and the planner's forbids) that keeps
  /// `officer` from `block`, in the order the contract lists them; empty
  /// when the officer is eligible.
  func ineligibilities(_ officer: Officer, for block: Block) -> [Ineligibility] {
    var reasons: [Ineligibility] = []
    visitIneligibilities(officer, for: block) {
      reasons.append($0)
      return true
    }
    return reasons
  }

  /// The eligibility rule itself: calls `visit` with each reason that keeps
  /// `officer` from `block`, in the contract's order, until it returns false.
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
  func isCrossAgency(_ officer: Officer, _ block: Block) -> Bool {
    officer.agency != school(block.school)?.agency
  }

  /// Whether the officer has a home school and it is not the block's.
  func isAwayFromHome(_ officer: Officer, _ block: Block) -> Bool {
    officer.home.map { $0 != block.school } ?? false
  }

  /// Minutes to travel between two schools: `ceil(60 × km / speed)`, 0 when
  /// either has no location.
  func travelMinutes(_ a: SchoolID, _ b: SchoolID) -> Int {
    travelMinutes(from: schoolIndex[a], to: schoolIndex[b])
  }

  /// ``travelMinutes(_:_:)`` by position in `scenario.schools` (0 for an
  /// unknown school).
  func travelMinutes(from a: Int?, to b: Int?) -> Int {
    guard let a, let b else { return 0 }
    return travel[a * scenario.schools.count + b]
  }

  /// Whether one officer cannot take `first` and then `second` on the same
  /// day (`first` ends at or before `second` starts) for lack of travel time.
  func travelConflict(_ first: Block, _ second: Block) -> Bool {
    travelConflict(
      from: schoolIndex[first.school], end: first.interval.end.minutes,
      to: schoolIndex[second.school], start: second.interval.start.minutes)
  }

  /// ``travelConflict(_:_:)`` by school position and minutes: leaving
  /// school `a` at `end`, school `b` cannot be reached by `start`. Model
  /// building and pricing ask this for millions of pairs.
  func travelConflict(from a: Int?, end: Int, to b: Int?, start: Int) -> Bool {
    a != b && start - end < travelMinutes(from: a, to: b)
  }

  /// Whether `late` (day d) and `early` (day d + 1) leave less than the
  /// minimum rest between them.
  func restConflict(_ late: Block, _ early: Block) -> Bool {
    Double(24 * 60 + early.interval.start.minutes - late.interval.end.minutes)
      < 60 * scenario.policy.minRestHours
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

/// Great-circle distance on a sphere of radius 6371.0 km.
func haversineKilometres(_ a: Location, _ b: Location) -> Double {
  let radians = Double.pi / 180
  let dLat = (b.latitude - a.latitude) * radians
  let dLon = (b.longitude - a.longitude) * radians
  let h =
    sin(dLat / 2) * sin(dLat / 2)
    + cos(a.latitude * radians) * cos(b.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
  return 2 * 6371.0 * asin(min(1, sqrt(h)))
}
