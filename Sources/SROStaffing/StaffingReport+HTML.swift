import Foundation
import Plot
import SRORoster
import SROScenario
import SROSearch

extension StaffingReport {
  /// The report as one HTML page: the assumptions, the coverage curve as
  /// an inline SVG chart (share of weeks covered against the relief
  /// levels, with the target), the levels' table and the schools left
  /// uncovered.
  public var html: String {
    let title = "Staffing study: \(header.scenario)"
    return HTML(
      // Plot's `.title` also writes `og:title` and `twitter:title` meta
      // tags with the text unescaped in an attribute: a plain element.
      .head(
        .meta(.charset(.utf8)), .element(named: "title", text: title.ampersandsEscaped), .style(Self.css)),
      .body(
        .h1(.words(title)),
        .p(
          .words(
            "\(header.samples) sampled weeks (seed \(header.seed)); high priority: \(priorityText); "
              + "relief officers: no home school, \(reliefSkillsText).")),
        .p(
          .words(
            "Absences per officer and school day: "
              + header.rates.map {
                "\($0.who) \(percent($0.wholeDay)) whole day, \(percent($0.partDay)) part day"
              }
              .joined(separator: "; ") + ".")),
        .p(.strong(.words(recommendationText))),
        chart,
        levelTable,
        schoolTable
      )
    ).render(indentedBy: .spaces(1)) + "\n"
  }

  private static let css = """
    body{font-family:sans-serif;margin:2em;max-width:64em}
    table{border-collapse:collapse;margin:1em 0}
    th,td{border-bottom:1px solid #ccc;padding:.2em .6em;text-align:right}
    th:first-child,td:first-child{text-align:left}
    """

  private var levelTable: Node<HTML.BodyContext> {
    .table(
      .tr(
        .th("relief"), .th("fully covered"), .th("high priority covered"), .th("uncovered h p5"),
        .th("median"), .th("p95"), .th("overtime h median"), .th("cross-agency h mean"), .th("proven"),
        .group(levels.first?.agencies.map { .th(.words("\($0.agency) high priority covered")) } ?? [])),
      .group(
        levels.map { level in
          .tr(
            .td(.words(reliefText(level.relief))), .td(.words(percent(level.fullyCovered))),
            .td(.words(percent(level.priorityCovered))), .td(.words(jsonNumber(level.uncoveredHours.p5))),
            .td(.words(jsonNumber(level.uncoveredHours.median))),
            .td(.words(jsonNumber(level.uncoveredHours.p95))),
            .td(.words(jsonNumber(level.overtimeHours.median))),
            .td(.words(jsonNumber(level.crossAgencyHours.mean))),
            .td(.words(percent(level.proven))),
            .group(level.agencies.map { .td(.words(percent($0.priorityCovered))) }))
        }))
  }

  /// Each school ever left uncovered: its share of weeks at every level.
  private var schoolTable: Node<HTML.BodyContext> {
    guard let first = levels.first else { return .empty }
    let shown = first.schools.indices.filter { s in levels.contains { $0.schools[s].uncovered > 0 } }
    guard !shown.isEmpty else { return .p(.words("No school was left uncovered in any sampled week.")) }
    return .group(
      .h2(.words("Share of weeks each school is left uncovered")),
      .table(
        .tr(.th("school"), .group(levels.map { .th(.words(reliefText($0.relief))) })),
        .group(
          shown.map { s in
            .tr(
              .td(.words(first.schools[s].school.name)),
              .group(levels.map { .td(.words(percent($0.schools[s].uncovered))) }))
          })))
  }
}

extension StaffingReport {
  /// For each number of relief officers in all, the level that uses them
  /// best (the most weeks covered at high priority, then fully covered).
  var frontier: [Level] {
    let totals = Set(levels.map(\.totalRelief)).sorted()
    return totals.compactMap { total in
      levels.filter { $0.totalRelief == total }.max { a, b in
        (a.priorityCovered, a.fullyCovered) < (b.priorityCovered, b.fullyCovered)
      }
    }
  }

  /// Share of weeks fully covered, and covered at high priority, against
  /// relief officers in all: a line through the best level for each total
  /// (named under the axis), a dot for every level, the target dashed.
  fileprivate var chart: Node<HTML.BodyContext> {
    let (width, height, left, top, plotWidth, plotHeight) = (760.0, 380.0, 56.0, 20.0, 620.0, 240.0)
    let maxTotal = Double(max(1, levels.map(\.totalRelief).max() ?? 1))
    func x(_ level: Level) -> Double { left + Double(level.totalRelief) / maxTotal * plotWidth }
    func y(_ share: Double) -> Double { top + (1 - share) * plotHeight }
    var nodes: [Node<HTML.BodyContext>] = [
      .attribute(named: "xmlns", value: "http://www.w3.org/2000/svg"),
      .attribute(named: "width", value: svgNumber(width)),
      .attribute(named: "height", value: svgNumber(height)),
      .attribute(named: "role", value: "img"),
      .element(named: "title", text: "Share of weeks covered against relief officers"),
    ]
    for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
      nodes.append(line(left, y(tick), left + plotWidth, y(tick), stroke: "#ddd"))
      nodes.append(label(percent(tick), x: left - 6, y: y(tick) + 4, anchor: "end"))
    }
    nodes.append(
      line(left, y(header.target), left + plotWidth, y(header.target), stroke: "#888", dashed: true))
    nodes.append(
      label("target \(percent(header.target))", x: left + plotWidth, y: y(header.target) - 4, anchor: "end"))
    for level in frontier {
      nodes.append(label("\(level.totalRelief)", x: x(level), y: top + plotHeight + 16, anchor: "middle"))
      nodes.append(rotatedLabel(reliefText(level.relief), x: x(level), y: top + plotHeight + 30))
    }
    nodes.append(label("relief officers", x: left + plotWidth / 2, y: height - 4, anchor: "middle"))
    let series: [(String, String, (Level) -> Double)] = [
      ("fully covered", "#1f77b4", { $0.fullyCovered }),
      ("covered at \(priorityText)", "#d62728", { $0.priorityCovered }),
    ]
    for (number, (name, colour, value)) in series.enumerated() {
      let points = frontier.map { "\(svgNumber(x($0))),\(svgNumber(y(value($0))))" }
      nodes.append(
        .element(
          named: "polyline",
          nodes: [
            .attribute(named: "points", value: points.joined(separator: " ")),
            .attribute(named: "fill", value: "none"), .attribute(named: "stroke", value: colour),
            .attribute(named: "stroke-width", value: "2"),
          ]))
      for level in levels {
        nodes.append(
          dot(
            x(level), y(value(level)), colour: colour,
            title: "\(reliefText(level.relief)): \(name) \(percent(value(level)))"))
      }
      let legendY = top + Double(number) * 16 + 4
      nodes.append(line(left + 8, legendY, left + 28, legendY, stroke: colour))
      nodes.append(label(name, x: left + 34, y: legendY + 4, anchor: "start"))
    }
    return .element(named: "svg", nodes: nodes)
  }

  private func rotatedLabel(_ text: String, x: Double, y: Double) -> Node<HTML.BodyContext> {
    .element(
      named: "text",
      nodes: [
        .attribute(named: "transform", value: "translate(\(svgNumber(x)),\(svgNumber(y))) rotate(20)"),
        .attribute(named: "font-size", value: "10"), .words(text),
      ])
  }

  private func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, dashed: Bool = false
  ) -> Node<HTML.BodyContext> {
    .element(
      named: "line",
      nodes: [
        .attribute(named: "x1", value: svgNumber(x1)), .attribute(named: "y1", value: svgNumber(y1)),
        .attribute(named: "x2", value: svgNumber(x2)), .attribute(named: "y2", value: svgNumber(y2)),
        .attribute(named: "stroke", value: stroke),
        .attribute(named: "stroke-dasharray", value: dashed ? "6 4" : nil),
      ])
  }

  private func label(_ text: String, x: Double, y: Double, anchor: String) -> Node<HTML.BodyContext> {
    .element(
      named: "text",
      nodes: [
        .attribute(named: "x", value: svgNumber(x)), .attribute(named: "y", value: svgNumber(y)),
        .attribute(named: "text-anchor", value: anchor), .attribute(named: "font-size", value: "11"),
        .words(text),
      ])
  }

  private func dot(_ x: Double, _ y: Double, colour: String, title: String) -> Node<HTML.BodyContext> {
    .element(
      named: "circle",
      nodes: [
        .attribute(named: "cx", value: svgNumber(x)), .attribute(named: "cy", value: svgNumber(y)),
        .attribute(named: "r", value: "3.5"), .attribute(named: "fill", value: colour),
        .element(named: "title", text: title.ampersandsEscaped),
      ])
  }
}

extension Node {
  /// `text` as a text node, written as given: Plot escapes `<` and `>` but
  /// keeps what looks like an entity (`&amp;`, `&T;`), so every `&` is
  /// escaped first.
  fileprivate static func words(_ text: String) -> Node { .text(text.ampersandsEscaped) }
}

extension String {
  /// Every `&` written `&amp;`, for text that Plot escapes further.
  fileprivate var ampersandsEscaped: String { replacingOccurrences(of: "&", with: "&amp;") }
}

/// A coordinate with at most two decimals.
private func svgNumber(_ value: Double) -> String { jsonNumber((value * 100).rounded() / 100) }
