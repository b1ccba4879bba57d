import GLPKSolver
import LinearModel
import SRORoster
import SROTestSupport
import SROValidator
import Testing

@testable import SROFormulation
@testable import SROScenario

/// The `long` rows (the day rule as cliques) on random small days of
/// events, some of them exactly half the day or exactly what another leaves
/// of it, with day limits whose sums of minutes are inexact in floating
/// point: no row ever cuts off a valid roster.
@Suite struct LongRowTests {
  /// Day limits: whole, half and quarter hours, and 6.6, 7.3 and 10.1, where
  /// two blocks of whole minutes that exactly fill the day add up to a
  /// little more than the limit in floating point (e.g. 230 + 208 minutes
  /// at 7.3 h).
  static let dayLimits = [4, 6.6, 7.3, 7.5, 9.75, 10, 10.1, 12, 24]

  /// A scenario drawn from `seed`: two schools 17 minutes apart, a home
  /// officer and a relief officer, three to six events on Monday and
  /// Tuesday, maybe a school day (closed on Monday, or not), maybe a
  /// partial absence, maybe a short week for the relief officer.
  func randomYAML(seed: UInt64) -> String {
    var rng = SplitMix64(seed: seed)
    let limit = rng.pick(Self.dayLimits)
    let dayMinutes = Int((limit * 60).rounded())
    var lengths: [Int] = []
    var events: [String] = []
    for e in 0..<rng.int(in: 3...6) {
      let length: Int
      if let last = lengths.last, rng.chance(0.35), (1...1380).contains(dayMinutes - last) {
        length = dayMinutes - last
      } else if rng.chance(0.15), dayMinutes % 2 == 0 {
        length = dayMinutes / 2
      } else {
        length = rng.int(in: 20...600)
      }
      lengths.append(length)
      let start = rng.int(in: 0...(1439 - length))
      events.append(
        "  - {id: e\(e), school: \(rng.pick(["s1", "s2"])), day: \(rng.chance(0.8) ? "mon" : "tue"), "
          + "start: \"\(CliqueRowChecks.time(start))\", end: \"\(CliqueRowChecks.time(start + length))\", "
          + "officers: \(rng.chance(0.2) ? 2 : 1), priority: \(rng.int(in: 1...3))}")
    }
    let coverage =
      rng.chance(0.5)
      ? "[{days: [mon, tue], start: \"08:00\", end: \"\(CliqueRowChecks.time(rng.int(in: 600...930)))\", officers: 1}]"
      : "[]"
    var yaml = """
      policy: {maxHoursPerDay: \(limit)}
      schools:
        - {id: s1, level: elementary, location: {lat: 35.2, lon: -97.4}, coverage: \(coverage)}
        - {id: s2, level: elementary, location: {lat: 35.3, lon: -97.4}}
      officers: [{id: o1, agency: A, home: s1}, {id: o2, agency: A, maxHoursPerWeek: \(rng.pick([40, 12, 8]))}]
      events:
      \(events.joined(separator: "\n"))
      """
    if rng.chance(0.3) { yaml += "\nclosures: [{school: s1, day: mon}]" }
    if rng.chance(0.3) {
      let start = rng.int(in: 0...1200)
      yaml +=
        "\nabsences: [{officer: o2, day: mon, start: \"\(CliqueRowChecks.time(start))\", end: \"\(CliqueRowChecks.time(start + 180))\"}]"
    }
    return yaml
  }

  /// On 120 random scenarios, most with `long` rows: no row holds two
  /// blocks a valid roster may take together, and the tight model reaches
  /// the plain one's optimum, whole, restricted to some pairs, and with a
  /// pin (when the pin keeps the rules), also re-planning the whole
  /// scenario's roster.
  @Test func longRowsCutOffNoValidRoster() throws {
    var withLongRows = 0
    for seed in UInt64(1)...120 {
      let yaml = randomYAML(seed: seed)
      let drawn = try scenario(yaml)
      let coverage = try CoverageModel(scenario: drawn)
      if !coverage.model.constraints(inFamily: ConstraintFamily.long.rawValue).isEmpty { withLongRows += 1 }
      try CliqueRowChecks.expectEveryPairRefused(coverage, .long, seed: seed) {
        $0.hasSuffix("which overlap") || $0.contains("over maxHoursPerDay")
      }
      try CliqueRowChecks.expectSameOptimumEverywhere(
        yaml, pin: "{officer: o2, school: s1, day: mon, start: \"00:00\", end: \"12:00\"}", seed: seed,
        stream: "restriction")
    }
    #expect(withLongRows >= 60)
  }
}
