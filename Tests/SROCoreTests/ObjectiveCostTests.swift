import SROTestSupport
import Testing

@testable import SROScenario

/// The objective's terms (spec §4), written once in `Weights+Costs.swift`,
/// on figures worked out by hand.
@Suite struct ObjectiveCostTests {
  let weights = Weights(uncovered: 100, overtime: 4, awayFromHome: 1.5, crossAgency: 10)

  @Test func eachTermIsItsWeightTimesItsHours() {
    #expect(weights.uncoveredCost(hours: 2.5, priority: 3) == 750)  // 100 × 3 × 2.5
    #expect(weights.overtimeCost(hours: 1.5) == 6)
    #expect(weights.awayFromHomeCost(hours: 4) == 6)
    #expect(weights.crossAgencyCost(hours: 0.5) == 5)
  }

  @Test(arguments: [(false, false, 0.0), (true, false, 1.5), (false, true, 10), (true, true, 11.5)])
  func costPerHourAddsTheTermsThatApply(away: Bool, cross: Bool, cost: Double) {
    #expect(weights.costPerHour(awayFromHome: away, crossAgency: cross) == cost)
  }

  @Test func awayAndCrossAreReadOffTheOfficerAndTheSchool() throws {
    let week = try scenario(
      """
      schools:
        - {id: north-high, level: high}
        - {id: south-high, level: high}
        - {id: lincoln-es, level: elementary}
      officers:
        - {id: b-01, agency: B, home: north-high}
        - {id: b-relief, agency: B}
      """)
    let rules = Eligibility(week)  // agency A serves elementary, B high (baseYAML)
    let homed = week.officers[0]
    let relief = week.officers[1]
    #expect(!rules.isAwayFromHome(homed, at: SchoolID("north-high")))
    #expect(rules.isAwayFromHome(homed, at: SchoolID("south-high")))
    #expect(!rules.isAwayFromHome(relief, at: SchoolID("south-high")))  // no home school: never away
    #expect(!rules.isCrossAgency(homed, at: SchoolID("south-high")))
    #expect(rules.isCrossAgency(homed, at: SchoolID("lincoln-es")))
    #expect(rules.isCrossAgency(relief, at: SchoolID("nowhere")))  // an unknown school has no agency
  }
}
