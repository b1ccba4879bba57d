import GLPKSolver
import LinearModel
import SROFormulation
import SRORoster
import SROScenario

/// Plans a large part on a restricted model. Column generation over
/// officer-weeks (``PatternBound``) runs on the full problem — its pricing
/// needs no model of all eligible pairs — and gives a bound valid for it;
/// the restricted model keeps, for each block, its own school's officers,
/// the nearest others, relief officers where the school cannot staff it
/// alone, and every pair of a generated week. ``PartSearch`` then finds the
/// roster on that model, measured against the pattern bound.
enum RestrictedPlanner {
  /// Parts with more eligible officer–block pairs than this use it.
  static let threshold = 60_000
  /// Officers from other schools offered to each block at the start.
  static let nearestOthers = 3
  /// Share of the time limit column generation may use.
  static let pricingShare = 0.4

  static func plan(_ instance: Instance, options: PlanningOptions) throws(PlanningError) -> PartPlan {
    let clock = ContinuousClock()
    let began = clock.now
    let (scenario, blocks, rules, eligible) = (
      instance.scenario, instance.blocks, instance.rules, instance.eligible
    )
    var candidates = initialCandidates(scenario, blocks: blocks, eligible: eligible, rules: rules)
    var bound: Double?
    if let pricing = WeekPricing(instance: instance) {
      let patterns = PatternBound(scenario: scenario, blocks: blocks, pricing: pricing)
      let result: PatternBound.Result
      do {
        result = try patterns.run(
          deadline: options.timeLimit.map { began + $0 * pricingShare }, stop: options.stop)
      } catch {
        throw .solver(error)
      }
      bound = result.bound
      options.partProgress?.report(objective: nil, bound: result.bound)
      if case .lines(let sink) = options.log {
        sink(
          "sro: \(clock.now - began): pattern bound on the whole part \(result.bound) after \(result.rounds) rounds, converged: \(result.converged)"
        )
      }
      for (o, taken) in result.generated.enumerated() {
        for b in taken { candidates.insert(PinCheck.Pair(officer: o, block: b)) }
      }
    }
    let coverage = try CoverageModel(
      instance: instance.restricted(to: candidates), published: options.published, formulation: .tight)
    let built = clock.now
    var searchOptions = options
    if let limit = options.timeLimit { searchOptions.timeLimit = max(.seconds(1), limit - (built - began)) }
    var search = PartSearch(coverage: coverage, options: searchOptions)
    search.knownBound = bound
    return try PartPlanner.result(of: search, buildTime: built - began, began: began)
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
