import Plot
import SRORoster
import SROScenario

/// One printed page: an agency's schools for the week — the header with
/// the status and figures, the grid of schools by day with each day's
/// coverage drawn along the clock, then events, gaps and officers' hours.
struct AgencyPage {
  let context: ReportContext
  let agency: Agency

  var scenario: Scenario { context.scenario }
  var schools: [School] { scenario.schools.filter { $0.agency == agency.id } }
  var officers: [Officer] { scenario.officers.filter { $0.agency == agency.id } }

  var node: BodyNode {
    .section(
      .class("page"),
      attribute("data-agency", agency.id.rawValue),
      header,
      context.notes,
      grid,
      .div(.class("lower"), events, gaps, hours),
      .footer(legend(), span("source", context.footnote)))
  }

  // MARK: - Header

  private var header: BodyNode {
    let coverage = context.statistics.byAgency[agency.id]
    let short = context.gapRows.filter { row in schools.contains { $0.id == row.school } }
    let overtime = officers.reduce(0.0) { total, officer in
      total + (context.roster.officers.first { $0.id == officer.id.rawValue }?.overtime ?? 0)
    }
    let figures: [(String, String)] = [
      ("covered", ReportWording.percent(coverage?.fraction ?? 1)),
      ("officer-hours needed", (coverage?.needed ?? 0).rosterText),
      ("officer-hours uncovered", short.reduce(0) { $0 + $1.officerHours }.rosterText),
      ("overtime hours", overtime.rosterText),
    ]
    return .header(
      .div(
        .class("title"),
        .h1(plain(agency.name)),
        .p(.class("subtitle"), plain(context.subtitle)),
        .p(
          .class("status \(context.roster.status.rawValue)"), plain(ReportWording.status(of: context.roster)))
      ),
      .div(
        .class("figures"),
        .forEach(figures) { label, value in
          .div(.class("figure"), span("value", value), span("label", label))
        }))
  }

  // MARK: - The grid

  private var grid: BodyNode {
    let map = context.map
    let days = context.days
    return .table(
      .class("grid"),
      .thead(
        .tr(
          .th(.class("school"), plain("School")),
          .forEach(days) { day in
            .th(plain(ReportWording.dayLabel(day, in: scenario)), axisLabels(map.axis))
          })),
      .tbody(
        .forEach(schools) { school in
          .tr(
            attribute("data-school", school.id.rawValue),
            .th(.class("school"), plain(school.name), span("id", school.id.rawValue)),
            .forEach(days) { day in cell(map.day(day, at: school.id), school: school, day: day) })
        }))
  }

  private func axisLabels(_ axis: ClosedRange<Int>) -> BodyNode {
    let width = Double(axis.upperBound - axis.lowerBound)
    let hours = Array(stride(from: axis.lowerBound, through: axis.upperBound, by: 120))
    return .div(
      .class("axis"),
      .forEach(hours) { minutes in
        .span(
          attribute("style", "left: \((Double(minutes - axis.lowerBound) / width * 100).rosterText)%"),
          plain(ReportWording.hourLabel(minutes)))
      })
  }

  private func cell(_ day: CoverageMap.Day?, school: School, day weekday: Weekday)
    -> Node<HTML.TableRowContext>
  {
    guard let day else { return .td(.class("idle"), plain("—")) }
    if let reason = day.closed {
      return .td(.class("closed"), .div(.class("names"), plain("Closed")), span("why", reason))
    }
    let label = "\(school.name), \(ReportWording.dayLabel(weekday, in: scenario))"
    return .td(
      .div(
        .class("names"),
        plain(day.officers.joined(separator: " ")),
        .if(day.shortHours > 0, span("short", ReportWording.hours(day.shortHours) + " short"))),
      strip(day, axis: context.map.axis, label: label))
  }
}
