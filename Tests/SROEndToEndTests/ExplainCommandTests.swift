import Foundation
import SROCore
import SROTestSupport
import Testing

/// `sro explain` and `sro solve --explain`, run as a planner would.
@Suite(.serialized) struct ExplainCommandTests {
  static let small = "Tests/SROCoreTests/Fixtures/small.yaml"

  /// The JSON output parsed, with the `gaps` list.
  func gaps(_ output: SRO.Output) throws -> [[String: Any]] {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    return try #require(object["gaps"] as? [[String: Any]])
  }

  @Test func tableExplainsEveryGapWithReasonsAndCheckedFixes() throws {
    let result = try SRO.run("explain", Self.small)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("Small district, week of 9 Sep 2024 — week of 2024-09-09\n"))
    #expect(result.stdout.contains("status optimal, objective 1800; 5 uncovered blocks\n"))
    #expect(result.stdout.components(separatedBy: "\n  why: ").count == 6)
    #expect(
      result.stdout.contains(
        """
        lincoln-es tue 08:30-11:30, priority 1: 2 of 2 missing
          why: no CCSO officer free: ccso-01 absent on tue 10:00-12:00 (court); NPD may not cover it (crossAgency: forbid)
             ccso-01  absent on tue 10:00-12:00 (court)
            and 1 officer of other agencies: crossAgency is forbid
          what would cover it (each checked by re-solving the week):
             one more CCSO relief officer at lincoln-es tue 07:30-11:30  leaves 1 missing  objective -600 (to 1200)  uncovered -4 h
        """))
    #expect(result.stdout.contains("     drop event nh-game  "))
  }

  @Test func aWhatIfIsExplainedAndEchoed() throws {
    let result = try SRO.run("explain", Self.small, "--absent", "ccso-01:mon", "--no-fixes")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("assuming --absent ccso-01:mon\n\n"))
    #expect(
      result.stdout.contains(
        "  why: no CCSO officer free: ccso-01 absent on mon (what-if); NPD may not cover it (crossAgency: forbid)\n"
      ))
    let json = try SRO.run("explain", Self.small, "--absent", "ccso-01:mon", "--no-fixes", "--format", "json")
    #expect(json.stdout.contains("\"assumptions\": [\n    \"--absent ccso-01:mon\"\n  ]"))
  }

  @Test func jsonHasOneGapPerUncoveredBlockWithOfficersAndFixes() throws {
    let result = try SRO.run("explain", Self.small, "--format", "json")
    #expect(result.status == 0, "\(result.stderr)")
    let gaps = try gaps(result)
    #expect(gaps.count == 5)
    for gap in gaps {
      #expect((gap["why"] as? String)?.isEmpty == false)
      let officers = try #require(gap["officers"] as? [[String: Any]])
      #expect(officers.map { $0["officer"] as? String } == ["npd-01", "ccso-01"])
      #expect(officers.allSatisfy { ($0["reasons"] as? [Any])?.isEmpty == false })
      let fixes = try #require(gap["fixes"] as? [[String: Any]])
      #expect(!fixes.isEmpty)
      #expect(fixes.allSatisfy { $0["objectiveChange"] is Double && $0["missingAfter"] is Int })
    }
  }

  @Test func aSavedRosterIsExplainedAsTheSolvedOne() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let roster = folder.appendingPathComponent("roster.json").path
    #expect(try SRO.run("solve", Self.small, "--format", "json", "--output", roster).status == 0)
    let fromFile = try SRO.run("explain", Self.small, "--roster", roster, "--no-fixes")
    let solved = try SRO.run("explain", Self.small, "--no-fixes")
    #expect(fromFile.status == 0, "\(fromFile.stderr)")
    #expect(fromFile.stdout == solved.stdout)
    #expect(!fromFile.stdout.contains("what would cover it"))
  }

  @Test func aBlockAskedForByTimeIsExplainedCoveredOrNot() throws {
    let result = try SRO.run(
      "explain", Self.small, "--block", "north-high:tue@09:00", "--block", "lincoln-es:mon@07:45",
      "--format", "json")
    #expect(result.status == 0, "\(result.stderr)")
    let gaps = try gaps(result)
    #expect(
      gaps.map { "\($0["school"]!) \($0["start"]!) \($0["missing"]!)" } == [
        "north-high 08:30 0", "lincoln-es 07:30 1",
      ])
    #expect((gaps[0]["why"] as? String) == "covered (1 of 1); CCSO may not cover it (crossAgency: forbid)")
    #expect((gaps[0]["fixes"] as? [Any])?.isEmpty == true)
  }

  @Test(arguments: [
    (
      "lincon-es:tue@09:00",
      "--block lincon-es:tue@09:00: unknown school \"lincon-es\"; did you mean \"lincoln-es\"?"
    ),
    (
      "lincoln-es:tue@19:00",
      "--block lincoln-es:tue@19:00: no block at lincoln-es on tue at 19:00; its blocks that day: 07:30-08:30, 08:30-11:30"
    ),
    (
      "lincoln-es:wed@09:00",
      "--block lincoln-es:wed@09:00: no block at lincoln-es on wed at 09:00; it needs nobody that day"
    ),
    ("lincoln-es:tue", "--block lincoln-es:tue: expected SCHOOL:DAY@HH:MM, e.g. lincoln-es:tue@09:00"),
    ("lincoln-es:tues@09:00", "--block lincoln-es:tues@09:00: unknown day \"tues\""),
  ])
  func aBlockThatNamesNoBlockExits65(block: String, message: String) throws {
    let result = try SRO.run("explain", Self.small, "--block", block)
    #expect(result.status == 65)
    #expect(result.stderr == message + "\n")
    #expect(result.stdout.isEmpty)
  }

  @Test func aRosterOfAnotherWeekExits65() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let roster = folder.appendingPathComponent("typical.json").path
    #expect(
      try SRO.run("solve", "scenarios/norman/typical-week.yaml", "--format", "json", "--output", roster)
        .status == 0)
    let result = try SRO.run("explain", "scenarios/norman/training-week.yaml", "--roster", roster)
    #expect(result.status == 65)
    #expect(
      result.stderr
        == "\(roster): the roster is for the week of 2024-09-16, the scenario for the week of 2024-10-07\n")
    #expect(result.stdout.isEmpty)
  }

  @Test func aRosterThatBreaksTheRulesExits65WithTheValidatorsFindings() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("edited.json").path
    var roster = try Roster.decode(
      json: Data(try SRO.run("solve", Self.small, "--format", "json").stdout.utf8))
    roster.objective += 1
    roster.bound += 1
    try roster.json.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try SRO.run("explain", Self.small, "--roster", path)
    #expect(result.status == 65)
    #expect(
      result.stderr == """
        \(path): objective is 1801; the roster's objective recomputes to 1800
        \(path): not a valid roster of this scenario; nothing explained

        """)
  }

  @Test func unreadableRosterBadOptionsAndUnwritableOutput() throws {
    let missing = try SRO.run("explain", Self.small, "--roster", "/nonexistent/roster.json")
    #expect(missing.status == 74)
    #expect(missing.stderr == "/nonexistent/roster.json: no such file\n")
    let notJSON = try SRO.run("explain", Self.small, "--roster", Self.small)
    #expect(notJSON.status == 65)
    #expect(notJSON.stderr.hasPrefix("\(Self.small):1: JSON syntax error: "))
    #expect(try SRO.run("explain", Self.small, "--fix-time-limit", "0").status == 64)
    #expect(try SRO.run("explain", Self.small, "--format", "csv").status == 64)
    let unwritable = try SRO.run("explain", Self.small, "--no-fixes", "--output", "/nonexistent/out.txt")
    #expect(unwritable.status == 74)
    #expect(unwritable.stderr.hasPrefix("/nonexistent/out.txt: cannot write: "))
    let badScenario = try SRO.run("explain", "/nonexistent/week.yaml")
    #expect(badScenario.status == 65)
  }

  @Test func solveExplainAddsWhyToTheJSONAndTheTable() throws {
    let json = try SRO.run("solve", Self.small, "--format", "json", "--explain")
    #expect(json.status == 0, "\(json.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let uncovered = try #require(object["uncovered"] as? [[String: Any]])
    #expect(uncovered.count == 5)
    #expect(
      uncovered.map { $0["why"] as? String }.last
        == "no CCSO officer free: ccso-01 absent on tue 10:00-12:00 (court); NPD may not cover it (crossAgency: forbid)"
    )
    // The contract's keys are unchanged: the roster still decodes and validates.
    let roster = try Roster.decode(json: Data(json.stdout.utf8))
    let plain = try Roster.decode(
      json: Data(try SRO.run("solve", Self.small, "--format", "json").stdout.utf8))
    #expect(roster == plain)

    let table = try SRO.run("solve", Self.small, "--explain")
    #expect(table.status == 0)
    #expect(
      table.stdout.contains(
        """
        uncovered, and why
          lincoln-es mon 07:30-08:30: 1 of 2 missing
            no other CCSO officer free; NPD may not cover it (crossAgency: forbid)
        """))
    #expect(try SRO.run("solve", Self.small, "--explain", "--format", "csv").status == 64)
  }
}

/// The examples of docs/explain.md are real: every command shown with `$`
/// is run, and every line shown under it (but `...`) is a line of its
/// output.
@Suite(.serialized) struct ExplainDocumentationTests {
  static func examples() throws -> [(command: [String], lines: [String])] {
    let text = try String(
      contentsOf: packageRoot.appendingPathComponent("docs/explain.md"), encoding: .utf8)
    var examples: [(command: [String], lines: [String])] = []
    for block in text.components(separatedBy: "```\n").dropFirst().enumerated()
    where block.offset % 2 == 0 {
      for (i, part) in block.element.components(separatedBy: "$ sro ").enumerated() where i > 0 {
        let lines = part.components(separatedBy: "\n")
        let command = lines[0].split(separator: " ").map(String.init)
        // Commands on files the reader makes first (a saved roster) are not run.
        guard command.dropFirst().allSatisfy({ $0.hasPrefix("-") || !$0.hasSuffix(".json") }),
          !lines[0].contains(">")
        else { continue }
        examples.append(
          (
            command,
            lines.dropFirst().filter { !$0.isEmpty && $0.trimmingCharacters(in: .whitespaces) != "..." }
          ))
      }
    }
    return examples
  }

  @Test func everyExampleIsRealOutput() throws {
    let examples = try Self.examples()
    #expect(examples.count >= 4)
    for example in examples {
      // A generous limit, so that a busy machine cannot stop a re-solve early.
      let limit = example.command.first == "explain" ? ["--fix-time-limit", "600"] : []
      let result = try SRO.runArguments(example.command + limit)
      let output = Set((result.stdout + result.stderr).components(separatedBy: "\n"))
      for line in example.lines {
        #expect(output.contains(line), "sro \(example.command.joined(separator: " ")): \(line)")
      }
    }
  }
}
