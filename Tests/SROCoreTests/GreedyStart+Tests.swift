import LinearModel

@testable import SROSearch

/// The greedy roster as the tests read it: what ``GreedyStart/start()``
/// gives the search, without the LP's start.
extension GreedyStart {
  /// The greedy roster as a feasible solution with no bound of its own, or
  /// `nil` when a pinned pair cannot be taken greedily.
  func solution() -> Solution? { start()?.solution }

  /// The greedy roster's value for every model variable (the twins' weeks
  /// ranked), or `nil` when a pinned pair cannot be taken greedily.
  func values() -> [Double]? { start()?.solution.values }
}
