import Foundation
import SROCore
import Testing

@testable import SROReports

/// The small district with a school whose name needs escaping.
let reportYAML = """
  name: Small & <odd> "district"
  week: 2024-09-09
  periods: [{id: arrival, start: "07:30", end: "08:30", priority: 3}]
  policy: {maxHoursPerWeek: 16, maxOvertimePerWeek: 2}
  agencies:
    - {id: NPD, name: Police, serves: [high]}
    - {id: CCSO, name: Sheriff, serves: [elementary]}
  schools:
    - {id: north-high, name: "AT&T; <b>North</b> \\"High\\"", level: high,
       coverage: [{days: [mon, tue], start: "07:30", end: "12:30", officers: 1}]}
    - {id: lincoln-es, name: Lincoln Elementary, level: elementary,
       coverage: [{days: [mon, tue], start: "07:30", end: "11:30", officers: 2}]}
  officers:
    - {id: npd-01, agency: NPD, home: north-high}
    - {id: ccso-01, name: Dep. Moss, agency: CCSO, home: lincoln-es}
  absences: [{officer: ccso-01, day: tue, start: "10:00", end: "12:00", reason: court}]
  closures: [{school: all, days: [wed], reason: Teacher work day}]
  events:
    - {id: nh-game, name: Football, school: north-high, day: mon, start: "18:00", end: "21:00", officers: 2}
  """

@Suite struct PrintableReportTests {
  let scenario: Scenario
  let roster: Roster

  init() throws {
    scenario = try ScenarioLoader.load(text: reportYAML, file: "small.yaml")
    roster = try Planner.plan(scenario).roster
  }

  @Test func oneSelfContainedPagePerAgencyWithEverySchool() {
    let html = PrintableReport(report: RosterReport(roster: roster), scenario: scenario).html
    #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"/>"))
    #expect(html.components(separatedBy: "<section class=\"page\"").count - 1 == 2)
    #expect(html.contains("data-agency=\"NPD\"") && html.contains("data-agency=\"CCSO\""))
    #expect(html.contains("data-school=\"north-high\"") && html.contains("data-school=\"lincoln-es\""))
    for external in ["http:", "https:", "<script", "<link", "src=", "url(", "@import"] {
      #expect(!html.contains(external), "\(external)")
    }
    #expect(html.contains("@page { size: letter landscape"))
  }

  @Test func namesAreEscapedInTextAndAttributes() {
    let html = PrintableReport(report: RosterReport(roster: roster), scenario: scenario).html
    #expect(html.contains("AT&amp;T; &lt;b&gt;North&lt;/b&gt; \"High\""))
    #expect(html.contains("aria-label=\"AT&amp;T; &lt;b&gt;North&lt;/b&gt; &quot;High&quot;, Mon 9 Sep\""))
    #expect(
      html.contains("<title>SRO coverage, Small &amp; &lt;odd&gt; \"district\" · 9–13 Sep 2024</title>"))
    #expect(!html.contains("<b>North"))
  }

  @Test func statusGapsReasonsAndClosuresAreShown() {
    let why = ["first", "first", "game", "third", "ccso-01 is in court (court); no other CCSO officer"]
    #expect(roster.uncovered.count == why.count)
    let html = PrintableReport(
      report: RosterReport(roster: roster, assumptions: ["--absent ccso-01:tue@10:00-12:00"], why: why),
      scenario: scenario
    ).html
    // Monday's two short blocks at Lincoln share their reason: one row.
    #expect(html.components(separatedBy: "<div class=\"reason\">first</div>").count - 1 == 1)
    #expect(html.contains("The best roster the rules allow: proven optimal."))
    #expect(html.contains("<b>What-if: </b>--absent ccso-01:tue@10:00-12:00"))
    #expect(
      html.contains(
        "<td class=\"closed\"><div class=\"names\">Closed</div><span class=\"why\">Teacher work day</span></td>"
      ))
    #expect(html.contains("<div class=\"reason\">ccso-01 is in court (court); no other CCSO officer</div>"))
    #expect(html.contains("nh-game") == false)
    #expect(html.contains("Football<span class=\"where\">"))
    #expect(html.contains("4 h short"))
  }
}

@Suite struct GapRowTests {
  @Test func blocksThatFollowEachOtherAlikeAreOneRow() throws {
    let scenario = try ScenarioLoader.load(text: reportYAML, file: "small.yaml")
    let roster = try Planner.plan(scenario).roster
    let rows = GapRow.rows(of: roster, scenario: scenario, reasons: nil)
    let described = rows.map { row in
      "\(row.day) \(row.school) \(row.start)-\(row.end) \(row.missing)/\(row.needed) \(row.officerHours) p\(row.priority)"
    }
    #expect(
      described == [
        "mon lincoln-es 07:30-11:30 1/2 4.0 p3.0", "mon north-high 18:00-21:00 1/2 3.0 p1.0",
        "tue lincoln-es 07:30-08:30 1/2 1.0 p3.0", "tue lincoln-es 08:30-11:30 2/2 6.0 p1.0",
      ])
  }

  @Test func differentReasonsKeepRowsApart() throws {
    let scenario = try ScenarioLoader.load(text: reportYAML, file: "small.yaml")
    let roster = try Planner.plan(scenario).roster
    let rows = GapRow.rows(of: roster, scenario: scenario, reasons: ["one", "two", "", "", ""])
    #expect(rows.filter { $0.day == .mon && $0.event == nil }.map(\.reason) == ["one", "two"])
  }
}

@Suite struct CoverageMapTests {
  @Test func placesAreFilledHomeAwayAcrossAgenciesOrMissing() throws {
    var scenario = try ScenarioLoader.load(text: reportYAML, file: "small.yaml")
    scenario.policy.crossAgency = .penalize
    let roster = Roster(
      scenario: "", week: "2024-09-09", status: .optimal, objective: 0, bound: 0,
      assignments: [
        Roster.Assignment(
          officer: "ccso-01", school: "lincoln-es", day: "mon", date: "2024-09-09", start: "07:30",
          end: "08:30",
          kind: .coverage, event: nil),
        Roster.Assignment(
          officer: "npd-01", school: "lincoln-es", day: "mon", date: "2024-09-09", start: "07:30",
          end: "08:30",
          kind: .coverage, event: nil),
        Roster.Assignment(
          officer: "ccso-01", school: "north-high", day: "mon", date: "2024-09-09", start: "08:30",
          end: "12:30",
          kind: .coverage, event: nil),
      ], uncovered: [], officers: [])
    let map = CoverageMap(scenario: scenario, roster: roster)
    #expect(map.axis == 420...780)
    let lincoln = try #require(map.day(.mon, at: "lincoln-es"))
    #expect(
      lincoln.segments.map(\.fills) == [
        [.home, .crossAgency], [.missing(priority: 1), .missing(priority: 1)],
      ])
    #expect(lincoln.officers == ["ccso-01", "npd-01"])
    #expect(lincoln.shortHours == 6)
    let high = try #require(map.day(.mon, at: "north-high"))
    #expect(high.segments.map(\.fills) == [[.missing(priority: 3)], [.crossAgency]])
    #expect(map.day(.wed, at: "lincoln-es")?.closed == "Teacher work day")
    #expect(map.day(.thu, at: "lincoln-es") == nil)
  }
}

@Suite struct ReportWordingTests {
  func roster(_ status: Roster.Status, objective: Double, bound: Double) -> Roster {
    Roster(
      scenario: "", week: "2024-09-09", status: status, objective: objective, bound: bound, assignments: [],
      uncovered: [], officers: [])
  }

  @Test func statusAndGapInPlainWords() {
    #expect(
      ReportWording.status(of: roster(.optimal, objective: 0, bound: 0)).hasPrefix("Every post is covered"))
    #expect(
      ReportWording.status(of: roster(.optimal, objective: 4800, bound: 4800)).contains("proven optimal"))
    #expect(
      ReportWording.status(of: roster(.feasible, objective: 200, bound: 150))
        == "A good roster, not proven the best: the search stopped when a better one could still cost up to 25% less."
    )
    #expect(ReportWording.status(of: roster(.feasible, objective: 0, bound: 0)).contains("stopped early"))
  }

  @Test func theComparisonSaysTheStatusShortly() {
    #expect(ReportWording.shortStatus(of: roster(.optimal, objective: 4800, bound: 4800)) == "proven best")
    #expect(
      ReportWording.shortStatus(of: roster(.feasible, objective: 200, bound: 189))
        == "not proven best, gap 5.5%")
  }

  @Test func percentagesNeverRoundUpToAll() {
    #expect(ReportWording.percent(0.9999) == "99.9%")
    #expect(ReportWording.percent(1) == "100%")
    #expect(ReportWording.percent(0.9696) == "97%")
    #expect(ReportWording.percent(0.5625) == "56.3%")
  }

  @Test func weeksSpanMonthsAndYears() throws {
    var scenario = try ScenarioLoader.load(text: reportYAML, file: "small.yaml")
    #expect(ReportWording.weekSpan(of: scenario, through: .fri) == "9–13 Sep 2024")
    scenario.week = CivilDate(parsing: "2024-09-30")!
    #expect(ReportWording.weekSpan(of: scenario, through: .fri) == "30 Sep – 4 Oct 2024")
    scenario.week = CivilDate(parsing: "2024-12-30")!
    #expect(ReportWording.weekSpan(of: scenario, through: .sun) == "30 Dec 2024 – 5 Jan 2025")
    #expect(ReportWording.dayLabel(.wed, in: scenario) == "Wed 1 Jan")
    #expect(ReportWording.hourLabel(13 * 60) == "1" && ReportWording.hourLabel(12 * 60) == "12")
  }
}
