import Foundation
import SROCore
import SROTestSupport
import Testing

/// SIGINT and SIGTERM during a solve (or a compare): the best roster so far
/// is written (atomically, a valid roster with its bound) and sro exits
/// 128 + the signal; a second signal ends it at once, leaving no file behind.
/// The time limit, which Swift Testing counts from when a test is started
/// (waiting for a thread included), is longer than the whole test run, as
/// in `StopRequestTests`: it only catches a signal that never ends sro.
@Suite(.serialized, .tags(.slow), .timeLimit(.minutes(15))) struct InterruptTests {
  /// A week whose search runs for seconds: one part (`penalize`) of
  /// 12,000 pairs, searched until proven.
  static func hardWeek(in folder: URL) throws -> String {
    let district = folder.appendingPathComponent("district.yaml").path
    #expect(try SRO.run("generate", "--schools", "24", "--seed", "1", "--output", district).status == 0)
    return district
  }

  /// Starts a solve of the hard week writing JSON to `output`, and waits
  /// until its LP relaxation is under way (GLPK's first simplex line; the
  /// greedy roster is built by then, and the LP takes about a second from
  /// it); returns the process and its stderr file. `comparing` runs
  /// `sro compare` instead, with one variant: the signal comes during the
  /// baseline's search.
  static func startSolving(in folder: URL, output: String, comparing: Bool = false) throws -> (
    pid: pid_t, stderr: String
  ) {
    let stderr = folder.appendingPathComponent("stderr.txt").path
    let pid = try Spawned.sro(
      [
        comparing ? "compare" : "solve", try hardWeek(in: folder), "--policy", "crossAgency=penalize",
        "--time-limit", "none", "--verbose", "--format", "json", "--output", output,
      ] + (comparing ? ["--variant", "dearer overtime=--policy weights.overtime=9"] : []), stderr: stderr)
    var started = false
    for _ in 0..<12000 where !started {
      started =
        (try? String(contentsOfFile: stderr, encoding: .utf8))?.contains("*     0: obj =")
        ?? false
      if !started { usleep(5000) }
    }
    #expect(started, "the LP relaxation never started")
    return (pid, stderr)
  }

  @Test(arguments: [SIGINT, SIGTERM])
  func aSignalWritesTheBestRosterSoFar(signal: Int32) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("roster.json").path
    let (pid, stderr) = try Self.startSolving(in: folder, output: output)
    kill(pid, signal)
    #expect(Spawned.wait(pid) == 128 + signal)
    let roster = try Roster.decode(json: Data(contentsOf: URL(fileURLWithPath: output)))
    #expect(roster.status == .feasible)
    #expect(roster.bound <= roster.objective)
    let validated = try SRO.run(
      "validate", folder.appendingPathComponent("district.yaml").path, "--policy", "crossAgency=penalize",
      "--roster", output)
    #expect(validated.status == 0, "\(validated.stdout)")
    let said = try String(contentsOfFile: stderr, encoding: .utf8)
    #expect(
      said.contains(signal == SIGINT ? "sro: interrupted (SIGINT): the roster is" : "sro: stopped (SIGTERM)"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        == ["district.yaml", "roster.json", "stderr.txt"])
  }

  /// `sro compare` stops every search: the baseline's under way and the
  /// variant's not yet started, which keeps its first roster. The
  /// comparison of those rosters is written, both `feasible` with their
  /// bounds, and the note names them.
  @Test func aSignalDuringACompareWritesTheComparisonSoFar() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("comparison.json").path
    let (pid, stderr) = try Self.startSolving(in: folder, output: output, comparing: true)
    kill(pid, SIGINT)
    #expect(Spawned.wait(pid) == 130)
    let comparison = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any]
    )
    let baseline = try #require(comparison["baseline"] as? [String: Any])
    let variants = try #require(comparison["variants"] as? [[String: Any]])
    #expect(variants.count == 1)
    for figures in [baseline] + variants {
      #expect(figures["status"] as? String == "feasible")
      let objective = try #require(figures["objective"] as? Double)
      #expect(try #require(figures["bound"] as? Double) <= objective)
    }
    let said = try String(contentsOfFile: stderr, encoding: .utf8)
    #expect(said.contains("sro: interrupted (SIGINT): not proven optimal: baseline, dearer overtime"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        == ["comparison.json", "district.yaml", "stderr.txt"])
  }

  @Test func aSecondSignalEndsTheProcessAtOnce() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("roster.json").path
    let (pid, _) = try Self.startSolving(in: folder, output: output)
    kill(pid, SIGINT)
    usleep(20_000)  // two signals at once would be delivered as one
    kill(pid, SIGINT)
    #expect(Spawned.wait(pid) == 130)
    // Nothing written, nothing half-written.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        == ["district.yaml", "stderr.txt"])
  }
}
