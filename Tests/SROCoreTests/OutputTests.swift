import Foundation
import SROTestSupport
import Testing

@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch
@testable import SROValidator

/// The roster formats against golden files made from `Fixtures/small.yaml`
/// (objective 1800, checked by hand: Lincoln misses 1 officer on Monday's
/// arrival (1 h × priority 3 × 100) and morning (3 h × 100), the game
/// misses 1 (3 h × 100), Tuesday's arrival misses 1 (300) and, with
/// ccso-01 in court, its morning misses 2 (600)).
@Suite struct OutputTests {
  let scenario: Scenario
  let roster: Roster

  init() throws {
    let path = try #require(Bundle.module.path(forResource: "small", ofType: "yaml", inDirectory: "Fixtures"))
    scenario = try ScenarioLoader.load(path)
    roster = try solveAndValidate(scenario)
  }

  func golden(_ name: String) throws -> String {
    let path = try #require(Bundle.module.path(forResource: name, ofType: nil, inDirectory: "Fixtures"))
    return try String(contentsOfFile: path, encoding: .utf8)
  }

  @Test func jsonMatchesGolden() throws {
    #expect(roster.objective == 1800)
    #expect(roster.json == (try golden("small.golden.json")))
  }

  @Test func csvMatchesGolden() throws {
    #expect(roster.csv == (try golden("small.golden.csv")))
  }

  @Test func tableMatchesGolden() throws {
    #expect(RosterTable(scenario: scenario, roster: roster).text == (try golden("small.golden.txt")))
  }

  @Test func jsonReadsBackAsTheSameRoster() throws {
    #expect(try Roster.decode(json: Data(roster.json.utf8)) == roster)
  }

  @Test func solvingTwiceGivesIdenticalJSON() throws {
    let again = try Planner.plan(scenario).roster
    #expect(again.json == roster.json)
  }

  @Test func statisticsTermsAddUpToTheObjective() {
    let statistics = RosterStatistics(scenario: scenario, roster: roster)
    #expect(abs(statistics.terms.total - roster.objective) < 1e-6)
    #expect(abs(statistics.overall.fraction - 18.0 / 32.0) < 1e-9)
  }

  @Test func csvQuotesFieldsThatNeedIt() {
    #expect(csvField("a,b") == "\"a,b\"")
    #expect(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(csvField("plain") == "plain")
  }

  @Test func atomicWriteReplacesWholeFile() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("out.json").path
    try AtomicFile.write("old", to: path)
    try AtomicFile.write("new content", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new content")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.json"])
    #expect(throws: (any Error).self) { try AtomicFile.write("x", to: "/nonexistent/dir/out.json") }
  }

  /// Pieces written as a stream (past the one-megabyte buffer) arrive
  /// whole and in order, and the file appears only when all are written.
  @Test func atomicStreamingWriteKeepsEveryPieceInOrder() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("model.mps").path
    let lines = (0..<100_000).map { "line \($0) of a long model file\n" }
    try AtomicFile.write(to: path) { emit in
      for line in lines { emit(line) }
      #expect(!FileManager.default.fileExists(atPath: path))
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == lines.joined())
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.mps"])
  }

  @Test func atomicWriteFollowsLinksAndWritesDevicesInPlace() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("real.json").path
    let link = folder.appendingPathComponent("link.json").path
    try AtomicFile.write("old", to: target)
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    try AtomicFile.write("new", to: link)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    try AtomicFile.write("", to: "/dev/null")
    #expect(
      try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
        == .typeCharacterSpecial)
  }
}
