import Foundation
import SROTestSupport
import Testing

/// A small study district: six elementary schools, one deputy each, one
/// relief deputy, absences at a fifth of the days.
private let district = """
  name: Study district
  week: 2024-09-09
  periods:
    - {id: arrival, start: "07:30", end: "08:30", priority: 3}
  agencies:
    - {id: NPD, serves: [high]}
    - {id: CCSO, serves: [elementary]}
  defaults:
    coverage: {elementary: [{days: weekdays, start: "07:30", end: "11:30", officers: 1}],
               high: [{days: weekdays, start: "07:30", end: "11:30", officers: 1}]}
  schools:
    - {id: e1, level: elementary}
    - {id: e2, level: elementary}
    - {id: e3, level: elementary}
    - {id: h1, level: high}
  officers:
    - {id: c1, agency: CCSO, home: e1}
    - {id: c2, agency: CCSO, home: e2}
    - {id: c3, agency: CCSO, home: e3}
    - {id: n1, agency: NPD, home: h1}
  staffing:
    absences: [{wholeDay: 0.2, partDay: 0.1}]
  """

@Suite struct StaffingCommandTests {
  private func districtFile(in folder: URL) throws -> String {
    let path = folder.appendingPathComponent("district.yaml").path
    try district.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func shardedRunsMergeIntoTheUnshardedReportByteForByte() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try districtFile(in: folder)
    let study = [
      file, "--samples", "9", "--seed", "3", "--relief", "CCSO=0-2", "--relief", "NPD=0,1", "--quiet",
    ]
    for format in ["json", "table", "html"] {
      let whole = try SRO.runArguments(["staffing"] + study + ["--format", format])
      #expect(whole.status == 0, "\(whole.stderr)")
      var shards: [String] = []
      for index in 0..<4 {
        let path = folder.appendingPathComponent("shard-\(index).jsonl").path
        let shard = try SRO.runArguments(
          ["staffing"] + study + ["--shard", "\(index)/4", "--output", path, "--threads", "1"])
        #expect(shard.status == 0, "\(shard.stderr)")
        shards.append(path)
      }
      let merged = try SRO.runArguments(["staffing", "merge"] + shards.reversed() + ["--format", format])
      #expect(merged.status == 0, "\(merged.stderr)")
      #expect(merged.stdout == whole.stdout)
      #expect(!whole.stdout.isEmpty)
    }
    let json = try SRO.runArguments(["staffing"] + study + ["--format", "json"]).stdout
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let levels = object?["levels"] as? [[String: Any]] ?? []
    #expect(levels.count == 6)
    #expect(levels.first?["relief"] as? [String: Int] == ["CCSO": 0, "NPD": 0])
    #expect(levels.allSatisfy { $0["fullyCovered"] is Double || $0["fullyCovered"] is Int })
  }

  @Test func theStudyCommandAnswersWithASummaryOnStderr() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try SRO.run("staffing", try districtFile(in: folder), "--samples", "4", "--relief", "CCSO=0,3")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Staffing study: Study district, 4 sampled weeks (seed 1)"))
    #expect(run.stdout.contains("CCSO=3"))
    #expect(run.stderr.contains("solved 4 weeks x 2 levels in") && run.stderr.contains("proven optimal"))
    let quiet = try SRO.run(
      "staffing", try districtFile(in: folder), "--samples", "4", "--relief", "CCSO=0,3", "--quiet")
    #expect(quiet.stderr.isEmpty && quiet.stdout == run.stdout)
  }

  @Test(arguments: [
    (["--relief", "CCS0=1"], "unknown agency \"CCS0\"; did you mean \"CCSO\"?"),
    (["--whole-day-rate", "c9=0.1"], "unknown agency or officer \"c9\""),
    (["--part-day-rate", "2"], "the rate must be a number in [0, 1]"),
    (["--events-per-week", "1"], "the scenario has no event to copy"),
    (["--shard", "4/4"], "--shard must be I/N with 0 <= I < N"),
    (["--shard", "0/2", "--format", "json"], "--shard writes JSON lines"),
    (["--samples", "0"], "--samples must be in"),
    (["--target", "1.5"], "--target must be in (0, 1]"),
    (["--closure-rate", "2"], "--closure-rate must be in [0, 1]"),
  ])
  func badOptionsAreRefused(options: [String], message: String) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try SRO.runArguments(["staffing", try districtFile(in: folder), "--samples", "2"] + options)
    #expect(run.status == 64)
    #expect(run.stderr.contains(message), "\(run.stderr)")
    #expect(run.stdout.isEmpty)
  }

  @Test func mergeRefusesWhatItCannotUse() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = try SRO.run("staffing", "merge", folder.appendingPathComponent("none.jsonl").path)
    #expect(missing.status == 74 && missing.stderr.contains("none.jsonl: cannot read"))
    let half = folder.appendingPathComponent("half.jsonl").path
    let shard = try SRO.run(
      "staffing", try districtFile(in: folder), "--samples", "4", "--shard", "0/2", "--output", half,
      "--quiet")
    #expect(shard.status == 0)
    let incomplete = try SRO.run("staffing", "merge", half)
    #expect(incomplete.status == 65 && incomplete.stderr.contains("2 of 4 sampled weeks missing"))
    let unwritable = try SRO.run(
      "staffing", try districtFile(in: folder), "--samples", "1", "--quiet", "--output",
      folder.appendingPathComponent("no/such/dir/report.txt").path)
    #expect(unwritable.status == 74 && unwritable.stderr.contains("cannot write"))
  }
}
