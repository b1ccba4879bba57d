import GLPKSolver
import LinearModel
import SROFormulation

extension PartSearch {
  /// Runs `price` (the pattern bound of ``PatternBoundStage``, given a
  /// request to end it early) on `state` while, with a time limit and a
  /// second thread for the part (``borrowSecondThread()``), a brief
  /// branch-and-cut (``BranchAndCutStage/Limit/briefly``) searches from
  /// the best roster on that thread. The search ends once the pricing
  /// does; the pricing ends once the search proves its roster optimal
  /// (after the round under way: a master LP's simplex is not cut short).
  /// The state then has the better roster and the higher bound of the
  /// two. Without a second thread or a time limit, `price` runs alone.
  ///
  /// Where the best roster is more than twice the LP bound, a weak LP,
  /// pricing usually brings the proof forward (generated seed 10), but
  /// GLPK's cuts close some such gaps in a tenth of a second (variety
  /// week w10's county part, whose pricing stalls at 0 for a second).
  /// Side by side, neither waits for the other.
  func pricingBesideBranchAndCut(
    _ state: inout SearchState,
    price: @escaping @Sendable (inout SearchState, StopRequest?) throws(PlanningError) -> Void
  ) throws(PlanningError) {
    guard state.deadline != nil, borrowSecondThread() else {
      try price(&state, nil)
      return
    }
    defer { giveBackSecondThread() }
    let before = state
    let pricingEnded = StopRequest()
    let searchProved = StopRequest()
    var besideOptions = options
    besideOptions.stop = pricingEnded
    let beside = PartSearch(coverage: coverage, options: besideOptions, knownBound: knownBound)
    let (pricing, searching) = sideBySide {
      defer { pricingEnded.raise() }
      var priced = before
      return Result { () throws(PlanningError) in
        try price(&priced, searchProved)
        return priced
      }
    } _: {
      var searched = before
      return Result { () throws(PlanningError) in
        try BranchAndCutStage(limit: .briefly, fromBest: true).run(on: beside, &searched)
        if searched.proven(searched.best) != nil { searchProved.raise() }
        return searched
      }
    }
    let priced = try pricing.get()
    let searched = try searching.get()
    state = priced
    state.bound = max(priced.bound, searched.bound)
    if let roster = searched.best { state.offer(roster) }
  }
}
