import Foundation
import SROTestSupport
import Testing

@testable import SROExplain
@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch
@testable import SROValidator

/// g needs one officer with skill x on Tuesday 08:00–12:00 (priority 2, so
/// the gap costs 8) and gets none; every officer with x is held back at an
/// edge of a rule (each home school needs a skill only its officer has):
///
/// | officer | why not at g on Tuesday morning |
/// |---|---|
/// | o-until | at far until 08:00, 55 min away: travel toward the block |
/// | o-day | at d 12:00–18:30: 10.5 h, 0.5 over 10; and 10.5 h of an 8 h week |
/// | o-rest | at r Wednesday 01:00–03:00: 13 h of rest, 14 needed (the day after) |
/// | o-week | worked Monday 6 h of a 4 h week with 2 h overtime: 4 over 6 |
/// | o-ot | free, already 2 h into overtime: 4 more overtime hours and 4 away |
let edgeReasonYAML = """
  week: 2024-09-09
  periods: [{id: morning, start: "08:00", end: "12:00", priority: 2}]
  policy:
    maxHoursPerDay: 10
    minRestHours: 14
    weights: {uncovered: 1, overtime: 1, awayFromHome: 5}
  agencies:
    - {id: A, serves: [elementary]}
  schools:
    - {id: g, level: elementary, skills: [x], location: {lat: 35.20, lon: -97.50},
       coverage: [{days: [tue], start: "08:00", end: "12:00", officers: 1}]}
    - {id: far, level: elementary, priority: 3, skills: [kf], location: {lat: 35.20, lon: -97.10},
       coverage: [{days: [tue], start: "06:00", end: "08:00", officers: 1}]}
    - {id: d, level: elementary, priority: 3, skills: [kd],
       coverage: [{days: [tue], start: "12:00", end: "18:30", officers: 1}]}
    - {id: r, level: elementary, priority: 3, skills: [kr],
       coverage: [{days: [wed], start: "01:00", end: "03:00", officers: 1}]}
    - {id: w, level: elementary, priority: 3, skills: [kw],
       coverage: [{days: [mon], start: "02:00", end: "08:00", officers: 1}]}
    - {id: v, level: elementary, priority: 3, skills: [kv],
       coverage: [{days: [mon], start: "02:00", end: "08:00", officers: 1}]}
  officers:
    - {id: o-until, agency: A, home: far, skills: [x, kf]}
    - {id: o-day, agency: A, home: d, skills: [x, kd], maxHoursPerWeek: 8, maxOvertimePerWeek: 0}
    - {id: o-rest, agency: A, home: r, skills: [x, kr]}
    - {id: o-week, agency: A, skills: [x, kw], maxHoursPerWeek: 4, maxOvertimePerWeek: 2}
    - {id: o-ot, agency: A, home: v, skills: [x, kv], maxHoursPerWeek: 4, maxOvertimePerWeek: 20}
  """

@Suite struct GapReasonEdgeTests {
  let week: Scenario
  let roster: Roster
  let gap: GapExplanation

  init() throws {
    week = try scenario(edgeReasonYAML, standalone: true)
    roster = try solveAndValidate(week)
    let gaps = try GapExplainer(scenario: week).explanations(of: roster)
    #expect(gaps.map(\.block.name) == ["g tue 08:00-12:00"])
    gap = try #require(gaps.first)
  }

  @Test func eachRuleIsReadAtItsEdge() {
    #expect(
      reasonPhrases(gap, in: week) == [
        "o-until": "travel: at far until 08:00: 55 min from far to g, 0 available",
        "o-day":
          "day-hours: would work 10.5 h on tue, 0.5 h over maxHoursPerDay 10; week-hours: would work 10.5 h in the week, 2.5 h over regular + overtime",
        "o-rest": "rest: at r wed 01:00-03:00: 13 h of rest, 14 needed",
        "o-week": "week-hours: would work 10 h in the week, 4 h over regular + overtime",
        "o-ot": "could-take: breaks no rule: would cost 24 and save 8",
      ])
  }

  @Test func theTableCountsEveryFurtherReason() {
    let table = GapReport(scenario: week, roster: roster, explanations: [gap], fixes: nil).table
    #expect(table.contains("would work 10.5 h on tue, 0.5 h over maxHoursPerDay 10 (+1 more)"))
    #expect(!table.contains("regular + overtime (+"))
  }

  @Test func overtimeIsTriedOnlyForWhomTheWeekAloneHoldsBack() throws {
    let finder = CoverFinder(scenario: week, roster: roster)
    // One agency: no cross-agency change; o-day is held back by the day
    // as well as the week, so only o-week gets more overtime.
    #expect(
      finder.changes(for: gap).map(\.description) == [
        "one more A relief officer with x at g tue 08:00-12:00", "4 h more overtime for o-week",
      ])
    let fixes = try #require(finder.fixes(for: [gap]).first)
    // o-week's 2 h of overtime grow to 6: 4 h at g cost 4 and save 8.
    #expect(
      fixes.map { "\($0.fix.change.description): \(jsonNumber($0.fix.objectiveChange))" } == [
        "one more A relief officer with x at g tue 08:00-12:00: -8", "4 h more overtime for o-week: -4",
      ])
  }

  @Test func droppingAnUncoveredEventCoversIt() throws {
    // e-tue needs two officers with k2 and only a-event has it.
    let yaml = fixableYAML.replacingOccurrences(
      of: "day: tue, start: \"08:00\", end: \"12:00\", officers: 1, priority: 2, skills: [k2]",
      with: "day: tue, start: \"08:00\", end: \"12:00\", officers: 2, priority: 2, skills: [k2]")
    let fixable = try scenario(yaml, standalone: true)
    let planned = try solveAndValidate(fixable)
    let gaps = try GapExplainer(scenario: fixable).explanations(of: planned).filter { $0.block.event != nil }
    #expect(gaps.map(\.block.name) == ["event e-tue at s2 (tue 08:00-12:00)"])
    let fixes = try #require(CoverFinder(scenario: fixable, roster: planned).fixes(for: gaps).first)
    let drop = try #require(fixes.first { $0.fix.change == .dropEvent("e-tue") })
    #expect(drop.missingAfter == 0)
  }

  @Test func candidatesOfSeveralAgenciesAreNotNamedByOne() throws {
    // Under penalize b-1 of agency B may stand at s1, at a cost far above the gap's.
    let yaml = fixableYAML.replacingOccurrences(
      of: "week: 2024-09-09",
      with: "week: 2024-09-09\npolicy: {crossAgency: penalize, weights: {crossAgency: 1000}}")
    let penalized = try scenario(yaml, standalone: true)
    let planned = try solveAndValidate(penalized)
    let gaps = try GapExplainer(scenario: penalized).explanations(of: planned)
    #expect(gaps.map(\.block.name) == ["s1 tue 08:00-12:00"])
    #expect(gaps.first?.candidates.count == 3)
    #expect(gaps.first?.oneLine.hasPrefix("officers are free but would cost more than the gap: ") == true)
  }
}
