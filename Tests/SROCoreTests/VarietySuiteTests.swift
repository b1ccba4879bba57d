import Foundation
import SROCore
import SROTestSupport
import Testing

/// The variety suite's scenario files (benchmarks/variety): weeks of many
/// shapes and large districts, written by make_weeks.py.
enum VarietySuite {
  static let folder = packageRoot.appendingPathComponent("benchmarks/variety")

  /// The `.yaml` files of `sub` (`weeks` or `districts`), by name.
  static func files(_ sub: String) -> [String] {
    let url = folder.appendingPathComponent(sub)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(sub)/\($0)" }
  }

  static func load(_ file: String) throws -> Scenario {
    try ScenarioLoader.load(folder.appendingPathComponent(file).path)
  }
}

@Suite struct VarietySuiteTests {
  @Test func theSuiteHasItsWeeksAndDistricts() {
    #expect(VarietySuite.files("weeks").count >= 40)
    #expect(VarietySuite.files("districts").count >= 6)
  }

  /// What `sro check` does: load, then build the model (pins checked).
  @Test(arguments: VarietySuite.files("weeks"))
  func everyWeekLoadsAndBuilds(file: String) throws {
    let scenario = try VarietySuite.load(file)
    #expect((22...26).contains(scenario.schools.count))
    let model = try CoverageModel(scenario: scenario)
    #expect(!model.assignments.isEmpty)
  }

  @Test(arguments: VarietySuite.files("districts"))
  func everyDistrictLoads(file: String) throws {
    let scenario = try VarietySuite.load(file)
    #expect((60...120).contains(scenario.schools.count))
  }
}

/// Districts' models are large, and solving takes seconds: slow.
@Suite(.tags(.slow)) struct VarietySuiteSolveTests {
  @Test(arguments: VarietySuite.files("districts"))
  func everyDistrictBuilds(file: String) throws {
    let model = try CoverageModel(scenario: try VarietySuite.load(file))
    #expect(model.assignments.count > 10_000)
  }

  /// The three weeks with the fewest eligible pairs, solved within 5 s
  /// each: a roster (proven or not) that passes the validator.
  @Test func smallWeeksSolveToValidRosters() throws {
    let weeks = try VarietySuite.files("weeks").map { ($0, try VarietySuite.load($0)) }
    let smallest = weeks.sorted { Instance($0.1).eligiblePairs < Instance($1.1).eligiblePairs }.prefix(3)
    for (file, scenario) in smallest {
      var options = PlanningOptions()
      options.timeLimit = .seconds(5)
      let roster = try Planner.plan(scenario, options: options).roster
      let validation = RosterValidator(scenario: scenario).validate(roster)
      #expect(validation.violations == [], "\(file)")
      #expect(abs(validation.recomputedObjective - roster.objective) < 1e-6, "\(file)")
      #expect(roster.bound <= roster.objective + 1e-6, "\(file)")
    }
  }
}
