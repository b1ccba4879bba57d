import Foundation
import SROTestSupport
import Testing

@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch
@testable import SROStaffing

/// Four elementary schools of agency A with an arrival period of priority
/// 3, one officer at each, officers away a fifth of the days.
let studyYAML = """
  periods:
    - {id: arrival, start: "07:30", end: "08:30", priority: 3}
    - {id: day, start: "08:30", end: "12:00"}
  schools:
    - {id: w1, level: elementary}
    - {id: w2, level: elementary}
    - {id: w3, level: elementary}
    - {id: w4, level: elementary}
  defaults:
    coverage: {elementary: [{days: weekdays, start: "07:30", end: "12:00", officers: 1}]}
  officers:
    - {id: o1, agency: A, home: w1}
    - {id: o2, agency: A, home: w2}
    - {id: o3, agency: A, home: w3}
    - {id: o4, agency: A, home: w4}
  staffing:
    absences:
      - {wholeDay: 0.2, partDay: 0.1}
  """

func study(samples: Int = 12, seed: UInt64 = 7, relief: [Int] = [0, 1, 2, 3]) throws -> StaffingStudy {
  StaffingStudy(
    scenario: try scenario(studyYAML), seed: seed, samples: samples, relief: [(AgencyID("A"), relief)],
    timeLimit: .seconds(20), target: 0.9)
}

@Suite struct StaffingSamplingTests {
  @Test func weeksAreReproducibleAndIndependentOfTheSampleCount() throws {
    let a = try study(samples: 5).sampler
    let b = try study(samples: 50).sampler
    let other = try study(seed: 8).sampler
    let weeks = (0..<5).map { a.week($0, relief: []).absences }
    #expect(weeks == (0..<5).map { b.week($0, relief: []).absences })
    #expect(weeks != (0..<5).map { other.week($0, relief: []).absences })
    #expect(weeks.flatMap { $0 }.count > 0)
    #expect(Set(weeks.map { $0.map(\.officer) }).count > 1)  // the weeks differ
  }

  @Test func reliefOfficersKeepTheirAbsencesAcrossLevels() throws {
    let sampler = try study().sampler
    let two = sampler.week(3, relief: [(AgencyID("A"), 2)])
    let three = sampler.week(3, relief: [(AgencyID("A"), 3)])
    #expect(three.officers.prefix(two.officers.count).map(\.id) == two.officers.map(\.id))
    let ids = Set(two.officers.map(\.id))
    #expect(three.absences.filter { ids.contains($0.officer) } == two.absences)
    #expect(three.officers.last?.home == nil && three.officers.last?.agency == AgencyID("A"))
  }

  @Test func sampledRatesMatchTheAskedRates() throws {
    let sampler = try study().sampler
    let absences = (0..<400).flatMap { sampler.week($0, relief: []).absences }
    let officerDays = 400.0 * 4 * 5
    let whole = Double(absences.filter { $0.interval == .wholeDay }.count) / officerDays
    let part = Double(absences.filter { $0.interval != .wholeDay }.count) / officerDays
    #expect(abs(whole - 0.2) < 0.02)
    #expect(abs(part - 0.1) < 0.015)
  }

  @Test func defaultRatesComeFromTheScenariosAbsences() throws {
    let typical = try ScenarioLoader.load(
      packageRoot.appendingPathComponent("scenarios/norman/typical-week.yaml").path)
    // 31 officers × 5 school days; one sick day, one court half-day.
    #expect(
      typical.observedAbsenceRates
        == AbsenceRates(wholeDay: roundToMicro(1 / 155), partDay: roundToMicro(1 / 155)))
    #expect(typical.partDayShapes.map(\.start.description) == ["12:00"])
    let plain = try scenario(studyYAML)
    #expect(plain.observedAbsenceRates == .fallback)
    #expect(plain.partDayShapes.count == 2)
  }

  @Test func ratesResolveOfficerThenAgencyThenEveryone() throws {
    var assumptions = StaffingAssumptions()
    let s = try scenario(studyYAML)
    try assumptions.add("0.1", kind: .wholeDay, for: s)
    try assumptions.add("A=0.3", kind: .partDay, for: s)
    try assumptions.add("o2=0.5", kind: .wholeDay, for: s)
    let defaults = AbsenceRates(wholeDay: 0.01, partDay: 0.02)
    #expect(
      assumptions.rates(of: s.officers[0], defaults: defaults) == AbsenceRates(wholeDay: 0.1, partDay: 0.3))
    #expect(
      assumptions.rates(of: s.officers[1], defaults: defaults) == AbsenceRates(wholeDay: 0.5, partDay: 0.3))
  }

  @Test func reliefOfficersGetTheirAgencysReliefSkills() throws {
    let base = try scenario(studyYAML + "\n  reliefSkills: {A: [special-needs, first-aid]}")
    #expect(base.staffing.reliefSkills == [AgencyID("A"): ["first-aid", "special-needs"]])
    let week = WeekSampler(base: base, seed: 1).week(0, relief: [(AgencyID("A"), 1), (AgencyID("B"), 1)])
    #expect(week.officers.suffix(2).map(\.skills) == [["first-aid", "special-needs"], []])
    var assumptions = StaffingAssumptions()
    try assumptions.addReliefSkills("B=x,a,x", for: base)
    #expect(assumptions.reliefSkills == [AgencyID("B"): ["a", "x"]])
    #expect(throws: StaffingSettingError.self) { try assumptions.addReliefSkills("C=x", for: base) }
    #expect(throws: StaffingSettingError.self) { try assumptions.addReliefSkills("B", for: base) }
    let problems = diagnostics(studyYAML + "\n  reliefSkills: {AA: [x]}")
    #expect(problems.count == 1 && problems[0].contains("unknown agency \"AA\"; did you mean \"A\"?"))
    #expect(diagnostics(studyYAML + "\n  reliefSkills: [x]").first?.contains("expected a mapping") == true)
  }

  @Test func extraEventsAndClosuresAreDrawnWhenAsked() throws {
    var base = try scenario(
      studyYAML + "\n  eventsPerWeek: 2\n  closureRate: 0.1\nevents:\n"
        + "  - {id: game, school: w1, day: fri, start: \"18:00\", end: \"20:00\", officers: 1}")
    let sampler = WeekSampler(base: base, seed: 1)
    let weeks = (0..<200).map { sampler.week($0, relief: []) }
    let events = Double(weeks.map { $0.events.count - 1 }.reduce(0, +)) / 200
    let closures = Double(weeks.map(\.closures.count).reduce(0, +)) / (200 * 20)
    #expect(abs(events - 2) < 0.3)
    #expect(abs(closures - 0.1) < 0.02)
    #expect(weeks.allSatisfy { $0.events.dropFirst().allSatisfy { $0.school == SchoolID("w1") } })
    base.staffing = StaffingAssumptions()
    #expect(WeekSampler(base: base, seed: 1).week(0, relief: []).events.count == 1)
  }
}

@Suite struct StaffingInputTests {
  @Test func theStaffingSectionIsChecked() {
    let problems = diagnostics(
      """
      officers:
        - {id: o1, agency: A}
      staffing:
        absences:
          - {agency: AA, wholeDay: 0.2}
          - {agency: A, officer: o1, wholeDay: 0.2}
          - {officer: o1, wholeDay: 1.5}
          - {officer: o1}
          - {officer: o1, partday: 0.1}
        eventsPerWeek: -1
      """)
    #expect(problems.count == 7)  // the misspelt key also leaves no rate
    #expect(
      problems.contains { $0.contains("staffing.absences[0].agency") && $0.contains("did you mean \"A\"") })
    #expect(
      problems.contains { $0.contains("staffing.absences[1].officer: give agency or officer, not both") })
    #expect(problems.contains { $0.contains("staffing.absences[2].wholeDay") })
    #expect(problems.contains { $0.contains("staffing.absences[3]: give wholeDay, partDay or both") })
    #expect(problems.contains { $0.contains("unknown key \"partday\"") && $0.contains("partDay") })
    #expect(problems.contains { $0.contains("staffing.eventsPerWeek") })
  }

  @Test func commandLineSettingsAreChecked() throws {
    let s = try scenario(studyYAML)
    var assumptions = StaffingAssumptions()
    #expect(throws: StaffingSettingError.self) { try assumptions.add("1.5", kind: .wholeDay, for: s) }
    #expect(throws: StaffingSettingError.self) { try assumptions.add("A=x", kind: .wholeDay, for: s) }
    do {
      try assumptions.add("o5=0.1", kind: .partDay, for: s)
      Issue.record("an unknown officer was accepted")
    } catch {
      #expect(error.description.contains("did you mean \"o1\"") || error.description.contains("did you mean"))
    }
    #expect(assumptions.rates.isEmpty)
  }

  @Test(arguments: [
    ("A=0,1,2", [0, 1, 2]), ("A=0-3", [0, 1, 2, 3]), ("A=2,0-1,2", [0, 1, 2]),
  ])
  func reliefCountsParse(text: String, counts: [Int]) throws {
    #expect(try ReliefRequest(parsing: text, for: scenario(studyYAML)).counts == counts)
  }

  @Test func anAgencyIsGivenReliefOnce() throws {
    let s = try scenario(studyYAML)
    #expect(try ReliefRequest.parsing(["A=0-1"], for: s) == [ReliefRequest(parsing: "A=0,1", for: s)])
    #expect(throws: StaffingSettingError.self) { try ReliefRequest.parsing(["A=0-1", "A=2"], for: s) }
    do {
      _ = try ReliefRequest.parsing(["A=0-1", "A=2"], for: s)
    } catch {
      #expect(
        error.description == "\"A=2\": relief for A is asked twice; give all its counts at once, e.g. A=0-3")
    }
  }

  @Test(arguments: ["A", "A=", "A=3-1", "A=-1", "A=x", "C=1", "A=51"])
  func badReliefIsRefused(text: String) throws {
    let s = try scenario(studyYAML)
    #expect(throws: StaffingSettingError.self) { try ReliefRequest(parsing: text, for: s) }
  }
}
