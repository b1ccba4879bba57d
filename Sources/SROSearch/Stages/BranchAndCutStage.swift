import GLPKSolver
import LinearModel
import SROFormulation

/// GLPK's branch-and-cut on the part's model, stopping once a roster meets
/// the bound: raises the bound (unless the model is restricted) and keeps
/// its roster if better. Its progress goes to the part's progress line.
struct BranchAndCutStage: SearchStage {
  /// How long the stage may search.
  enum Limit {
    /// At most ``PartSearch/firstSearch``: a first, short run before the
    /// pattern bound is priced.
    case briefly
    /// Until the search's deadline (without one, until proven).
    case untilDeadline
  }

  let limit: Limit
  /// Whether to start from the best roster and the LP's basis. A start
  /// turns GLPK's presolver off, which long runs miss more than they gain
  /// from the start.
  let fromBest: Bool
  /// Whether, with a time limit and a second thread for the part
  /// (``PartSearch/borrowSecondThread()``), the best roster is re-staffed
  /// beside the search (``PartSearch/besideReStaffing(from:target:deadline:progress:sharing:memory:targetMet:onBetterRoster:_:)``),
  /// the better of the two rosters kept. The search ends once the
  /// re-staffing meets the bound it started with, or once its own bound
  /// proves the re-staffing's roster optimal.
  var reStaffsBeside = false
  /// Whether the search looks only for rosters better than the best by a
  /// step of the objective's grid (``SearchState/nextBetter``): a row caps
  /// the objective there, and the binaries that no such roster can set
  /// otherwise are fixed by the LP relaxation's reduced costs
  /// (``ReducedCostFixing``). GLPK's presolved search (`fromBest` false)
  /// starts without a roster, so it can neither prune by one nor fix by
  /// reduced costs itself. When the best roster is optimal, GLPK can prove
  /// that no roster lies under the cap (it reports the capped model
  /// infeasible, or its bound reaches the cap, which ends the search as
  /// the bound goal there is the cap): that is the proof; a search the
  /// time limit ends proves nothing. The best roster lies above the cap,
  /// so it is never the search's start, even with `fromBest`. Without a
  /// roster the search is as usual.
  var underTheBest = false
  /// The search itself: GLPK's branch-and-cut (a test may stand in for it).
  var branchAndCut: @Sendable (Model, SolverOptions) throws(SolverError) -> Solution = {
    (model, options) throws(SolverError) in try GLPK.solve(model, options: options)
  }

  func run(on search: PartSearch, _ state: inout SearchState) throws(PlanningError) {
    var mipOptions = search.options.solverOptions
    switch limit {
    case .briefly:
      mipOptions.timeLimit = min(state.remaining() ?? PartSearch.firstSearch, PartSearch.firstSearch)
    case .untilDeadline: mipOptions.timeLimit = state.remaining()
    }
    mipOptions.stopAtObjective = state.attainable(state.bound)
    var model = search.coverage.model
    let cutoff = underTheBest && model.sense == .minimize ? state.nextBetter : nil
    if fromBest, cutoff == nil {
      mipOptions.startingSolution = state.best?.values
      mipOptions.startingBasis = state.basis
    }
    let restricted = search.isRestricted
    if let progress = state.progress {
      let (step, constant) = (state.step, state.constant)
      mipOptions.progress = {
        progress.report(
          objective: $0.incumbent,
          bound: restricted ? nil : $0.bound.map { SearchState.reported($0, step: step, constant: constant) })
      }
    }
    if let cutoff {
      if let relaxation = state.relaxation {
        let fixing = ReducedCostFixing(relaxation: relaxation).fixing(model, under: cutoff)
        model = fixing.model
        state.note(
          "searching under \(cutoff): \(fixing.fixed) of \(model.variables.count) columns fixed by reduced costs"
        )
      }
      model.addConstraint(model.objective <= cutoff, name: Name("cutoff"))
    }
    // The search ends once its bound proves the best roster optimal, or
    // a better one the re-staffing beside it finds (below): GLPK's own
    // incumbent may lie far above either, or be missing.
    let goal = restricted || model.sense != .minimize ? nil : BoundGoal()
    if let goal, let best = state.best?.objective { goal.lower(to: state.boundProving(best)) }
    mipOptions.stopAtBound = goal
    let (searchedModel, branchAndCut) = (model, self.branchAndCut)
    let solve = { @Sendable (options: SolverOptions) in
      Result { () throws(SolverError) in try branchAndCut(searchedModel, options) }
    }
    let searched: Result<Solution, SolverError>
    var reStaffed: Solution?
    if reStaffsBeside, let deadline = state.deadline, let best = state.best {
      // A re-staffed roster that meets the bound leaves nothing for the
      // search to find: it ends then.
      let reStaffingMetTheBound = StopRequest(following: mipOptions.stop)
      mipOptions.stop = reStaffingMetTheBound
      let (options, step) = (mipOptions, state.step)
      var lowerGoal: (@Sendable (Double) -> Void)?
      if let goal {
        lowerGoal = { objective in goal.lower(to: SearchState.boundProving(objective, step: step)) }
      }
      (searched, reStaffed) = try search.besideReStaffing(
        from: best, target: state.attainable(state.bound), deadline: deadline,
        progress: search.options.partProgress, targetMet: reStaffingMetTheBound, onBetterRoster: lowerGoal
      ) { solve(options) }
    } else {
      searched = solve(mipOptions)
    }
    let solution: Solution
    do { solution = try searched.get() } catch { throw .solver(error) }
    state.note(
      "branch-and-cut \(solution.status.rawValue) \(solution.objective ?? .nan), bound \(solution.bound ?? .nan)"
    )
    if !restricted {
      // Under a cutoff, no roster below it (infeasible) is proof that none
      // beats the best; any bound of the search under it bounds the part's
      // optimum only up to the cutoff.
      let found: Double
      switch solution.status {
      case .infeasible where cutoff != nil: found = .infinity
      case .optimal: found = solution.objective ?? 0
      default: found = solution.bound ?? 0
      }
      state.bound = max(state.bound, min(found, cutoff ?? found))
    }
    state.offer(solution)
    if let reStaffed {
      state.offer(reStaffed)
      state.note("re-staffed beside branch-and-cut: \(reStaffed.objective ?? .nan)")
    }
  }
}
