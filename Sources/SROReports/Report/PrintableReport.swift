import Plot
import SRORoster
import SROScenario

/// The week's roster as one self-contained HTML file to print and hand
/// out: a US Letter landscape page per agency with the status in plain
/// words, the schools by day with each day's coverage drawn along the
/// clock, the events, the uncovered blocks with their reasons, and the
/// officers' hours. No scripts, fonts or images are fetched: the styles
/// and drawings are inline.
public struct PrintableReport: Sendable {
  /// The roster, what the run assumed, the changes against a published
  /// roster, and (`why`) the one-line reason of each uncovered block, when
  /// known.
  public let report: RosterReport
  public let scenario: Scenario

  public init(report: RosterReport, scenario: Scenario) {
    self.report = report
    self.scenario = scenario
  }

  /// The HTML document.
  public var html: String {
    let context = ReportContext(report: report, scenario: scenario)
    let title = "SRO coverage, \(context.subtitle)"
    return document(title: title, pages: context.pages)
  }
}

/// A whole HTML document of `pages`, with the report's stylesheet.
func document(title: String, pages: [BodyNode]) -> String {
  HTML(
    .lang(.english),
    .head(
      .meta(.charset(.utf8)),
      .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
      .element(named: "title", nodes: [plain(title)]),
      .style(ReportStyle.css)),
    .body(.group(pages))
  ).render()
}
