import Foundation

/// A suite's results as a table and as JSON.
public struct SuiteReport: Codable, Sendable {
  /// What ran: the suite's folder, the machine.
  public var suite: String
  public var machine: String
  /// The limits, in seconds.
  public var timeLimit: Double
  public var quickLimit: Double
  public var cases: [SuiteCase]
  public var statistics: SuiteStatistics

  /// The report of `cases`, with their statistics.
  public init(suite: String, machine: String, timeLimit: Double, quickLimit: Double, cases: [SuiteCase]) {
    self.suite = suite
    self.machine = machine
    self.timeLimit = timeLimit
    self.quickLimit = quickLimit
    self.cases = cases
    self.statistics = SuiteStatistics(cases)
  }

  /// The report as pretty-printed JSON with sorted keys.
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
  }

  /// One line per case, then the distribution.
  public func table() -> String {
    let q = seconds(quickLimit)
    let l = seconds(timeLimit)
    var lines = [
      [
        "scenario", "schools", "binaries", "sro \(q)", "sro \(l)", "sro s", "HiGHS \(q)", "HiGHS \(l)",
        "HiGHS s", "best known", "sro gap \(q)", "sro gap \(l)",
      ]
    ]
    for c in cases {
      lines.append([
        c.name, "\(c.schools)", "\(c.binaries)", cell(c.sroQuick), cell(c.sroLimit),
        fixed(c.sroLimit.seconds),
        cell(c.highsQuick), cell(c.highsLimit), c.highsLimit.map { fixed($0.seconds) } ?? "-",
        c.bestKnown.map(number) ?? "-", percent(c.gapToBest(c.sroQuick)), percent(c.gapToBest(c.sroLimit)),
      ])
    }
    return Self.align(lines) + "\n\n" + summary() + "\n"
  }

  /// The distribution: one line per figure, a column per solver.
  func summary() -> String {
    let s = statistics
    let q = seconds(quickLimit)
    let l = seconds(timeLimit)
    func both(_ figure: (SolverSummary) -> String) -> [String] {
      [figure(s.sro), s.highs.map(figure) ?? "-"]
    }
    func spread(_ d: Distribution, _ show: (Double?) -> String) -> String {
      "\(show(d.median)) / \(show(d.p90)) / \(show(d.max))"
    }
    let beyond = { (value: Double?) in value.map { fixed($0) } ?? ">\(l)" }
    let gap = { (value: Double?) in value.map { percent($0) } ?? "none" }
    var lines = [["\(s.cases) scenarios", "sro", "HiGHS (plain model)"]]
    lines.append(["proven optimal within \(l)"] + both { "\($0.proven) of \(s.cases)" })
    lines.append(["time to proof, s (median / p90 / max)"] + both { spread($0.timeToProof, beyond) })
    lines.append(["within 1% of best known at \(q)"] + both { "\($0.withinOnePercentQuick) of \(s.cases)" })
    lines.append(["gap to best known at \(q) (median / p90 / max)"] + both { spread($0.gapToBestQuick, gap) })
    lines.append(["gap to best known at \(l)"] + both { spread($0.gapToBestLimit, gap) })
    lines.append(["gap to own bound at \(q)"] + both { spread($0.ownGapQuick, gap) })
    lines.append(["gap to own bound at \(l)"] + both { spread($0.ownGapLimit, gap) })
    lines.append(["rosters validated (invalid)"] + both { "\($0.rostersChecked) (\($0.rostersInvalid))" })
    for (label, versus) in [(q, s.versusQuick), (l, s.versusLimit)] {
      guard let versus else { continue }
      lines.append([
        "sro vs HiGHS at \(label): better / equal / worse",
        "\(versus.better) / \(versus.equal) / \(versus.worse)", "",
      ])
    }
    lines.append(["roster below a proven bound (a solver is wrong)", "\(s.contradictions)", ""])
    return Self.align(lines)
  }

  /// A run as one cell: the objective, `*` when proven, `none` without a
  /// roster, `INVALID` when the validator refused it.
  func cell(_ run: SolverRun?) -> String {
    guard let run else { return "-" }
    guard let objective = run.objective else { return run.status == "unavailable" ? "n/a" : "none" }
    if run.violations != 0 { return "INVALID" }
    return number(objective) + (run.proven ? "*" : "")
  }

  static func align(_ lines: [[String]]) -> String {
    let widths = lines[0].indices.map { i in lines.map { $0[i].count }.max() ?? 0 }
    return lines.map { line in
      line.enumerated().map { i, text in text.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
        .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }.joined(separator: "\n")
  }
}

func seconds(_ value: Double) -> String {
  value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
}

func fixed(_ value: Double) -> String { String(format: "%.2f", value) }

func number(_ value: Double) -> String {
  value == value.rounded() ? String(Int64(value)) : String(format: "%.2f", value)
}

func percent(_ value: Double?) -> String {
  guard let value else { return "-" }
  return value == 0 ? "0" : String(format: "%.2f%%", value * 100)
}
