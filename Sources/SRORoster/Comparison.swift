import SROScenario

/// A baseline roster and what-if variants side by side: objective terms,
/// coverage, and the assignments that differ.
public struct Comparison: Sendable {
  /// One solved case.
  public struct Case: Sendable {
    public var name: String
    public var assumptions: [String]
    public var scenario: Scenario
    public var roster: Roster
    public var statistics: RosterStatistics

    public init(name: String, assumptions: [String], scenario: Scenario, roster: Roster) {
      self.name = name
      self.assumptions = assumptions
      self.scenario = scenario
      self.roster = roster
      self.statistics = RosterStatistics(scenario: scenario, roster: roster)
    }
  }

  /// How a variant's assignments differ from the baseline's.
  public struct Differences: Sendable, Hashable {
    /// The same officer, day and hours at another place.
    public struct Move: Sendable, Hashable {
      public var from: Roster.Assignment
      public var to: Roster.Assignment
    }

    public var added: [Roster.Assignment] = []
    public var removed: [Roster.Assignment] = []
    public var moved: [Move] = []

    /// Differences of `variant` against `baseline`: `added ∪ moved.to` is
    /// exactly `variant − baseline` and `removed ∪ moved.from` exactly
    /// `baseline − variant`.
    public init(baseline: Roster, variant: Roster) {
      let before = Set(baseline.assignments)
      let after = Set(variant.assignments)
      var removed = baseline.assignments.filter { !after.contains($0) }
      for a in variant.assignments where !before.contains(a) {
        if let k = removed.firstIndex(where: {
          $0.officer == a.officer && $0.day == a.day && $0.start == a.start && $0.end == a.end
        }) {
          moved.append(Move(from: removed.remove(at: k), to: a))
        } else {
          added.append(a)
        }
      }
      self.removed = removed
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && moved.isEmpty }
  }

  public var baseline: Case
  public var variants: [Case]

  public init(baseline: Case, variants: [Case]) {
    self.baseline = baseline
    self.variants = variants
  }

  /// The differences of each variant against the baseline.
  public var differences: [Differences] {
    variants.map { Differences(baseline: baseline.roster, variant: $0.roster) }
  }

  // MARK: - Text

  /// Figures side by side, then each variant's differences.
  public var table: String {
    let cases = [baseline] + variants
    var rows: [[String]] = [["", "baseline"] + variants.map(\.name)]
    func row(_ label: String, _ value: (Case) -> String) { rows.append([label] + cases.map(value)) }
    func percent(_ coverage: RosterStatistics.Coverage) -> String {
      jsonNumber((coverage.fraction * 1000).rounded() / 10) + "%"
    }
    row("status") { $0.roster.status.rawValue }
    row("objective") { jsonNumber($0.roster.objective) }
    row("  uncovered") { jsonNumber($0.statistics.terms.uncovered) }
    row("  overtime") { jsonNumber($0.statistics.terms.overtime) }
    row("  away from home") { jsonNumber($0.statistics.terms.awayFromHome) }
    row("  cross-agency") { jsonNumber($0.statistics.terms.crossAgency) }
    for priority in Set(cases.flatMap { $0.statistics.uncoveredHoursByPriority.map(\.priority) })
      .sorted(by: >)
    {
      row("uncovered h, priority \(jsonNumber(priority))") { c in
        jsonNumber(c.statistics.uncoveredHoursByPriority.first { $0.priority == priority }?.hours ?? 0)
      }
    }
    row("overtime h") { jsonNumber($0.statistics.overtimeHours) }
    row("away-from-home h") { jsonNumber($0.statistics.awayFromHomeHours) }
    row("cross-agency h") { jsonNumber($0.statistics.crossAgencyHours) }
    row("coverage") { percent($0.statistics.overall) }
    for agency in baseline.scenario.agencies {
      row("  \(agency.id)") { percent($0.statistics.byAgency[agency.id] ?? .init()) }
    }
    for day in Weekday.allCases where cases.contains(where: { $0.statistics.byDay[day] != nil }) {
      row("  \(day)") { percent($0.statistics.byDay[day] ?? .init()) }
    }
    for school in schoolsInAnyCase {
      row("  \(school)") { percent($0.statistics.bySchool[school] ?? .init()) }
    }
    var out = RosterTable.grid(rows)
    for (variant, differences) in zip(variants, differences) {
      out += "\n\(variant.name)"
      if !variant.assumptions.isEmpty { out += " (" + variant.assumptions.joined(separator: ", ") + ")" }
      out += ": "
      guard !differences.isEmpty else {
        out += "same assignments as the baseline\n"
        continue
      }
      out +=
        "\(differences.added.count) added, \(differences.removed.count) removed, \(differences.moved.count) moved\n"
      for a in differences.added { out += "  added   \(RosterReport.describe(a))\n" }
      for a in differences.removed { out += "  removed \(RosterReport.describe(a))\n" }
      for move in differences.moved {
        out += "  moved   \(RosterReport.describe(move.from)) → \(move.to.event ?? move.to.school)\n"
      }
    }
    return out
  }

  private var schoolsInAnyCase: [SchoolID] {
    var seen = Set<SchoolID>()
    return ([baseline] + variants).flatMap { $0.scenario.schools.map(\.id) }.filter {
      seen.insert($0).inserted
    }
  }

  /// The same figures for machines.
  public var json: String {
    func coverage(_ c: RosterStatistics.Coverage) -> JSONText {
      .object([
        ("needed", .number(c.needed)), ("covered", .number(c.covered)),
        ("fraction", .number(c.fraction)),
      ])
    }
    func figures(_ c: Case) -> [(String, JSONText)] {
      let s = c.statistics
      return [
        ("name", .string(c.name)),
        ("assumptions", .array(c.assumptions.map { .string($0) })),
        ("status", .string(c.roster.status.rawValue)),
        ("objective", .number(c.roster.objective)),
        ("bound", .number(c.roster.bound)),
        (
          "terms",
          .object([
            ("uncovered", .number(s.terms.uncovered)), ("overtime", .number(s.terms.overtime)),
            ("awayFromHome", .number(s.terms.awayFromHome)),
            ("crossAgency", .number(s.terms.crossAgency)),
          ])
        ),
        (
          "uncoveredHoursByPriority",
          .array(
            s.uncoveredHoursByPriority.map {
              .object([("priority", .number($0.priority)), ("hours", .number($0.hours))])
            })
        ),
        ("overtimeHours", .number(s.overtimeHours)),
        ("awayFromHomeHours", .number(s.awayFromHomeHours)),
        ("crossAgencyHours", .number(s.crossAgencyHours)),
        ("coverage", coverage(s.overall)),
        (
          "coverageByAgency",
          .object(c.scenario.agencies.map { ($0.id.rawValue, coverage(s.byAgency[$0.id] ?? .init())) })
        ),
        (
          "coverageByDay",
          .object(
            Weekday.allCases.compactMap { day in s.byDay[day].map { (day.code, coverage($0)) } })
        ),
        (
          "coverageBySchool",
          .object(c.scenario.schools.map { ($0.id.rawValue, coverage(s.bySchool[$0.id] ?? .init())) })
        ),
      ]
    }
    let variantValues = zip(variants, differences).map { variant, d -> JSONText in
      .object(
        figures(variant) + [
          (
            "differences",
            .object([
              ("added", .array(d.added.map(Roster.jsonValue(of:)))),
              ("removed", .array(d.removed.map(Roster.jsonValue(of:)))),
              (
                "moved",
                .array(
                  d.moved.map {
                    .object([("from", Roster.jsonValue(of: $0.from)), ("to", Roster.jsonValue(of: $0.to))])
                  })
              ),
            ])
          )
        ])
    }
    return JSONText.object([
      ("baseline", .object(figures(baseline))), ("variants", .array(variantValues)),
    ]).document
  }
}
