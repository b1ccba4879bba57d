import Foundation
public import GLPKSolver
import LinearModel

/// Why a scenario could not be turned into a roster.
public enum PlanningError: Error, Sendable, CustomStringConvertible {
  /// GLPK could not run (a bug, or resources).
  case solver(SolverError)
  /// The planner's pins break a rule; one diagnostic per problem.
  case infeasiblePins([Diagnostic])
  /// The search stopped (time limit) before any roster was found.
  case noRosterFound
  /// GLPK called the model infeasible or unbounded, which the model's
  /// shortage variables rule out: a bug.
  case unexpectedStatus(SolveStatus)

  public var description: String {
    switch self {
    case .solver(let error): return "\(error)"
    case .infeasiblePins(let problems): return problems.map(\.description).joined(separator: "\n")
    case .noRosterFound: return "no roster found before the time limit; allow more time"
    case .unexpectedStatus(let status):
      return "the solver reported the model \(status.rawValue), which should be impossible"
    }
  }
}

/// How hard to search.
public struct PlanningOptions: Sendable {
  /// Stop after this long with the best roster so far; `nil` for no limit.
  public var timeLimit: Duration?
  /// Stop once the relative gap is at most this.
  public var relativeGap: Double = 0
  /// Where GLPK's output lines go.
  public var log: SolverLog = .silent
  /// Called with each progress report of a solve (from the solving thread).
  public var progress: (@Sendable (SolverProgress) -> Void)?
  /// A published roster to stay close to (minimal-change re-planning).
  public var published: PublishedRoster?
  /// Solve independent parts apart (the same optimum, found faster).
  public var decompose = true
  /// Solve parts with more than ``RestrictedPlanner/threshold`` eligible
  /// pairs on a priced, restricted model (with a valid bound) instead of
  /// the full one.
  public var restrictLargeParts = true
  /// Eligible pairs above which a part counts as large.
  var restrictionThreshold = RestrictedPlanner.threshold
  /// Schools above which a large part is planned by region.
  var regionalThreshold = RegionalPlanner.threshold
  /// Most schools in a region.
  var regionSchools = RegionalPlanner.regionSchools
  /// Eligible pairs up to which a part planned by region is re-staffed
  /// whole once merged (above it, neighbouring regions two by two).
  var acrossRegionsPairs = RegionalPlanner.acrossRegionsPairs
  /// How many parts to solve at once.
  public var threads = ProcessInfo.processInfo.activeProcessorCount

  public init() {}

  var solverOptions: SolverOptions {
    var options = SolverOptions()
    options.timeLimit = timeLimit
    options.relativeGap = relativeGap
    options.log = log
    options.progress = progress
    options.cuts = Set(CutFamily.allCases)
    return options
  }
}

/// The result of planning a week: the roster and how the solve went.
public struct PlanningResult: Sendable {
  public let roster: Roster
  /// Binary variables (eligible officer–block pairs) of the models solved.
  public let binaries: Int
  public let variables: Int
  public let rows: Int
  /// How many independent parts were solved (see ``Scenario/independentParts()``).
  public let parts: Int
  /// Model building, summed over the parts.
  public let buildTime: Duration
  /// GLPK's time, summed over the parts.
  public let solveTime: Duration
  /// Wall time of building and solving, parts running concurrently.
  public let wallTime: Duration
}

/// Scenario in, roster out.
public enum Planner {
  /// Builds the model of `scenario`, solves it with GLPK and decodes the roster.
  ///
  /// The scenario is first split into independent parts (officers and
  /// schools that no eligibility links), each solved on a thread of its own,
  /// `options.threads` at a time; their rosters are merged. The roster does
  /// not depend on the thread count.
  public static func plan(
    _ scenario: Scenario, options: PlanningOptions = PlanningOptions()
  ) throws(PlanningError) -> PlanningResult {
    let clock = ContinuousClock()
    let began = clock.now
    // Pins are checked on the whole scenario, so that a pin across parts
    // gets its message rather than a silent drop.
    let blocks = scenario.blocks()
    _ = try PinCheck(scenario: scenario, blocks: blocks, rules: Rules(scenario)).resolve()
    let parts = options.decompose ? scenario.independentParts() : [scenario]
    let results: [Result<PlanningResult, PlanningError>]
    if parts.count == 1 {
      results = [Result { () throws(PlanningError) in try planPart(scenario, options: options) }]
    } else {
      results = concurrently(parts, threads: options.threads) { part in
        var partOptions = options
        partOptions.published = options.published?.restricted(to: part)
        return Result { () throws(PlanningError) in try planPart(part, options: partOptions) }
      }
    }
    var solved: [PlanningResult] = []
    for result in results {
      switch result {
      case .success(let part): solved.append(part)
      case .failure(let error): throw error
      }
    }
    return PlanningResult(
      roster: solved.count == 1 ? solved[0].roster : Roster.merging(solved.map(\.roster), of: scenario),
      binaries: solved.reduce(0) { $0 + $1.binaries }, variables: solved.reduce(0) { $0 + $1.variables },
      rows: solved.reduce(0) { $0 + $1.rows }, parts: solved.count,
      buildTime: solved.reduce(.zero) { $0 + $1.buildTime },
      solveTime: solved.reduce(.zero) { $0 + $1.solveTime }, wallTime: clock.now - began)
  }

  /// How many officer–block pairs are eligible (the size of the full model).
  static func eligiblePairs(_ scenario: Scenario) -> Int {
    let rules = Rules(scenario)
    let blocks = scenario.blocks()
    return scenario.officers.reduce(0) { sum, officer in
      sum + blocks.reduce(0) { $0 + (rules.isEligible(officer, for: $1) ? 1 : 0) }
    }
  }

  /// One part: build, solve, decode.
  static func planPart(_ scenario: Scenario, options: PlanningOptions) throws(PlanningError)
    -> PlanningResult
  {
    if options.restrictLargeParts, eligiblePairs(scenario) > options.restrictionThreshold {
      return scenario.schools.count > options.regionalThreshold
        ? try RegionalPlanner.plan(scenario, options: options)
        : try RestrictedPlanner.plan(scenario, options: options)
    }
    let clock = ContinuousClock()
    let began = clock.now
    let coverage = try CoverageModel(scenario: scenario, published: options.published)
    let built = clock.now
    let search = PartSearch(coverage: coverage, rules: Rules(scenario), options: options)
    return try result(of: search, buildTime: built - began, began: began)
  }

  /// Runs `search` and decodes its roster; when a limit stopped GLPK before
  /// any roster, the greedy one stands.
  static func result(of search: PartSearch, buildTime: Duration, began: ContinuousClock.Instant)
    throws(PlanningError) -> PlanningResult
  {
    let coverage = search.coverage
    var solution = try search.run()
    if solution.status == .noSolutionFound {
      solution = GreedyStart(coverage: coverage, rules: search.rules).fallback(for: solution) ?? solution
    }
    switch solution.status {
    case .optimal, .feasible: break
    case .noSolutionFound: throw .noRosterFound
    case .infeasible, .unbounded: throw .unexpectedStatus(solution.status)
    }
    return PlanningResult(
      roster: coverage.roster(from: solution), binaries: coverage.assignments.count,
      variables: coverage.model.variables.count, rows: coverage.model.constraints.count, parts: 1,
      buildTime: buildTime, solveTime: solution.solveTime, wallTime: ContinuousClock.now - began)
  }
}

extension CoverageModel {
  /// The roster a solution describes: taken pairs, short blocks, hours.
  public func roster(from solution: Solution) -> Roster {
    var assigned = [Int](repeating: 0, count: blocks.count)
    var hours = [Double](repeating: 0, count: scenario.officers.count)
    var entries: [(Block, Roster.Assignment)] = []
    for pair in assignments where solution[pair.variable] > 0.5 {
      let block = blocks[pair.block]
      let officer = scenario.officers[pair.officer]
      assigned[pair.block] += 1
      hours[pair.officer] += block.hours
      entries.append(
        (
          block,
          Roster.Assignment(
            officer: officer.id.rawValue, school: block.school.rawValue, day: block.day.code,
            date: scenario.date(of: block.day).description, start: block.interval.start.description,
            end: block.interval.end.description, kind: block.kind, event: block.event?.rawValue)
        ))
    }
    entries.sort { lhs, rhs in
      let (a, b) = (lhs.0, rhs.0)
      if a.day != b.day { return a.day < b.day }
      if a.interval.start != b.interval.start { return a.interval.start < b.interval.start }
      if a.school != b.school { return a.school < b.school }
      if a.interval.end != b.interval.end { return a.interval.end < b.interval.end }
      return lhs.1.officer < rhs.1.officer
    }
    let uncovered = blocks.indices.filter { assigned[$0] < blocks[$0].needed }.map { b in
      let block = blocks[b]
      return Roster.Uncovered(
        school: block.school.rawValue, day: block.day.code,
        date: scenario.date(of: block.day).description, start: block.interval.start.description,
        end: block.interval.end.description, kind: block.kind, event: block.event?.rawValue,
        needed: block.needed, assigned: assigned[b], missing: block.needed - assigned[b])
    }
    let officers = scenario.officers.enumerated().map { o, officer in
      Roster.OfficerHours(
        id: officer.id.rawValue, hours: hours[o],
        overtime: max(0, hours[o] - officer.maxHoursPerWeek))
    }
    // The roster reports the spec's objective; a re-planning run's change
    // penalty is reported apart (``changePenalty(of:)``).
    let penalty = changePenalty(of: solution)
    // When a limit stopped the search, `ot` may exceed the real overtime;
    // the roster's objective counts the real overtime (spec §5).
    let overtimeSlack = officers.indices.reduce(0.0) { sum, o in
      let modelled = solution[overtime[o]] * overtimeStep[o]
      return sum + scenario.policy.weights.overtime * max(0, modelled - officers[o].overtime)
    }
    let objective = roundToMicro((solution.objective ?? 0) - penalty - overtimeSlack)
    // Without a node bound from GLPK, 0 is still a bound: no term is
    // negative. A re-planning bound covers objective + change penalty, so
    // the largest penalty any roster could pay comes off it.
    let bound =
      solution.status == .optimal
      ? objective : roundToMicro(max(0, min(objective, (solution.bound ?? 0) - maximumChangePenalty)))
    return Roster(
      scenario: scenario.name, week: scenario.week.description,
      status: solution.status == .optimal ? .optimal : .feasible, objective: objective,
      bound: bound, assignments: entries.map(\.1), uncovered: uncovered, officers: officers)
  }

  /// The solution `roster` describes: each assignment's pair taken, each
  /// block short by what it misses, overtime in whole steps. An assignment
  /// goes to the first copy of its block (same school, day, times and
  /// event) that has its pair, does not have the officer yet and still
  /// needs someone, a copy where the pair is pinned first. `nil` when some assignment finds no such copy (another
  /// part's, or a block this model does not have).
  func solution(of roster: Roster) -> Solution? {
    var copies: [BlockKey: [Int]] = [:]
    for (b, block) in blocks.enumerated() { copies[BlockKey(block), default: []].append(b) }
    let officerIndex = Dictionary(
      uniqueKeysWithValues: scenario.officers.enumerated().map { ($1.id.rawValue, $0) })
    var variable: [PinCheck.Pair: Variable] = [:]
    for pair in assignments {
      variable[PinCheck.Pair(officer: pair.officer, block: pair.block)] = pair.variable
    }
    var values = [Double](repeating: 0, count: model.variables.count)
    var assigned = [Int](repeating: 0, count: blocks.count)
    var hours = [Double](repeating: 0, count: scenario.officers.count)
    for assignment in roster.assignments {
      guard let o = officerIndex[assignment.officer],
        let (b, x) = copies[BlockKey(assignment)]?.compactMap({ b in
          variable[PinCheck.Pair(officer: o, block: b)].map { (b, $0) }
        }).sorted(by: { model[$0.1].lowerBound > model[$1.1].lowerBound })  // pinned copies first
          .first(where: { b, x in values[x.index] == 0 && assigned[b] < self.blocks[b].needed })
      else { return nil }
      values[x.index] = 1
      assigned[b] += 1
      hours[o] += blocks[b].hours
    }
    for (b, short) in shortages.enumerated() {
      values[short.index] = Double(blocks[b].needed - assigned[b])
    }
    for (o, officer) in scenario.officers.enumerated() {
      let extra = max(0, hours[o] - officer.maxHoursPerWeek) / overtimeStep[o]
      values[overtime[o].index] = model[overtime[o]].kind == .continuous ? extra : (extra - 1e-9).rounded(.up)
    }
    return Solution(
      status: .feasible, objective: model.objective.evaluate { values[$0.index] }, bound: nil,
      values: values, solveTime: .zero)
  }

  /// The change penalty of a roster that drops every published assignment.
  var maximumChangePenalty: Double { changeTerms.reduce(0) { $0 + $1.penalty } }

  /// Σ change weight × hours over the published assignments the solution drops.
  public func changePenalty(of solution: Solution) -> Double {
    changeTerms.reduce(0) { $0 + $1.penalty * (1 - solution[$1.variable]) }
  }
}

/// Rounds to 1e-6, the precision the roster promises (and removes the
/// floating-point dust GLPK leaves, so equal rosters print equal numbers).
func roundToMicro(_ value: Double) -> Double {
  let rounded = (value * 1e6).rounded() / 1e6
  return rounded == 0 ? 0 : rounded
}
