import Foundation
import SRORoster
import SROScenario

// The validator's own reading of spec §2 (blocks) and §4.3 (travel times),
// written from the contract alone so that it can catch mistakes in the model
// builder rather than repeat them.

extension RosterValidator {
  /// What a roster entry names a block by: school, day, start, end, kind and,
  /// for an event block, the event.
  struct BlockKey: Hashable, Sendable {
    var school: SchoolID
    var day: Weekday
    var start: TimeOfDay
    var end: TimeOfDay
    var kind: Roster.Kind
    var event: EventID?
  }

  /// A block of the week as the validator sees it.
  ///
  /// Two coverage windows of one school may overlap, giving model blocks that a
  /// roster cannot tell apart (same school, day, start and end). The validator
  /// keeps them as one `Block` with one entry in `neededPerCopy` each; nearly
  /// always there is exactly one.
  struct Block: Sendable {
    var key: BlockKey
    /// `needed` of each model block with this key, in derivation order.
    var neededPerCopy: [Int]
    /// School priority × period (or event) priority.
    var priority: Double
    /// Skills an officer must have to take the block.
    var skills: [String]
    /// Index of the block's school in `scenario.schools`.
    var school: Int

    /// Officers needed by all copies together.
    var totalNeeded: Int { neededPerCopy.reduce(0, +) }
    var minutes: Int { key.end.minutes - key.start.minutes }
    var hours: Double { Double(minutes) / 60 }
    var interval: DayInterval { DayInterval(start: key.start, end: key.end) }

    /// `hs mon 07:00-08:00`, or `event fb (hs fri 18:00-22:30)`.
    var label: String {
      RosterValidator.label(
        school: key.school.rawValue, day: key.day.code, start: key.start.description,
        end: key.end.description, event: key.event?.rawValue)
    }
  }

  /// How messages name a block, from its parts.
  static func label(school: String, day: String, start: String, end: String, event: String?) -> String {
    let place = "\(school) \(day) \(start)-\(end)"
    guard let event else { return place }
    return "event \(event) (\(place))"
  }

  /// The blocks of spec §2, merged by key: coverage blocks school by school
  /// (windows in order, days in week order, pieces in time order), then event
  /// blocks in scenario order.
  static func deriveBlocks(of scenario: Scenario) -> [Block] {
    var blocks: [Block] = []
    var indexByKey: [BlockKey: Int] = [:]
    func add(_ block: Block) {
      if let index = indexByKey[block.key] {
        blocks[index].neededPerCopy += block.neededPerCopy
      } else {
        indexByKey[block.key] = blocks.count
        blocks.append(block)
      }
    }

    let boundaries = Set(scenario.periods.flatMap { [$0.start, $0.end] }).sorted()
    for (schoolIndex, school) in scenario.schools.enumerated() {
      for window in school.coverage {
        for day in Weekday.allCases where window.days.contains(day) {
          if isClosed(school.id, on: day, in: scenario) { continue }
          let cuts = boundaries.filter { window.start < $0 && $0 < window.end }
          let points = [window.start] + cuts + [window.end]
          for (start, end) in zip(points, points.dropFirst()) {
            let period = scenario.periods.first { $0.start <= start && end <= $0.end }
            let key = BlockKey(
              school: school.id, day: day, start: start, end: end, kind: .coverage, event: nil)
            add(
              Block(
                key: key, neededPerCopy: [window.officers],
                priority: school.priority * (period?.priority ?? 1), skills: school.skills,
                school: schoolIndex))
          }
        }
      }
    }
    for event in scenario.events {
      guard let schoolIndex = scenario.schools.firstIndex(where: { $0.id == event.school }) else {
        continue  // cannot happen in a validated scenario
      }
      let key = BlockKey(
        school: event.school, day: event.day, start: event.start, end: event.end, kind: .event,
        event: event.id)
      add(
        Block(
          key: key, neededPerCopy: [event.officers],
          priority: event.priority * scenario.schools[schoolIndex].priority, skills: event.skills,
          school: schoolIndex))
    }
    return blocks
  }

  /// Whether a closure (of the school or of every school) falls on `day`.
  static func isClosed(_ school: SchoolID, on day: Weekday, in scenario: Scenario) -> Bool {
    scenario.closures.contains { closure in
      (closure.school == nil || closure.school == school) && closure.days.contains(day)
    }
  }

  /// Great-circle distance in km (haversine, earth radius 6371.0 km).
  static func haversineKm(_ a: Location, _ b: Location) -> Double {
    let radians = Double.pi / 180
    let phi1 = a.latitude * radians
    let phi2 = b.latitude * radians
    let deltaPhi = (b.latitude - a.latitude) * radians
    let deltaLambda = (b.longitude - a.longitude) * radians
    let sinPhi = sin(deltaPhi / 2)
    let sinLambda = sin(deltaLambda / 2)
    let h = sinPhi * sinPhi + cos(phi1) * cos(phi2) * sinLambda * sinLambda
    return 2 * 6371.0 * asin(min(1, h.squareRoot()))
  }

  /// Minutes to drive from one school to another: `ceil(60 × km / speed)`,
  /// 0 when either school has no location.
  static func travelMinutes(from a: School, to b: School, speedKmh: Double) -> Int {
    guard let from = a.location, let to = b.location else { return 0 }
    return Int((60 * haversineKm(from, to) / speedKmh).rounded(.up))
  }
}
