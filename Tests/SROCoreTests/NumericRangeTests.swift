import SROTestSupport
import Testing

@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch

/// One numeric field at one edge of its documented range.
struct RangeEdge: CustomTestStringConvertible, Sendable {
  let field: String
  /// The scenario lines (after the base) with `VALUE` where the number goes.
  let template: String
  let accepted: [String]
  let refused: [String]
  var testDescription: String { field }
}

/// Every number a scenario holds, at and just beyond each end of its range
/// (docs/scenario-format.md, "Ranges of numbers").
let rangeEdges: [RangeEdge] = [
  RangeEdge(
    field: "policy.maxHoursPerDay", template: "policy: {maxHoursPerDay: VALUE}",
    accepted: ["0", "24"], refused: ["-0.01", "24.01", "1e300"]),
  RangeEdge(
    field: "policy.maxHoursPerWeek", template: "policy: {maxHoursPerWeek: VALUE}",
    accepted: ["0", "168"], refused: ["-1", "168.5"]),
  RangeEdge(
    field: "policy.maxOvertimePerWeek", template: "policy: {maxOvertimePerWeek: VALUE}",
    accepted: ["0", "168"], refused: ["-1", "169"]),
  RangeEdge(
    field: "policy.minRestHours", template: "policy: {minRestHours: VALUE}",
    accepted: ["0", "168"], refused: ["-1", "168.01", "1e20"]),
  RangeEdge(
    field: "policy.travelSpeedKmh", template: "policy: {travelSpeedKmh: VALUE}",
    accepted: ["1", "1000"], refused: ["0.99", "1e-17", "0", "1000.5"]),
  RangeEdge(
    field: "policy.weights.uncovered", template: "policy: {weights: {uncovered: VALUE}}",
    accepted: ["0", "1000000"], refused: ["-1", "1000001", "1e308"]),
  RangeEdge(
    field: "policy.weights.overtime", template: "policy: {weights: {overtime: VALUE}}",
    accepted: ["0", "1000"], refused: ["-0.5", "1e15"]),
  RangeEdge(
    field: "policy.weights.awayFromHome", template: "policy: {weights: {awayFromHome: VALUE}}",
    accepted: ["0", "1000"], refused: ["-1", "1e15"]),
  RangeEdge(
    field: "policy.weights.crossAgency", template: "policy: {weights: {crossAgency: VALUE}}",
    accepted: ["0", "1000000"], refused: ["-1", "2000000"]),
  RangeEdge(
    field: "periods[0].priority",
    template: "periods: [{id: p, start: \"08:00\", end: \"09:00\", priority: VALUE}]",
    accepted: ["0", "100"], refused: ["-1", "100.5", "1e308"]),
  RangeEdge(
    field: "schools[0].priority", template: "schools: [{id: s, level: elementary, priority: VALUE}]",
    accepted: ["0", "100"], refused: ["-1", "101"]),
  RangeEdge(
    field: "events[0].priority",
    template: """
      schools: [{id: s, level: elementary}]
      events: [{id: e, school: s, day: mon, start: "18:00", end: "20:00", officers: 1, priority: VALUE}]
      """,
    accepted: ["0", "100"], refused: ["-1", "100.01"]),
  RangeEdge(
    field: "events[0].officers",
    template: """
      schools: [{id: s, level: elementary}]
      events: [{id: e, school: s, day: mon, start: "18:00", end: "20:00", officers: VALUE}]
      """,
    accepted: ["0", "1000"], refused: ["-1", "1001", "1.5", "99999999999999999999"]),
  RangeEdge(
    field: "schools[0].coverage[0].officers",
    template: """
      schools: [{id: s, level: elementary, coverage: [{days: mon, start: "08:00", end: "09:00", officers: VALUE}]}]
      """,
    accepted: ["0", "1000"], refused: ["-1", "1001"]),
  RangeEdge(
    field: "officers[0].maxHoursPerWeek", template: "officers: [{id: o, agency: A, maxHoursPerWeek: VALUE}]",
    accepted: ["0", "168"], refused: ["-8", "169"]),
  RangeEdge(
    field: "officers[0].maxOvertimePerWeek",
    template: "officers: [{id: o, agency: A, maxOvertimePerWeek: VALUE}]",
    accepted: ["0", "168"], refused: ["-8", "1e20"]),
  RangeEdge(
    field: "schools[0].location.lat",
    template: "schools: [{id: s, level: elementary, location: {lat: VALUE, lon: 0}}]",
    accepted: ["-90", "90"], refused: ["-90.01", "90.01"]),
  RangeEdge(
    field: "schools[0].location.lon",
    template: "schools: [{id: s, level: elementary, location: {lat: 0, lon: VALUE}}]",
    accepted: ["-180", "180"], refused: ["-180.5", "180.5"]),
]

struct NumericRangeTests {
  @Test(arguments: rangeEdges)
  func eachEdgeIsAcceptedAndJustBeyondIsRefused(_ edge: RangeEdge) throws {
    for value in edge.accepted {
      let yaml = edge.template.replacingOccurrences(of: "VALUE", with: value)
      #expect(diagnostics(yaml) == [], "\(edge.field) = \(value)")
      // The model is built (as `sro check` does) without trapping.
      _ = try CoverageModel(scenario: scenario(yaml))
    }
    for value in edge.refused {
      let lines = diagnostics(edge.template.replacingOccurrences(of: "VALUE", with: value))
      #expect(lines.count == 1, "\(edge.field) = \(value): \(lines)")
      #expect(lines.first?.hasPrefix("test.yaml:") == true)
      #expect(lines.first?.contains(": \(edge.field): ") == true, "\(lines)")
    }
  }

  @Test func quickEditsHaveTheSameRanges() {
    for edit in [
      "travelSpeedKmh=1e-17", "minRestHours=1e20", "weights.overtime=1e15", "weights.uncovered=1e308",
    ] {
      var edits = QuickEdits()
      edits.policy = [edit]
      #expect(throws: ScenarioError.self) {
        try ScenarioLoader.load(
          packageRoot.appendingPathComponent("scenarios/norman/typical-week.yaml").path, edits: edits)
      }
    }
  }

  @Test func costsMoreThanABillionTimesApartAreRefused() {
    let school = "schools: [{id: s, level: elementary}]\n"
    let edge = "policy: {weights: {uncovered: 1000000, overtime: 0.004, awayFromHome: 0.001}}"
    #expect(diagnostics(school + edge) == [])
    #expect(
      diagnostics(school + "policy:\n  weights: {uncovered: 1000000, overtime: 0.004, awayFromHome: 0.0009}")
        == [
          "test.yaml:7: policy.weights.uncovered: the objective's costs per hour would range from 0.0009 "
            + "(weights.awayFromHome) to 1000000 (weights.uncovered × priorities), more than 1000000000 times "
            + "apart; the solver cannot weigh them exactly: bring the weights (or priorities) closer together"
        ])
    // Without a school nothing can be uncovered.
    #expect(diagnostics(edge.replacingOccurrences(of: "0.001", with: "0.0009")) == [])
    // Priorities multiply the uncovered weight: 1000 × 100 × 100 = 1e7 over 0.001.
    let priorities = """
      periods: [{id: p, start: "08:00", end: "09:00", priority: 100}]
      schools: [{id: s, level: elementary, priority: 100}]
      policy: {weights: {uncovered: 1000, awayFromHome: 0.001}}
      """
    #expect(diagnostics(priorities).count == 1)
    // Cross-agency costs count only when they can arise.
    #expect(diagnostics("policy: {weights: {crossAgency: 1000000, awayFromHome: 0.0001}}") == [])
    #expect(
      diagnostics("policy: {crossAgency: penalize, weights: {crossAgency: 1000000, awayFromHome: 0.0001}}")
        .count == 1)
  }

  /// At the edge of the cost spread the solver still finds the optimum:
  /// the relief deputy (at home in the east) covers the west for 4 hours,
  /// which costs 4 × awayFromHome, a billionth of an uncovered hour at the
  /// edge, and is still preferred to every other roster.
  @Test func theModelHonoursTheEdgeOfTheSpread() throws {
    let district = twoTownsYAML.replacingOccurrences(
      of: "{id: relief, agency: A}", with: "{id: relief, agency: A, home: e1}")
    let normal = try solveAndValidate(scenario(district))
    let edge = try solveAndValidate(
      scenario(district + "\npolicy: {weights: {uncovered: 1000000, overtime: 0.004, awayFromHome: 0.001}}"))
    #expect(normal.uncovered.isEmpty && edge.uncovered.isEmpty)
    #expect(normal.objective == 4)
    #expect(edge.status == .optimal)
    #expect(abs(edge.objective - 0.004) < 1e-9)
  }
}

extension NumericRangeTests {
  @Test func aTinyPriorityIsBlamedAtItsLineWithItsSize() {
    let yaml = """
      schools: [{id: s, level: elementary}]
      periods: [{id: p, start: "08:00", end: "09:00", priority: 0.0000000001}]
      """
    #expect(
      diagnostics(yaml) == [
        "test.yaml:6: periods[0].priority: the objective's costs per hour would range from 1e-08 "
          + "(weights.uncovered × priorities) to 100 (weights.uncovered × priorities), more than 1000000000 "
          + "times apart; the solver cannot weigh them exactly: bring the weights (or priorities) closer together"
      ])
  }
}
