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

  @Test func integralScaleNeedsIntegerColumnsOnly() {
    #expect(LoweredModel.integralScale([1.25, 100, 0], kinds: [.binary, .integer, .continuous]) == 4)
    #expect(LoweredModel.integralScale([1.25, 3], kinds: [.binary, .continuous]) == nil)
    #expect(LoweredModel.integralScale([0.1234567], kinds: [.integer]) == nil)
  }
}
