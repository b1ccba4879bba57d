import SROTestSupport
import Testing

@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch
@testable import SROValidator

// MARK: - A small district, built in code

/// The Monday of the test week.
private let monday = CivilDate(year: 2024, month: 9, day: 9)!

private func time(_ text: String) -> TimeOfDay { TimeOfDay(parsing: text)! }

private func window(_ days: [Weekday], _ start: String, _ end: String, officers: Int = 1) -> CoverageWindow {
  CoverageWindow(days: days, start: time(start), end: time(end), officers: officers)
}

private func event(
  _ id: String, at school: String, _ day: Weekday, _ start: String, _ end: String, officers: Int = 1,
  priority: Double = 1, skills: [String] = []
) -> Event {
  Event(
    id: EventID(id), name: id, school: SchoolID(school), day: day, start: time(start), end: time(end),
    officers: officers, priority: priority, skills: skills)
}

private func officer(
  _ id: String, _ agency: String, home: String?, skills: [String] = [], maxHoursPerWeek: Double = 40,
  maxOvertimePerWeek: Double = 10
) -> Officer {
  Officer(
    id: OfficerID(id), name: id, agency: AgencyID(agency), home: home.map { SchoolID($0) },
    skills: skills, maxHoursPerWeek: maxHoursPerWeek, maxOvertimePerWeek: maxOvertimePerWeek)
}

/// Two schools and four officers, default policy (forbid, 12 h a day, 40 + 10 h a week, 10 h rest,
/// 40 km/h, weights 100/4/1/10), one period `arrival` 07:00–08:00 of priority 3.
///
/// - `hs` (high, NPD, priority 1) needs 1 officer mon 07:00–09:00: blocks mon 07:00–08:00
///   (priority 3) and mon 08:00–09:00 (priority 1).
/// - `es` (elementary, CCSO, priority 2, skill special-needs) has no coverage; it lies 0.1° due
///   north of `hs`: 6371 × 0.1 × π/180 = 11.1195 km, 60 × 11.1195 / 40 = 16.68 → 17 min.
/// - `a` NPD home hs; `b` NPD relief; `c` CCSO home es with special-needs; `d` CCSO relief.
private func district(_ configure: (inout Scenario) -> Void = { _ in }) -> Scenario {
  var scenario = Scenario(
    name: "Test district", week: monday,
    periods: [Period(id: "arrival", start: time("07:00"), end: time("08:00"), priority: 3)],
    policy: Policy(),
    agencies: [
      Agency(id: "NPD", name: "Police", serves: ["high"]),
      Agency(id: "CCSO", name: "Sheriff", serves: ["elementary"]),
    ],
    schools: [
      School(
        id: "hs", name: "High", level: "high", agency: "NPD", priority: 1,
        location: Location(latitude: 35.2140, longitude: -97.4270), skills: [],
        coverage: [window([.mon], "07:00", "09:00")]),
      School(
        id: "es", name: "Elementary", level: "elementary", agency: "CCSO", priority: 2,
        location: Location(latitude: 35.3140, longitude: -97.4270), skills: ["special-needs"],
        coverage: []),
    ],
    officers: [
      officer("a", "NPD", home: "hs"),
      officer("b", "NPD", home: nil),
      officer("c", "CCSO", home: "es", skills: ["special-needs"]),
      officer("d", "CCSO", home: nil),
    ],
    absences: [], closures: [], events: [])
  configure(&scenario)
  return scenario
}

// MARK: - Hand-written rosters

private func assign(
  _ officer: String, _ school: String, _ day: Weekday, _ start: String, _ end: String,
  event: String? = nil
) -> Roster.Assignment {
  Roster.Assignment(
    officer: officer, school: school, day: day.code, date: monday.adding(days: day.rawValue).description,
    start: start, end: end, kind: event == nil ? .coverage : .event, event: event)
}

private func short(
  _ school: String, _ day: Weekday, _ start: String, _ end: String, event: String? = nil, needed: Int,
  assigned: Int
) -> Roster.Uncovered {
  Roster.Uncovered(
    school: school, day: day.code, date: monday.adding(days: day.rawValue).description, start: start,
    end: end, kind: event == nil ? .coverage : .event, event: event, needed: needed, assigned: assigned,
    missing: needed - assigned)
}

/// A roster of `scenario`; unless `officers` is given, each officer's hours are the sum of the
/// assignments' lengths and overtime is what exceeds the officer's `maxHoursPerWeek`.
private func roster(
  _ scenario: Scenario, _ assignments: [Roster.Assignment], uncovered: [Roster.Uncovered] = [],
  objective: Double, bound: Double? = nil, status: Roster.Status = .optimal,
  officers: [Roster.OfficerHours]? = nil
) -> Roster {
  let computed = {
    scenario.officers.map { officer in
      let hours = assignments.filter { $0.officer == officer.id.rawValue }
        .reduce(0.0) { $0 + Double(time($1.end).minutes - time($1.start).minutes) / 60 }
      return Roster.OfficerHours(
        id: officer.id.rawValue, hours: hours, overtime: max(0, hours - officer.maxHoursPerWeek))
    }
  }
  return Roster(
    scenario: scenario.name, week: scenario.week.description, status: status, objective: objective,
    bound: bound ?? objective, assignments: assignments, uncovered: uncovered,
    officers: officers ?? computed())
}

private func validate(_ scenario: Scenario, _ roster: Roster) -> RosterValidation {
  RosterValidator(scenario: scenario).validate(roster)
}

/// Whether some violation contains every fragment.
private func reports(_ result: RosterValidation, _ fragments: String...) -> Bool {
  result.violations.contains { line in fragments.allSatisfy { line.contains($0) } }
}

/// `a` on both `hs` blocks of the base district: nothing uncovered, objective 0.
private let baseAssignments = [
  assign("a", "hs", .mon, "07:00", "08:00"), assign("a", "hs", .mon, "08:00", "09:00"),
]

// MARK: - Blocks

@Suite struct ValidatorBlockTests {
  @Test func cutsWindowsAtPeriodBoundariesStrictlyInside() {
    let scenario = district {
      $0.schools[0].priority = 2
      $0.schools[0].coverage = [window([.mon], "06:30", "09:30", officers: 2)]
      // Touches the window's end only: not a cut. Lies outside: no effect.
      $0.periods.append(Period(id: "late", start: time("09:30"), end: time("10:00"), priority: 7))
    }
    let blocks = RosterValidator(scenario: scenario).blocks
    #expect(blocks.map(\.label) == ["hs mon 06:30-07:00", "hs mon 07:00-08:00", "hs mon 08:00-09:30"])
    // School priority 2 × period priority (3 for arrival, 1 outside every period).
    #expect(blocks.map(\.priority) == [2, 6, 2])
    #expect(blocks.map(\.totalNeeded) == [2, 2, 2])
    #expect(blocks.map(\.hours) == [0.5, 1, 1.5])
  }

  @Test func skipsClosedDaysButHoldsEvents() {
    let scenario = district {
      $0.schools[0].coverage = [window(Weekday.weekdays, "08:00", "09:00")]
      $0.closures = [
        Closure(school: nil, days: [.mon], reason: "holiday"),
        Closure(school: "hs", days: [.wed], reason: "work day"),
        Closure(school: "es", days: [.thu], reason: "other school"),
      ]
      $0.events = [event("game", at: "es", .wed, "18:00", "20:00", officers: 3, priority: 2, skills: ["k9"])]
    }
    let blocks = RosterValidator(scenario: scenario).blocks
    #expect(
      blocks.map(\.label) == [
        "hs tue 08:00-09:00", "hs thu 08:00-09:00", "hs fri 08:00-09:00",
        "event game (es wed 18:00-20:00)",
      ])
    // Event priority 2 × school priority 2; the event's skills, not the school's.
    #expect(blocks[3].priority == 4)
    #expect(blocks[3].skills == ["k9"])
    #expect(blocks[3].totalNeeded == 3)
  }

  @Test func travelIsHaversineMinutesRoundedUp() {
    let scenario = district()
    let (hs, es) = (scenario.schools[0], scenario.schools[1])
    let km = RosterValidator.haversineKm(hs.location!, es.location!)
    #expect(abs(km - 11.119_492_664) < 1e-6)
    #expect(RosterValidator.travelMinutes(from: hs, to: es, speedKmh: 40) == 17)
    #expect(RosterValidator.travelMinutes(from: es, to: hs, speedKmh: 40) == 17)
    var nowhere = es
    nowhere.location = nil
    #expect(RosterValidator.travelMinutes(from: hs, to: nowhere, speedKmh: 40) == 0)
  }
}

// MARK: - Rosters

@Suite struct RosterValidatorTests {
  @Test func validRosterPassesWithRecomputedObjective() {
    let scenario = district {
      $0.policy.crossAgency = .penalize
      $0.events = [event("game", at: "hs", .fri, "18:00", "22:30", officers: 3, priority: 2)]
    }
    let result = validate(
      scenario,
      roster(
        scenario,
        [
          assign("a", "hs", .mon, "07:00", "08:00"), assign("c", "hs", .mon, "08:00", "09:00"),
          assign("a", "hs", .fri, "18:00", "22:30", event: "game"),
          assign("b", "hs", .fri, "18:00", "22:30", event: "game"),
        ],
        uncovered: [short("hs", .fri, "18:00", "22:30", event: "game", needed: 3, assigned: 2)],
        // game short by 1: 100 × (2 × 1) × 4.5 h × 1 = 900
        // c at hs: 1 h × (awayFromHome 1 + crossAgency 10) = 11; a at home, b relief of NPD: 0
        objective: 911,
        officers: [
          .init(id: "a", hours: 5.5, overtime: 0), .init(id: "b", hours: 4.5, overtime: 0),
          .init(id: "c", hours: 1, overtime: 0), .init(id: "d", hours: 0, overtime: 0),
        ]))
    #expect(result.violations == [])
    #expect(result.isValid)
    #expect(abs(result.recomputedObjective - 911) < 1e-9)
  }

  @Test func absentOfficer() {
    let scenario = district {
      $0.absences = [
        Absence(
          officer: "a", days: [.mon], interval: DayInterval(start: time("07:30"), end: time("08:00")),
          reason: "court"),
        Absence(officer: "b", days: [.mon], interval: .wholeDay, reason: "training"),
      ]
    }
    // a's absence ends at 08:00, so a may take 08:00–09:00 (half-open). b is away all day and
    // c, d are CCSO: 07:00–08:00 stays open: 100 × 3 × 1 h × 1 = 300.
    let valid = validate(
      scenario,
      roster(
        scenario, [assign("a", "hs", .mon, "08:00", "09:00")],
        uncovered: [short("hs", .mon, "07:00", "08:00", needed: 1, assigned: 0)], objective: 300))
    #expect(valid.violations == [])
    #expect(valid.recomputedObjective == 300)

    let broken = validate(
      scenario,
      roster(
        scenario,
        [assign("a", "hs", .mon, "07:00", "08:00"), assign("b", "hs", .mon, "08:00", "09:00")],
        objective: 0))
    #expect(broken.violations.count == 2)
    #expect(reports(broken, "assignments[0]", "officer a is absent on mon 07:30-08:00 (court)"))
    #expect(reports(broken, "assignments[1]", "officer b is absent on mon all day (training)"))
  }

  @Test func missingSkill() {
    let scenario = district {
      $0.schools[1].coverage = [window([.mon], "07:30", "08:00")]
      $0.events = [
        event("open-house", at: "es", .tue, "18:00", "19:00"),
        event("k9-demo", at: "hs", .wed, "10:00", "11:00", skills: ["k9"]),
      ]
      $0.officers.append(officer("e", "NPD", home: nil, skills: ["k9"]))
    }
    // c has special-needs; an event needs only its own skills, so d may take es's open house.
    // Every officer works for the school's agency, and only relief officers leave home: 0.
    let valid = validate(
      scenario,
      roster(
        scenario,
        baseAssignments + [
          assign("c", "es", .mon, "07:30", "08:00"),
          assign("d", "es", .tue, "18:00", "19:00", event: "open-house"),
          assign("e", "hs", .wed, "10:00", "11:00", event: "k9-demo"),
        ], objective: 0))
    #expect(valid.violations == [])

    let broken = validate(
      scenario,
      roster(
        scenario,
        baseAssignments + [
          assign("d", "es", .mon, "07:30", "08:00"),
          assign("b", "hs", .wed, "10:00", "11:00", event: "k9-demo"),
          assign("d", "es", .tue, "18:00", "19:00", event: "open-house"),
        ], objective: 0))
    #expect(broken.violations.count == 2)
    #expect(reports(broken, "assignments[2]", "officer d lacks special-needs", "es mon 07:30-08:00"))
    #expect(reports(broken, "assignments[3]", "officer b lacks k9", "event k9-demo"))
  }

  @Test func crossAgencyUnderForbidAndPenalize() {
    let assignments = [
      assign("c", "hs", .mon, "07:00", "08:00"), assign("a", "hs", .mon, "08:00", "09:00"),
    ]
    // c (CCSO, home es) at hs: 1 h × (awayFromHome 1 + crossAgency 10) = 11.
    let forbid = district()
    let broken = validate(forbid, roster(forbid, assignments, objective: 11))
    #expect(broken.violations.count == 1)
    #expect(reports(broken, "assignments[0]", "officer c of CCSO may not cover hs", "forbid"))
    #expect(broken.recomputedObjective == 11)

    let penalize = district { $0.policy.crossAgency = .penalize }
    let valid = validate(penalize, roster(penalize, assignments, objective: 11))
    #expect(valid.violations == [])
    #expect(valid.recomputedObjective == 11)
  }

  @Test func overCoveredBlock() {
    let scenario = district()
    // b has no home and is NPD: 0.
    let broken = validate(
      scenario,
      roster(
        scenario,
        baseAssignments + [assign("b", "hs", .mon, "07:00", "08:00")], objective: 0))
    #expect(broken.violations == ["hs mon 07:00-08:00 has 2 officers but needs 1"])

    let twice = validate(
      scenario,
      roster(
        scenario, baseAssignments + [assign("a", "hs", .mon, "07:00", "08:00")], objective: 0,
        officers: [
          .init(id: "a", hours: 2, overtime: 0), .init(id: "b", hours: 0, overtime: 0),
          .init(id: "c", hours: 0, overtime: 0), .init(id: "d", hours: 0, overtime: 0),
        ]))
    #expect(
      twice.violations == ["assignments[2]: officer a is assigned to hs mon 07:00-08:00 more than once"])
  }

  @Test func uncoveredEntries() {
    let scenario = district { $0.schools[0].coverage = [window([.mon], "07:00", "09:00", officers: 2)] }
    let assignments = [
      assign("a", "hs", .mon, "07:00", "08:00"), assign("a", "hs", .mon, "08:00", "09:00"),
      assign("b", "hs", .mon, "08:00", "09:00"),
    ]
    let right = short("hs", .mon, "07:00", "08:00", needed: 2, assigned: 1)
    // 07:00–08:00 is one officer short: 100 × 3 × 1 h × 1 = 300.
    let valid = validate(scenario, roster(scenario, assignments, uncovered: [right], objective: 300))
    #expect(valid.violations == [])
    #expect(valid.recomputedObjective == 300)

    let none = validate(scenario, roster(scenario, assignments, objective: 300))
    #expect(
      none.violations == ["hs mon 07:00-08:00 is short by 1 (1 of 2 assigned) but has no uncovered entry"])

    let wrongCounts = validate(
      scenario,
      roster(
        scenario, assignments, uncovered: [short("hs", .mon, "07:00", "08:00", needed: 2, assigned: 0)],
        objective: 300))
    #expect(reports(wrongCounts, "uncovered[0]", "expected 2, 1, 1"))
    #expect(wrongCounts.violations.count == 1)

    let covered = validate(
      scenario,
      roster(
        scenario, assignments,
        uncovered: [right, short("hs", .mon, "08:00", "09:00", needed: 2, assigned: 1)], objective: 300))
    #expect(covered.violations == ["uncovered[1]: hs mon 08:00-09:00 is not short (2 of 2 assigned)"])

    let twice = validate(scenario, roster(scenario, assignments, uncovered: [right, right], objective: 300))
    #expect(twice.violations == ["uncovered[1]: hs mon 07:00-08:00 is listed more than once"])

    let noBlock = validate(
      scenario,
      roster(
        scenario, assignments,
        uncovered: [right, short("hs", .mon, "09:00", "10:00", needed: 1, assigned: 0)], objective: 300))
    #expect(noBlock.violations == ["uncovered[1]: no coverage block hs mon 09:00-10:00 in this scenario"])
  }

  @Test func overlappingWindowsGiveBlocksWithOneKey() {
    // Two windows on mon 07:00–08:00: two model blocks a roster names alike, needing 1 each.
    let scenario = district {
      $0.schools[0].coverage = [window([.mon], "07:00", "09:00"), window([.mon], "07:00", "08:00")]
    }
    #expect(RosterValidator(scenario: scenario).blocks.map(\.neededPerCopy) == [[1, 1], [1]])
    let full = validate(
      scenario,
      roster(scenario, baseAssignments + [assign("b", "hs", .mon, "07:00", "08:00")], objective: 0))
    #expect(full.violations == [])

    // One of the two is short: 100 × 3 × 1 h × 1 = 300.
    let valid = validate(
      scenario,
      roster(
        scenario, baseAssignments,
        uncovered: [short("hs", .mon, "07:00", "08:00", needed: 1, assigned: 0)], objective: 300))
    #expect(valid.violations == [])
    #expect(valid.recomputedObjective == 300)

    let wrong = validate(
      scenario,
      roster(
        scenario, baseAssignments,
        uncovered: [short("hs", .mon, "07:00", "08:00", needed: 2, assigned: 1)], objective: 300))
    #expect(reports(wrong, "uncovered[0]", "needing 2"))
  }

  @Test func onePlaceAtATime() {
    let scenario = district { $0.events = [event("assembly", at: "hs", .mon, "08:30", "10:00")] }
    let valid = validate(
      scenario,
      roster(
        scenario, baseAssignments + [assign("b", "hs", .mon, "08:30", "10:00", event: "assembly")],
        objective: 0))
    #expect(valid.violations == [])

    let broken = validate(
      scenario,
      roster(
        scenario,
        [
          assign("b", "hs", .mon, "07:00", "08:00"), assign("a", "hs", .mon, "08:00", "09:00"),
          assign("a", "hs", .mon, "08:30", "10:00", event: "assembly"),
        ], objective: 0))
    #expect(
      broken.violations == [
        "officer a takes hs mon 08:00-09:00 and event assembly (hs mon 08:30-10:00), which overlap"
      ])
  }

  @Test func travelTooShort() {
    // a drives from hs (until 08:00) to an es event; hs to es takes 17 min.
    // Objective: a at es, 1 h × (awayFromHome 1 + crossAgency 10) = 11.
    func check(eventStart: String, eventEnd: String, esHasLocation: Bool = true) -> RosterValidation {
      let scenario = district {
        $0.policy.crossAgency = .penalize
        $0.events = [event("meeting", at: "es", .mon, eventStart, eventEnd)]
        if !esHasLocation { $0.schools[1].location = nil }
      }
      return validate(
        scenario,
        roster(
          scenario,
          [
            assign("a", "hs", .mon, "07:00", "08:00"), assign("b", "hs", .mon, "08:00", "09:00"),
            assign("a", "es", .mon, eventStart, eventEnd, event: "meeting"),
          ], objective: 11))
    }
    let enough = check(eventStart: "08:17", eventEnd: "09:17")
    #expect(enough.violations == [])
    #expect(enough.recomputedObjective == 11)

    let tooShort = check(eventStart: "08:16", eventEnd: "09:16")
    #expect(
      tooShort.violations == [
        "officer a has 16 min from hs mon 07:00-08:00 to event meeting (es mon 08:16-09:16); "
          + "the drive takes 17 min"
      ])

    // Without a location travel takes 0 min.
    #expect(check(eventStart: "08:00", eventEnd: "09:00", esHasLocation: false).violations == [])
  }

  @Test func dayHours() {
    // Blocks mon 06:00–07:00, 07:00–08:00 (arrival), 08:00–19:00.
    let scenario = district { $0.schools[0].coverage = [window([.mon], "06:00", "19:00")] }
    // Exactly 12 h is allowed; 06:00–07:00 stays open: 100 × 1 × 1 h × 1 = 100.
    let valid = validate(
      scenario,
      roster(
        scenario,
        [assign("a", "hs", .mon, "07:00", "08:00"), assign("a", "hs", .mon, "08:00", "19:00")],
        uncovered: [short("hs", .mon, "06:00", "07:00", needed: 1, assigned: 0)], objective: 100))
    #expect(valid.violations == [])
    #expect(valid.recomputedObjective == 100)

    let broken = validate(
      scenario,
      roster(
        scenario,
        [
          assign("a", "hs", .mon, "06:00", "07:00"), assign("a", "hs", .mon, "07:00", "08:00"),
          assign("a", "hs", .mon, "08:00", "19:00"),
        ], objective: 0))
    #expect(broken.violations == ["officer a works 13 h on mon, over maxHoursPerDay 12"])
  }

  @Test func restAfterLateEvent() {
    // mon and tue 07:00–08:00 and 08:00–09:00; a late event on mon; a night event on sun.
    func restScenario(minRestHours: Double = 10) -> Scenario {
      district {
        $0.policy.minRestHours = minRestHours
        $0.schools[0].coverage = [window([.mon, .tue], "07:00", "09:00")]
        $0.events = [
          event("late", at: "hs", .mon, "18:00", "23:00"), event("night", at: "hs", .sun, "20:00", "24:00"),
        ]
      }
    }
    let mondayWork =
      baseAssignments + [
        assign("a", "hs", .mon, "18:00", "23:00", event: "late"),
        assign("a", "hs", .sun, "20:00", "24:00", event: "night"),
      ]
    // Rest within mon is no rule, nor from sun back to mon. All at home or relief: 0.
    let plain = restScenario()
    let valid = validate(
      plain,
      roster(
        plain,
        mondayWork + [assign("b", "hs", .tue, "07:00", "08:00"), assign("b", "hs", .tue, "08:00", "09:00")],
        objective: 0))
    #expect(valid.violations == [])

    // 24 × 60 + 07:00 − 23:00 = 480 min < 600.
    let broken = validate(
      plain,
      roster(
        plain,
        mondayWork + [assign("a", "hs", .tue, "07:00", "08:00"), assign("b", "hs", .tue, "08:00", "09:00")],
        objective: 0))
    #expect(
      broken.violations == [
        "officer a rests 480 min between event late (hs mon 18:00-23:00) and hs tue 07:00-08:00, "
          + "under minRestHours 10"
      ])

    // 24 × 60 + 08:00 − 23:00 = 540 min = 9 h: exactly enough.
    let nine = restScenario(minRestHours: 9)
    let boundary = validate(
      nine,
      roster(
        nine,
        mondayWork + [assign("b", "hs", .tue, "07:00", "08:00"), assign("a", "hs", .tue, "08:00", "09:00")],
        objective: 0))
    #expect(boundary.violations == [])
  }

  @Test func weekHoursOverCap() {
    // Weekdays 07:00–08:00 (arrival) and 08:00–18:00: 11 h a day, 13 h of rest between days.
    let scenario = district { $0.schools[0].coverage = [window(Weekday.weekdays, "07:00", "18:00")] }
    func days(_ who: String, _ days: [Weekday]) -> [Roster.Assignment] {
      days.flatMap { [assign(who, "hs", $0, "07:00", "08:00"), assign(who, "hs", $0, "08:00", "18:00")] }
    }
    // a: 44 h, overtime 4 → 4 × 4 = 16; b (relief) takes fri.
    let valid = validate(
      scenario, roster(scenario, days("a", [.mon, .tue, .wed, .thu]) + days("b", [.fri]), objective: 16))
    #expect(valid.violations == [])
    #expect(valid.recomputedObjective == 16)

    // a: 55 h > 40 + 10; overtime 15 → 60.
    let broken = validate(scenario, roster(scenario, days("a", Weekday.weekdays), objective: 60))
    #expect(
      broken.violations == [
        "officer a works 55 h this week, over maxHoursPerWeek 40 + maxOvertimePerWeek 10"
      ])
  }

  @Test func officerHoursAndOvertime() {
    // a's own cap is 1 h: 2 h make 1 h of overtime, 4 × 1 = 4.
    let scenario = district { $0.officers[0].maxHoursPerWeek = 1 }
    let valid = validate(
      scenario,
      roster(
        scenario, baseAssignments, objective: 4,
        officers: [
          .init(id: "a", hours: 2, overtime: 1), .init(id: "b", hours: 0, overtime: 0),
          .init(id: "c", hours: 0, overtime: 0), .init(id: "d", hours: 0, overtime: 0),
        ]))
    #expect(valid.violations == [])
    #expect(valid.recomputedObjective == 4)

    let broken = validate(
      scenario,
      roster(
        scenario, baseAssignments, objective: 4,
        officers: [
          .init(id: "a", hours: 3, overtime: 1), .init(id: "b", hours: 0, overtime: 0.5),
          .init(id: "zed", hours: 0, overtime: 0), .init(id: "a", hours: 2, overtime: 1),
          .init(id: "c", hours: 0, overtime: 0),
        ]))
    #expect(
      broken.violations == [
        "officers[0]: officer a has hours 3; the assignments add up to 2",
        "officers[1]: officer b has overtime 0.5; expected 0 (hours over maxHoursPerWeek 40)",
        "officers[2]: unknown officer \"zed\"",
        "officers[3]: officer a is listed more than once",
        "officers: no entry for officer d",
      ])
  }

  @Test func objectiveAndBound() {
    let scenario = district()
    #expect(validate(scenario, roster(scenario, baseAssignments, objective: 0)).violations == [])

    let wrong = validate(scenario, roster(scenario, baseAssignments, objective: 5))
    #expect(wrong.violations == ["objective is 5; the roster's objective recomputes to 0"])
    #expect(wrong.recomputedObjective == 0)

    let loose = validate(scenario, roster(scenario, baseAssignments, objective: 0, bound: -1))
    #expect(loose.violations == ["status is optimal but bound -1 differs from objective 0"])

    let feasible = validate(
      scenario, roster(scenario, baseAssignments, objective: 0, bound: -1, status: .feasible))
    #expect(feasible.violations == [])

    let above = validate(
      scenario, roster(scenario, baseAssignments, objective: 0, bound: 1, status: .feasible))
    #expect(above.violations == ["bound 1 is above objective 0 of a minimisation"])
  }

  @Test func objectiveToleranceIsRelative() {
    // 07:00–08:00 open: 100 × 3 × 1 h × 1 = 300; with 1e6 in the uncovered weight the objective
    // is 3e9, and an error of 1e-6 × 3e9 = 3000 is tolerated.
    let scenario = district { $0.policy.weights.uncovered = 1e9 }
    let open = [short("hs", .mon, "07:00", "08:00", needed: 1, assigned: 0)]
    let assignments = [assign("a", "hs", .mon, "08:00", "09:00")]
    let close = validate(scenario, roster(scenario, assignments, uncovered: open, objective: 3e9 + 2000))
    #expect(close.violations == [])
    #expect(close.recomputedObjective == 3e9)
    let far = validate(scenario, roster(scenario, assignments, uncovered: open, objective: 3e9 + 4000))
    #expect(far.violations.count == 1)
  }

  @Test func unknownBlocksOfficersAndDates() {
    let scenario = district {
      $0.schools[0].coverage = [window([.mon, .tue], "07:00", "09:00")]
      $0.closures = [Closure(school: "hs", days: [.tue], reason: nil)]
      $0.events = [event("game", at: "hs", .fri, "18:00", "20:00")]
    }
    var wrongDate = assign("b", "hs", .fri, "18:00", "20:00", event: "game")
    wrongDate.date = "2024-09-12"
    var badTime = assign("b", "hs", .mon, "07:00", "08:00")
    badTime.start = "7:00"
    var badDay = assign("b", "hs", .mon, "07:00", "08:00")
    badDay.day = "monday"
    var coverageAsEvent = assign("b", "hs", .mon, "07:00", "08:00")
    coverageAsEvent.kind = .event
    let broken = validate(
      scenario,
      roster(
        scenario,
        baseAssignments + [
          assign("zed", "hs", .mon, "07:00", "08:00"),  // 2
          assign("b", "hs", .mon, "07:00", "08:30"),  // 3: not a block
          assign("b", "hs", .tue, "07:00", "08:00"),  // 4: closed
          assign("b", "hs", .fri, "18:00", "20:00", event: "concert"),  // 5
          assign("b", "ms", .mon, "07:00", "08:00"),  // 6
          coverageAsEvent,  // 7
          badTime,  // 8
          badDay,  // 9
          wrongDate,  // 10: still matched, and fine otherwise
        ], objective: 0,
        officers: [
          .init(id: "a", hours: 2, overtime: 0), .init(id: "b", hours: 2, overtime: 0),
          .init(id: "c", hours: 0, overtime: 0), .init(id: "d", hours: 0, overtime: 0),
        ]))
    #expect(
      broken.violations == [
        "assignments[2]: unknown officer \"zed\"",
        "assignments[3]: no coverage block hs mon 07:00-08:30 in this scenario",
        "assignments[4]: no coverage block hs tue 07:00-08:00 in this scenario",
        "assignments[5]: no event block event concert (hs fri 18:00-20:00) in this scenario",
        "assignments[6]: unknown school \"ms\"",
        "assignments[7]: no event block hs mon 07:00-08:00 in this scenario",
        "assignments[8]: times \"7:00\"-\"08:00\" are not HH:MM",
        "assignments[9]: unknown day \"monday\"",
        "assignments[10]: date 2024-09-12 is not the fri of the week of 2024-09-09 (2024-09-13)",
      ])
  }

  @Test func headerNamesTheScenarioAndWeek() {
    let scenario = district()
    var wrong = roster(scenario, baseAssignments, objective: 0)
    wrong.scenario = "Other district"
    wrong.week = "2024-09-16"
    #expect(
      validate(scenario, wrong).violations == [
        "scenario is \"Other district\", expected \"Test district\"",
        "week is \"2024-09-16\", expected \"2024-09-09\"",
      ])
  }

  @Test func violationsComeInAFixedOrder() {
    let scenario = district()
    var messy = roster(
      scenario,
      [
        assign("c", "hs", .mon, "07:00", "08:00"), assign("b", "hs", .mon, "07:00", "08:00"),
        assign("d", "hs", .mon, "07:30", "08:30"),
      ],
      uncovered: [short("hs", .mon, "07:00", "08:00", needed: 1, assigned: 0)], objective: 1)
    messy.week = "2024-09-10"
    let validator = RosterValidator(scenario: scenario)
    let first = validator.validate(messy)
    #expect(first == validator.validate(messy))
    #expect(
      first.violations == [
        "week is \"2024-09-10\", expected \"2024-09-09\"",
        "assignments[0]: officer c of CCSO may not cover hs (responsible agency NPD) under crossAgency: forbid",
        "assignments[2]: no coverage block hs mon 07:30-08:30 in this scenario",
        "hs mon 07:00-08:00 has 2 officers but needs 1",
        "uncovered[0]: hs mon 07:00-08:00 is not short (2 of 1 assigned)",
        "hs mon 08:00-09:00 is short by 1 (0 of 1 assigned) but has no uncovered entry",
        "officers[3]: officer d has hours 1; the assignments add up to 0",
        // c at hs: 1 × (1 + 10) = 11; 08:00–09:00 open: 100 × 1 × 1 = 100.
        "objective is 1; the roster's objective recomputes to 111",
      ])
  }
}
