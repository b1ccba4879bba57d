import SROTestSupport
import Testing

@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch
@testable import SROValidator

/// The seeded district generator: reproducible, always a valid scenario of
/// the requested size, and a Norman-size week solves.
struct GeneratorTests {
  private func options(schools: Int, officers: Int? = nil, seed: UInt64) -> DistrictGenerator.Options {
    DistrictGenerator.Options(schools: schools, officers: officers, seed: seed)
  }

  @Test func sameOptionsGiveTheSameText() {
    for schools in [1, 7, 24, 90] {
      let first = DistrictGenerator(options: options(schools: schools, seed: 42)).yaml()
      let second = DistrictGenerator(options: options(schools: schools, seed: 42)).yaml()
      #expect(first == second)
    }
  }

  @Test func differentSeedsGiveDifferentText() {
    let texts = (0..<5).map { DistrictGenerator(options: options(schools: 24, seed: $0)).yaml() }
    for (index, text) in texts.enumerated() {
      for other in texts[(index + 1)...] { #expect(text != other) }
    }
  }

  @Test func aKnownSeedGivesAKnownDistrict() throws {
    // Pins the generator's output: a change here changes every benchmark.
    let text = DistrictGenerator(options: options(schools: 24, seed: 1)).yaml()
    #expect(text.contains("name: \"Westbury Public Schools, week of 16 Sep 2024\""))
    #expect(text.contains("  - {id: westbury-high, name: Westbury High School, level: high,"))
    let scenario = try ScenarioLoader.load(text: text, file: "seed-1.yaml")
    #expect(scenario.schools.count == 24)
    #expect(scenario.officers.count == 30)
  }

  @Test func splitMixIsTheReferenceSequence() {
    // SplitMix64 seeded with 1234567, from the reference implementation.
    var rng = SplitMix64(seed: 1_234_567)
    #expect(rng.next() == 6_457_827_717_110_365_317)
    #expect(rng.next() == 3_203_168_211_198_807_973)
    #expect(rng.next() == 9_817_491_932_198_370_423)
  }

  @Test(arguments: [5, 8, 12, 17, 24, 31, 40, 49, 60])
  func everyGeneratedDistrictLoads(schools: Int) throws {
    for seed in UInt64(0)..<40 {
      let options = options(schools: schools, seed: seed)
      let text = DistrictGenerator(options: options).yaml()
      let scenario: Scenario
      do {
        scenario = try ScenarioLoader.load(text: text, file: "generated.yaml")
      } catch {
        Issue.record("seed \(seed), \(schools) schools: \(error)")
        continue
      }
      try check(scenario, options: options)
    }
  }

  @Test func explicitOptionsAreFollowed() throws {
    var options = options(schools: 30, officers: 50, seed: 7)
    options.events = 9
    options.closures = 3
    options.absenceRate = 0.5
    options.crossAgency = .penalize
    options.week = CivilDate(year: 2025, month: 1, day: 6)!
    let scenario = try ScenarioLoader.load(
      text: DistrictGenerator(options: options).yaml(), file: "generated.yaml")
    try check(scenario, options: options)
    #expect(scenario.events.count == 9)
    #expect(scenario.closures.count == 3)
    #expect(scenario.policy.crossAgency == .penalize)
    #expect(scenario.week == options.week)
    #expect(scenario.absences.count >= 10)
  }

  @Test func largeAndTinyDistrictsLoad() throws {
    for (schools, officers) in [(1, nil), (2, nil), (3, 0), (4, 1), (250, nil)] as [(Int, Int?)] {
      let options = options(schools: schools, officers: officers, seed: 3)
      let scenario = try ScenarioLoader.load(
        text: DistrictGenerator(options: options).yaml(), file: "generated.yaml")
      #expect(scenario.schools.count == schools)
      #expect(scenario.officers.count == options.resolvedOfficers)
    }
  }

  @Test func badOptionsAreReported() {
    var options = options(schools: 0, officers: -1, seed: 1)
    options.absenceRate = 1.5
    options.week = CivilDate(year: 2024, month: 9, day: 17)!
    #expect(options.problems.count == 4)
  }

  @Test func aGeneratedNormanSizeWeekSolves() throws {
    let scenario = try ScenarioLoader.load(
      text: DistrictGenerator(options: options(schools: 24, seed: 3)).yaml(), file: "generated.yaml")
    var planning = PlanningOptions()
    planning.timeLimit = .seconds(20)
    let roster = try Planner.plan(scenario, options: planning).roster
    #expect(roster.status == .optimal || roster.status == .feasible)
    let validation = RosterValidator(scenario: scenario).validate(roster)
    #expect(validation.violations == [])
    #expect(abs(validation.recomputedObjective - roster.objective) < 1e-6)
  }

  /// What every generated district must satisfy.
  private func check(_ scenario: Scenario, options: DistrictGenerator.Options) throws {
    let context = "seed \(options.seed), \(options.schools) schools"
    #expect(scenario.schools.count == options.schools, "\(context)")
    #expect(scenario.officers.count == options.resolvedOfficers, "\(context)")
    #expect(scenario.agencies.count == 2, "\(context)")
    for agency in scenario.agencies {
      #expect(scenario.schools.contains { $0.agency == agency.id }, "\(context): \(agency.id) has no school")
      #expect(
        scenario.officers.contains { $0.agency == agency.id }, "\(context): \(agency.id) has no officer")
    }
    #expect(scenario.officers.contains { $0.home == nil }, "\(context): no relief officer")
    #expect(scenario.absences.contains { $0.interval == .wholeDay }, "\(context): no whole-day absence")
    #expect(scenario.absences.contains { $0.interval != .wholeDay }, "\(context): no partial absence")
    #expect(!scenario.events.isEmpty, "\(context): no event")
    #expect(!scenario.closures.isEmpty, "\(context): no closure")
    #expect(scenario.week.weekday == .mon)
    // Every skill a school needs is held by an officer of its agency.
    for school in scenario.schools {
      for skill in school.skills {
        #expect(
          scenario.officers.contains { $0.agency == school.agency && $0.skills.contains(skill) },
          "\(context): nobody at \(school.agency) has \(skill) for \(school.id)")
      }
    }
    // Home officers belong to the agency responsible for their school.
    for officer in scenario.officers {
      if let home = officer.home { #expect(scenario.school(home)?.agency == officer.agency, "\(context)") }
    }
    // A school's coordinates stay within the district's disc (plus slack).
    let radiusKm = max(3, 8 * (Double(options.schools) / 24).squareRoot())
    for school in scenario.schools {
      let location = try #require(school.location)
      let northKm = (location.latitude - 38.96) * 111.32
      let eastKm = (location.longitude + 95.25) * 86.58
      #expect((northKm * northKm + eastKm * eastKm).squareRoot() <= radiusKm + 0.1, "\(context)")
    }
  }
}
