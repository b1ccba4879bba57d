import Plot
import SRORoster
import SROScenario

extension AgencyPage {
  /// Event duty at the agency's schools.
  var events: BodyNode {
    let list = context.scenario.events.filter { event in
      event.officers > 0 && context.scenario.school(event.school)?.agency == agency.id
    }
    return .if(
      !list.isEmpty,
      .div(
        .class("block events"),
        .h2(plain("Events")),
        .table(
          .class("list"),
          .forEach(list) { event in
            let officers = context.roster.assignments.filter { $0.event == event.id.rawValue }.map(\.officer)
            let missing = event.officers - officers.count
            return .tr(
              .td(plain(ReportWording.dayLabel(event.day, in: context.scenario))),
              .td(.class("time"), plain(ReportWording.span(event.start.description, event.end.description))),
              .td(plain(event.name), span("where", context.scenario.school(event.school)?.name ?? "")),
              .td(
                plain(officers.isEmpty ? "nobody" : officers.joined(separator: " ")),
                .if(missing > 0, span("short", "\(missing) missing"))))
          })))
  }

  /// The uncovered blocks of the agency's schools, with their reasons.
  var gaps: BodyNode {
    let rows = context.gapRows.filter { row in
      context.scenario.school(row.school)?.agency == agency.id
    }
    return .div(
      .class("block gaps"),
      .h2(plain("Uncovered")),
      .if(rows.isEmpty, .p(.class("none"), plain("Nothing: every block is covered."))),
      .if(
        !rows.isEmpty,
        .table(
          .class("list"),
          .forEach(rows) { row in
            .tr(
              .class("p\(row.priority >= 3 ? 3 : row.priority >= 2 ? 2 : 1)"),
              .td(
                plain(ReportWording.dayLabel(row.day, in: context.scenario)),
                span("time", ReportWording.span(row.start, row.end))),
              .td(
                plain(gapPlace(row)),
                span("need", gapFigures(row)),
                .if(row.reason != nil, .div(.class("reason"), plain(row.reason ?? "")))))
          })))
  }

  /// `No officer · 8 officer-hours, 2 at priority 3`, `1 of 2 officers
  /// missing · 3 officer-hours at priority 1`.
  private func gapFigures(_ row: GapRow) -> String {
    let hours = row.officerHours == 1 ? "1 officer-hour" : "\(row.officerHours.rosterText) officer-hours"
    let top =
      row.topPriorityHours == row.officerHours
      ? " at priority \(row.priority.rosterText)"
      : ", \(row.topPriorityHours.rosterText) at priority \(row.priority.rosterText)"
    let who = row.missing == row.needed ? "No officer" : "\(row.missing) of \(row.needed) officers missing"
    return who + " · " + hours + top
  }

  private func gapPlace(_ row: GapRow) -> String {
    let school = context.scenario.school(row.school)?.name ?? row.school.rawValue
    guard let id = row.event else { return school }
    let name = context.scenario.events.first { $0.id.rawValue == id }?.name ?? id
    return "\(name) at \(school)"
  }

  /// The agency's officers: home, hours and overtime; a long list in two
  /// columns.
  var hours: BodyNode {
    let half = officers.count > 12 ? (officers.count + 1) / 2 : officers.count
    let columns = stride(from: 0, to: officers.count, by: max(half, 1)).map {
      Array(officers[$0..<min($0 + half, officers.count)])
    }
    return .div(
      .class(columns.count > 1 ? "block hours wide" : "block hours"),
      .h2(plain("Officers")),
      .div(.class("columns"), .forEach(columns) { officerTable($0) }))
  }

  private func officerTable(_ officers: [Officer]) -> BodyNode {
    let heading: Node<HTML.TableContext> = .tr(
      .th(plain("Officer")), .th(plain("Home")), .th(.class("n"), plain("Hours")),
      .th(.class("n"), plain("OT")))
    return .table(.class("list officers"), heading, .forEach(officers) { officerRow($0) })
  }

  private func officerRow(_ officer: Officer) -> Node<HTML.TableContext> {
    let entry = context.roster.officers.first { $0.id == officer.id.rawValue }
    let name: String = officer.name == officer.id.rawValue ? "" : " " + officer.name
    let home: String = officer.home.map { context.scenario.school($0)?.name ?? $0.rawValue } ?? "relief"
    let overtime = entry?.overtime ?? 0
    return .tr(
      .td(span("id", officer.id.rawValue), plain(name)),
      .td(plain(home)),
      .td(.class("n"), plain((entry?.hours ?? 0).rosterText)),
      .td(.class(overtime > 0 ? "n over" : "n"), plain(overtime.rosterText)))
  }
}
