/// The evening and weekend events of a generated district: the kinds each
/// level of school hosts (a data table) and the draw of the week's events.
extension GeneratedDistrict {
  private struct EventKind {
    var name: String
    var slug: String
    var days: [Weekday]
    var starts: [TimeOfDay]
    var end: TimeOfDay
    var officers: ClosedRange<Int>
    var priority = 1
    var versus = true
    var weight: Double
  }

  private static let eventKinds: [(Level, [EventKind])] = [
    (
      .high,
      [
        EventKind(
          name: "Football", slug: "football", days: [.fri], starts: [time(18, 0), time(19, 0)],
          end: time(22, 30), officers: 3...4, priority: 2, weight: 3),
        EventKind(
          name: "Football", slug: "football", days: [.sat], starts: [time(18, 0)], end: time(22, 30),
          officers: 3...4, priority: 2, weight: 0.4),
        EventKind(
          name: "JV Football", slug: "jv-football", days: [.thu], starts: [time(18, 0)], end: time(21, 0),
          officers: 2...2, weight: 1.2),
        EventKind(
          name: "Volleyball", slug: "volleyball", days: [.tue, .thu], starts: [time(18, 0)],
          end: time(21, 0), officers: 1...2, weight: 1.2),
        EventKind(
          name: "Soccer", slug: "soccer", days: [.mon, .tue, .thu], starts: [time(18, 0)],
          end: time(20, 30), officers: 1...1, weight: 0.8),
        EventKind(
          name: "Marching Band Contest", slug: "band-contest", days: [.sat], starts: [time(8, 0)],
          end: time(17, 0), officers: 2...2, versus: false, weight: 0.3),
        EventKind(
          name: "Homecoming Dance", slug: "homecoming-dance", days: [.sat], starts: [time(19, 0)],
          end: time(23, 0), officers: 2...3, versus: false, weight: 0.3),
      ]
    ),
    (
      .middle,
      [
        EventKind(
          name: "8th Grade Football", slug: "football", days: [.thu], starts: [time(18, 0)],
          end: time(20, 30), officers: 1...2, weight: 2),
        EventKind(
          name: "Volleyball", slug: "volleyball", days: [.mon, .tue], starts: [time(18, 0)],
          end: time(20, 0), officers: 1...1, weight: 1),
        EventKind(
          name: "Band Concert", slug: "band-concert", days: [.mon, .tue, .wed], starts: [time(18, 30)],
          end: time(20, 30), officers: 1...1, versus: false, weight: 1),
      ]
    ),
    (
      .elementary,
      [
        EventKind(
          name: "Fall Carnival", slug: "carnival", days: [.fri], starts: [time(17, 30)], end: time(20, 30),
          officers: 1...1, versus: false, weight: 1),
        EventKind(
          name: "Family Literacy Night", slug: "literacy-night", days: [.tue, .thu], starts: [time(18, 0)],
          end: time(19, 30), officers: 1...1, versus: false, weight: 1),
      ]
    ),
  ]

  /// Draws the week's events: hosts by level (mostly high schools), a kind
  /// by weight, at most one event a day per school and one of a kind per
  /// school; the second event is a Saturday game when a high school can host it.
  mutating func makeEvents() {
    var rng = random("events")
    let levels: [(Level, Double)] = [(.high, 0.6), (.middle, 0.3), (.elementary, 0.1)]
    let hosts = levels.map { level, _ in
      schools.indices.filter { schools[$0].level == level && !schools[$0].isAcademy }
    }
    let weights = levels.indices.map { hosts[$0].isEmpty ? 0 : levels[$0].1 }
    guard weights.contains(where: { $0 > 0 }) else { return }
    var usedIDs: Set<String> = []
    for number in 0..<options.resolvedEvents {
      // The second event is a Saturday game when there is a high school to host it.
      let saturdayGame = number == 1 && !hosts[0].isEmpty
      for _ in 0..<20 {
        let level = saturdayGame ? 0 : rng.weightedIndex(weights)
        let school = rng.pick(hosts[level])
        let kinds = Self.eventKinds[level].1
        let kind = saturdayGame ? kinds[1] : kinds[rng.weightedIndex(kinds.map(\.weight))]
        let day = rng.pick(kind.days)
        guard !events.contains(where: { $0.school == school && $0.day == day }) else { continue }
        // One event of a kind per school (one varsity football game a week).
        let id = "\(schools[school].id)-\(kind.slug)"
        guard usedIDs.insert(id).inserted else { continue }
        var name = kind.name
        if kind.versus { name += " vs. " + opponent(of: school, rng: &rng) }
        events.append(
          Event(
            id: id, name: name, school: school, day: day, start: rng.pick(kind.starts), end: kind.end,
            officers: rng.int(in: kind.officers), priority: kind.priority))
        break
      }
    }
  }

  /// A visiting team: another school of the district of the same level, or a
  /// nearby town.
  private func opponent(of school: Int, rng: inout SplitMix64) -> String {
    let level = schools[school].level
    let rivals = schools.indices.filter {
      $0 != school && schools[$0].level == level && !schools[$0].isAcademy
    }
    if !rivals.isEmpty && rng.chance(0.4) { return schools[rng.pick(rivals)].shortName }
    return rng.pick(NamePools.rivals)
  }

}
