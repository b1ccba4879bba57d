import GLPKSolver
import LinearModel
import SROTestSupport
import Testing

@testable import SROFormulation
@testable import SROScenario

/// Each row family of the model on a tiny scenario: the rows of the family
/// are exactly these, and the rule's quick check (``Rules/conflict(_:_:)``)
/// names the same rule.
@Suite struct ConstraintFamilyTests {
  /// The names of the rows of `family`, in order.
  func rows(_ coverage: CoverageModel, _ family: ConstraintFamily) -> [String] {
    coverage.model.constraints(inFamily: family.rawValue).map(\.name.description)
  }

  /// The variables of a row, by name, sorted.
  func variables(of row: NamedConstraint, in coverage: CoverageModel) -> [String] {
    row.constraint.expression.terms.map { coverage.model[$0.variable].name.description }.sorted()
  }

  @Test func coverHasOneRowPerBlockWithItsShortage() throws {
    let coverage = try CoverageModel(
      scenario: scenario(
        """
        schools: [{id: s1, level: elementary, coverage: [{days: [mon, tue], start: "08:00", end: "12:00", officers: 2}]}]
        officers: [{id: o1, agency: A, home: s1}]
        """))
    #expect(rows(coverage, .cover) == ["cover[s1,mon,08:00-12:00]", "cover[s1,tue,08:00-12:00]"])
    let row = try #require(coverage.model.constraints(inFamily: "cover").first)
    #expect(variables(of: row, in: coverage) == ["short[s1,mon,08:00-12:00]", "x[o1,s1,mon,08:00-12:00]"])
    #expect(row.constraint.sense == .equal && row.constraint.rightHandSide == 2)
  }

  @Test func overlapIsOneRowPerSharedMoment() throws {
    let coverage = try CoverageModel(
      scenario: scenario(
        """
        schools: [{id: s1, level: elementary, coverage: [{day: mon, start: "08:00", end: "12:00", officers: 1}]}]
        events: [{id: ev, school: s1, day: mon, start: "10:00", end: "11:00", officers: 1}]
        officers: [{id: o1, agency: A, home: s1}]
        """))
    #expect(rows(coverage, .overlap) == ["overlap[o1,mon,10:00]"])
    let row = try #require(coverage.model.constraints(inFamily: "overlap").first)
    #expect(variables(of: row, in: coverage) == ["x[o1,ev]", "x[o1,s1,mon,08:00-12:00]"])
    #expect(rows(coverage, .travel).isEmpty && rows(coverage, .rest).isEmpty)
    let blocks = coverage.blocks
    #expect(coverage.instance.rules.conflict(blocks[0], blocks[1]) == .overlap)
    #expect(coverage.instance.rules.conflict(blocks[1], blocks[0]) == .overlap)
  }

  /// s1 and s2 are about 36 km apart: 55 minutes at 40 km/h.
  func travelScenario(secondStart: String) throws -> Scenario {
    try scenario(
      """
      schools:
        - {id: s1, level: elementary, location: {lat: 35.20, lon: -97.50}, coverage: [{day: mon, start: "08:00", end: "12:00", officers: 1}]}
        - {id: s2, level: elementary, location: {lat: 35.20, lon: -97.10}, coverage: [{day: mon, start: "\(secondStart)", end: "15:00", officers: 1}]}
      officers: [{id: o1, agency: A}]
      """)
  }

  @Test func travelRowsPairABlockWithWhatItRulesOut() throws {
    let short = try CoverageModel(scenario: travelScenario(secondStart: "12:30"))
    #expect(rows(short, .travel) == ["travel[o1,s1,mon,08:00-12:00,mon,12:30]"])
    let row = try #require(short.model.constraints(inFamily: "travel").first)
    #expect(variables(of: row, in: short) == ["x[o1,s1,mon,08:00-12:00]", "x[o1,s2,mon,12:30-15:00]"])
    #expect(row.constraint.sense == .lessOrEqual && row.constraint.rightHandSide == 1)
    #expect(short.instance.rules.conflict(short.blocks[1], short.blocks[0]) == .travel)

    let enough = try CoverageModel(scenario: travelScenario(secondStart: "13:00"))
    #expect(rows(enough, .travel).isEmpty)
    #expect(enough.instance.rules.conflict(enough.blocks[0], enough.blocks[1]) == nil)
  }

  func restScenario(minRestHours: Int) throws -> Scenario {
    try scenario(
      """
      policy: {minRestHours: \(minRestHours)}
      schools: [{id: s1, level: elementary, coverage: [{day: tue, start: "08:00", end: "12:00", officers: 1}]}]
      events: [{id: game, school: s1, day: mon, start: "20:00", end: "23:00", officers: 1}]
      officers: [{id: o1, agency: A, home: s1}]
      """)
  }

  @Test func restRowsJoinALateBlockAndTheNextMorning() throws {
    let tired = try CoverageModel(scenario: restScenario(minRestHours: 10))
    #expect(rows(tired, .rest) == ["rest[o1,game,tue,08:00]"])
    #expect(tired.instance.rules.conflict(tired.blocks[1], tired.blocks[0]) == .rest)
    let rested = try CoverageModel(scenario: restScenario(minRestHours: 9))
    #expect(rows(rested, .rest).isEmpty)
    #expect(rested.instance.rules.conflict(rested.blocks[0], rested.blocks[1]) == nil)
  }

  func hoursScenario() throws -> Scenario {
    try scenario(
      """
      schools: [{id: s1, level: elementary, coverage: [{day: mon, start: "06:00", end: "14:00", officers: 1}, {day: tue, start: "08:00", end: "10:00", officers: 1}]}]
      events: [{id: late, school: s1, day: mon, start: "15:00", end: "20:00", officers: 1}]
      officers: [{id: o1, agency: A, home: s1, maxHoursPerWeek: 10}]
      """)
  }

  @Test func dayAndWeekRowsOnlyWhereTheyCanBindInTheTightForm() throws {
    let tight = try CoverageModel(scenario: hoursScenario())
    #expect(rows(tight, .day) == ["day[o1,mon]"])
    #expect(rows(tight, .week) == ["week[o1]"])
    let week = try #require(tight.model.constraints(inFamily: "week").first)
    #expect(variables(of: week, in: tight).contains("ot[o1]"))
    #expect(week.constraint.rightHandSide == 10)
    #expect(tight.overtimeStep == [1])

    let plain = try CoverageModel(scenario: hoursScenario(), formulation: .plain)
    #expect(rows(plain, .day) == ["day[o1,mon]", "day[o1,tue]"])
    #expect(rows(plain, .week) == ["week[o1]"])
  }

  @Test func symmetryOrdersInterchangeableOfficersUnlessOneIsPinned() throws {
    let twins = """
      schools: [{id: s1, level: elementary, coverage: [{day: mon, start: "08:00", end: "12:00", officers: 1}]}]
      officers: [{id: o1, agency: A}, {id: o2, agency: A}, {id: o3, agency: A, home: s1}]
      """
    #expect(rows(try CoverageModel(scenario: scenario(twins)), .symmetry) == ["symmetry[o1,o2]"])
    let pinned = twins + "\npins: [{officer: o2, school: s1, day: mon}]"
    #expect(rows(try CoverageModel(scenario: scenario(pinned)), .symmetry).isEmpty)
  }

  @Test func everyRowBelongsToAFamily() throws {
    let coverage = try CoverageModel(scenario: scenario(twoTownsYAML))
    let families = Set(ConstraintFamily.allCases.map(\.rawValue))
    #expect(Set(coverage.model.constraintFamilies).isSubset(of: families))
  }

  /// The tight and the plain formulation write the same rules: the same
  /// optimum on every hand-checked case and on the two towns.
  @Test(arguments: handCheckedCases.map(\.yaml) + [twoTownsYAML])
  func tightAndPlainReachTheSameOptimum(yaml: String) throws {
    let scenario = try scenario(yaml)
    let tight = try GLPK.solve(CoverageModel(scenario: scenario).model)
    let plain = try GLPK.solve(CoverageModel(scenario: scenario, formulation: .plain).model)
    #expect(tight.status == .optimal && plain.status == .optimal)
    #expect(abs((tight.objective ?? .nan) - (plain.objective ?? .nan)) < 1e-6)
  }
}
