import Foundation
import LinearModel
import SRORoster
import SROScenario

/// The rules of spec §4 between an officer's blocks — overlap, travel,
/// rest — and the day's and the week's hours, each defined once, with eligibility (§3,
/// ``Eligibility``). The model's rows (``CoverageModel``), the pin check
/// (``PinCheck``), the greedy start and week pricing all ask these; only
/// the independent validator restates them.
package struct Rules: Sendable {
  package let scenario: Scenario
  /// Spec §3.
  package let eligibility: Eligibility
  /// Each school's position in `scenario.schools`.
  package var schoolIndex: [SchoolID: Int] { eligibility.schoolIndex }
  /// Minutes from school i to school j at `i * schools + j`, computed once:
  /// model building asks for millions of pairs.
  private let travel: [Int]

  package init(_ scenario: Scenario) {
    self.scenario = scenario
    eligibility = Eligibility(scenario)
    let speed = scenario.policy.travelSpeedKmh
    travel = scenario.schools.flatMap { from in
      scenario.schools.map { to in
        guard from.id != to.id, let a = from.location, let b = to.location else { return 0 }
        return Int((60 * haversineKilometres(a, b) / speed).rounded(.up))
      }
    }
  }

  package func school(_ id: SchoolID) -> School? { eligibility.school(id) }

  /// Spec §3 (``Eligibility/isEligible(_:for:)``).
  package func isEligible(_ officer: Officer, for block: Block) -> Bool {
    eligibility.isEligible(officer, for: block)
  }

  /// ``Eligibility/whyIneligible(_:for:)``.
  package func whyIneligible(_ officer: Officer, for block: Block) -> String? {
    eligibility.whyIneligible(officer, for: block)
  }

  /// ``Eligibility/isCrossAgency(_:_:)``.
  package func isCrossAgency(_ officer: Officer, _ block: Block) -> Bool {
    eligibility.isCrossAgency(officer, block)
  }

  /// ``Eligibility/isAwayFromHome(_:_:)``.
  package func isAwayFromHome(_ officer: Officer, _ block: Block) -> Bool {
    eligibility.isAwayFromHome(officer, block)
  }

  /// The objective's cost per hour of `officer` taking `block` (spec §4):
  /// the away-from-home weight when the officer has another home school,
  /// plus the cross-agency weight when the officer is of the other agency.
  package func costPerHour(_ officer: Officer, _ block: Block) -> Double {
    scenario.policy.weights.costPerHour(
      awayFromHome: isAwayFromHome(officer, block), crossAgency: isCrossAgency(officer, block))
  }

  /// Minutes to travel between two schools: `ceil(60 × km / speed)`, 0 when
  /// either has no location.
  package func travelMinutes(_ a: SchoolID, _ b: SchoolID) -> Int {
    travelMinutes(from: schoolIndex[a], to: schoolIndex[b])
  }

  /// ``travelMinutes(_:_:)`` by position in `scenario.schools` (0 for an
  /// unknown school).
  package func travelMinutes(from a: Int?, to b: Int?) -> Int {
    guard let a, let b else { return 0 }
    return travel[a * scenario.schools.count + b]
  }

  /// Whether one officer cannot take `first` and then `second` on the same
  /// day (`first` ends at or before `second` starts) for lack of travel time
  /// (§4.3).
  package func travelConflict(_ first: Block, _ second: Block) -> Bool {
    travelConflict(
      from: schoolIndex[first.school], end: first.interval.end.minutes,
      to: schoolIndex[second.school], start: second.interval.start.minutes)
  }

  /// ``travelConflict(_:_:)`` by school position and minutes: leaving
  /// school `a` at `end`, school `b` cannot be reached by `start`. Model
  /// building and pricing ask this for millions of pairs.
  package func travelConflict(from a: Int?, end: Int, to b: Int?, start: Int) -> Bool {
    a != b && start - end < travelMinutes(from: a, to: b)
  }

  /// Whether `late` (day d) and `early` (day d + 1) leave less than the
  /// minimum rest between them (§4.5).
  package func restConflict(_ late: Block, _ early: Block) -> Bool {
    restConflict(lateEnd: late.interval.end.minutes, earlyStart: early.interval.start.minutes)
  }

  /// ``restConflict(_:_:)`` by minutes after midnight: a block ending at
  /// `lateEnd` on day d and one starting at `earlyStart` on day d + 1.
  package func restConflict(lateEnd: Int, earlyStart: Int) -> Bool {
    Double(restMinutes(lateEnd: lateEnd, earlyStart: earlyStart)) < 60 * scenario.policy.minRestHours
  }

  /// The minutes of rest between a block ending at `lateEnd` on day d and
  /// one starting at `earlyStart` on day d + 1 (minutes after midnight).
  package func restMinutes(lateEnd: Int, earlyStart: Int) -> Int {
    24 * 60 + earlyStart - lateEnd
  }

  /// The earliest start (minutes after midnight) on day d + 1 that rests
  /// enough after a block ending at `lateEnd` on day d: the rest rule as a
  /// threshold, for searches that walk the week day by day.
  package func earliestStartAfterRest(lateEnd: Int) -> Int {
    Int((60 * scenario.policy.minRestHours - Double(24 * 60 - lateEnd)).rounded(.up))
  }

  /// Whether the blocks of one day share a moment (§4.2, one place at a time).
  package func overlapConflict(_ a: Block, _ b: Block) -> Bool {
    a.day == b.day && a.interval.overlaps(b.interval)
  }

  /// Whether `hours` on one day stay within `maxHoursPerDay` (§4.4).
  package func withinDay(_ hours: Double) -> Bool {
    hours <= scenario.policy.maxHoursPerDay + 1e-9
  }

  /// The most hours `officer` may work in a week, overtime included
  /// (§4.6): `maxHoursPerWeek + maxOvertimePerWeek`.
  package func weekCap(_ officer: Officer) -> Double {
    officer.maxHoursPerWeek + officer.maxOvertimePerWeek
  }

  /// Whether `hours` in one week stay within `officer`'s ``weekCap(_:)``.
  package func withinWeek(_ hours: Double, of officer: Officer) -> Bool {
    hours <= weekCap(officer) + 1e-9
  }

  /// The overtime in `hours` worked by `officer` in a week: the hours
  /// beyond `maxHoursPerWeek` (§4.6), what the objective weighs.
  package func overtime(_ hours: Double, of officer: Officer) -> Double {
    max(0, hours - officer.maxHoursPerWeek)
  }

  /// The rule that keeps one officer from taking both blocks, or `nil`:
  /// ``ConstraintFamily/overlap``, ``ConstraintFamily/travel`` (same day) or
  /// ``ConstraintFamily/rest`` (consecutive days), in either order.
  package func conflict(_ a: Block, _ b: Block) -> ConstraintFamily? {
    if a.day == b.day {
      if overlapConflict(a, b) { return .overlap }
      let (first, second) = a.interval.end <= b.interval.start ? (a, b) : (b, a)
      return travelConflict(first, second) ? .travel : nil
    }
    if a.day.next == b.day { return restConflict(a, b) ? .rest : nil }
    if b.day.next == a.day { return restConflict(b, a) ? .rest : nil }
    return nil
  }
}

/// Great-circle distance on a sphere of radius 6371.0 km.
package func haversineKilometres(_ a: Location, _ b: Location) -> Double {
  let radians = Double.pi / 180
  let dLat = (b.latitude - a.latitude) * radians
  let dLon = (b.longitude - a.longitude) * radians
  let h =
    sin(dLat / 2) * sin(dLat / 2)
    + cos(a.latitude * radians) * cos(b.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
  return 2 * 6371.0 * asin(min(1, sqrt(h)))
}
