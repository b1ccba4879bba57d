import Plot
import SRORoster
import SROScenario

/// `sro compare` as a printable HTML file: a first page with the cases'
/// figures side by side and each variant's changes, then each case's
/// agency pages as in ``PrintableReport``.
public struct ComparisonReport: Sendable {
  public let comparison: Comparison
  /// Per case, baseline first: the one-line reason of each uncovered
  /// block, in the order of the case's `roster.uncovered`.
  public let why: [[String]?]

  /// How many changes of a variant the first page lists.
  static let listedChanges = 14

  public init(comparison: Comparison, why: [[String]?] = []) {
    self.comparison = comparison
    self.why = why
  }

  /// The HTML document.
  public var html: String {
    let cases = [comparison.baseline] + comparison.variants
    var pages = [summary(cases)]
    for (index, c) in cases.enumerated() {
      let report = RosterReport(
        roster: c.roster, assumptions: c.assumptions, why: index < why.count ? why[index] : nil)
      let context = ReportContext(report: report, scenario: c.scenario, caseName: c.name)
      pages += context.pages
    }
    let name = comparison.baseline.roster.scenario
    return document(title: "What-if comparison, \(name.isEmpty ? "Roster" : name)", pages: pages)
  }

  private func summary(_ cases: [Comparison.Case]) -> BodyNode {
    let baseline = ReportContext(
      report: RosterReport(roster: comparison.baseline.roster), scenario: comparison.baseline.scenario)
    return .section(
      .class("page"),
      attribute("data-page", "comparison"),
      .header(
        .div(
          .class("title"), .h1(plain("What-if comparison")), .p(.class("subtitle"), plain(baseline.subtitle)),
          .p(
            .class("status"),
            plain(overview)))),
      figuresTable(cases),
      .div(
        .class("differences"),
        .forEach(zip(comparison.variants, comparison.differences)) { variant, differences in
          changes(of: variant, differences)
        }),
      .footer(span("source", "Planned with sro")))
  }

  private var overview: String {
    let count = comparison.variants.count
    return "The baseline and \(count) what-if variant\(count == 1 ? "" : "s") side by side; "
      + "each case's pages follow this one."
  }

  private func figuresTable(_ cases: [Comparison.Case]) -> BodyNode {
    var rows: [(label: String, sub: Bool, values: [String])] = []
    func row(_ label: String, sub: Bool = false, _ value: (Comparison.Case) -> String) {
      rows.append((label, sub, cases.map(value)))
    }
    row("Status") { ReportWording.shortStatus(of: $0.roster) }
    row("Cost (objective)") { $0.roster.objective.rosterText }
    row("uncovered", sub: true) { $0.statistics.terms.uncovered.rosterText }
    row("overtime", sub: true) { $0.statistics.terms.overtime.rosterText }
    row("away from home", sub: true) { $0.statistics.terms.awayFromHome.rosterText }
    row("cross-agency", sub: true) { $0.statistics.terms.crossAgency.rosterText }
    row("Coverage") { ReportWording.percent($0.statistics.overall.fraction) }
    for agency in comparison.baseline.scenario.agencies {
      row(agency.name, sub: true) { ReportWording.percent($0.statistics.byAgency[agency.id]?.fraction ?? 1) }
    }
    let priorities = Set(cases.flatMap { $0.statistics.uncoveredHoursByPriority.map(\.priority) }).sorted(
      by: >)
    for priority in priorities {
      row("Uncovered officer-hours, priority \(priority.rosterText)") { c in
        (c.statistics.uncoveredHoursByPriority.first { $0.priority == priority }?.hours ?? 0).rosterText
      }
    }
    row("Overtime hours") { $0.statistics.overtimeHours.rosterText }
    row("Hours away from home") { $0.statistics.awayFromHomeHours.rosterText }
    row("Cross-agency hours") { $0.statistics.crossAgencyHours.rosterText }
    return .table(
      .class("figures-table"),
      .thead(.tr(.th(plain("")), .forEach(cases) { .th(plain($0.name)) })),
      .tbody(
        .forEach(rows) { row in
          .tr(
            .class(row.sub ? "sub" : "main"), .td(plain(row.label)), .forEach(row.values) { .td(plain($0)) })
        }))
  }

  private func changes(of variant: Comparison.Case, _ d: Comparison.Differences) -> BodyNode {
    func describe(_ a: Roster.Assignment) -> String {
      "\(a.officer) at \(a.event ?? a.school) \(a.day) \(a.start)–\(a.end)"
    }
    var lines = d.added.map { "added " + describe($0) }
    lines += d.removed.map { "removed " + describe($0) }
    lines += d.moved.map { "moved \(describe($0.from)) → \($0.to.event ?? $0.to.school)" }
    let shown = lines.prefix(Self.listedChanges)
    let heading =
      variant.name
      + (variant.assumptions.isEmpty ? "" : " (" + variant.assumptions.joined(separator: ", ") + ")")
    return .div(
      .h2(plain(heading)),
      .if(lines.isEmpty, .p(plain("Same assignments as the baseline."))),
      .if(
        !lines.isEmpty,
        .group(
          .p(plain("\(d.added.count) added, \(d.removed.count) removed, \(d.moved.count) moved")),
          .ul(.forEach(shown) { .li(plain($0)) }),
          .if(lines.count > shown.count, .p(plain("… and \(lines.count - shown.count) more.")))
        )))
  }
}
