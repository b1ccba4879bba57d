import Foundation
import SROTestSupport
import Testing

@testable import SROExplain
@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch
@testable import SROValidator

/// Tuesday 08:00–12:00 at s1 needs two officers with first-aid; a-there
/// stands there, and every other officer of agency A is kept away by a
/// different rule, each on purpose (the other blocks need a skill only
/// their own officer has):
///
/// | officer | why not at s1 on Tuesday morning |
/// |---|---|
/// | a-abs | absent Tuesday (court) |
/// | a-noskill | lacks first-aid |
/// | a-forbid | a `forbids` entry |
/// | a-busy | at s2 08:00–12:00 (priority 3) |
/// | a-travel | at s3 from 12:00, 55 min away |
/// | a-rest | at the s4 event Monday until 24:00: 8 h of rest, 10 needed |
/// | a-day | at the s5 event Tuesday 14:00–22:00: 12 h, 2 over 10 |
/// | a-week | worked Monday 4 h of a 4 h week, no overtime |
/// | a-free | free, but 5 per hour away from home costs more than the gap |
/// | b-npd | agency B under `crossAgency: forbid` |
let everyReasonYAML = """
  week: 2024-09-09
  policy:
    maxHoursPerDay: 10
    weights: {uncovered: 1, awayFromHome: 5}
  agencies:
    - {id: A, serves: [elementary]}
    - {id: B, serves: [high]}
  schools:
    - {id: s1, level: elementary, skills: [first-aid], location: {lat: 35.20, lon: -97.50},
       coverage: [{days: [tue], start: "08:00", end: "12:00", officers: 2}]}
    - {id: s2, level: elementary, priority: 3, skills: [k2],
       coverage: [{days: [tue], start: "08:00", end: "12:00", officers: 1}]}
    - {id: s3, level: elementary, priority: 3, skills: [k3], location: {lat: 35.20, lon: -97.10},
       coverage: [{days: [tue], start: "12:00", end: "16:00", officers: 1}]}
    - {id: s4, level: elementary, coverage: []}
    - {id: s5, level: elementary, coverage: []}
    - {id: s6, level: elementary, priority: 3, skills: [k6],
       coverage: [{days: [mon], start: "08:00", end: "12:00", officers: 1}]}
    - {id: s7, level: elementary, coverage: []}
    - {id: h1, level: high, coverage: []}
  officers:
    - {id: a-there, agency: A, home: s1, skills: [first-aid]}
    - {id: a-abs, agency: A, home: s1, skills: [first-aid]}
    - {id: a-noskill, agency: A}
    - {id: a-forbid, agency: A, skills: [first-aid]}
    - {id: a-busy, agency: A, home: s2, skills: [first-aid, k2]}
    - {id: a-travel, agency: A, home: s3, skills: [first-aid, k3]}
    - {id: a-rest, agency: A, home: s4, skills: [first-aid, k4]}
    - {id: a-day, agency: A, home: s5, skills: [first-aid, k5]}
    - {id: a-week, agency: A, home: s6, skills: [first-aid, k6], maxHoursPerWeek: 4, maxOvertimePerWeek: 0}
    - {id: a-free, agency: A, home: s7, skills: [first-aid]}
    - {id: b-npd, agency: B, home: h1, skills: [first-aid]}
  absences:
    - {officer: a-abs, day: tue, reason: court}
  forbids:
    - {officer: a-forbid, school: s1, days: [tue]}
  events:
    - {id: s4-late, school: s4, day: mon, start: "20:00", end: "24:00", officers: 1, priority: 5, skills: [k4]}
    - {id: s5-night, school: s5, day: tue, start: "14:00", end: "22:00", officers: 1, priority: 5, skills: [k5]}
  """

/// Each officer's reasons at `gap`'s block, as `kind: phrase; kind: phrase`.
func reasonPhrases(_ gap: GapExplanation, in week: Scenario) -> [String: String] {
  var phrases: [String: String] = [:]
  for entry in gap.officers {
    phrases[entry.officer.rawValue] = entry.reasons.map {
      "\($0.kind): \($0.phrase(for: gap.block, in: week))"
    }.joined(separator: "; ")
  }
  return phrases
}

@Suite struct GapExplainerTests {
  @Test func everyReasonKindOnAHandBuiltWeek() throws {
    let week = try scenario(everyReasonYAML, standalone: true)
    let roster = try solveAndValidate(week)
    let gaps = try GapExplainer(scenario: week).explanations(of: roster)
    #expect(roster.uncovered.map { "\($0.school) \($0.day) \($0.start)" } == ["s1 tue 08:00"])
    let gap = try #require(gaps.first)
    #expect(gap.missing == 1)
    #expect(
      reasonPhrases(gap, in: week) == [
        "a-there": "stands-there: stands there",
        "a-abs": "absent: absent on tue (court)",
        "a-noskill": "skill: lacks the skill first-aid",
        "a-forbid": "forbidden: forbidden at s1 on tue (forbids)",
        "a-busy": "elsewhere: at s2 08:00-12:00 then (priority 3)",
        "a-travel": "travel: at s3 from 12:00: 55 min from s1 to s3, 0 available",
        "a-rest": "rest: at event s4-late mon 20:00-24:00: 8 h of rest, 10 needed",
        "a-day": "day-hours: would work 12 h on tue, 2 h over maxHoursPerDay 10",
        "a-week": "week-hours: would work 8 h in the week, 4 h over regular + overtime",
        "a-free": "could-take: breaks no rule: would cost 20 and save 4",
        "b-npd": "agency: of B, not A, and crossAgency is forbid",
      ])
    #expect(gap.candidates.count == 10)
    #expect(
      gap.oneLine
        == "A officers are free but would cost more than the gap: a-abs absent on tue (court), a-noskill lacks the skill first-aid, a-forbid forbidden at s1 on tue (forbids), a-busy at s2 08:00-12:00 then (priority 3), a-travel at s3 from 12:00: 55 min from s1 to s3, 0 available, a-rest at event s4-late mon 20:00-24:00: 8 h of rest, 10 needed, a-day would work 12 h on tue, 2 h over maxHoursPerDay 10, a-week would work 8 h in the week, 4 h over regular + overtime, a-free breaks no rule: would cost 20 and save 4; B may not cover it (crossAgency: forbid)"
    )
  }
}

@Suite struct GapReportTests {
  @Test func jsonGivesEachReasonItsFigures() throws {
    let week = try scenario(everyReasonYAML, standalone: true)
    let roster = try solveAndValidate(week)
    let gaps = try GapExplainer(scenario: week).explanations(of: roster)
    let report = GapReport(scenario: week, roster: roster, explanations: gaps, fixes: nil)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
    let gap = try #require((object["gaps"] as? [[String: Any]])?.first)
    #expect(gap["why"] as? String == gaps[0].oneLine)
    #expect(gap["fixes"] == nil)
    var figures: [String: String] = [:]
    for officer in try #require(gap["officers"] as? [[String: Any]]) {
      let reason = try #require((officer["reasons"] as? [[String: Any]])?.first)
      figures[officer["officer"] as! String] = reason.keys.filter { $0 != "text" }.sorted()
        .map { key in
          let value = reason[key]!
          if let block = value as? [String: Any] { return "block=\(block["school"]!) \(block["start"]!)" }
          return "\(key)=\(value)"
        }.joined(separator: " ")
    }
    #expect(
      figures == [
        "a-there": "kind=stands-there",
        "a-abs": "kind=absent reason=court",
        "a-noskill": "kind=skill skill=first-aid",
        "a-forbid": "kind=forbidden",
        "a-busy": "block=s2 08:00 kind=elsewhere",
        "a-travel": "availableMinutes=0 block=s3 12:00 kind=travel neededMinutes=55",
        "a-rest": "block=s4 20:00 kind=rest neededHours=10 restHours=8",
        "a-day": "hours=12 kind=day-hours overBy=2",
        "a-week": "hours=8 kind=week-hours overBy=4",
        "a-free": "cost=20 kind=could-take saving=4",
        "b-npd": "agency=B kind=agency",
      ])
    #expect(report.table.contains("    and 1 officer of other agencies: crossAgency is forbid\n"))
    #expect(!report.table.contains("what would cover it"))
  }
}

@Suite struct GapExplainerInputTests {
  @Test func aCoveredBlockAskedForByTime() throws {
    let week = try scenario(everyReasonYAML, standalone: true)
    let roster = try solveAndValidate(week)
    let explainer = GapExplainer(scenario: week)
    let blocks = explainer.blocks(at: "s2", on: .tue, time: TimeOfDay(minutes: 9 * 60))
    #expect(blocks.map(\.name) == ["s2 tue 08:00-12:00"])
    #expect(explainer.blocks(at: "s2", on: .tue, time: TimeOfDay(minutes: 12 * 60)).isEmpty)
    let covered = try explainer.explanation(of: blocks[0], in: roster)
    #expect(covered.missing == 0)
    #expect(covered.oneLine.hasPrefix("covered (1 of 1): "))
    #expect(covered.officers.first { $0.officer == "a-busy" }?.reasons == [.standsThere])
    #expect(
      covered.officers.first { $0.officer == "a-free" }?.reasons.map(\.kind) == ["skill"])
  }

  @Test func aRosterThatLeavesOutAFreeOfficerIsCalledNotOptimal() throws {
    let week = try scenario(everyReasonYAML, standalone: true)
    var roster = try solveAndValidate(week)
    roster.assignments.removeAll { $0.officer == "a-there" }
    roster.uncovered[0].assigned = 0
    roster.uncovered[0].missing = 2
    let gap = try #require(try GapExplainer(scenario: week).explanations(of: roster).first)
    #expect(gap.missing == 2)
    #expect(
      gap.oneLine.hasPrefix(
        "A officers are free and would cost less than the gap: the roster is not optimal: 2 free at a cost, a-abs absent on tue (court), "
      ))
  }

  @Test func aRosterOfAnotherWeekOrWithUnknownNamesIsRefused() throws {
    let week = try scenario(everyReasonYAML, standalone: true)
    var roster = try solveAndValidate(week)
    roster.week = "2024-09-16"
    roster.assignments[0].officer = "nobody"
    roster.assignments[1] = Roster.Assignment(
      officer: "a-busy", school: "s2", day: "tue", date: "2024-09-10", start: "08:05", end: "12:00",
      kind: .coverage, event: nil)
    roster.uncovered[0].school = "s9"
    #expect {
      _ = try GapExplainer(scenario: week).explanations(of: roster)
    } throws: { error in
      (error as? ExplainError)?.problems == [
        "the roster is for the week of 2024-09-16, the scenario for the week of 2024-09-09"
      ]
    }
    roster.week = "2024-09-09"
    #expect {
      _ = try GapExplainer(scenario: week).explanations(of: roster)
    } throws: { error in
      (error as? ExplainError)?.problems == [
        "assignments[0]: unknown officer \"nobody\"",
        "assignments[1]: s2 tue 08:05-12:00 is no block of the scenario",
        "uncovered[0]: s9 tue 08:00-12:00 is no block of the scenario",
      ]
    }
  }
}

/// The Norman training week, where five deputies are at state training on
/// Tuesday and Wednesday and Reagan and Washington go uncovered.
@Suite struct TrainingWeekGapTests {
  static let path = packageRoot.appendingPathComponent("scenarios/norman/training-week.yaml").path

  @Test func everyGapHasAReasonForEveryDeputyAndACheckedFix() throws {
    let week = try ScenarioLoader.load(Self.path)
    let roster = try Planner.plan(week).roster
    let gaps = try GapExplainer(scenario: week).explanations(of: roster)
    #expect(gaps.count == roster.uncovered.count)
    #expect(gaps.count == 16)
    let deputies = week.officers.filter { $0.agency == "CCSO" }.map(\.id)
    for gap in gaps {
      #expect(gap.agency == "CCSO")
      #expect(gap.candidates.map(\.officer) == deputies)
      for entry in gap.candidates {
        // An optimal roster leaves no deputy who could take the gap for less than it costs.
        #expect(!entry.reasons.isEmpty && entry.reasons.allSatisfy { $0.kind != "could-take" })
      }
      let absent = gap.candidates.filter { $0.reasons.first?.kind == "absent" }.map(\.officer)
      #expect(absent == ["ccso-02", "ccso-05", "ccso-09", "ccso-13", "ccso-16"])
      #expect(gap.oneLine.hasPrefix("no CCSO officer free: 15 "))
      #expect(gap.oneLine.contains("5 absent on \(gap.block.day) (state SRO training)"))
      #expect(gap.oneLine.hasSuffix("; NPD may not cover it (crossAgency: forbid)"))
    }

    var options = PlanningOptions()
    options.timeLimit = .seconds(300)
    let fixes = CoverFinder(scenario: week, roster: roster, options: options).fixes(for: gaps)
    for (gap, found) in zip(gaps, fixes) {
      #expect(!found.isEmpty, "no fix for \(gap.block.name)")
      #expect(found.allSatisfy { $0.fix.status == .optimal && $0.missingAfter == 0 })
      let relief = try #require(found.first { $0.fix.change.kind == "relief-officer" })
      #expect(
        relief.fix.change.description
          == "one more CCSO relief officer at \(gap.block.school) \(gap.block.day) 07:30-15:30")
      #expect(relief.fix.objectiveChange == -1200)
      #expect(relief.fix.uncoveredHoursChange == -8)
    }
    // Checked again by independent re-solves of the same changes written as overlays.
    let reliefOverlay = """
      officers: [{id: extra, agency: CCSO}]
      absences: [{officer: extra, days: [mon, wed, thu, fri, sat, sun]}]
      pins: [{officer: extra, school: washington-es, day: tue, start: "07:30", end: "15:30"}]
      """
    let base = try String(contentsOfFile: Self.path, encoding: .utf8)
      .replacingOccurrences(
        of: "extends: district.yaml", with: "extends: \(packageRoot.path)/scenarios/norman/district.yaml")
    #expect(try independentObjective(base: base, overlay: reliefOverlay) == 3600)
    let cross = fixes.joined().first { $0.fix.change == .allowCrossAgency }
    let penalized = try solveAndValidate(
      ScenarioLoader.load(
        Self.path,
        overlays: [packageRoot.appendingPathComponent("scenarios/norman/whatif/cross-agency.yaml").path]))
    #expect(cross?.fix.objective == penalized.objective)
    #expect(cross?.fix.objectiveChange == penalized.objective - roster.objective)
  }
}
