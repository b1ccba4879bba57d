import GLPKSolver
import LinearModel

/// Improves a roster a few schools at a time (a large-neighbourhood
/// search): the pairs at a school and its nearest neighbour are searched
/// again with every other pair fixed as the roster has it, school after
/// school, until ``patience`` searches in a row bring nothing; then the
/// same with three schools. It stops early at a target or a deadline.
///
/// Where GLPK's branch-and-cut finds no roster at all — a 30-school police
/// part with spare officers, whose LP relaxation is 0 and whose rounded LP
/// pays overtime everywhere — each small search takes milliseconds, and a
/// relief officer moved at one school frees hours at the next: on the
/// generated 120-school district's police part the rounded roster's 131
/// falls to 0, the optimum, in about 1.3 s.
struct ReStaffing {
  let coverage: CoverageModel
  let rules: Rules
  /// Options of each small search (its time limit is set here).
  let solverOptions: SolverOptions
  /// Longest one small search may take.
  var searchLimit = Duration.milliseconds(100)
  /// Searches in a row without improvement after which the search stops.
  static let patience = 8
  /// The numbers of schools searched together, in turn.
  static let sizes = [2, 3]

  /// The sets of `size` schools searched together: each school with the
  /// nearest others (by travel time, then scenario order), each set once,
  /// in scenario order.
  func neighbourhoods(ofSize size: Int) -> [Set<SchoolID>] {
    let schools = coverage.scenario.schools
    var seen = Set<Set<SchoolID>>()
    return schools.indices.compactMap { s in
      let nearest = schools.indices.sorted {
        ($0 == s ? -1 : rules.travelMinutes(from: s, to: $0), $0)
          < ($1 == s ? -1 : rules.travelMinutes(from: s, to: $1), $1)
      }
      let set = Set(nearest.prefix(size).map { schools[$0].id })
      return seen.insert(set).inserted ? set : nil
    }
  }

  /// A roster at least as good as `start` (a solution of `coverage.model`),
  /// found before `deadline`; stops early once the objective is at most
  /// `target`.
  func improve(_ start: Solution, target: Double, deadline: ContinuousClock.Instant) throws(SolverError)
    -> Solution
  {
    let clock = ContinuousClock()
    var best = start
    for size in Self.sizes where size < coverage.scenario.schools.count {
      let neighbourhoods = self.neighbourhoods(ofSize: size)
      let patience = min(neighbourhoods.count, Self.patience)
      var sinceImprovement = 0
      var next = 0
      while sinceImprovement < patience, clock.now < deadline,
        let objective = best.objective, objective > target
      {
        let schools = neighbourhoods[next]
        next = (next + 1) % neighbourhoods.count
        sinceImprovement += 1
        let free = coverage.assignments.filter { schools.contains(coverage.blocks[$0.block].school) }
        let limit = max(.milliseconds(1), min(searchLimit, deadline - clock.now))
        guard let found = try search(best, freeing: free, target: target, limit: limit),
          let value = found.objective, value < objective - 1e-9
        else { continue }
        best = found
        sinceImprovement = 0
      }
    }
    return best
  }

  /// The best roster GLPK finds with only `free` pairs left to choose
  /// (with every shortage and overtime variable), or `nil`.
  private func search(
    _ roster: Solution, freeing free: [CoverageModel.Assignment], target: Double, limit: Duration
  )
    throws(SolverError) -> Solution?
  {
    let model = coverage.model
    var isFree = [Bool](repeating: true, count: model.variables.count)
    for pair in coverage.assignments { isFree[pair.variable.index] = false }
    for pair in free { isFree[pair.variable.index] = true }
    let values = zip(roster.values, model.variables).map { value, variable in
      variable.kind == .continuous ? value : value.rounded()
    }
    let fixed = model.fixing(at: values, keeping: { isFree[$0.index] })
    var options = solverOptions
    // The presolver takes the fixed rows apart, which is worth more here
    // than offering the roster as a start (that would turn it off).
    options.startingSolution = nil
    options.timeLimit = limit
    options.stopAtObjective = target
    let found = try GLPK.solve(fixed.model, options: options)
    guard found.status == .optimal || found.status == .feasible, let objective = found.objective else {
      return nil
    }
    return Solution(
      status: .feasible, objective: objective, bound: nil, values: fixed.lift(found.values),
      solveTime: found.solveTime)
  }
}
