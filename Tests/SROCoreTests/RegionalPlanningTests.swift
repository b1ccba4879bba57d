import SROTestSupport
import Testing

@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch
@testable import SROValidator

/// Large parts planned by region: the split, the headcount bound, and the
/// merged roster measured against the monolithic optimum.
@Suite(.tags(.slow)) struct RegionalPlanningTests {
  func generated(_ schools: Int, seed: UInt64) throws -> Scenario {
    try ScenarioLoader.load(
      text: DistrictGenerator(options: .init(schools: schools, seed: seed)).yaml(), file: "generated.yaml")
  }

  @Test(arguments: [1, 2] as [UInt64])
  func regionsSplitSchoolsAndOfficersExactlyOnce(seed: UInt64) throws {
    let scenario = try generated(40, seed: seed)
    let regions = try #require(Instance(scenario).regions(ofAtMost: 7))
    #expect(regions.count >= 6)
    for region in regions { #expect(region.schools.count <= 7) }
    #expect(regions.flatMap(\.schools).map(\.id).sorted() == scenario.schools.map(\.id).sorted())
    #expect(regions.flatMap(\.officers).map(\.id).sorted() == scenario.officers.map(\.id).sorted())
    for region in regions {
      let schools = Set(region.schools.map(\.id))
      for officer in region.officers {
        if let home = officer.home { #expect(schools.contains(home), "\(officer.id) away from home") }
      }
      #expect(region.events.allSatisfy { schools.contains($0.school) })
    }
    // Each region as a part of the whole: its blocks are the whole's at its
    // schools, as its own scenario cuts them, and its pairs lift to the
    // whole's and back.
    let whole = Instance(scenario)
    for region in regions {
      let part = whole.part(region)
      #expect(part.instance.blocks == region.blocks())
      #expect(part.officers.map { scenario.officers[$0].id } == region.officers.map(\.id))
      let pairs = part.instance.eligible.enumerated().flatMap { o, blocks in
        blocks.map { PinCheck.Pair(officer: o, block: $0) }
      }
      #expect(part.restricted(part.lifted(pairs)) == pairs)
    }
    // Deterministic: the same split every time.
    #expect(
      Instance(scenario).regions(ofAtMost: 7)?.map { $0.schools.map(\.id) }
        == regions.map { $0.schools.map(\.id) })
  }

  @Test func regionsAreNearbySchoolsAndReliefGoesWhereHoursAreMissing() throws {
    let regions = try #require(Instance(scenario(twoTownsYAML)).regions(ofAtMost: 2))
    #expect(regions.map { $0.schools.map(\.id.rawValue).sorted() } == [["w1", "w2"], ["e1", "e2"]])
    #expect(
      regions.map { $0.officers.map(\.id.rawValue).sorted() } == [["ow1", "ow2", "relief"], ["oe1", "oe2"]])
  }

  /// `twoTownsYAML` forced through the regional planner, two schools a region.
  var twoRegions: SearchTuning {
    var tuning = SearchTuning()
    tuning.restrictionThreshold = 0
    tuning.regionalThreshold = 2
    tuning.regionSchools = 2
    return tuning
  }

  @Test func aPinnedOfficerJoinsThePinnedSchoolsRegion() throws {
    let scenario = try scenario(twoTownsYAML + "\npins: [{officer: ow2, school: e1, day: mon}]")
    let regions = try #require(Instance(scenario).regions(ofAtMost: 2))
    #expect(regions[1].officers.map(\.id.rawValue).contains("ow2"))
    let roster = try Planner.plan(scenario, options: PlanningOptions(), tuning: twoRegions).roster
    #expect(roster.assignments.contains { $0.officer == "ow2" && $0.school == "e1" && $0.day == "mon" })
    #expect(RosterValidator(scenario: scenario).validate(roster).violations == [])
  }

  @Test func pinsInTwoRegionsFallBackToTheWholePart() throws {
    let scenario = try scenario(
      twoTownsYAML
        + "\npins: [{officer: relief, school: e1, day: mon}, {officer: relief, school: w1, day: tue}]")
    #expect(Instance(scenario).regions(ofAtMost: 2) == nil)
    let roster = try Planner.plan(scenario, options: PlanningOptions(), tuning: twoRegions).roster
    #expect(roster.assignments.contains { $0.officer == "relief" && $0.school == "e1" && $0.day == "mon" })
    #expect(roster.assignments.contains { $0.officer == "relief" && $0.school == "w1" && $0.day == "tue" })
  }

  /// The east loses oe1 on Wednesday too, but the relief deputy is dealt
  /// west (both regions miss four hours; the first wins the tie): by
  /// region e1 stays empty on Wednesday (400). Re-staffed on the whole
  /// part, the deputy crosses over on Wednesday, which the regions could
  /// not do: 0, the optimum, which the staffing bound (0) proves.
  @Test func reStaffingAcrossRegionsLetsReliefCrossOver() throws {
    let scenario = try twoTowns(alsoAwayWednesday: "oe1")
    let regions = try #require(Instance(scenario).regions(ofAtMost: 2))
    #expect(regions[0].officers.map(\.id.rawValue).contains("relief"))
    let byRegion = try regions.map { try Planner.plan($0).roster.objective }
    #expect(byRegion == [0, 400])
    try expectReliefCoversWednesday(at: "e1", planning: scenario, with: twoRegions)
  }

  /// One school a region and too many pairs to re-staff the whole part:
  /// neighbouring regions are re-staffed two by two. ow2 is away
  /// Wednesday and the deputy was dealt to w1's region (the first of two
  /// equal deficits): w2 stays empty on Wednesday by region (400); the
  /// pair w1–w2 re-staffed together gives 0, the optimum.
  @Test func neighbouringRegionsAreReStaffedTwoByTwo() throws {
    let scenario = try twoTowns(alsoAwayWednesday: "ow2")
    let regions = try #require(Instance(scenario).regions(ofAtMost: 1))
    #expect(regions.map { $0.schools.map(\.id.rawValue) } == [["w1"], ["w2"], ["e1"], ["e2"]])
    #expect(regions[0].officers.map(\.id.rawValue).sorted() == ["ow1", "relief"])
    #expect(try Planner.plan(regions[1]).roster.objective == 400)
    var tuning = twoRegions
    tuning.regionalThreshold = 1
    tuning.regionSchools = 1
    tuning.acrossRegionsPairs = 0
    try expectReliefCoversWednesday(at: "w2", planning: scenario, with: tuning)
  }

  /// `twoTownsYAML` with `officer` away on Wednesday as well.
  func twoTowns(alsoAwayWednesday officer: String) throws -> Scenario {
    try scenario(
      twoTownsYAML.replacingOccurrences(
        of: "reason: training}]", with: "reason: training}, {officer: \(officer), day: wed, reason: court}]"))
  }

  /// Plans `scenario` tuned by `tuning` and expects a valid roster costing
  /// 0, proven optimal, with the relief deputy at `school` on Wednesday.
  func expectReliefCoversWednesday(
    at school: String, planning scenario: Scenario, with tuning: SearchTuning
  )
    throws
  {
    let roster = try Planner.plan(scenario, options: PlanningOptions(), tuning: tuning).roster
    #expect(RosterValidator(scenario: scenario).validate(roster).violations == [])
    #expect(roster.objective == 0)
    #expect(roster.status == .optimal)
    #expect(roster.assignments.contains { $0.officer == "relief" && $0.school == school && $0.day == "wed" })
  }

  @Test func aPublishedWeekAnchorsItsOfficer() throws {
    let scenario = try scenario(twoTownsYAML)
    let published = PublishedRoster(
      assignments: ["mon", "tue", "wed"].map {
        Roster.Assignment(
          officer: "relief", school: "e2", day: $0, date: "", start: "08:00", end: "12:00", kind: .coverage,
          event: nil)
      }, changeWeight: 50)
    let regions = try #require(Instance(scenario).regions(ofAtMost: 2, published: published))
    #expect(regions[1].officers.map(\.id.rawValue).contains("relief"))
    var options = PlanningOptions()
    options.published = published
    let roster = try Planner.plan(scenario, options: options, tuning: twoRegions).roster
    #expect(roster.status == .feasible)  // re-planning by region proves nothing
    #expect(RosterValidator(scenario: scenario).validate(roster).violations == [])
  }

  @Test func schoolsWithoutLocationStayWithinTheCap() throws {
    let unlocated = (1...5).map { "  - {id: u\($0), level: elementary}" }.joined(separator: "\n")
    let officers = (1...5).map { "  - {id: ou\($0), agency: A, home: u\($0)}" }.joined(separator: "\n")
    let scenario = try scenario(
      twoTownsYAML.replacingOccurrences(of: "schools:\n", with: "schools:\n" + unlocated + "\n")
        .replacingOccurrences(of: "officers:\n", with: "officers:\n" + officers + "\n"))
    let regions = try #require(Instance(scenario).regions(ofAtMost: 2))
    #expect(regions.allSatisfy { $0.schools.count <= 2 })
    #expect(regions.flatMap(\.schools).count == 9)
  }

  @Test func aRegionWithoutItsOfficersFallsBackToTheWholePart() throws {
    // Every officer lives in the west: the east would be left unstaffed.
    let scenario = try scenario(
      twoTownsYAML.replacingOccurrences(of: "home: e1", with: "home: w1")
        .replacingOccurrences(of: "home: e2", with: "home: w2")
        .replacingOccurrences(of: "  - {id: relief, agency: A}\n", with: ""))
    #expect(Instance(scenario).regions(ofAtMost: 2) == nil)
    let roster = try Planner.plan(scenario, options: PlanningOptions(), tuning: twoRegions).roster
    #expect(RosterValidator(scenario: scenario).validate(roster).violations == [])
    #expect(roster.assignments.contains { $0.school.hasPrefix("e") })
  }

  /// Two blocks at 08:00–12:00 on Monday, priorities 2 and 1, one relief
  /// officer: one block stays empty, at best the cheaper one, 1 × 4 h ×
  /// 100 = 400, which is also the optimum.
  @Test func staffingBoundCountsTheOfficersWhoAreNotThere() throws {
    let scenario = try scenario(
      """
      schools:
        - {id: s1, level: elementary, priority: 2, coverage: [{day: mon, start: "08:00", end: "12:00", officers: 1}]}
        - {id: s2, level: elementary, coverage: [{day: mon, start: "08:00", end: "12:00", officers: 1}]}
      officers: [{id: o1, agency: A}]
      """)
    #expect(StaffingBound.bound(Instance(scenario)) == 400)
    #expect(try solveAndValidate(scenario).objective == 400)
  }

  /// Enough officers at every moment: no bound from headcount.
  @Test func staffingBoundIsZeroWhenEveryoneCanBeThere() throws {
    let scenario = try scenario(twoTownsYAML)
    #expect(StaffingBound.bound(Instance(scenario)) == 0)
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func staffingBoundNeverExceedsTheOptimum(seed: UInt64) throws {
    let scenario = try generated(12, seed: seed)
    let bound = StaffingBound.bound(Instance(scenario))
    #expect(try bound <= Planner.plan(scenario).roster.objective + 1e-6)
  }

  @Test(arguments: [1, 4] as [UInt64])
  func regionalRosterIsValidAndItsBoundHolds(seed: UInt64) throws {
    let scenario = try generated(16, seed: seed)
    let exact = try Planner.plan(scenario).roster
    var tuning = SearchTuning()
    tuning.restrictionThreshold = 0
    tuning.regionalThreshold = 4
    tuning.regionSchools = 5
    let regional = try Planner.plan(scenario, options: PlanningOptions(), tuning: tuning).roster
    let validation = RosterValidator(scenario: scenario).validate(regional)
    #expect(validation.violations == [])
    #expect(abs(validation.recomputedObjective - regional.objective) < 1e-6)
    #expect(regional.objective >= exact.objective - 1e-6)
    #expect(regional.bound <= exact.objective + 1e-6)
    #expect(regional.bound <= regional.objective + 1e-6)
  }
}
