import GLPKSolver
import LinearModel
import SROFormulation

/// The stages of ``PartSearch``, each over the one ``SearchState``.
extension PartSearch {
  /// The solver options of the heuristic searches: no progress reports.
  var quietOptions: SolverOptions {
    var quiet = options.solverOptions
    quiet.progress = nil
    return quiet
  }

  /// How long one heuristic stage may search.
  func roundingLimit(_ state: SearchState) -> Duration {
    min(
      state.remaining() ?? Self.roundingCap,
      options.timeLimit.map { max(.milliseconds(200), $0 * Self.roundingShare) } ?? Self.roundingCap)
  }

  /// Stage 1: the LP relaxation, which raises the bound (unless the model
  /// is restricted) and gives the values the rounding stages start from.
  func relax(_ state: inout SearchState) throws(PlanningError) -> Relaxation {
    var lpOptions = options.solverOptions
    lpOptions.timeLimit = options.timeLimit.map { min(state.remaining()!, $0 * Self.relaxationShare) }
    lpOptions.progress = nil
    lpOptions.presolve = false
    let relaxation: Relaxation
    do { relaxation = try GLPK.solveRelaxation(coverage.model, options: lpOptions) } catch {
      throw .solver(error)
    }
    state.note(
      "LP relaxation \(relaxation.status.rawValue) \(relaxation.objective ?? .nan), \(coverage.assignments.count) binaries"
    )
    state.bound = max(state.bound, isRestricted ? 0 : relaxation.objective ?? 0)
    state.basis = relaxation.basis
    return relaxation
  }

  /// Stages 2 and 5 (RENS): the model with every binary the LP sets to 0
  /// fixed at 0 and, with `fixingOnes`, every binary it sets to 1 fixed at
  /// 1, searched from the best roster (whose own values stay free); keeps
  /// what it finds if better.
  func searchNeighbourhood(of relaxation: Relaxation, fixingOnes: Bool, _ state: inout SearchState)
    throws(PlanningError)
  {
    guard relaxation.status == .optimal else { return }
    let model = coverage.model
    var neighbourhood = model
    let start = state.best?.values
    for pair in coverage.assignments where model[pair.variable].lowerBound == 0 {
      let value = relaxation.values[pair.variable.index]
      let taken = start.map { $0[pair.variable.index] > 0.5 }
      if value > 0.999, fixingOnes, taken != false {
        neighbourhood.setBounds(of: pair.variable, lower: 1, upper: 1)
      } else if value < 0.001, taken != true {
        neighbourhood.setBounds(of: pair.variable, lower: 0, upper: 0)
      }
    }
    var roundingOptions = quietOptions
    roundingOptions.stopAtObjective = state.attainable(state.bound)
    roundingOptions.startingSolution = start
    // The LP optimum satisfies every bound fixed here, so its basis is
    // optimal for the neighbourhood's LP as well.
    roundingOptions.startingBasis = state.basis
    roundingOptions.timeLimit = roundingLimit(state)
    do { state.offer(try GLPK.solve(neighbourhood, options: roundingOptions)) } catch { throw .solver(error) }
  }

  /// Stage 3: the best roster improved a few schools at a time, every other
  /// pair fixed (``ReStaffing``), for a heuristic stage's time, or until
  /// `deadline` when one is given (ReStaffing's own limit without).
  func reStaff(_ state: inout SearchState, until deadline: ContinuousClock.Instant? = nil)
    throws(PlanningError)
  {
    guard let rounded = state.best else { return }
    var reStaffing = ReStaffing(coverage: coverage, solverOptions: quietOptions)
    reStaffing.persistent = deadline != nil
    let improved: Solution
    do {
      improved = try reStaffing.improve(
        rounded, target: state.attainable(state.bound),
        deadline: deadline ?? state.clock.now + roundingLimit(state))
    } catch { throw .solver(error) }
    state.best = improved
    state.note("re-staffed a few schools at a time: \(improved.objective ?? .nan)")
  }

  /// Stages 3b and 6: prices the pattern bound (``PatternBound``) once; the
  /// best roster, proven optimal, if the bound meets it.
  func priceWeeks(_ state: inout SearchState) throws(PlanningError) -> Solution? {
    guard !state.pricedWeeks, let pricing = WeekPricing(instance: coverage.instance) else { return nil }
    state.pricedWeeks = true
    let patterns = PatternBound(scenario: coverage.scenario, blocks: coverage.blocks, pricing: pricing)
    let result: PatternBound.Result
    do {
      result = try patterns.run(
        target: state.best?.objective.map { $0 - (state.step ?? 1e-6) / 2 },
        deadline: state.clock.now
          + min(Self.patternSearch, state.remaining().map { $0 / 2 } ?? Self.patternSearch),
        stop: state.stop)
    } catch { throw .solver(error) }
    state.bound = max(state.bound, result.bound)
    state.note("pattern bound \(result.bound) after \(result.rounds) rounds, converged: \(result.converged)")
    return state.proven(state.best)
  }

  /// Stages 4 and 6: GLPK's branch-and-cut for `limit`, stopping once a
  /// roster meets the bound, from the best roster when `fromBest`; raises
  /// the bound (unless restricted), keeps its roster if better, and
  /// returns the best roster if that is now proven optimal.
  func branchAndCut(for limit: Duration?, fromBest: Bool, _ state: inout SearchState)
    throws(PlanningError) -> Solution?
  {
    var mipOptions = options.solverOptions
    mipOptions.timeLimit = limit
    mipOptions.stopAtObjective = state.attainable(state.bound)
    if fromBest {
      mipOptions.startingSolution = state.best?.values
      mipOptions.startingBasis = state.basis
    }
    if let progress = state.progress {
      let restricted = isRestricted
      mipOptions.progress = { progress.report(objective: $0.incumbent, bound: restricted ? nil : $0.bound) }
    }
    let solution: Solution
    do { solution = try GLPK.solve(coverage.model, options: mipOptions) } catch { throw .solver(error) }
    state.note(
      "branch-and-cut \(solution.status.rawValue) \(solution.objective ?? .nan), bound \(solution.bound ?? .nan)"
    )
    if !isRestricted {
      state.bound = max(
        state.bound, solution.status == .optimal ? solution.objective ?? 0 : solution.bound ?? 0)
    }
    state.offer(solution)
    return state.proven(state.best)
  }
}
