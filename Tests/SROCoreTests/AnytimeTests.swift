import Foundation
import SROTestSupport
import Synchronization
import Testing

@testable import GLPKSolver
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch
@testable import SROValidator

/// Anytime planning: a roster from the first moment, progress for the
/// whole week, a stop request honoured, and the plain-words quality.
@Suite struct AnytimeTests {
  static func generated(_ schools: Int, seed: UInt64, policy: String? = nil) throws -> Scenario {
    var edits = QuickEdits()
    edits.policy = policy.map { [$0] } ?? []
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("generated.yaml")
    try DistrictGenerator(options: .init(schools: schools, seed: seed)).yaml().write(
      to: file, atomically: true, encoding: .utf8)
    return try ScenarioLoader.load(file.path, edits: edits)
  }

  /// A stop raised before planning still gives a valid roster (the greedy
  /// one), not proven optimal unless it costs nothing.
  @Test(arguments: [nil, "crossAgency=penalize"] as [String?])
  func aStopBeforePlanningGivesTheGreedyRoster(policy: String?) throws {
    let scenario = try Self.generated(16, seed: 1, policy: policy)
    var options = PlanningOptions()
    options.stop = StopRequest()
    options.stop?.raise()
    let roster = try Planner.plan(scenario, options: options).roster
    let validation = RosterValidator(scenario: scenario).validate(roster)
    #expect(validation.violations == [])
    #expect(abs(validation.recomputedObjective - roster.objective) < 1e-6)
    let optimum = try Planner.plan(scenario).roster.objective
    #expect(roster.objective >= optimum - 1e-6)
    #expect(roster.bound <= optimum + 1e-6)
    #expect(roster.status == (roster.objective <= roster.bound + 1e-6 ? .optimal : .feasible))
  }

  /// The week's progress: objectives only fall and bounds only rise, the
  /// objective appears once every part has a roster, and the last report
  /// is the roster returned.
  @Test(arguments: [(24, 1 as UInt64), (24, 7), (16, 3)])
  func progressSpeaksForTheWholeWeek(schools: Int, seed: UInt64) throws {
    let scenario = try Self.generated(schools, seed: seed)
    let reports = Mutex<[PlanningProgress]>([])
    var options = PlanningOptions()
    options.progress = { progress in reports.withLock { $0.append(progress) } }
    let result = try Planner.plan(scenario, options: options)
    let seen = reports.withLock { $0 }
    try #require(!seen.isEmpty)
    let objectives = seen.compactMap(\.objective)
    #expect(!objectives.isEmpty)
    #expect(zip(objectives, objectives.dropFirst()).allSatisfy { $0 >= $1 - 1e-9 })
    #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.bound <= $1.bound + 1e-9 })
    // Once there is an objective, it never goes away again.
    let first = try #require(seen.firstIndex { $0.objective != nil })
    #expect(seen[first...].allSatisfy { $0.objective != nil })
    #expect(abs(try #require(objectives.last) - result.roster.objective) < 1e-6)
    #expect(seen.allSatisfy { $0.bound <= result.roster.objective + 1e-6 })
    if result.roster.status == .optimal { #expect(abs(seen.last!.bound - result.roster.objective) < 1e-6) }
  }

  /// Sums over parts, hand-checked: no objective until both parts have
  /// one; worse reports are ignored; a bound never passes its part's roster.
  @Test func theBoardSumsThePartsBestValues() {
    let reports = Mutex<[PlanningProgress]>([])
    let board = ProgressBoard(parts: 2) { progress in reports.withLock { $0.append(progress) } }
    board.part(0).report(objective: 10, bound: nil)
    board.part(1).report(objective: 5, bound: 2)
    board.part(0).report(objective: 12, bound: nil)  // worse: ignored
    board.part(0).report(objective: nil, bound: 11)  // above its roster: 10
    board.part(1).report(objective: 4, bound: 1)  // the lower bound is ignored
    #expect(
      reports.withLock { $0 } == [
        PlanningProgress(objective: nil, bound: 0),
        PlanningProgress(objective: 15, bound: 2),
        PlanningProgress(objective: 15, bound: 12),
        PlanningProgress(objective: 14, bound: 12),
      ])
    #expect(PlanningProgress(objective: 14, bound: 12).gap == 2.0 / 14)
    #expect(PlanningProgress(objective: nil, bound: 12).gap == nil)
  }

  @Test(arguments: [
    (Roster.Status.optimal, 965.0, 965.0, "optimal: no roster of this week costs less"),
    (.feasible, 1000, 999.1, "within 0.09% of the best possible (at most 0.9 above it); not proven optimal"),
    (.feasible, 200, 150, "within 25.0% of the best possible (at most 50 above it); not proven optimal"),
    (
      .feasible, 1e7, 1e7 - 1,
      "within under 0.01% of the best possible (at most 1 above it); not proven optimal"
    ),
    (.feasible, 631.75, 0, "not proven optimal, and no bound was proven yet to measure it against"),
    (.feasible, 0, 0, "optimal: no roster of this week costs less"),
  ])
  func qualityInPlainWords(status: Roster.Status, objective: Double, bound: Double, words: String) {
    let roster = Roster(
      scenario: "", week: "2024-09-09", status: status, objective: objective, bound: bound, assignments: [],
      uncovered: [], officers: [])
    #expect(roster.quality == words)
  }
}
