import Foundation
import SROCore
import Testing

@testable import SROReports

/// A Monday with every case an agency's page words: a gap row made of
/// blocks whose top priority comes twice, an event nobody staffs, one
/// fully staffed, one needing nobody, two identical blocks (overlapping
/// windows) shared by two officers, a long list of deputies, and an
/// agency without schools.
private let pageYAML = """
  name: Page week
  week: 2024-09-09
  periods:
    - {id: arrival, start: "07:00", end: "08:00", priority: 2}
    - {id: first, start: "08:00", end: "09:00", priority: 3}
    - {id: second, start: "09:00", end: "10:00", priority: 3}
  agencies:
    - {id: NPD, name: Police, serves: [high]}
    - {id: CCSO, name: Sheriff, serves: [elementary]}
    - {id: STATE, name: Troopers, serves: []}
  schools:
    - {id: hs, name: High, level: high,
       coverage: [{days: [mon], start: "07:00", end: "10:00", officers: 2}]}
    - {id: es, name: Elem, level: elementary,
       coverage: [{days: [mon], start: "07:00", end: "08:00", officers: 1},
                  {days: [mon], start: "07:00", end: "08:00", officers: 1}]}
  officers:
    - {id: n1, agency: NPD, home: hs}
    - {id: c01, agency: CCSO, home: es}
  events:
    - {id: game, name: Game, school: hs, day: mon, start: "18:00", end: "20:00", officers: 2}
    - {id: full, name: Fair, school: es, day: mon, start: "13:00", end: "14:00", officers: 1}
    - {id: zero, name: Quiet assembly, school: hs, day: mon, start: "13:00", end: "14:00", officers: 0}
  """

/// Twelve more deputies without a home: thirteen in all.
private let deputiesYAML = (2...13).map { "  - {id: c\($0 < 10 ? "0" : "")\($0), agency: CCSO}" }
  .joined(separator: "\n")

@Suite struct AgencyPageTests {
  let scenario: Scenario
  let roster: Roster

  /// The roster, written by hand so that every figure is known: n1 stands
  /// at the high school 07:00–10:00 (one of two each hour), c01 and c02
  /// share Elem's two identical arrival blocks, c01 staffs the fair.
  init() throws {
    let text = pageYAML.replacingOccurrences(
      of: "  - {id: c01, agency: CCSO, home: es}\n",
      with: "  - {id: c01, agency: CCSO, home: es}\n" + deputiesYAML + "\n")
    scenario = try ScenarioLoader.load(text: text, file: "page.yaml")
    func taken(_ officer: String, _ school: String, _ start: String, _ end: String, event: String? = nil)
      -> Roster.Assignment
    {
      Roster.Assignment(
        officer: officer, school: school, day: "mon", date: "2024-09-09", start: start, end: end,
        kind: event == nil ? .coverage : .event, event: event)
    }
    func short(_ start: String, _ end: String, event: String? = nil, needed: Int, assigned: Int)
      -> Roster.Uncovered
    {
      Roster.Uncovered(
        school: "hs", day: "mon", date: "2024-09-09", start: start, end: end,
        kind: event == nil ? .coverage : .event, event: event, needed: needed, assigned: assigned,
        missing: needed - assigned)
    }
    let hours = ["n1": 3.0, "c01": 2, "c02": 1]
    roster = Roster(
      scenario: "Page week", week: "2024-09-09", status: .optimal,
      objective: 100 * (2 + 3 + 3) + 100 * 2 * 2, bound: 1200,
      assignments: [
        taken("n1", "hs", "07:00", "08:00"), taken("n1", "hs", "08:00", "09:00"),
        taken("n1", "hs", "09:00", "10:00"), taken("c01", "es", "07:00", "08:00"),
        taken("c02", "es", "07:00", "08:00"), taken("c01", "es", "13:00", "14:00", event: "full"),
      ],
      uncovered: [
        short("07:00", "08:00", needed: 2, assigned: 1), short("08:00", "09:00", needed: 2, assigned: 1),
        short("09:00", "10:00", needed: 2, assigned: 1),
        short("18:00", "20:00", event: "game", needed: 2, assigned: 0),
      ],
      officers: scenario.officers.map {
        .init(id: $0.id.rawValue, hours: hours[$0.id.rawValue] ?? 0, overtime: 0)
      })
    let validation = RosterValidator(scenario: scenario).validate(roster)
    #expect(validation.violations == [])
    #expect(abs(validation.recomputedObjective - roster.objective) < 1e-6)
  }

  /// The page of `agency` in `html`.
  private func page(_ agency: String, in html: String) throws -> String {
    let start = try #require(html.range(of: "data-agency=\"\(agency)\""))
    let rest = html[start.upperBound...]
    return String(rest[..<(rest.range(of: "<section")?.lowerBound ?? rest.endIndex)])
  }

  private var html: String { PrintableReport(report: RosterReport(roster: roster), scenario: scenario).html }

  @Test func aGapRowCountsEveryHourAtItsTopPriority() throws {
    let police = try page("NPD", in: html)
    // 07–08 at priority 2, 08–09 and 09–10 at priority 3: one row, 3
    // officer-hours of which 2 at priority 3, coloured as priority 3.
    #expect(police.contains("<tr class=\"p3\"><td>Mon 9 Sep<span class=\"time\">07:00–10:00</span></td>"))
    #expect(police.contains("1 of 2 officers missing · 3 officer-hours, 2 at priority 3"))
    #expect(police.contains("No officer · 4 officer-hours at priority 1"))
    // 3 coverage hours and the game's 4 officer-hours.
    #expect(
      police.contains(
        "<div class=\"figure\"><span class=\"value\">7</span><span class=\"label\">officer-hours uncovered</span>"
      ))
  }

  @Test func eventsSayWhoIsThereAndOnlyWhatIsMissing() throws {
    let police = try page("NPD", in: html)
    let sheriff = try page("CCSO", in: html)
    #expect(police.contains("<td>nobody<span class=\"short\">2 missing</span></td>"))
    #expect(sheriff.contains("<td>c01</td>"))
    #expect(!sheriff.contains("missing</span>"))
    // An event needing nobody is no duty to list.
    #expect(!html.contains("Quiet assembly"))
  }

  @Test func identicalBlocksShareOutTheirOfficers() throws {
    let map = CoverageMap(scenario: scenario, roster: roster)
    let elem = try #require(map.day(.mon, at: "es"))
    #expect(elem.segments.map(\.fills) == [[.home], [.away]])
    #expect(elem.officers == ["c01", "c02"])
    #expect(elem.shortHours == 0)
  }

  @Test func stripsDrawEachPlaceAlongTheAxis() throws {
    let police = try page("NPD", in: html)
    // The axis runs 07:00–10:00 (420–600); two lanes of 10, each place
    // 1 unit short so that two officers read as two.
    #expect(police.contains("viewBox=\"0 0 180 20\""))
    #expect(police.contains("<rect class=\"home\" x=\"60\" y=\"0\" width=\"60\" height=\"9\">"))
    #expect(police.contains("<rect class=\"miss3\" x=\"60\" y=\"10\" width=\"60\" height=\"9\">"))
    #expect(police.contains("<rect class=\"miss2\" x=\"0\" y=\"10\" width=\"60\" height=\"9\">"))
  }

  @Test func missingPlacesAreColouredByPriorityBand() {
    let classes = [0.5, 1, 1.9, 2, 2.9, 3, 9].map { CoverageMap.Fill.missing(priority: $0).cssClass }
    #expect(classes == ["miss1", "miss1", "miss1", "miss2", "miss2", "miss3", "miss3"])
  }

  @Test func aLongListOfOfficersTakesTwoColumns() throws {
    let sheriff = try page("CCSO", in: html)
    let tables = sheriff.components(separatedBy: "<table class=\"list officers\">").dropFirst()
    #expect(tables.map { $0.components(separatedBy: "<span class=\"id\">").count - 1 } == [7, 6])
  }

  @Test func anAgencyWithoutSchoolsHasNothingUncovered() throws {
    let troopers = try page("STATE", in: html)
    #expect(troopers.contains("<span class=\"value\">100%</span><span class=\"label\">covered</span>"))
  }

  @Test func aRosterNotProvenBestGivesItsBound() throws {
    var stopped = roster
    stopped.status = .feasible
    stopped.bound = 1000
    let text = PrintableReport(report: RosterReport(roster: stopped), scenario: scenario).html
    #expect(text.contains("Planned with sro · objective 1200, bound 1000 · America/Chicago time"))
    #expect(html.contains("Planned with sro · objective 1200 · America/Chicago time"))
  }
}
