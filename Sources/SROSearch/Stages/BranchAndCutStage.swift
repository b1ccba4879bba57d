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
  /// beside the search (``PartSearch/besideReStaffing(from:target:deadline:progress:sharing:memory:targetMet:_:)``),
  /// the better of the two rosters kept. The search ends once the
  /// re-staffing meets the bound it started with.
  var reStaffsBeside = false
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
    if fromBest {
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
    let (model, branchAndCut) = (search.coverage.model, self.branchAndCut)
    let solve = { @Sendable (options: SolverOptions) in
      Result { () throws(SolverError) in try branchAndCut(model, options) }
    }
    let searched: Result<Solution, SolverError>
    var reStaffed: Solution?
    if reStaffsBeside, let deadline = state.deadline, let best = state.best {
      // A re-staffed roster that meets the bound leaves nothing for the
      // search to find: it ends then.
      let reStaffingMetTheBound = StopRequest(following: mipOptions.stop)
      mipOptions.stop = reStaffingMetTheBound
      let options = mipOptions
      (searched, reStaffed) = try search.besideReStaffing(
        from: best, target: state.attainable(state.bound), deadline: deadline,
        progress: search.options.partProgress, targetMet: reStaffingMetTheBound
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
      state.bound = max(
        state.bound, solution.status == .optimal ? solution.objective ?? 0 : solution.bound ?? 0)
    }
    state.offer(solution)
    if let reStaffed {
      state.offer(reStaffed)
      state.note("re-staffed beside branch-and-cut: \(reStaffed.objective ?? .nan)")
    }
  }
}
