import LinearModel
import SROScenario

extension CoverageModel {
  /// Officers who are interchangeable — same agency, home, skills, limits
  /// and absences, and no pin, forbid or published assignment of their own —
  /// have the same blocks and costs, so any roster stays feasible and
  /// equally good when their weeks are swapped. Ordering them by hours
  /// (`hours(o₁) ≥ hours(o₂) ≥ …`) removes those copies of every roster
  /// from the search without losing an optimum.
  mutating func addSymmetryRows(_ byOfficer: [[(block: Int, variable: Variable)]]) {
    struct Twin: Hashable {
      let agency: AgencyID
      let home: SchoolID?
      let skills: [String]
      let week: Double
      let overtime: Double
      let absences: [String]
    }
    let special = Set(scenario.pins.map(\.officer) + scenario.forbids.map(\.officer))
      .union((published?.assignments ?? []).map { OfficerID($0.officer) })
    var groups: [Twin: [Int]] = [:]
    var order: [Twin] = []
    for (o, officer) in scenario.officers.enumerated() where !special.contains(officer.id) {
      let absences = scenario.absences.filter { $0.officer == officer.id }
        .map { "\($0.days) \($0.interval.start)-\($0.interval.end)" }.sorted()
      let twin = Twin(
        agency: officer.agency, home: officer.home, skills: officer.skills,
        week: officer.maxHoursPerWeek, overtime: officer.maxOvertimePerWeek, absences: absences)
      if groups[twin] == nil { order.append(twin) }
      groups[twin, default: []].append(o)
    }
    let blocks = self.blocks
    func hours(_ o: Int) -> LinearExpression {
      LinearExpression(terms: byOfficer[o].map { ($0.variable, blocks[$0.block].hours) })
    }
    twins = order.map { groups[$0]! }.filter { $0.count > 1 }
    for members in twins {
      for (first, second) in zip(members, members.dropFirst()) {
        addRow(
          hours(first) - hours(second) >= 0, .symmetry,
          [scenario.officers[first].id.rawValue, scenario.officers[second].id.rawValue])
      }
    }
  }
}
