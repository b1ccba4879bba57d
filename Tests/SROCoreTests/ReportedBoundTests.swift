import GLPKSolver
import LinearModel
import Synchronization
import Testing

@testable import SROSearch

/// The bound a search reports (``SearchState/reportedBound``): raised to
/// the objective's grid when it has one, as proven when it has none.
@Suite struct ReportedBoundTests {
  /// Minimise 1 + x/4 + y/2 over binaries: every roster's objective is 1
  /// plus a multiple of 0.25; with `continuous`, y is continuous and the
  /// objective has no grid.
  func model(continuous: Bool = false) -> Model {
    var model = Model()
    let x = model.addVariable(Name("x"), kind: .binary)
    let y = model.addVariable(Name("y"), kind: continuous ? .continuous : .binary, upperBound: 1)
    var objective = LinearExpression()
    objective.add(x, coefficient: 0.25)
    objective.add(y, coefficient: 0.5)
    objective.constant = 1
    model.setObjective(.minimize, objective)
    return model
  }

  /// 1.3 lies between 1.25 and 1.5 on the grid: no roster costs less than
  /// 1.5, so that is the bound shown, in the outcome too.
  @Test func aBoundBetweenTwoObjectiveValuesIsRaisedToTheNext() {
    let state = SearchState(model: model(), timeLimit: nil, log: .silent, knownBound: 1.3)
    #expect(state.bound == 1.3)
    #expect(state.reportedBound == 1.5)
    #expect(state.outcome().bound == 1.5)
  }

  /// A bound already on the grid stays where it is (a hair of rounding
  /// error does not lift it a step).
  @Test func aBoundOnTheGridStays() {
    let state = SearchState(model: model(), timeLimit: nil, log: .silent, knownBound: 1.75 - 1e-12)
    #expect(abs(state.reportedBound - 1.75) < 1e-9)
  }

  /// Without a grid the bound is reported as proven.
  @Test func withoutAGridTheBoundIsReportedAsProven() {
    let state = SearchState(model: model(continuous: true), timeLimit: nil, log: .silent, knownBound: 1.3)
    #expect(state.reportedBound == 1.3)
    #expect(state.outcome().bound == 1.3)
  }

  /// The progress a search reports carries the raised bound too.
  @Test func progressCarriesTheRaisedBound() {
    let bounds = Mutex<[Double]>([])
    let board = ProgressBoard(parts: 1) { progress in bounds.withLock { $0.append(progress.bound) } }
    var state = SearchState(
      model: model(), timeLimit: nil, log: .silent, knownBound: 1.3, progress: board.part(0))
    state.bound = 1.6
    #expect(bounds.withLock { $0 } == [1.5, 1.75])
  }
}
