import LinearModel
import Testing

@testable import GLPKSolver

@Suite struct RelaxationTests {
  /// The knapsack's LP relaxation takes items 3 and 1 whole (worth 90,
  /// weight 7) and half of item 2 (15): 105; the capacity row's dual is
  /// item 2's value per weight, 30 / 6 = 5.
  @Test func knapsackRelaxationAndDual() throws {
    let relaxation = try GLPK.solveRelaxation(knapsack().0)
    #expect(relaxation.status == .optimal)
    #expect(abs((relaxation.objective ?? 0) - 105) < 1e-9)
    #expect(abs(relaxation.rowDuals[0] - 5) < 1e-9)
    #expect(abs(relaxation.values[2] - 0.5) < 1e-9)
  }
}
