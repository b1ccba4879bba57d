import Foundation
import SROTestSupport
import Testing

extension SRO {
  /// Runs `/bin/sh -c script` with `$SRO` set to the binary, in the package root.
  static func runShell(_ script: String) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.environment = ["SRO": binary.path, "PATH": "/usr/bin:/bin"]
    process.currentDirectoryURL = packageRoot
    let err = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = err
    try process.run()
    let data = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: "", stderr: String(decoding: data, as: UTF8.self))
  }
}

struct HostileCommandLineTests {
  static let week = "scenarios/norman/typical-week.yaml"

  @Test(arguments: [
    "check \(week)",
    "solve \(week) --format json --time-limit 60",
    "generate --schools 3 --seed 1",
    "validate \(week) --roster scenarios/norman/published/typical-week.json",
    "--help",
  ])
  func aFullStandardOutputEndsIn74(arguments: String) throws {
    let result = try SRO.runShell("\"$SRO\" \(arguments) > /dev/full")
    #expect(result.status == 74, "\(result.stderr)")
    #expect(result.stderr.contains("cannot write to standard output: No space left on device"))
  }

  @Test func aClosedStandardOutputEndsIn74() throws {
    let result = try SRO.runShell("\"$SRO\" check \(Self.week) >&-")
    #expect(result.status == 74)
    #expect(result.stderr.contains("cannot write to standard output: Bad file descriptor"))
  }

  @Test func aClosedStandardErrorStillEndsIn74() throws {
    let result = try SRO.runShell("\"$SRO\" check \(Self.week) >/dev/full 2>&-")
    #expect(result.status == 74)
  }

  @Test(arguments: [
    (["solve", week, "--output", "/tmp"], "/tmp: cannot write: it is a folder"),
    (["solve", week, "--output", ""], "cannot write: the path is empty"),
    (["export", week, "--mps", "/tmp"], "/tmp: cannot write: it is a folder"),
    (["solve", week, "--output", "/nonexistent-folder/r.json"], "no such folder: /nonexistent-folder"),
    (["solve", week, "--keep", "/tmp"], "/tmp: is a folder, not a file"),
  ])
  func unwritableOrUnreadablePathsSayWhy(arguments: [String], message: String) throws {
    let result = try SRO.runArguments(arguments)
    #expect(result.status == 74)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test(arguments: [
    (["solve", week, "--time-limit", "-1"], "--time-limit must be a positive number of seconds, or none"),
    (["solve", week, "--gap", "-0.1"], "--gap must be in [0, 1)"),
    (
      ["solve", week, "--keep", "scenarios/norman/published/typical-week.json", "--change-weight", "-1"],
      "--change-weight must be a number >= 0"
    ),
    (["generate", "--schools", "-3", "--seed", "1"], "schools must be between 1 and"),
  ])
  func negativeNumbersAreReadAsNumbers(arguments: [String], message: String) throws {
    let result = try SRO.runArguments(arguments)
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(!result.stderr.contains("Missing value"))
  }

  @Test func aBadQuickEditInAVariantNamesTheVariant() throws {
    let result = try SRO.run("compare", Self.week, "--variant", "sick=--absent npd-1:tue")
    #expect(result.status == 65)
    #expect(
      result.stderr.contains(
        "--variant sick=--absent npd-1:tue: command line: --absent npd-1:tue: unknown officer \"npd-1\"; did you mean \"npd-01\"?"
      ), "\(result.stderr)")
  }

  @Test func hugeNumbersInQuickEditsAreRefusedNotTrapped() throws {
    for edit in [
      "travelSpeedKmh=1e-17", "minRestHours=1e20", "weights.overtime=1e15", "weights.uncovered=1e308",
    ] {
      for command in ["check", "solve"] {
        let result = try SRO.run(command, Self.week, "--policy", edit)
        #expect(result.status == 65, "\(command) --policy \(edit): \(result.stderr)")
        #expect(result.stderr.contains("command line: --policy \(edit): must be between"))
      }
    }
  }

  @Test func aPublishedRosterOfAnotherWeekIsRefused() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let friday = folder.appendingPathComponent("friday.json").path
    let solved = try SRO.run(
      "solve", "scenarios/norman/football-friday.yaml", "--format", "json", "--output", friday)
    #expect(solved.status == 0)
    let result = try SRO.run("solve", Self.week, "--keep", friday)
    #expect(result.status == 65)
    #expect(
      result.stderr.contains("\(friday):3: week: this roster is for the week of 2024-09-23, not 2024-09-16"))
  }

  /// An interrupted export leaves neither the target nor a temporary file.
  @Test(arguments: [SIGINT, SIGTERM])
  func anInterruptedExportLeavesNoTemporaryFile(signal: Int32) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let district = folder.appendingPathComponent("district.yaml").path
    #expect(try SRO.run("generate", "--schools", "30", "--seed", "1", "--output", district).status == 0)
    let pid = try Spawned.sro(
      ["export", district, "--mps", folder.appendingPathComponent("model.mps").path])
    var temporary: String?
    for _ in 0..<6000 where temporary == nil {
      temporary = try FileManager.default.contentsOfDirectory(atPath: folder.path).first {
        $0.hasSuffix(".tmp")
      }
      if temporary == nil { usleep(5000) }
    }
    #expect(temporary != nil, "the export never started writing")
    kill(pid, signal)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    #expect(status & 0x7F == signal, "ended by signal \(status & 0x7F), status \(status >> 8)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["district.yaml"])
  }
}
