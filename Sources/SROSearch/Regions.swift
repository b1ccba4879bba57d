import Foundation
import GLPKSolver
import LinearModel
import SROFormulation
import SRORoster
import SROScenario

/// Splits a large part into regions of nearby schools, each with the
/// officers who work there: its schools' own officers and a share of the
/// relief officers. Unlike ``Scenario/independentParts()``, regions do share
/// decisions (an officer could cross to a neighbouring region), so solving
/// them apart gives a roster, not a proof; see ``RegionalPlanner``.
extension Instance {
  /// Regions of at most `maxSchools` schools, cut by recursive coordinate
  /// bisection: the schools with a location are halved across the wider
  /// side of their bounding box until each half is small enough. Schools
  /// without a location (no travel time to anywhere) fill the regions with
  /// the fewest schools up to `maxSchools`, then regions of their own.
  ///
  /// Each officer belongs to the region of its **anchor**: the school of
  /// its pins, else the school of most of its `published` hours, else its
  /// home. The others (relief officers, and homes outside the part) are
  /// dealt out one by one, in scenario order, each to the region where it
  /// fills the most of the hours, day by day, that the region's officers so
  /// far leave open. What an officer can give is read from the blocks it is
  /// eligible for (``Instance/eligible``).
  ///
  /// `nil` when regions would not do: an officer's pins lie in two regions,
  /// or a region is left with more than half of its hours unstaffed (its
  /// officers live elsewhere), which only the whole part can fix.
  func regions(ofAtMost maxSchools: Int, published: PublishedRoster? = nil) -> [Scenario]? {
    precondition(maxSchools > 0)
    let groups = scenario.schoolGroups(ofAtMost: maxSchools)
    let regionOfSchool = Dictionary(
      uniqueKeysWithValues: groups.enumerated().flatMap { r, members in
        members.map { (scenario.schools[$0].id, r) }
      })
    // Demand: hours needed by region and day, less what each region's
    // own officers can give at their anchor school that day.
    var demand = groups.map { _ in [Double](repeating: 0, count: Weekday.allCases.count) }
    for block in blocks {
      if let r = regionOfSchool[block.school] {
        demand[r][block.day.rawValue] += Double(block.needed) * block.hours
      }
    }
    var deficit = demand
    var members = groups.map { _ in [Int]() }
    var unplaced: [Int] = []
    for (o, officer) in scenario.officers.enumerated() {
      let pinned = scenario.pins.filter { $0.officer == officer.id }.map(\.school)
      guard Set(pinned.compactMap { regionOfSchool[$0] }).count <= 1 else { return nil }
      // The anchor: the first of these schools that lies in a region.
      let anchor = [pinned.first, scenario.publishedAnchor(officer, published), officer.home]
        .compactMap { $0 }.first { regionOfSchool[$0] != nil }
      guard let school = anchor, let region = regionOfSchool[school] else {
        unplaced.append(o)
        continue
      }
      members[region].append(o)
      for day in Weekday.allCases {
        let hours = eligible[o].filter { blocks[$0].school == school && blocks[$0].day == day }
          .reduce(0) { $0 + blocks[$1].hours }
        deficit[region][day.rawValue] -= min(hours, maxHoursPerDay(officer))
      }
    }
    // Each other officer goes where it fills the most of what is missing,
    // day by day (an officer gives at most a fifth of its week a day).
    for o in unplaced {
      let officer = scenario.officers[o]
      let daily = min(maxHoursPerDay(officer), officer.maxHoursPerWeek / 5)
      let days = Set(eligible[o].map { blocks[$0].day })
      func gain(_ r: Int) -> Double {
        days.reduce(0) { $0 + min(daily, max(0, deficit[r][$1.rawValue])) }
      }
      let best = groups.indices.max { (gain($0), -$0) < (gain($1), -$1) }!
      members[best].append(o)
      for day in days { deficit[best][day.rawValue] -= daily }
    }
    for r in groups.indices {
      let open = deficit[r].reduce(0) { $0 + max(0, $1) }
      if open > 0.5 * demand[r].reduce(0, +) { return nil }
    }
    return groups.indices.map { r in
      scenario.part(schools: Set(groups[r]), officers: Set(members[r]))
    }
  }

  /// The most hours `officer` may work in a day: the day's limit, or the
  /// week's cap (``Rules/weekCap(_:)``) when that is less.
  private func maxHoursPerDay(_ officer: Officer) -> Double {
    min(scenario.policy.maxHoursPerDay, rules.weekCap(officer))
  }
}

extension Scenario {
  /// The schools (by index) in groups of at most `maxSchools`: those with a
  /// location bisected (``bisect(_:maxSchools:)``), those without added to
  /// the smallest groups, then groups of their own.
  fileprivate func schoolGroups(ofAtMost maxSchools: Int) -> [[Int]] {
    let located = schools.indices.filter { schools[$0].location != nil }
    var groups = located.isEmpty ? [] : bisect(located, maxSchools: maxSchools)
    for s in schools.indices where schools[s].location == nil {
      if let smallest = groups.indices.min(by: { (groups[$0].count, $0) < (groups[$1].count, $1) }),
        groups[smallest].count < maxSchools
      {
        groups[smallest].append(s)
      } else {
        groups.append([s])
      }
    }
    return groups
  }

  /// The school where most of `officer`'s published hours are, if any.
  fileprivate func publishedAnchor(_ officer: Officer, _ published: PublishedRoster?) -> SchoolID? {
    var hours: [String: Int] = [:]
    for assignment in published?.assignments ?? [] where assignment.officer == officer.id.rawValue {
      guard let start = TimeOfDay(parsing: assignment.start), let end = TimeOfDay(parsing: assignment.end)
      else { continue }
      hours[assignment.school, default: 0] += end.minutes - start.minutes
    }
    return hours.max { ($0.value, $1.key) < ($1.value, $0.key) }.map { SchoolID($0.key) }
  }

  /// `indices` (schools with a location) halved across the wider side of
  /// their bounding box until each group has at most `maxSchools`.
  private func bisect(_ indices: [Int], maxSchools: Int) -> [[Int]] {
    guard indices.count > maxSchools else { return [indices] }
    let points = indices.map { schools[$0].location! }
    let latitudes = points.map(\.latitude)
    let longitudes = points.map(\.longitude)
    let middle = (latitudes.min()! + latitudes.max()!) / 2
    let height = latitudes.max()! - latitudes.min()!
    let width = (longitudes.max()! - longitudes.min()!) * cos(middle * .pi / 180)
    let sorted = indices.sorted { a, b in
      let (p, q) = (schools[a].location!, schools[b].location!)
      return width >= height
        ? (p.longitude, p.latitude, a) < (q.longitude, q.latitude, b)
        : (p.latitude, p.longitude, a) < (q.latitude, q.longitude, b)
    }
    let half = sorted.count / 2
    return bisect(Array(sorted[..<half]), maxSchools: maxSchools)
      + bisect(Array(sorted[half...]), maxSchools: maxSchools)
  }
}
