import GLPKSolver
import LinearModel

/// Plans a large part on a restricted model: each block starts with a few
/// candidate officers (its own school's, the nearest others, and relief
/// officers where the school cannot staff it alone), and LP pricing adds
/// every pair whose reduced cost is negative, a few rounds at most.
///
/// The bound it reports is valid for the full model: the restricted LP's
/// duals, used as Lagrangian multipliers on the full model's `cover`, `day`
/// and `week` rows, on the restricted `overlap` rows extended by every
/// left-out block containing their moment (still valid inequalities), and 0
/// on the rest, give
/// `z_LP(restricted) + Σ_{pairs left out} min(0, reduced cost)` ≤ the full
/// LP optimum ≤ the optimum. When pricing finds no negative reduced cost,
/// that is the full LP bound itself.
enum RestrictedPlanner {
  /// Parts with more eligible officer–block pairs than this use it.
  static let threshold = 60_000
  /// Officers from other schools offered to each block at the start.
  static let nearestOthers = 3
  /// Pricing rounds at most.
  static let rounds = 6
  /// Pairs with negative reduced cost added to each block per round.
  static let additionsPerBlock = 2

  static func plan(_ scenario: Scenario, options: PlanningOptions) throws(PlanningError)
    -> PlanningResult
  {
    let clock = ContinuousClock()
    let began = clock.now
    let rules = Rules(scenario)
    let blocks = scenario.blocks()
    let eligible = scenario.officers.map { officer in
      blocks.indices.filter { rules.isEligible(officer, for: blocks[$0]) }
    }
    var candidates = initialCandidates(scenario, blocks: blocks, eligible: eligible, rules: rules)
    var bound = -Double.infinity
    var coverage = try CoverageModel(
      scenario: scenario, published: options.published, formulation: .tight, candidates: candidates)
    var lpOptions = options.solverOptions
    lpOptions.progress = nil
    var lpValues = [Double](repeating: 0, count: coverage.model.variables.count)
    for round in 0..<rounds {
      if round > 0, let limit = options.timeLimit, clock.now - began > limit * 0.4 { break }
      let relaxation: Relaxation
      do {
        relaxation = try GLPK.solveRelaxation(coverage.model, options: lpOptions)
      } catch {
        throw .solver(error)
      }
      guard relaxation.status == .optimal, let lpValue = relaxation.objective else { break }
      lpValues = relaxation.values
      // The most negative reduced costs of each block join the model.
      var offers = [[(cost: Double, officer: Int)]](repeating: [], count: blocks.count)
      var correction = 0.0
      var overlapRowsByOfficer = [[(officer: Int, day: Weekday, moment: TimeOfDay, row: Int)]](
        repeating: [], count: scenario.officers.count)
      for row in coverage.overlapRows { overlapRowsByOfficer[row.officer].append(row) }
      for o in scenario.officers.indices {
        for b in eligible[o] where !candidates.contains(PinCheck.Pair(officer: o, block: b)) {
          let cost = coverage.reducedCost(
            officer: o, block: b, duals: relaxation.rowDuals, rules: rules,
            overlapRowsByOfficer: overlapRowsByOfficer)
          if cost < -1e-7 {
            correction += cost
            offers[b].append((cost, o))
          }
        }
      }
      let additions = offers.enumerated().flatMap { b, list in
        list.sorted { ($0.cost, $0.officer) < ($1.cost, $1.officer) }.prefix(additionsPerBlock)
          .map { PinCheck.Pair(officer: $0.officer, block: b) }
      }
      bound = max(bound, lpValue + correction)
      if additions.isEmpty { break }
      candidates.formUnion(additions)
      coverage = try CoverageModel(
        scenario: scenario, published: options.published, formulation: .tight,
        candidates: candidates)
      lpValues = [Double](repeating: 0, count: coverage.model.variables.count)
    }
    let built = clock.now
    // A greedy roster guided by the LP is the first incumbent, so a limit
    // never ends the search empty-handed.
    var mipOptions = options.solverOptions
    if let limit = options.timeLimit { mipOptions.timeLimit = max(.seconds(1), limit - (built - began)) }
    mipOptions.startingSolution = GreedyStart(coverage: coverage, rules: rules).values(preferring: lpValues)
    var solution: Solution
    do {
      solution = try GLPK.solve(coverage.model, options: mipOptions)
    } catch {
      throw .solver(error)
    }
    if solution.status == .noSolutionFound {
      solution = GreedyStart(coverage: coverage, rules: rules).fallback(for: solution) ?? solution
    }
    switch solution.status {
    case .optimal, .feasible: break
    case .noSolutionFound: throw .noRosterFound
    case .infeasible, .unbounded: throw .unexpectedStatus(solution.status)
    }
    var roster = coverage.roster(from: solution)
    // The restricted search's own bound is not one for the full model.
    let valid = roundToMicro(max(0, min(roster.objective, bound - coverage.maximumChangePenalty)))
    roster.bound = valid
    roster.status = roster.objective - valid <= 1e-6 ? .optimal : .feasible
    return PlanningResult(
      roster: roster, binaries: coverage.assignments.count,
      variables: coverage.model.variables.count, rows: coverage.model.constraints.count, parts: 1,
      buildTime: built - began - solution.solveTime, solveTime: solution.solveTime,
      wallTime: clock.now - began)
  }

  /// Each block's own school's officers, the nearest few others, and every
  /// relief officer where the school's own officers cannot staff the block.
  private static func initialCandidates(
    _ scenario: Scenario, blocks: [Block], eligible: [[Int]], rules: Rules
  ) -> Set<PinCheck.Pair> {
    var eligibleSet = Set<PinCheck.Pair>()
    for (o, list) in eligible.enumerated() {
      for b in list { eligibleSet.insert(PinCheck.Pair(officer: o, block: b)) }
    }
    let homed = scenario.officers.indices.filter { scenario.officers[$0].home != nil }
    let relief = scenario.officers.indices.filter { scenario.officers[$0].home == nil }
    var nearest: [SchoolID: [Int]] = [:]
    for school in scenario.schools {
      nearest[school.id] = homed.filter { scenario.officers[$0].home != school.id }
        .sorted {
          (rules.travelMinutes(scenario.officers[$0].home!, school.id), $0)
            < (rules.travelMinutes(scenario.officers[$1].home!, school.id), $1)
        }
    }
    var candidates = Set<PinCheck.Pair>()
    for (b, block) in blocks.enumerated() {
      let own = homed.filter { scenario.officers[$0].home == block.school }
      let ownEligible = own.filter { eligibleSet.contains(PinCheck.Pair(officer: $0, block: b)) }
      var offered = ownEligible
      let others = (nearest[block.school] ?? []).filter {
        eligibleSet.contains(PinCheck.Pair(officer: $0, block: b))
      }
      offered += others.prefix(nearestOthers + (block.event == nil ? 0 : block.needed))
      if ownEligible.count < block.needed { offered += relief }
      for o in offered where eligibleSet.contains(PinCheck.Pair(officer: o, block: b)) {
        candidates.insert(PinCheck.Pair(officer: o, block: b))
      }
    }
    return candidates
  }
}

extension CoverageModel {
  /// The reduced cost `x[o,b]` would have in the full model, under row
  /// duals of this (restricted) model: its objective coefficient minus the
  /// duals of the `cover`, `day` and `week` rows it would belong to (the
  /// other rows it would join do not exist here; their multiplier is 0).
  func reducedCost(
    officer o: Int, block b: Int, duals: [Double], rules: Rules,
    overlapRowsByOfficer: [[(officer: Int, day: Weekday, moment: TimeOfDay, row: Int)]]
  ) -> Double {
    let block = blocks[b]
    let officer = scenario.officers[o]
    let weights = scenario.policy.weights
    var cost = 0.0
    if rules.isAwayFromHome(officer, block) { cost += weights.awayFromHome * block.hours }
    if rules.isCrossAgency(officer, block) { cost += weights.crossAgency * block.hours }
    cost -= duals[coverRows[b]]
    if let day = dayRows[o][block.day] { cost -= block.hours * duals[day] }
    if let week = weekRows[o] { cost -= block.hours * duals[week] }
    // Every overlap row of the officer at a moment inside the block stays
    // valid with the block added to it.
    for row in overlapRowsByOfficer[o]
    where row.day == block.day
      && block.interval.start <= row.moment && row.moment < block.interval.end
    {
      cost -= duals[row.row]
    }
    if let kept = publishedMatch, kept.contains(officer: officer.id, block: b) {
      cost -= kept.changeWeight * block.hours
    }
    return cost
  }
}
