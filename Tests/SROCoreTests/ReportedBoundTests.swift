import LinearModel
import Synchronization
import Testing

@testable import GLPKSolver
@testable import SROFormulation
@testable import SROScenario
@testable import SROSearch

/// The bound a search reports (``SearchState/reportedBound``): raised to
/// the objective's grid when it has one, as proven when it has none.
@Suite struct ReportedBoundTests {
  /// Minimise 0.1 + x/4 + y/2 over binaries: every roster's objective is
  /// 0.1 plus a multiple of 0.25 (0.1, 0.35, 0.6, 0.85; a constant off
  /// the step, so that the grid must run through it); with `continuous`,
  /// y is continuous and the objective has no grid.
  func model(continuous: Bool = false) -> Model {
    var model = Model()
    let x = model.addVariable(Name("x"), kind: .binary)
    let y = model.addVariable(Name("y"), kind: continuous ? .continuous : .binary, upperBound: 1)
    var objective = LinearExpression()
    objective.add(x, coefficient: 0.25)
    objective.add(y, coefficient: 0.5)
    objective.constant = 0.1
    model.setObjective(.minimize, objective)
    return model
  }

  /// 0.3 lies between 0.1 and 0.35 on the grid: no roster costs less than
  /// 0.35, so that is the bound shown, in the outcome too, with a roster
  /// (x = y = 1, 0.85, not proven) and without one.
  @Test func aBoundBetweenTwoObjectiveValuesIsRaisedToTheNext() {
    var state = SearchState(model: model(), timeLimit: nil, log: .silent, knownBound: 0.3)
    #expect(state.bound == 0.3)
    #expect(abs(state.reportedBound - 0.35) < 1e-9)
    #expect(abs((state.outcome().bound ?? .nan) - 0.35) < 1e-9)
    state.best = Solution(status: .feasible, objective: 0.85, bound: nil, values: [1, 1], solveTime: .zero)
    let outcome = state.outcome()
    #expect(outcome.status == .feasible && outcome.objective == 0.85)
    #expect(abs((outcome.bound ?? .nan) - 0.35) < 1e-9)
  }

  /// A bound a hair above a grid value (rounding error in an LP) stays on
  /// that value rather than rising a whole step.
  @Test func aBoundOnTheGridStays() {
    let state = SearchState(model: model(), timeLimit: nil, log: .silent, knownBound: 0.6 + 1e-12)
    #expect(abs(state.reportedBound - 0.6) < 1e-9)
  }

  /// Without a grid the bound is reported as proven.
  @Test func withoutAGridTheBoundIsReportedAsProven() {
    let state = SearchState(model: model(continuous: true), timeLimit: nil, log: .silent, knownBound: 0.3)
    #expect(state.reportedBound == 0.3)
    #expect(state.outcome().bound == 0.3)
  }

  /// The progress a search reports carries the raised bound too.
  @Test func progressCarriesTheRaisedBound() {
    let bounds = Mutex<[Double]>([])
    let board = ProgressBoard(parts: 1) { progress in bounds.withLock { $0.append(progress.bound) } }
    var state = SearchState(
      model: model(), timeLimit: nil, log: .silent, knownBound: 0.3, progress: board.part(0))
    state.bound = 0.5
    let seen = bounds.withLock { $0 }
    #expect(seen.count == 2 && abs(seen[0] - 0.35) < 1e-9 && abs(seen[1] - 0.6) < 1e-9)
  }

  /// The bounds GLPK reports during branch-and-cut reach the progress
  /// raised to the grid as well (a stand-in reports 0.3).
  @Test func branchAndCutProgressCarriesTheRaisedBound() throws {
    let bounds = Mutex<[Double]>([])
    let board = ProgressBoard(parts: 1) { progress in bounds.withLock { $0.append(progress.bound) } }
    var state = SearchState(
      model: model(), timeLimit: nil, log: .silent, knownBound: nil, progress: board.part(0))
    var stage = BranchAndCutStage(limit: .untilDeadline, fromBest: false)
    stage.branchAndCut = { _, options in
      options.progress?(SolverProgress(incumbent: nil, bound: 0.3))
      return Solution(status: .noSolutionFound, objective: nil, bound: nil, values: [], solveTime: .zero)
    }
    try stage.run(on: try Self.anySearch(), &state)
    let seen = bounds.withLock { $0 }
    #expect(seen.contains { abs($0 - 0.35) < 1e-9 })
    #expect(!seen.contains { abs($0 - 0.3) < 1e-9 })
  }

  /// A model restricted to some pairs rounds a bound on the full problem
  /// on the full problem's grid, not its own: kept to its officers'
  /// pairs at their home school (each costing nothing), a generated week's
  /// model has whole-number costs only (the hours short, weighted), where
  /// the full week's pairs away from home cost quarter hours.
  @Test func aRestrictedModelRoundsOnTheFullProblemsGrid() throws {
    let full = try Self.anySearch().coverage
    let instance = full.instance
    let home = Set(
      instance.eligible.enumerated().flatMap { o, blocks in
        blocks.filter { instance.blocks[$0].school == instance.scenario.officers[o].home }
          .map { PinCheck.Pair(officer: o, block: $0) }
      })
    let restricted = try CoverageModel(
      instance: instance.restricted(to: home), published: nil, formulation: .tight)
    let fullScale = try #require(full.model.integralObjectiveScale)
    #expect(full.fullObjectiveScale == fullScale)
    #expect(restricted.model.integralObjectiveScale != fullScale)
    #expect(restricted.fullObjectiveScale == fullScale)
    // Searched with a known bound of 0.3 on the full problem (a stand-in
    // for pricing's), the restricted part reports 0.25's next step, not 1.
    var search = PartSearch(coverage: restricted, options: PlanningOptions())
    search.knownBound = 0.3
    let outcome = try search.run()
    #expect(try #require(outcome.objective) > 1)
    #expect(outcome.bound == 0.5)
  }

  /// A part's search for the stage to run on (the stand-in ignores its
  /// model): a small generated week's.
  static func anySearch() throws -> PartSearch {
    let week = try ScenarioLoader.load(
      text: DistrictGenerator(options: .init(schools: 6, seed: 3)).yaml(), file: "generated.yaml")
    let coverage = try CoverageModel(instance: Instance(week), published: nil, formulation: .tight)
    return PartSearch(coverage: coverage, options: PlanningOptions())
  }
}
