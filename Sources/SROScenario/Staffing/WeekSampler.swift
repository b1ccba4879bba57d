import Foundation

/// Draws plausible weeks from a scenario: its schools, officers, coverage,
/// policy, closures and events as they are, its listed absences replaced by
/// absences drawn at the officers' rates, and, when asked, extra events
/// and closures.
///
/// Every draw comes from a SplitMix64 stream named after the sampled week
/// and what is drawn (an officer, the events, the closures), so week `i` is
/// the same whatever the number of weeks, the shard or the thread count,
/// and an officer's absences do not depend on the other officers.
package struct WeekSampler: Sendable {
  package let base: Scenario
  package let seed: UInt64
  package let defaults: AbsenceRates
  private let days: [Weekday]
  private let shapes: [DayInterval]

  package init(base: Scenario, seed: UInt64) {
    self.base = base
    self.seed = seed
    defaults = base.observedAbsenceRates
    days = base.schoolDays
    shapes = base.partDayShapes
  }

  /// Week `index` with `relief` added: relief officer `k` of an agency is
  /// the same officer, with the same absences, at every level that has at
  /// least `k` of them.
  package func week(_ index: Int, relief: [(agency: AgencyID, count: Int)]) -> Scenario {
    var week = base
    week.absences = []
    for (agency, count) in relief where count > 0 {
      for k in 1...count { week.officers.append(reliefOfficer(k, of: agency)) }
    }
    for officer in week.officers { week.absences += absences(of: officer, week: index) }
    week.closures += closures(week: index)
    week.events += events(week: index)
    return week
  }

  /// The `k`-th relief officer of `agency`: no home school, the agency's
  /// relief skills (none unless given), the  /// policy's hours.
  package func reliefOfficer(_ k: Int, of agency: AgencyID) -> Officer {
    var id = "relief-\(agency.rawValue.lowercased())-\(k)"
    while base.officers.contains(where: { $0.id.rawValue == id }) { id += "x" }
    return Officer(
      id: OfficerID(id), name: "Relief \(agency.rawValue) \(k)", agency: agency, home: nil,
      skills: base.staffing.reliefSkills[agency] ?? [],
      maxHoursPerWeek: base.policy.maxHoursPerWeek, maxOvertimePerWeek: base.policy.maxOvertimePerWeek)
  }

  /// On each school day: a whole-day absence with its chance, else a
  /// part-day one (one of the scenario's part-day shapes) with its chance.
  func absences(of officer: Officer, week index: Int) -> [Absence] {
    let rates = base.staffing.rates(of: officer, defaults: defaults)
    var random = SplitMix64(seed: seed, stream: "week \(index) officer \(officer.id)")
    var absences: [Absence] = []
    for day in days {
      let draw = random.unit()
      let shape = shapes[random.int(below: shapes.count)]
      if draw < rates.wholeDay {
        absences.append(Absence(officer: officer.id, days: [day], interval: .wholeDay, reason: "sampled"))
      } else if draw < rates.wholeDay + rates.partDay {
        absences.append(Absence(officer: officer.id, days: [day], interval: shape, reason: "sampled"))
      }
    }
    return absences
  }

  /// Each school closed on each school day with the closure rate.
  func closures(week index: Int) -> [Closure] {
    let rate = base.staffing.closureRate
    guard rate > 0 else { return [] }
    var random = SplitMix64(seed: seed, stream: "week \(index) closures")
    return base.schools.flatMap { school in
      days.compactMap { day in
        random.chance(rate) ? Closure(school: school.id, days: [day], reason: "sampled") : nil
      }
    }
  }

  /// A Poisson number of extra events (mean `eventsPerWeek`), each a copy
  /// of one of the scenario's events on a random school day.
  func events(week index: Int) -> [Event] {
    let mean = base.staffing.eventsPerWeek
    guard mean > 0, !base.events.isEmpty, !days.isEmpty else { return [] }
    var random = SplitMix64(seed: seed, stream: "week \(index) events")
    var count = 0
    var product = random.unit()
    let limit = exp(-mean)
    while product > limit {
      count += 1
      product *= random.unit()
    }
    return (0..<count).map { k in
      var event = random.pick(base.events)
      event.id = EventID("sampled-\(k + 1)-\(event.id)")
      event.day = random.pick(days)
      return event
    }
  }
}
