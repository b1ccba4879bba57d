import GLPKSolver
import LinearModel
import SROFormulation
import SRORoster
import SROScenario

/// Solves one part's ``CoverageModel`` in stages, each run only while the
/// best roster and the best bound are apart:
///
/// 1. the LP relaxation (a bound, and values to round);
/// 2. a roster from the LP's integral part: every binary the LP sets to 0
///    or 1 is fixed and the small rest is searched (the RENS heuristic);
/// 3. that roster improved a few schools at a time, every other pair
///    fixed (``ReStaffing``);
/// 4. a short branch-and-cut from the best roster (``firstSearch``);
/// 5. the LP's support searched from the best roster (only the LP's
///    zeros fixed);
/// 6. the pattern bound (``PatternBound``), which the weekly-hours
///    knapsack needs, then branch-and-cut for the rest of the time. A
///    roster still more than twice the bound after stage 3 has the pattern
///    bound priced before stage 4.
///
/// Stages 2, 3 and 5 are heuristics: each may take a quarter of the time
/// limit (at least 200 ms), or ``roundingCap`` without one.
///
/// Every branch-and-cut stops as soon as a roster meets the best bound.
/// Objective values move in steps (every objective column is integer), so
/// a roster is proven optimal once no value between the bound and it
/// remains. Stage lines go to ``PlanningOptions/log``.
struct PartSearch {
  let coverage: CoverageModel
  let rules: Rules
  let options: PlanningOptions
  /// A valid lower bound known before the search (from pattern pricing
  /// over a larger model, say).
  var knownBound: Double?
  /// Whether to price officer-weeks for a bound (stage 6) and search the
  /// LP's support (stage 5).
  var usePatternBound = true
  /// Whether `coverage` leaves out some eligible pairs: then only
  /// ``knownBound`` bounds the full problem, and GLPK's own bounds and
  /// optimality speak for the restricted model alone.
  var isRestricted = false

  /// Longest each heuristic stage may take, as a share of the time limit.
  static let roundingShare = 0.25

  /// Longest each heuristic stage may take without a time limit: its
  /// own optimum proves nothing, and the stages that can prove wait.
  static let roundingCap = Duration.seconds(5)

  /// How long the first branch-and-cut may run before the pattern bound is priced.
  static let firstSearch = Duration.seconds(1)

  /// How long column generation may run for the pattern bound (at most
  /// half of what is left of the time limit).
  static let patternSearch = Duration.seconds(3)

  /// The best solution and a bound on the part's optimum.
  func run() throws(PlanningError) -> Solution {
    let clock = ContinuousClock()
    let began = clock.now
    let deadline = options.timeLimit.map { began + $0 }
    func remaining() -> Duration? { deadline.map { max(.milliseconds(50), $0 - clock.now) } }
    let model = coverage.model
    let step = model.integralObjectiveScale.map { 1 / $0 }
    let constant = model.objective.constant
    /// The least objective value a roster can have at or above `bound`.
    func attainable(_ bound: Double) -> Double {
      guard let step else { return bound + 1e-6 * max(1, abs(bound)) }
      return constant + ((bound - constant) / step - 1e-6).rounded(.up) * step
    }
    /// One line on the search's stages to the log, when one is kept.
    func note(_ what: @autoclosure () -> String) {
      if case .lines(let sink) = options.log { sink("sro: \(clock.now - began): \(what())") }
    }
    func done(_ best: Solution, bound: Double) -> Solution? {
      guard let objective = best.objective, objective <= attainable(bound) + 1e-9 else { return nil }
      return Solution(
        status: .optimal, objective: objective, bound: objective, values: best.values,
        solveTime: clock.now - began)
    }

    // 1. The LP relaxation.
    var lpOptions = options.solverOptions
    lpOptions.timeLimit = remaining()
    lpOptions.progress = nil
    let relaxation: Relaxation
    do { relaxation = try GLPK.solveRelaxation(model, options: lpOptions) } catch { throw .solver(error) }
    note(
      "LP relaxation \(relaxation.status.rawValue) \(relaxation.objective ?? .nan), \(coverage.assignments.count) binaries"
    )
    var bound = max(knownBound ?? 0, isRestricted ? 0 : relaxation.objective ?? 0)
    /// `solution`, not proven optimal, with the best bound. Only ``done``
    /// proves: a GLPK optimum on the full model has raised the bound to it
    /// by then, while the rounding searches' `optimal` speaks for their
    /// neighbourhood alone and a restricted model's for that model.
    func unproven(_ solution: Solution) -> Solution {
      Solution(
        status: solution.objective == nil ? solution.status : .feasible,
        objective: solution.objective, bound: bound, values: solution.values,
        solveTime: clock.now - began)
    }

    /// The solver options of the heuristic searches: no progress reports.
    var quietOptions = options.solverOptions
    quietOptions.progress = nil
    /// How long one heuristic stage may search.
    func roundingLimit() -> Duration {
      min(
        remaining() ?? Self.roundingCap,
        options.timeLimit.map { max(.milliseconds(200), $0 * Self.roundingShare) } ?? Self.roundingCap)
    }

    // 2. Round it: fix what the LP decided, search the rest.
    var best: Solution?
    /// Searches the model with every binary the LP sets to 0 fixed at 0
    /// and, with `fixingOnes`, every binary it sets to 1 fixed at 1,
    /// starting from the best roster (whose own values stay free); keeps
    /// what it finds if better.
    func searchNeighbourhood(fixingOnes: Bool) throws(PlanningError) {
      guard relaxation.status == .optimal else { return }
      var neighbourhood = model
      let start = best?.values
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
      roundingOptions.stopAtObjective = attainable(bound)
      roundingOptions.startingSolution = best?.values
      roundingOptions.timeLimit = roundingLimit()
      let rounded: Solution
      do { rounded = try GLPK.solve(neighbourhood, options: roundingOptions) } catch { throw .solver(error) }
      guard rounded.status == .optimal || rounded.status == .feasible,
        let found = rounded.objective, found < best?.objective ?? .infinity
      else { return }
      best = rounded
    }
    try searchNeighbourhood(fixingOnes: true)
    note("rounded LP: \(best?.objective ?? .nan)")
    if let best, let proven = done(best, bound: bound) { return proven }

    // 3. A few schools at a time, the rest fixed.
    if let rounded = best {
      let reStaffing = ReStaffing(coverage: coverage, rules: rules, solverOptions: quietOptions)
      let improved: Solution
      do {
        improved = try reStaffing.improve(
          rounded, target: attainable(bound), deadline: clock.now + roundingLimit())
      } catch { throw .solver(error) }
      best = improved
      note("re-staffed a few schools at a time: \(improved.objective ?? .nan)")
      if let proven = done(improved, bound: bound) { return proven }
    }

    /// Whether the pattern bound has been priced.
    var priced = false
    /// Prices the pattern bound (``PatternBound``) once; the best roster,
    /// proven optimal, if the bound meets it.
    func priceWeeks() throws(PlanningError) -> Solution? {
      guard !priced,
        let pricing = WeekPricing(scenario: coverage.scenario, blocks: coverage.blocks, rules: rules)
      else { return nil }
      priced = true
      let patterns = PatternBound(scenario: coverage.scenario, blocks: coverage.blocks, pricing: pricing)
      let result: PatternBound.Result
      do {
        result = try patterns.run(
          target: best?.objective.map { $0 - (step ?? 1e-6) / 2 },
          deadline: clock.now + min(Self.patternSearch, remaining().map { $0 / 2 } ?? Self.patternSearch))
      } catch { throw .solver(error) }
      bound = max(bound, result.bound)
      note("pattern bound \(result.bound) after \(result.rounds) rounds, converged: \(result.converged)")
      return best.flatMap { done($0, bound: bound) }
    }

    // 3b. A roster more than twice the LP bound says the LP is weak (the
    // weekly-hours knapsack), which branch-and-cut rarely closes in a
    // second: price the pattern bound first.
    if usePatternBound, let objective = best?.objective, objective > 2 * bound + (step ?? 0) {
      if let proven = try priceWeeks() { return proven }
    }

    // 4. Branch-and-cut, briefly when a pattern bound may follow.
    // The first, short run starts from the best roster; a start turns
    // GLPK's presolver off, which long runs miss more than they gain from
    // the start, so the second run goes without.
    func branchAndCut(for limit: Duration?, fromBest: Bool) throws(PlanningError) -> Solution {
      var mipOptions = options.solverOptions
      mipOptions.timeLimit = limit
      mipOptions.stopAtObjective = attainable(bound)
      if fromBest { mipOptions.startingSolution = best?.values }
      var solution: Solution
      do { solution = try GLPK.solve(model, options: mipOptions) } catch { throw .solver(error) }
      note(
        "branch-and-cut \(solution.status.rawValue) \(solution.objective ?? .nan), bound \(solution.bound ?? .nan)"
      )
      if !isRestricted {
        bound = max(bound, solution.status == .optimal ? solution.objective ?? 0 : solution.bound ?? 0)
      }
      if let best, let found = best.objective, found < solution.objective ?? .infinity { solution = best }
      return solution
    }
    var solution = try branchAndCut(
      for: usePatternBound ? min(remaining() ?? Self.firstSearch, Self.firstSearch) : remaining(),
      fromBest: true)
    if let proven = done(solution, bound: bound) { return proven }
    if solution.objective != nil { best = solution }
    guard usePatternBound else { return unproven(solution) }

    // 5. The LP's support searched from the best roster: what the LP set
    // to 1 is free too, which can cover an event the LP spread over
    // officers that rounding then committed elsewhere.
    try searchNeighbourhood(fixingOnes: false)
    note("LP support: \(best?.objective ?? .nan)")
    if let best, let proven = done(best, bound: bound) { return proven }
    if let best, best.objective ?? .infinity < solution.objective ?? .infinity { solution = best }

    // 6. The pattern bound (unless stage 3b priced it), then
    // branch-and-cut again.
    if let proven = try priceWeeks() { return proven }
    solution = try branchAndCut(for: remaining(), fromBest: false)
    if let proven = done(solution, bound: bound) { return proven }
    return unproven(solution)
  }
}
