import Foundation
import SRORoster
import SROScenario
import SROSearch

extension StaffingReport {
  /// The report as JSON: the study's assumptions, a `levels` array (one
  /// entry per relief level, each with its `relief` per agency and
  /// `fullyCovered`) and the recommended level (`null` when no level
  /// reaches the target). Schools never left uncovered at a level are left
  /// out of its `schools`.
  public var json: String {
    let rates = header.rates.map { rate in
      JSONText.object([
        ("who", .string(rate.who)), ("wholeDay", .number(rate.wholeDay)), ("partDay", .number(rate.partDay)),
      ])
    }
    return JSONText.object([
      ("scenario", .string(header.scenario)), ("week", .string(header.week)),
      ("samples", .integer(header.samples)),
      ("seed", header.seed <= UInt64(Int.max) ? .integer(Int(header.seed)) : .string(String(header.seed))),
      ("priorityPeriods", .array(header.priorityPeriods.map(JSONText.string))),
      ("absenceRates", .array(rates)), ("eventsPerWeek", .number(header.eventsPerWeek)),
      ("closureRate", .number(header.closureRate)),
      (
        "reliefSkills",
        .object(
          header.reliefSkills.sorted { $0.key < $1.key }.map {
            ($0.key, .array($0.value.map(JSONText.string)))
          })
      ),
      ("timeLimit", .number(header.timeLimitSeconds)),
      ("target", .number(header.target)),
      ("recommended", recommended.map { reliefJSON(levels[$0].relief) } ?? .null),
      ("levels", .array(levels.map(levelJSON))),
    ]).document
  }

  private func reliefJSON(_ relief: [Int]) -> JSONText {
    .object(zip(header.agencies, relief).map { ($0, .integer($1)) })
  }

  private func levelJSON(_ level: Level) -> JSONText {
    func spread(_ value: Spread) -> JSONText {
      .object([
        ("p5", .number(value.p5)), ("median", .number(value.median)), ("p95", .number(value.p95)),
        ("mean", .number(value.mean)),
      ])
    }
    let schools = level.schools.filter { $0.uncovered > 0 }.map { share in
      JSONText.object([
        ("school", .string(share.school.id)), ("uncovered", .number(share.uncovered)),
        ("priorityUncovered", .number(share.priorityUncovered)),
      ])
    }
    return .object([
      ("relief", reliefJSON(level.relief)), ("reliefOfficers", .integer(level.totalRelief)),
      ("fullyCovered", .number(level.fullyCovered)), ("priorityCovered", .number(level.priorityCovered)),
      ("uncoveredHours", spread(level.uncoveredHours)), ("overtimeHours", spread(level.overtimeHours)),
      ("crossAgencyHours", spread(level.crossAgencyHours)), ("proven", .number(level.proven)),
      ("carried", .integer(level.carried)),
      (
        "agencies",
        .object(
          level.agencies.map { share in
            (
              share.agency,
              .object([
                ("fullyCovered", .number(share.fullyCovered)),
                ("priorityCovered", .number(share.priorityCovered)),
              ])
            )
          })
      ),
      ("schools", .array(schools)),
    ])
  }

  /// A level's relief as `CCSO=2 NPD=1` (`no relief` when none is asked).
  public func reliefText(_ relief: [Int]) -> String {
    relief.isEmpty ? "no relief" : zip(header.agencies, relief).map { "\($0)=\($1)" }.joined(separator: " ")
  }

  /// What "high priority" means in this study, in words.
  public var priorityText: String {
    header.priorityPeriods.isEmpty ? "every coverage block" : header.priorityPeriods.joined(separator: ", ")
  }

  /// The relief officers' skills in words.
  public var reliefSkillsText: String {
    header.reliefSkills.isEmpty
      ? "no skills"
      : header.reliefSkills.sorted { $0.key < $1.key }.map {
        "\($0.key) with \($0.value.joined(separator: ", "))"
      }
      .joined(separator: "; ")
  }

  /// The recommendation in one sentence.
  public var recommendationText: String {
    let goal = "\(percent(header.target)) of weeks fully covered at \(priorityText)"
    guard let recommended else { return "No relief level asked reaches \(goal)." }
    let level = levels[recommended]
    return "Smallest relief for \(goal): \(reliefText(level.relief)) "
      + "(\(percent(level.priorityCovered)); fully covered \(percent(level.fullyCovered)))."
  }

  /// The report as a text table: the assumptions, one row per level, the
  /// recommendation and the schools left uncovered.
  public var table: String {
    var lines = [
      "Staffing study: \(header.scenario), \(header.samples) sampled weeks (seed \(header.seed))",
      "Absences per officer and school day: "
        + header.rates.map { "\($0.who) \(percent($0.wholeDay)) whole day, \(percent($0.partDay)) part day" }
        .joined(separator: "; "),
      "Relief officers: no home school, \(reliefSkillsText). High priority: \(priorityText). Each week limited to \(jsonNumber(header.timeLimitSeconds)) s per level.",
      "",
    ]
    let heading =
      [
        "relief", "fully covered", "high priority", "uncovered h p5/med/p95", "overtime h med/p95",
        "cross-agency h mean", "proven",
      ] + (levels.first?.agencies.map { "\($0.agency) high priority" } ?? [])
    let rows = levels.map { level in
      [
        reliefText(level.relief), percent(level.fullyCovered), percent(level.priorityCovered),
        [level.uncoveredHours.p5, level.uncoveredHours.median, level.uncoveredHours.p95].map(hours)
          .joined(separator: " / "),
        hours(level.overtimeHours.median) + " / " + hours(level.overtimeHours.p95),
        hours(level.crossAgencyHours.mean), percent(level.proven),
      ] + level.agencies.map { percent($0.priorityCovered) }
    }
    lines += aligned([heading] + rows)
    lines += ["", recommendationText]
    lines += schoolLines
    return lines.joined(separator: "\n") + "\n"
  }

  /// Schools left uncovered at the first level, and at the recommended one.
  private var schoolLines: [String] {
    guard let first = levels.first else { return [] }
    let compared = [first] + (recommended.map { [levels[$0]] } ?? []).filter { $0 != first }
    let shown = first.schools.indices.filter { s in compared.contains { $0.schools[s].uncovered > 0 } }
    guard !shown.isEmpty else { return ["", "No school was left uncovered in any sampled week."] }
    let heading = ["school"] + compared.map { "uncovered at \(reliefText($0.relief))" }
    let rows = shown.map { s in
      [first.schools[s].school.name]
        + compared.map {
          "\(percent($0.schools[s].uncovered)) (high priority \(percent($0.schools[s].priorityUncovered)))"
        }
    }
    return ["", "Schools left uncovered (share of weeks):"] + aligned([heading] + rows)
  }
}

/// `0.955` as `95.5%`.
func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

/// Hours with one decimal.
private func hours(_ value: Double) -> String { String(format: "%.1f", value) }

/// Rows as columns: the first left-aligned, the others right-aligned.
private func aligned(_ rows: [[String]]) -> [String] {
  let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
  return rows.map { row in
    row.enumerated().map { c, cell in
      let pad = String(repeating: " ", count: widths[c] - cell.count)
      return c == 0 ? cell + pad : pad + cell
    }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
  }
}
