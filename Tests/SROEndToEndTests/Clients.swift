import Foundation
import SROCore
import SROTestSupport
import Testing

/// The real programs the outputs are read with: Python's icalendar for the
/// calendars, headless Chromium and poppler's pdfinfo for the report.
/// `scripts/install-deps` installs them. Where one is missing its tests are
/// skipped, except under CI (`CI=true`), where they run and fail.
enum Clients {
  static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

  /// The folder of the client scripts.
  static let scripts = packageRoot.appendingPathComponent("Tests/SROEndToEndTests/Clients")

  static let hasICalendar: Bool =
    (try? run("/usr/bin/env", ["python3", "-c", "import icalendar"]).status) == 0

  /// The Chromium binary, if one is installed.
  static let chromium: String? = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap {
    try? run("/usr/bin/env", ["which", $0])
  }.first { $0.status == 0 }.map { $0.stdout.trimmingCharacters(in: .whitespacesAndNewlines) }

  static let hasPDFInfo: Bool = (try? run("/usr/bin/env", ["which", "pdfinfo"]).status) == 0

  /// Runs `executable` with `arguments` (and `environment` on top of ours)
  /// in the package's folder, reading both pipes while it runs so neither
  /// can fill up.
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:]
  ) throws -> SRO.Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.currentDirectoryURL = packageRoot
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let group = DispatchGroup()
    nonisolated(unsafe) var stderrData = Data()
    DispatchQueue.global().async(group: group) {
      stderrData = err.fileHandleForReading.readDataToEndOfFile()
    }
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return SRO.Output(
      status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
      stderr: String(decoding: stderrData, as: UTF8.self))
  }
}

/// Every bundled Norman week, and the bundled what-ifs on the weeks they
/// were written for: `sro solve` arguments before the format.
let plannedWeeks: [[String]] = [
  ["scenarios/norman/district.yaml"],
  ["scenarios/norman/typical-week.yaml"],
  ["scenarios/norman/training-week.yaml"],
  ["scenarios/norman/football-friday.yaml"],
  ["scenarios/norman/holiday-week.yaml"],
  ["scenarios/norman/training-week.yaml", "--with", "scenarios/norman/whatif/cross-agency.yaml"],
  ["scenarios/norman/training-week.yaml", "--with", "scenarios/norman/whatif/relief-deputy.yaml"],
  [
    "scenarios/norman/typical-week.yaml", "--with", "scenarios/norman/whatif/sick-wednesday.yaml",
    "--keep", "scenarios/norman/published/typical-week.json",
  ],
]

/// Solves `arguments` to a roster JSON in `folder`, and returns the roster
/// with arguments that give that very roster again: equally good rosters may
/// come out of two solves (the search runs on several threads), but `--keep`
/// of a roster with the same scenario keeps it whole.
func solved(_ arguments: [String], in folder: URL) throws -> (Roster, [String]) {
  let path = folder.appendingPathComponent("roster.json").path
  let json = try SRO.runArguments(["solve"] + arguments + ["--format", "json", "--output", path])
  #expect(json.status == 0, "\(json.stderr)")
  let roster = try Roster.decode(json: try Data(contentsOf: URL(fileURLWithPath: path)))
  var same: [String] = []
  var rest = arguments[...]
  while let argument = rest.popFirst() {
    if argument == "--keep" { _ = rest.popFirst() } else { same.append(argument) }
  }
  return (roster, same + ["--keep", path])
}
