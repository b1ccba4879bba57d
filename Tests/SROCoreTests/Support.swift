import Foundation
import Testing

@testable import SROCore

/// A one-agency district every hand-checked case starts from: agency A
/// serves `elementary`, agency B serves `high`; no periods, default policy.
let baseYAML = """
  week: 2024-09-09
  agencies:
    - {id: A, serves: [elementary]}
    - {id: B, serves: [high]}
  """

/// Loads `yaml` (appended to ``baseYAML`` unless `standalone`).
func scenario(_ yaml: String, standalone: Bool = false) throws -> Scenario {
  try ScenarioLoader.load(text: standalone ? yaml : baseYAML + "\n" + yaml, file: "test.yaml")
}

/// Plans `scenario`, checks the roster with the independent validator, and
/// returns it.
func solveAndValidate(_ scenario: Scenario) throws -> Roster {
  let roster = try Planner.plan(scenario).roster
  let validation = RosterValidator(scenario: scenario).validate(roster)
  #expect(validation.violations == [])
  #expect(abs(validation.recomputedObjective - roster.objective) < 1e-6)
  return roster
}

/// The problems a scenario text is refused with, as printed.
func diagnostics(_ yaml: String, standalone: Bool = false) -> [String] {
  do {
    _ = try scenario(yaml, standalone: standalone)
    return []
  } catch let error as ScenarioError {
    return error.diagnostics.map(\.description)
  } catch {
    return ["unexpected error: \(error)"]
  }
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("sro-test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// The package's root folder.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
