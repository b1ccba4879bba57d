import LinearModel
import SROFormulation
import SROScenario

/// One part without regions: the whole model searched in stages
/// (``PartSearch``), or, above ``SearchTuning/restrictionThreshold``
/// eligible pairs, a priced restricted model (``RestrictedPlanner``).
/// ``Planner`` and ``RegionalPlanner`` (for each region) call it; it calls
/// neither.
enum PartPlanner {
  /// Builds the model of `instance`, searches it and decodes the roster.
  static func plan(_ instance: Instance, options: PlanningOptions, tuning: SearchTuning)
    throws(PlanningError) -> PartPlan
  {
    if options.restrictLargeParts, instance.eligiblePairs > tuning.restrictionThreshold {
      return try RestrictedPlanner.plan(instance, options: options)
    }
    let clock = ContinuousClock()
    let began = clock.now
    let coverage = try CoverageModel(instance: instance, published: options.published, formulation: .tight)
    let built = clock.now
    let search = PartSearch(coverage: coverage, options: options)
    return try result(of: search, buildTime: built - began, began: began)
  }

  /// Runs `search` and decodes its roster (the greedy one, when a limit
  /// or a stop request ended the search before any better).
  static func result(of search: PartSearch, buildTime: Duration, began: ContinuousClock.Instant)
    throws(PlanningError) -> PartPlan
  {
    let coverage = search.coverage
    let solution = try search.run()
    switch solution.status {
    case .optimal, .feasible: break
    case .noSolutionFound: throw .noRosterFound
    case .infeasible, .unbounded: throw .unexpectedStatus(solution.status)
    }
    let result = PlanningResult(
      roster: coverage.roster(from: solution), binaries: coverage.assignments.count,
      variables: coverage.model.variables.count, rows: coverage.model.constraints.count, parts: 1,
      buildTime: buildTime, solveTime: solution.solveTime, wallTime: ContinuousClock.now - began)
    return PartPlan(result: result, taken: coverage.pairs(in: solution))
  }
}

/// One part planned: the result, and the pairs its roster takes (by index
/// in the part's ``Instance``) for a search that builds on it (regions
/// hand theirs to the re-staffing across regions).
struct PartPlan {
  let result: PlanningResult
  let taken: [PinCheck.Pair]
}
