import Plot
import SRORoster
import SROScenario

/// What every page of one roster's report shares: the roster, its figures,
/// the coverage map, the gap rows and the lines about the run.
struct ReportContext {
  let scenario: Scenario
  let roster: Roster
  let statistics: RosterStatistics
  let map: CoverageMap
  let gapRows: [GapRow]
  /// Monday to Friday, and the weekend days that have blocks.
  let days: [Weekday]
  /// The case's name in a comparison (`baseline`, a variant's name).
  let caseName: String?
  let report: RosterReport

  init(report: RosterReport, scenario: Scenario, caseName: String? = nil) {
    self.scenario = scenario
    self.roster = report.roster
    self.report = report
    self.caseName = caseName
    statistics = RosterStatistics(scenario: scenario, roster: report.roster)
    map = CoverageMap(scenario: scenario, roster: report.roster)
    gapRows = GapRow.rows(of: report.roster, scenario: scenario, reasons: report.why)
    let blockDays = Set(scenario.blocks().map(\.day))
    days = Weekday.allCases.filter { $0 <= .fri || blockDays.contains($0) }
  }

  /// The scenario's name and the week's dates.
  var subtitle: String {
    let name = roster.scenario.isEmpty ? "Roster" : roster.scenario
    return "\(name) · \(ReportWording.weekSpan(of: scenario, through: days.last ?? .fri))"
  }

  /// The case, the what-if and the changes against a published roster,
  /// when there are any.
  var notes: BodyNode {
    var lines: [(String, String)] = []
    if let caseName { lines.append(("Case", caseName)) }
    if !report.assumptions.isEmpty { lines.append(("What-if", report.assumptions.joined(separator: ", "))) }
    if let changes = report.changes {
      lines.append(
        (
          "Re-plan of the published roster",
          changes.isUnchanged
            ? "no changes"
            : "\(changes.kept.count) assignments kept, \(changes.dropped.count) dropped, "
              + "\(changes.forced.count) no longer possible, \(changes.added.count) added"
        ))
    }
    return .if(
      !lines.isEmpty,
      .p(
        .class("notes"),
        .forEach(lines.enumerated()) { index, line in
          .group(.if(index > 0, plain(" · ")), .b(plain(line.0 + ": ")), plain(line.1))
        }))
  }

  /// The footer's source line.
  var footnote: String {
    "Planned with sro · objective \(roster.objective.rosterText)"
      + (roster.status == .optimal ? "" : ", bound \(roster.bound.rosterText)")
      + " · \(scenario.timeZone) time"
  }

  /// One page per agency.
  var pages: [BodyNode] { scenario.agencies.map { AgencyPage(context: self, agency: $0).node } }
}
