// What the test targets share: the package's folders, scenarios written
// inline, a solve checked by the independent validator, and the tag of
// the slow tests.
import Foundation
import SROCore
import Testing

extension Tag {
  /// Tests that solve generated districts or run the search for seconds:
  /// `swift test --skip tag:slow` leaves them out (CI runs everything).
  @Tag public static var slow: Self
}

/// The package's root folder.
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// A fresh temporary folder, removed by the caller.
public func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("sro-test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// A one-agency district every hand-checked case starts from: agency A
/// serves `elementary`, agency B serves `high`; no periods, default policy.
public let baseYAML = """
  week: 2024-09-09
  agencies:
    - {id: A, serves: [elementary]}
    - {id: B, serves: [high]}
  """

/// Loads `yaml` (appended to ``baseYAML`` unless `standalone`).
public func scenario(_ yaml: String, standalone: Bool = false) throws -> Scenario {
  try ScenarioLoader.load(text: standalone ? yaml : baseYAML + "\n" + yaml, file: "test.yaml")
}

/// Plans `scenario`, checks the roster with the independent validator, and
/// returns it.
public func solveAndValidate(_ scenario: Scenario) throws -> Roster {
  let roster = try Planner.plan(scenario).roster
  let validation = RosterValidator(scenario: scenario).validate(roster)
  #expect(validation.violations == [])
  #expect(abs(validation.recomputedObjective - roster.objective) < 1e-6)
  return roster
}

/// West and east pairs of schools 35 km apart, an officer at each, one
/// relief deputy; w1's officer is away Tuesday, so the deputy goes west.
public let twoTownsYAML = """
  schools:
    - {id: w1, level: elementary, location: {lat: 35.20, lon: -97.50}}
    - {id: w2, level: elementary, location: {lat: 35.21, lon: -97.49}}
    - {id: e1, level: elementary, location: {lat: 35.20, lon: -97.10}}
    - {id: e2, level: elementary, location: {lat: 35.21, lon: -97.11}}
  defaults:
    coverage: {elementary: [{days: weekdays, start: "08:00", end: "12:00", officers: 1}]}
  officers:
    - {id: ow1, agency: A, home: w1}
    - {id: ow2, agency: A, home: w2}
    - {id: oe1, agency: A, home: e1}
    - {id: oe2, agency: A, home: e2}
    - {id: relief, agency: A}
  absences: [{officer: ow1, day: tue, reason: training}]
  """

/// The problems a scenario text is refused with, as printed.
public func diagnostics(_ yaml: String, standalone: Bool = false) -> [String] {
  do {
    _ = try scenario(yaml, standalone: standalone)
    return []
  } catch let error as ScenarioError {
    return error.diagnostics.map(\.description)
  } catch {
    return ["unexpected error: \(error)"]
  }
}
