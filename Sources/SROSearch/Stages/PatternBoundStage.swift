import GLPKSolver
import SROFormulation

/// The pattern bound (``PatternBound``): officer-weeks priced by column
/// generation, which captures the weekly-hours knapsack the LP relaxes.
/// Priced once per search, for ``PartSearch/patternSearch`` (at most half
/// of what is left of the time limit), less once the bound stalls, and on
/// while the master LP shows that a converged bound could still prove the
/// best roster optimal and the bound still rises (``PatternBound/Patience``):
/// up to half of what is left, or ``PartSearch/patternProofSearch``
/// without a time limit.
/// With ``onlyWhenBoundLooksWeak``
/// it runs only while the best roster is more than twice the bound
/// (``SearchState/boundLooksWeak``): a weak LP, which branch-and-cut
/// rarely closes in a second. Then, with a
/// time limit and a second thread for the part, a brief branch-and-cut
/// runs beside the pricing, the first to prove the roster optimal ending
/// the other (``PartSearch/pricingBesideBranchAndCut(_:price:)``): some
/// weak LPs are closed by GLPK's cuts in a tenth of a second.
struct PatternBoundStage: SearchStage {
  /// Whether to price only when the best roster is more than twice the
  /// bound (``SearchState/boundLooksWeak``).
  var onlyWhenBoundLooksWeak = false

  func run(on search: PartSearch, _ state: inout SearchState) throws(PlanningError) {
    if onlyWhenBoundLooksWeak, !state.boundLooksWeak { return }
    let coverage = search.coverage
    guard !state.pricedWeeks, let pricing = WeekPricing(instance: coverage.instance) else { return }
    state.pricedWeeks = true
    let patterns = PatternBound(scenario: coverage.scenario, blocks: coverage.blocks, pricing: pricing)
    if onlyWhenBoundLooksWeak {
      try search.pricingBesideBranchAndCut(&state) { (state, ended) throws(PlanningError) in
        try Self.price(patterns, of: coverage, &state, endedBy: ended)
      }
    } else {
      try Self.price(patterns, of: coverage, &state, endedBy: nil)
    }
  }

  /// Prices `patterns` for the time described above, ending between rounds
  /// once `ended` is raised, and raises `state`'s bound to the result;
  /// leaves the last master LP's optimum as ``SearchState/patternPoint``
  /// for ``RoundingStage``.
  static func price(
    _ patterns: PatternBound, of coverage: CoverageModel, _ state: inout SearchState,
    endedBy ended: StopRequest?
  ) throws(PlanningError) {
    let result: PatternBound.Result
    let now = state.clock.now
    let half = state.remaining().map { $0 / 2 }
    do {
      result = try patterns.run(
        target: state.underBest,
        deadline: now + min(PartSearch.patternSearch, half ?? PartSearch.patternSearch),
        patience: .init(until: now + (half ?? PartSearch.patternProofSearch), rise: state.step ?? 1e-6),
        stop: state.stop, endedBy: ended)
    } catch { throw .solver(error) }
    state.bound = max(state.bound, result.bound)
    if let point = Self.point(of: result, coverage: coverage) { state.patternPoint = point }
    state.note(
      "pattern bound \(result.bound) after \(result.rounds) rounds, converged: \(result.converged), "
        + "master \(result.master ?? .nan)")
  }

  /// The last master LP's optimum (``PatternBound/Result/shares``) as a
  /// point of `coverage`'s model: each pair's share, 0 for a pair no week
  /// of it takes and for every other variable; `nil` when no master LP
  /// finished.
  static func point(of result: PatternBound.Result, coverage: CoverageModel) -> PatternPoint? {
    guard let shares = result.shares, let master = result.master else { return nil }
    var point = [Double](repeating: 0, count: coverage.model.variables.count)
    for pair in coverage.assignments { point[pair.variable.index] = shares[pair.officer][pair.block] ?? 0 }
    return PatternPoint(values: point, master: master)
  }
}
