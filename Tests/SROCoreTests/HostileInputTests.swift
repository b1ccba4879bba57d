import Foundation
import SROTestSupport
import Testing

@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch

/// Input a careless or hostile planner might hand `sro`: refused with a
/// clear message naming the place, never a crash, a hang or silence.
struct HostileInputTests {
  /// Ten lists of ten aliases, nested nine deep: 555 bytes that stand for
  /// a billion values.
  @Test func anAliasBombIsRefusedQuickly() {
    var lines = [
      "week: 2024-09-09", "xl0: &l0 [\(Array(repeating: "\"lol\"", count: 10).joined(separator: ","))]",
    ]
    for level in 1...9 {
      lines.append(
        "xl\(level): &l\(level) [\(Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ","))]")
    }
    let found = diagnostics(lines.joined(separator: "\n"), standalone: true)
    #expect(found.count == 1)
    #expect(found.first?.contains("aliases expand the file to more than") == true, "\(found)")
  }

  @Test func ordinaryAliasesStillWork() throws {
    let loaded = try scenario(
      """
      defaults:
        coverage:
          elementary: &day [{days: weekdays, start: "08:00", end: "12:00", officers: 1}]
      schools: [{id: s1, level: elementary}, {id: s2, level: elementary, coverage: *day}]
      """)
    #expect(loaded.schools.map(\.coverage.count) == [1, 1])
  }

  @Test func nestingTooDeepIsRefused() {
    let deep =
      "week: 2024-09-09\nx: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
    #expect(
      diagnostics(deep, standalone: true) == [
        "test.yaml:2: syntax error: lists and mappings nest more than 1000 deep"
      ])
  }

  @Test func aCoverageLevelNoSchoolHasIsATypo() {
    #expect(
      diagnostics(
        """
        schools: [{id: s1, level: elementary}]
        defaults:
          coverage:
            elementry: [{days: weekdays, start: "08:00", end: "12:00", officers: 1}]
        """) == [
          "test.yaml:8: defaults.coverage.elementry: no school has level \"elementry\" and no agency serves it; did you mean \"elementary\"?"
        ])
    // A level an agency serves is known even before a school has it.
    #expect(diagnostics("defaults: {coverage: {high: []}}") == [])
  }

  @Test(arguments: [
    ("officers: [{id: \"\", agency: A}]", "officers[0].id"),
    ("schools: [{id: \"\", level: elementary}]", "schools[0].id"),
    ("periods: [{id: \"\", start: \"08:00\", end: \"09:00\"}]", "periods[0].id"),
    (
      "schools: [{id: s, level: elementary}]\nevents: [{id: \"\", school: s, day: mon, start: \"18:00\", end: \"19:00\", officers: 1}]",
      "events[0].id"
    ),
    ("schools: [{id: s, level: \"\"}]", "schools[0].level"),
    ("schools: [{id: s, level: elementary, skills: [\"\"]}]", "schools[0].skills[0]"),
    ("officers: [{id: \"a\\tb\", agency: A}]", "officers[0].id"),
  ])
  func emptyOrBlankIdsAreRefused(yaml: String, field: String) {
    let found = diagnostics(yaml)
    #expect(found.contains { $0.contains(": \(field): an id may not") }, "\(found)")
  }

  @Test func aBlankAgencyIdIsRefused() {
    #expect(
      diagnostics("week: 2024-09-09\nagencies: [{id: \"  \"}]", standalone: true) == [
        "test.yaml:2: agencies[0].id: an id may not be empty or blank"
      ])
  }

  @Test func aPinOfARemovedOfficerOrSchoolIsAnError() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let base = folder.appendingPathComponent("base.yaml")
    try
      (baseYAML + """

        schools: [{id: s1, level: elementary}, {id: s2, level: elementary}]
        officers: [{id: o1, agency: A}, {id: o2, agency: A}]
        pins: [{officer: o1, school: s2, day: mon}]
        forbids: [{officer: o2, school: s1}]
        """).write(to: base, atomically: true, encoding: .utf8)
    let overlay = folder.appendingPathComponent("remove.yaml")
    try "remove: {officers: [o1], schools: [s1]}".write(to: overlay, atomically: true, encoding: .utf8)
    #expect {
      try ScenarioLoader.load(base.path, overlays: [overlay.path])
    } throws: { error in
      let lines = (error as? ScenarioError)?.diagnostics.map(\.description) ?? []
      return lines == [
        "\(base.path):7: pins[0].officer: unknown officer \"o1\"; did you mean \"o2\"?",
        "\(base.path):8: forbids[0].school: unknown school \"s1\"; did you mean \"s2\"?",
      ]
    }
  }

  @Test func anUnknownKeyWhoseValueStartsOnTheNextLineIsReportedAtTheKey() {
    #expect(
      diagnostics(
        """
        schools:
          - id: s1
            level: elementary
            colour:
              - red
        """) == ["test.yaml:8: schools[0].colour: unknown key \"colour\" in school"])
  }
}
