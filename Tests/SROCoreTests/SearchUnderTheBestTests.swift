import GLPKSolver
import LinearModel
import SROTestSupport
import Synchronization
import Testing

@testable import SROFormulation
@testable import SROScenario
@testable import SROSearch

/// Branch-and-cut under the best roster (``BranchAndCutStage/underTheBest``)
/// on a small generated week whose LP lies under its optimum (six schools,
/// seed 12: LP 33.25, optimum 36.5, 13 steps of 0.25 apart).
@Suite struct SearchUnderTheBestTests {
  let search: PartSearch
  /// The week's optimum, from the whole planner (validated).
  let optimum: Double

  init() throws {
    let week = try ScenarioLoader.load(
      text: DistrictGenerator(options: .init(schools: 6, seed: 12)).yaml(), file: "generated.yaml")
    optimum = try solveAndValidate(week).objective
    let coverage = try CoverageModel(instance: Instance(week), published: nil, formulation: .tight)
    search = PartSearch(coverage: coverage, options: PlanningOptions())
  }

  func freshState() -> SearchState {
    SearchState(model: search.coverage.model, timeLimit: nil, log: .silent, knownBound: nil)
  }

  /// The state after the LP, with the optimal roster as the best and the
  /// LP's bound: what the search under the best starts from.
  func stateWithTheOptimum() throws -> SearchState {
    var solved = freshState()
    try BranchAndCutStage(limit: .untilDeadline, fromBest: false).run(on: search, &solved)
    var state = freshState()
    try RelaxationStage().run(on: search, &state)
    state.best = solved.best
    #expect(optimum == 36.5 && state.step == 0.25 && state.bound < optimum - 3)
    return state
  }

  /// Under the optimal roster, GLPK finds no better one: that is the
  /// proof, and the bound becomes the optimum. The model it searched caps
  /// the objective a step under the optimum (with the margin) and has
  /// binaries fixed; every optimal roster keeps those values.
  @Test func searchingUnderTheOptimumProvesIt() throws {
    var state = try stateWithTheOptimum()
    let searched = Mutex<Model?>(nil)
    var stage = BranchAndCutStage(limit: .untilDeadline, fromBest: false, underTheBest: true)
    stage.branchAndCut = { model, options throws(SolverError) in
      searched.withLock { $0 = model }
      return try GLPK.solve(model, options: options)
    }
    try stage.run(on: search, &state)
    #expect(state.proven(state.best)?.status == .optimal)
    #expect(state.attainable(state.bound) == optimum)
    let model = try #require(searched.withLock { $0 })
    let cap = try #require(model.constraints.last)
    let step = try #require(state.step)
    #expect(cap.name == Name("cutoff"))
    #expect(abs(cap.constraint.rightHandSide - (optimum - step + step / 1000)) < 1e-9)
    let best = try #require(state.best)
    let fixed = model.variables.indices.filter {
      model.variables[$0].lowerBound == model.variables[$0].upperBound
        && search.coverage.model.variables[$0].lowerBound != search.coverage.model.variables[$0].upperBound
    }
    #expect(!fixed.isEmpty)
    #expect(fixed.allSatisfy { abs(best.values[$0] - model.variables[$0].lowerBound) < 1e-9 })
  }

  /// What GLPK reports under the cap counts only up to the best roster:
  /// a bound under the cap is taken as it is, one above the cap (no roster
  /// under it) and "infeasible" (without a bound) prove the best, and a
  /// search without a roster in the state runs on the model as it is.
  @Test func whatTheSearchUnderTheCapReportsCountsOnlyUpToTheBest() throws {
    let cap = optimum - 0.25 + 0.25 / 1000
    let reports: [(SolveStatus, Double?, Double)] = [
      (.noSolutionFound, 34, 34), (.noSolutionFound, 1e9, cap), (.infeasible, nil, cap),
    ]
    for (status, bound, expected) in reports {
      var state = try stateWithTheOptimum()
      var stage = BranchAndCutStage(limit: .untilDeadline, fromBest: false, underTheBest: true)
      stage.branchAndCut = { _, _ in
        Solution(status: status, objective: nil, bound: bound, values: [], solveTime: .zero)
      }
      try stage.run(on: search, &state)
      #expect(abs(state.bound - expected) < 1e-9)
      #expect((state.proven(state.best) != nil) == (expected == cap))
    }
    var state = freshState()
    try RelaxationStage().run(on: search, &state)
    let rows = Mutex(0)
    var stage = BranchAndCutStage(limit: .untilDeadline, fromBest: false, underTheBest: true)
    stage.branchAndCut = { model, _ in
      rows.withLock { $0 = model.constraints.count }
      return Solution(status: .noSolutionFound, objective: nil, bound: nil, values: [], solveTime: .zero)
    }
    try stage.run(on: search, &state)
    #expect(rows.withLock { $0 } == search.coverage.model.constraints.count)
  }

  /// A better roster costs at most a step under the best (less a
  /// thousandth of a step); without a grid, half of 1e-6 under it.
  @Test func theNextBetterRosterIsAStepUnderTheBest() throws {
    var state = try stateWithTheOptimum()
    #expect(state.nextBetter == optimum - 0.25 + 0.00025)
    var model = Model()
    let share = model.addVariable(Name("share"), kind: .continuous, upperBound: 1)
    model.setObjective(.minimize, LinearExpression(terms: [(share, 0.3)]))
    state = SearchState(model: model, timeLimit: nil, log: .silent, knownBound: nil)
    #expect(state.nextBetter == nil)
    state.best = Solution(status: .feasible, objective: 2, bound: nil, values: [1], solveTime: .zero)
    #expect(state.step == nil && state.nextBetter == state.underBest && state.nextBetter == 2 - 5e-7)
  }
}
