import Foundation
import SROTestSupport
import Testing

@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch
@testable import SROValidator

/// `extends` chains, overlays and `remove` (spec §1), on files in a
/// temporary folder.
@Suite struct MergingTests {
  let folder: URL

  init() throws { folder = try temporaryFolder() }

  func write(_ name: String, _ text: String) throws -> String {
    let url = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  func writeDistrict() throws {
    _ = try write(
      "district.yaml",
      """
      name: District
      week: 2024-09-09
      policy: {maxHoursPerDay: 12, weights: {uncovered: 100, overtime: 4}}
      agencies: [{id: A, serves: [elementary, middle]}]
      defaults:
        coverage:
          elementary: [{days: weekdays, start: "07:30", end: "15:30", officers: 1}]
      schools:
        - {id: s1, level: elementary}
        - {id: s2, level: elementary}
      officers:
        - {id: o1, agency: A, home: s1}
        - {id: o2, agency: A, home: s2}
      absences: [{officer: o1, day: mon}]
      closures: [{school: s2, day: fri}]
      events: [{id: game, school: s2, day: fri, start: "18:00", end: "20:00", officers: 1}]
      """)
  }

  @Test func extendsChainMergesByIDAndAppends() throws {
    try writeDistrict()
    _ = try write(
      "weeks/middle.yaml",
      """
      extends: ../district.yaml
      week: 2024-09-16
      policy: {weights: {overtime: 8}}
      officers: [{id: o3, agency: A}]
      absences: [{officer: o2, day: tue}]
      """)
    let top = try write(
      "weeks/top.yaml",
      """
      extends: middle.yaml
      name: Top
      officers: [{id: o1, agency: A, home: s2, skills: [k9]}]
      """)
    let scenario = try ScenarioLoader.load(top)
    #expect(scenario.name == "Top")
    #expect(scenario.week.description == "2024-09-16")
    #expect(scenario.officers.map(\.id) == ["o1", "o2", "o3"])
    #expect(scenario.officers[0].home == "s2")
    #expect(scenario.officers[0].skills == ["k9"])
    #expect(scenario.absences.map(\.officer) == ["o1", "o2"])
    #expect(scenario.policy.weights.overtime == 8)
    #expect(scenario.policy.weights.uncovered == 100)
    #expect(scenario.policy.maxHoursPerDay == 12)
  }

  @Test func overlayReplacesAnOfficerAndMergesDefaultsByLevel() throws {
    try writeDistrict()
    let overlay = try write(
      "overlay.yaml",
      """
      officers: [{id: o2, agency: A, maxHoursPerWeek: 20}]
      defaults:
        coverage:
          middle: [{days: weekdays, start: "07:30", end: "16:00", officers: 1}]
      """)
    let scenario = try ScenarioLoader.load(
      folder.appendingPathComponent("district.yaml").path, overlays: [overlay])
    #expect(scenario.officers.map(\.id) == ["o1", "o2"])
    #expect(scenario.officers[1].home == nil)
    #expect(scenario.officers[1].maxHoursPerWeek == 20)
    // The elementary defaults survive the merge of defaults.coverage.
    #expect(scenario.schools[0].coverage.count == 1)
  }

  @Test func aBlankListKeyAddsNothing() throws {
    try writeDistrict()
    let overlay = try write("blank.yaml", "officers:\nabsences:\n")
    let scenario = try ScenarioLoader.load(
      folder.appendingPathComponent("district.yaml").path, overlays: [overlay])
    #expect(scenario.officers.map(\.id) == ["o1", "o2"])
    #expect(scenario.absences.count == 1)
  }

  @Test func basesAreNamedAsWrittenAndTheTopFileOwnsTheWhole() throws {
    _ = try write(
      "base.yaml", "agencies: [{id: A, serves: [elementary]}]\nschools: [{id: s1, level: elementry}]\n")
    _ = try write("weeks/week.yaml", "extends: ../base.yaml\n")
    #expect {
      try ScenarioLoader.load(folder.path + "/weeks/week.yaml")
    } throws: { error in
      let lines = (error as? ScenarioError)?.diagnostics.map(\.description) ?? []
      #expect(lines.first == folder.path + "/weeks/week.yaml: week: missing required field \"week\"")
      #expect(lines.last?.hasPrefix(folder.path + "/base.yaml:2: schools[0].level:") == true)
      return true
    }
  }

  @Test(arguments: [
    ("week.yaml", "district.yaml", "district.yaml"),
    ("scenarios/norman/week.yaml", "../base.yaml", "scenarios/base.yaml"),
    ("a/b/c.yaml", "./d/../e.yaml", "a/b/e.yaml"),
    ("../w.yaml", "../x.yaml", "../../x.yaml"),
    ("/abs/w.yaml", "x.yaml", "/abs/x.yaml"),
  ])
  func extendsPathsResolveLexically(file: String, relative: String, expected: String) {
    #expect(Layering.path(relative, besides: file) == expected)
  }

  @Test func removeDropsWhatNamesTheRemovedIDs() throws {
    try writeDistrict()
    let overlay = try write(
      "remove.yaml",
      """
      remove: {officers: [o1], schools: [s2]}
      """)
    let scenario = try ScenarioLoader.load(
      folder.appendingPathComponent("district.yaml").path, overlays: [overlay])
    #expect(scenario.officers.map(\.id) == ["o2"])
    #expect(scenario.officers[0].home == nil)  // its home school is gone
    #expect(scenario.schools.map(\.id) == ["s1"])
    #expect(scenario.absences.isEmpty && scenario.closures.isEmpty && scenario.events.isEmpty)
  }

  @Test func overlayChainIsAppliedBaseFirst() throws {
    try writeDistrict()
    _ = try write("more.yaml", "officers: [{id: o3, agency: A}]\n")
    let overlay = try write(
      "less.yaml",
      """
      extends: more.yaml
      remove: {officers: [o3]}
      """)
    let scenario = try ScenarioLoader.load(
      folder.appendingPathComponent("district.yaml").path, overlays: [overlay])
    #expect(scenario.officers.map(\.id) == ["o1", "o2"])
  }

  @Test func removingAnUnknownIDIsAnErrorAndDropsNothing() throws {
    try writeDistrict()
    let overlay = try write("bad.yaml", "remove: {officers: [o1, o9], schools: [s3]}\n")
    #expect {
      try ScenarioLoader.load(folder.appendingPathComponent("district.yaml").path, overlays: [overlay])
    } throws: { error in
      let lines = (error as? ScenarioError)?.diagnostics.map(\.description) ?? []
      return lines.count == 2
        && lines[0].hasSuffix(
          "bad.yaml:1: remove.officers[1]: no officer \"o9\" to remove; did you mean \"o1\"?")
        && lines[1].contains("remove.schools[0]: no school \"s3\" to remove")
    }
  }

  @Test func extendsCycleIsAnError() throws {
    let a = try write("a.yaml", "extends: b.yaml\nweek: 2024-09-09\n")
    _ = try write("b.yaml", "extends: a.yaml\n")
    #expect {
      try ScenarioLoader.load(a)
    } throws: { error in
      (error as? ScenarioError)?.description.contains("extends cycle: a.yaml → b.yaml → a.yaml") ?? false
    }
  }

  @Test func idTwiceInOneFileIsAnError() throws {
    let path = try write(
      "twice.yaml",
      """
      week: 2024-09-09
      agencies: [{id: A, serves: [elementary]}]
      officers:
        - {id: o1, agency: A}
        - {id: o1, agency: A}
      """)
    #expect {
      try ScenarioLoader.load(path)
    } throws: { error in
      (error as? ScenarioError)?.description.hasSuffix(
        "twice.yaml:5: officers[1].id: id \"o1\" appears twice in this file") ?? false
    }
  }

  @Test func missingExtendsTargetIsAnError() throws {
    let path = try write("lonely.yaml", "extends: nowhere.yaml\n")
    #expect {
      try ScenarioLoader.load(path)
    } throws: { error in
      (error as? ScenarioError)?.description.contains("lonely.yaml:1: extends: no such file: nowhere.yaml")
        ?? false
    }
  }

  @Test func jsonScenariosLoadWithLineNumbers() throws {
    let path = try write(
      "week.json",
      """
      {
        "week": "2024-09-09",
        "agencies": [{"id": "A", "serves": ["elementary"]}],
        "schools": [{"id": "s1", "level": "elementary", "agency": "X"}]
      }
      """)
    #expect {
      try ScenarioLoader.load(path)
    } throws: { error in
      (error as? ScenarioError)?.description.hasSuffix(
        "week.json:4: schools[0].agency: unknown agency \"X\"; did you mean \"A\"?") ?? false
    }
  }
}
