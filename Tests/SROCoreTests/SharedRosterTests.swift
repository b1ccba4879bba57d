import GLPKSolver
import Testing

@testable import SROSearch

/// The best roster of re-staffings running at once (``SharedRoster``).
@Suite struct SharedRosterTests {
  func roster(_ objective: Double) -> Solution {
    Solution(status: .feasible, objective: objective, bound: nil, values: [objective], solveTime: .zero)
  }

  /// It is handed out only to a search whose roster is worse, and keeps
  /// only a better roster offered.
  @Test func itKeepsTheBestRosterOffered() {
    let shared = SharedRoster(roster(10))
    #expect(shared.better(than: 10) == nil)
    #expect(shared.better(than: 9) == nil)
    #expect(shared.better(than: 11)?.objective == 10)
    shared.offer(roster(12))
    #expect(shared.roster.objective == 10)
    shared.offer(roster(7))
    #expect(shared.roster.objective == 7)
    #expect(shared.better(than: 10)?.values == [7])
  }

  /// A second re-staffing takes each list from its middle, so that the
  /// two start on different neighbourhoods.
  @Test func aListFromTheMiddleHoldsEveryElementOnce() {
    #expect(ReStaffing.fromTheMiddle([1, 2, 3, 4, 5]) == [3, 4, 5, 1, 2])
    #expect(ReStaffing.fromTheMiddle([1, 2, 3, 4]) == [3, 4, 1, 2])
    #expect(ReStaffing.fromTheMiddle([1]) == [1])
    #expect(ReStaffing.fromTheMiddle([Int]()) == [])
  }
}
