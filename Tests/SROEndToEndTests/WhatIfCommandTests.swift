import Foundation
import SROCore
import SROTestSupport
import Testing

/// The what-if examples of scenarios/README.md, run as a planner would.
@Suite(.serialized, .tags(.slow)) struct WhatIfCommandTests {
  let small = "Tests/SROCoreTests/Fixtures/small.yaml"

  @Test func compareOutputDoesNotDependOnTheThreadCount() throws {
    let arguments = [
      "compare", small, "--variant", "relief=--add-officer ccso-r1:CCSO",
      "--variant", "--absent npd-01:tue --policy crossAgency=penalize", "--format", "json",
    ]
    let serial = try SRO.run(arguments + ["--jobs", "1"])
    let concurrent = try SRO.run(arguments + ["--jobs", "3"])
    #expect(serial.status == 0, "\(serial.stderr)")
    #expect(serial.stdout == concurrent.stdout)
    #expect(serial.stdout.contains("\"name\": \"relief\""))
    #expect(serial.stdout.contains("\"name\": \"variant 2\""))
  }

  @Test func trainingWeekWithAndWithoutReliefDeputy() throws {
    let result = try SRO.run(
      "compare", "scenarios/norman/training-week.yaml",
      "--variant", "relief=--with scenarios/norman/whatif/relief-deputy.yaml")
    #expect(result.status == 0, "\(result.stderr)")
    let objective = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("objective") })
    #expect(objective.split(separator: " ").map(String.init) == ["objective", "4800", "2400"])
    #expect(
      result.stdout.contains(
        "relief (--with scenarios/norman/whatif/relief-deputy.yaml): 8 added, 0 removed, 0 moved"))
  }

  @Test func crossAgencyWhatIf() throws {
    let result = try SRO.run(
      "solve", "scenarios/norman/training-week.yaml", "--with", "scenarios/norman/whatif/cross-agency.yaml",
      "--format", "json")
    #expect(result.status == 0, "\(result.stderr)")
    let roster = try Roster.decode(json: Data(result.stdout.utf8))
    #expect(roster.objective == 2560)
    #expect(
      result.stdout.contains("\"assumptions\": [\n    \"--with scenarios/norman/whatif/cross-agency.yaml\""))
  }

  @Test func sickCallReplannedAgainstThePublishedWeek() throws {
    let result = try SRO.run(
      "solve", "scenarios/norman/typical-week.yaml", "--with", "scenarios/norman/whatif/sick-wednesday.yaml",
      "--keep", "scenarios/norman/published/typical-week.json", "--format", "json")
    #expect(result.status == 0, "\(result.stderr)")
    let roster = try Roster.decode(json: Data(result.stdout.utf8))
    let scenario = try ScenarioLoader.load(
      packageRoot.appendingPathComponent("scenarios/norman/typical-week.yaml").path,
      overlays: [packageRoot.appendingPathComponent("scenarios/norman/whatif/sick-wednesday.yaml").path])
    #expect(RosterValidator(scenario: scenario).validate(roster).violations == [])
    let published = try Roster.decode(
      json: Data(
        contentsOf: packageRoot.appendingPathComponent("scenarios/norman/published/typical-week.json")))
    let changes = RosterChanges(published: published.assignments, roster: roster, scenario: scenario)
    // Only Wednesday changes, and every forced change names its absence.
    #expect(!changes.forced.isEmpty)
    #expect(
      (changes.forced.map(\.assignment) + changes.dropped + changes.added).allSatisfy { $0.day == "wed" })
    #expect(changes.forced.allSatisfy { $0.reason.contains("is absent on wed") })
    #expect(result.stdout.contains("\"changes\": {\"unchanged\": false"))
  }

  @Test func keepWithUnchangedScenarioChangesNothing() throws {
    let result = try SRO.run(
      "solve", "scenarios/norman/typical-week.yaml", "--keep", "scenarios/norman/published/typical-week.json")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("changes against the published roster: none"))
  }

  @Test func badQuickEditExits65WithTheEdit() throws {
    let result = try SRO.run("solve", small, "--absent", "npd-1:tue")
    #expect(result.status == 65)
    #expect(
      result.stderr.contains(
        "command line: --absent npd-1:tue: unknown officer \"npd-1\"; did you mean \"npd-01\"?"))
  }

  @Test func infeasiblePinExits65() throws {
    let result = try SRO.run("solve", small, "--pin", "ccso-01:lincoln-es:tue@10:00-11:30")
    #expect(result.status == 65)
    #expect(result.stderr.contains("--pin ccso-01:lincoln-es:tue@10:00-11:30: pin"))
  }

  @Test func badVariantExits65() throws {
    let result = try SRO.run("compare", small, "--variant", "x=--absent")
    #expect(result.status == 65)
    #expect(result.stderr.contains("--variant x=--absent"))
  }
}

extension SRO {
  static func run(_ arguments: [String]) throws -> Output {
    try runArguments(arguments)
  }
}
