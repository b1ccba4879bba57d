import Foundation
import SROTestSupport
import Testing

@testable import SROExplain
@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch
@testable import SROValidator

/// s1 needs one officer Tuesday 08:00–12:00 and gets none: a-week has
/// worked its 4-hour week (the Monday event needs its skill k1), a-event
/// is at the Tuesday event (which needs k2), and b-1 is of agency B under
/// `crossAgency: forbid`. Every kind of change covers it, at a known cost.
let fixableYAML = """
  week: 2024-09-09
  agencies:
    - {id: A, serves: [elementary]}
    - {id: B, serves: [high]}
  schools:
    - {id: s1, level: elementary, coverage: [{days: [tue], start: "08:00", end: "12:00", officers: 1}]}
    - {id: s2, level: elementary, coverage: []}
    - {id: h1, level: high, coverage: []}
  officers:
    - {id: a-week, agency: A, home: s2, skills: [k1], maxHoursPerWeek: 4, maxOvertimePerWeek: 0}
    - {id: a-event, agency: A, home: s2, skills: [k2]}
    - {id: b-1, agency: B, home: h1}
  events:
    - {id: e-mon, school: s2, day: mon, start: "08:00", end: "12:00", officers: 1, priority: 2, skills: [k1]}
    - {id: e-tue, school: s2, day: tue, start: "08:00", end: "12:00", officers: 1, priority: 2, skills: [k2]}
  """

/// Each change as a planner would write it in an overlay, by hand.
let fixOverlays: [String: String] = [
  "one more A relief officer at s1 tue 08:00-12:00": """
  officers: [{id: extra, agency: A}]
  absences: [{officer: extra, days: [mon, wed, thu, fri, sat, sun]}]
  pins: [{officer: extra, school: s1, day: tue, start: "08:00", end: "12:00"}]
  """,
  "drop event e-tue": "remove: {events: [e-tue]}",
  "move event e-tue to mon": """
  events: [{id: e-tue, school: s2, day: mon, start: "08:00", end: "12:00", officers: 1, priority: 2, skills: [k2]}]
  """,
  "move event e-tue to wed": """
  events: [{id: e-tue, school: s2, day: wed, start: "08:00", end: "12:00", officers: 1, priority: 2, skills: [k2]}]
  """,
  "4 h more overtime for a-week": """
  officers: [{id: a-week, agency: A, home: s2, skills: [k1], maxHoursPerWeek: 4, maxOvertimePerWeek: 4}]
  """,
  "allow cross-agency cover (crossAgency: penalize)": "policy: {crossAgency: penalize}",
]

/// The objective of `base` with `overlay` merged on top, solved from files
/// through the loader: independent of how the explainer changes a scenario.
func independentObjective(base: String, overlay: String) throws -> Double {
  let folder = try temporaryFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  let basePath = folder.appendingPathComponent("base.yaml").path
  let overlayPath = folder.appendingPathComponent("overlay.yaml").path
  try base.write(toFile: basePath, atomically: true, encoding: .utf8)
  try overlay.write(toFile: overlayPath, atomically: true, encoding: .utf8)
  return try solveAndValidate(ScenarioLoader.load(basePath, overlays: [overlayPath])).objective
}

@Suite struct CoverFinderTests {
  @Test func everyKindOfChangeCoversTheGapAtItsCost() throws {
    let week = try scenario(fixableYAML, standalone: true)
    let roster = try solveAndValidate(week)
    #expect(roster.objective == 400)
    let gaps = try GapExplainer(scenario: week).explanations(of: roster)
    #expect(gaps.map(\.block.name) == ["s1 tue 08:00-12:00"])
    let fixes = try #require(CoverFinder(scenario: week, roster: roster).fixes(for: gaps).first)
    #expect(
      fixes.map { "\($0.fix.change.description): \(jsonNumber($0.fix.objectiveChange))" } == [
        "one more A relief officer at s1 tue 08:00-12:00: -400",
        "drop event e-tue: -396",
        "move event e-tue to mon: -396",
        "move event e-tue to wed: -396",
        "4 h more overtime for a-week: -380",
        "allow cross-agency cover (crossAgency: penalize): -356",
      ])
    for fix in fixes {
      #expect(fix.missingAfter == 0)
      #expect(fix.fix.status == .optimal)
      #expect(fix.fix.uncoveredHoursChange == -4)
      let overlay = try #require(fixOverlays[fix.fix.change.description])
      #expect(try independentObjective(base: fixableYAML, overlay: overlay) == fix.fix.objective)
    }
  }

  @Test func aBlockThatLacksNobodyGetsNoChanges() throws {
    let week = try scenario(fixableYAML, standalone: true)
    let roster = try solveAndValidate(week)
    let explainer = GapExplainer(scenario: week)
    let event = try #require(explainer.blocks.first { $0.event == "e-tue" })
    let covered = try explainer.explanation(of: event, in: roster)
    #expect(covered.missing == 0)
    #expect(CoverFinder(scenario: week, roster: roster).fixes(for: [covered]) == [[]])
  }

  @Test func aChangeWhosePinsBreakARuleIsLeftOut() throws {
    // With maxHoursPerDay 2 nobody may work the 4-hour block: the relief
    // officer's pin breaks the day rule, so that change is refused and left
    // out, and no other change covers the block either.
    let yaml = fixableYAML.replacingOccurrences(
      of: "week: 2024-09-09", with: "week: 2024-09-09\npolicy: {maxHoursPerDay: 2}")
    let week = try scenario(yaml, standalone: true)
    let roster = try solveAndValidate(week)
    let gaps = try GapExplainer(scenario: week).explanations(of: roster)
      .filter { $0.block.school == "s1" }
    let finder = CoverFinder(scenario: week, roster: roster)
    let relief = try #require(finder.changes(for: gaps[0]).first)
    #expect(relief.kind == "relief-officer")
    #expect(throws: PlanningError.self) { try Planner.plan(relief.applied(to: week)) }
    #expect(finder.fixes(for: gaps) == [[]])
  }
}
