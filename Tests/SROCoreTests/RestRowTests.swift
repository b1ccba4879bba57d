import SROTestSupport
import Testing

@testable import SROFormulation
@testable import SROScenario

/// The `rest` rows (late blocks of one day and the next morning's blocks
/// they rule out, as cliques) on random evenings and mornings: no row ever
/// cuts off a valid roster.
@Suite struct RestRowTests {
  /// A scenario drawn from `seed`: two schools, a home officer and a relief
  /// officer, two to five late events on Monday (often sharing a moment),
  /// one to four early events on Tuesday, maybe Tuesday morning coverage,
  /// a minimum rest of 6 to 12 hours, maybe a partial absence.
  func randomYAML(seed: UInt64) -> String {
    var rng = SplitMix64(seed: seed, stream: "rest")
    var events: [String] = []
    func event(_ day: String, _ start: Int, _ end: Int) {
      events.append(
        "  - {id: e\(events.count), school: \(rng.pick(["s1", "s2"])), day: \(day), "
          + "start: \"\(CliqueRowChecks.time(start))\", end: \"\(CliqueRowChecks.time(end))\", "
          + "officers: \(rng.chance(0.2) ? 2 : 1), priority: \(rng.int(in: 1...3))}")
    }
    for _ in 0..<rng.int(in: 2...5) {
      let start = rng.int(in: 1020...1350)
      event("mon", start, min(1439, start + rng.int(in: 30...180)))
    }
    for _ in 0..<rng.int(in: 1...4) {
      let start = rng.int(in: 240...600)
      event("tue", start, start + rng.int(in: 30...240))
    }
    let coverage =
      rng.chance(0.6)
      ? "[{days: [tue], start: \"\(CliqueRowChecks.time(rng.int(in: 300...480)))\", end: \"12:00\", officers: 1}]"
      : "[]"
    var yaml = """
      policy: {minRestHours: \(rng.pick([6, 8, 9.5, 10, 10.5, 12]))}
      schools:
        - {id: s1, level: elementary, location: {lat: 35.2, lon: -97.4}, coverage: \(coverage)}
        - {id: s2, level: elementary, location: {lat: 35.3, lon: -97.4}}
      officers: [{id: o1, agency: A, home: s1}, {id: o2, agency: A, maxHoursPerWeek: \(rng.pick([40, 12, 6]))}]
      events:
      \(events.joined(separator: "\n"))
      """
    if rng.chance(0.3) {
      let (day, start) = rng.chance(0.5) ? ("mon", rng.int(in: 1000...1300)) : ("tue", rng.int(in: 240...500))
      yaml +=
        "\nabsences: [{officer: o2, day: \(day), start: \"\(CliqueRowChecks.time(start))\", "
        + "end: \"\(CliqueRowChecks.time(start + 90))\"}]"
    }
    return yaml
  }

  /// On 120 random scenarios, many with rows that join late blocks: no
  /// `rest` row holds two blocks a valid roster may take together, and the
  /// tight model reaches the plain one's optimum, whole, restricted to
  /// some pairs, and with a pin (when the pin keeps the rules), also
  /// re-planning the whole scenario's roster.
  @Test func restRowsCutOffNoValidRoster() throws {
    var joined = 0
    for seed in UInt64(1)...120 {
      let yaml = randomYAML(seed: seed)
      let drawn = try scenario(yaml)
      let coverage = try CoverageModel(scenario: drawn)
      joined +=
        coverage.model.constraints(inFamily: ConstraintFamily.rest.rawValue).filter { row in
          row.constraint.expression.terms.count(where: { term in
            coverage.assignments.contains {
              $0.variable.index == term.variable.index && coverage.blocks[$0.block].day == .mon
            }
          }) > 1
        }.count
      try CliqueRowChecks.expectEveryPairRefused(coverage, .rest, seed: seed) {
        $0.hasSuffix("which overlap") || $0.contains(" rests ")
      }
      try CliqueRowChecks.expectSameOptimumEverywhere(
        yaml, pin: "{officer: o2, school: s1, day: tue, start: \"00:00\", end: \"12:00\"}", seed: seed,
        stream: "rest restriction")
    }
    #expect(joined >= 40)
  }
}
