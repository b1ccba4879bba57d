import GLPKSolver
import LinearModel

/// Improves a roster a few schools at a time (a large-neighbourhood
/// search): the pairs at a school and its nearest neighbour are searched
/// again with every other pair fixed as the roster has it, the schools
/// where the roster pays most first, until ``patience`` searches in a row
/// bring nothing; then the same with three schools; then the whole weeks
/// of each officer the roster pays for, each time with one officer
/// working near its home (``officerPairs(at:)``). It stops early at a
/// target or a deadline.
///
/// Where GLPK's branch-and-cut finds no roster at all — a 30-school police
/// part with spare officers, whose LP relaxation is 0 and whose rounded LP
/// pays overtime everywhere — each small search takes milliseconds, and a
/// relief officer moved at one school frees hours at the next: on the
/// generated 120-school district's police part the rounded roster's 131
/// falls to 0, the optimum, in about 1.4 s.
struct ReStaffing {
  let coverage: CoverageModel
  let rules: Rules
  /// Options of each small search (its time limit is set here).
  let solverOptions: SolverOptions
  /// Each variable's objective coefficient, by index.
  private let objectiveCoefficient: [Double]
  /// Most branch-and-cut nodes of one small search: a limit that cuts
  /// the search at the same point on any machine (the stage's own budget
  /// and ``searchLimit`` are wall-clock, but rarely reached without a
  /// time limit).
  static let searchNodes = 100
  /// Longest one small search may take (a safeguard; the node limit
  /// usually stops it first).
  var searchLimit = Duration.seconds(1)
  /// Searches in a row without improvement after which the search stops.
  static let patience = 8
  /// The numbers of schools searched together, in turn.
  static let sizes = [2, 3]
  /// The partners each costly officer is searched with.
  static let partners = 3

  init(coverage: CoverageModel, rules: Rules, solverOptions: SolverOptions) {
    self.coverage = coverage
    self.rules = rules
    self.solverOptions = solverOptions
    var coefficient = [Double](repeating: 0, count: coverage.model.variables.count)
    for term in coverage.model.objective.terms { coefficient[term.variable.index] += term.coefficient }
    objectiveCoefficient = coefficient
  }

  /// What `roster` pays for `variable` in the objective.
  private func paid(_ variable: Variable, in roster: Solution) -> Double {
    objectiveCoefficient[variable.index] * roster.values[variable.index]
  }

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

  /// The pairs one search may change (besides every shortage and
  /// overtime variable).
  enum Neighbourhood: Hashable {
    /// Every pair at these schools.
    case schools(Set<SchoolID>)
    /// Every pair of these officers (by index).
    case officers(Set<Int>)
  }

  /// A roster at least as good as `start` (a solution of `coverage.model`),
  /// found before `deadline`; stops early once the objective is at most
  /// `target`. Searches nearby schools two, then three at a time, then the
  /// weeks of each officer who costs something together with a partner.
  func improve(_ start: Solution, target: Double, deadline: ContinuousClock.Instant) throws(SolverError)
    -> Solution
  {
    let clock = ContinuousClock()
    var best = start
    /// Searches `neighbourhoods` in turn, round and round, until
    /// ``patience`` searches in a row bring nothing.
    func descend(_ neighbourhoods: [Neighbourhood]) throws(SolverError) {
      let patience = min(neighbourhoods.count, Self.patience)
      var sinceImprovement = 0
      var next = 0
      while sinceImprovement < patience, clock.now < deadline,
        let objective = best.objective, objective > target
      {
        let neighbourhood = neighbourhoods[next]
        next = (next + 1) % neighbourhoods.count
        sinceImprovement += 1
        let free = coverage.assignments.filter {
          switch neighbourhood {
          case .schools(let schools): schools.contains(coverage.blocks[$0.block].school)
          case .officers(let officers): officers.contains($0.officer)
          }
        }
        let limit = max(.milliseconds(1), min(searchLimit, deadline - clock.now))
        guard let found = try search(best, freeing: free, target: target, limit: limit),
          let value = found.objective, value < objective - 1e-9
        else { continue }
        best = found
        sinceImprovement = 0
      }
    }
    // The first size always runs (on two schools or fewer it searches the
    // whole model, node-limited); larger ones only while they are a part.
    for size in Self.sizes where size == Self.sizes[0] || size < coverage.scenario.schools.count {
      try descend(costliestFirst(neighbourhoods(ofSize: size), at: best).map { .schools($0) })
    }
    try descend(officerPairs(at: best).map { .officers($0) })
    return best
  }

  /// Each officer `roster` pays for (away from home or agency, overtime),
  /// costliest first, with each of the ``partners`` officers working
  /// nearest to its home (or to where it works, without one); an officer
  /// with no work in the roster counts as nearest.
  func officerPairs(at roster: Solution) -> [Set<Int>] {
    let officers = coverage.scenario.officers.indices
    var cost = officers.map { paid(coverage.overtime[$0], in: roster) }
    /// Per officer, hours worked at each school (by index).
    var hoursAt = officers.map { _ in [Int: Double]() }
    for pair in coverage.assignments where roster.values[pair.variable.index] > 0.5 {
      cost[pair.officer] += objectiveCoefficient[pair.variable.index]
      let block = coverage.blocks[pair.block]
      if let school = rules.schoolIndex[block.school] {
        hoursAt[pair.officer][school, default: 0] += block.hours
      }
    }
    let place = hoursAt.map { hours in hours.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key }
    /// Travel from where `a` belongs (its home, else where it works most)
    /// to where `b` works most.
    func distance(_ a: Int, _ b: Int) -> Int {
      let home = coverage.scenario.officers[a].home.flatMap { rules.schoolIndex[$0] }
      guard let p = home ?? place[a], let q = place[b] else { return 0 }
      return rules.travelMinutes(from: p, to: q)
    }
    var pairs: [Set<Int>] = []
    for o in officers.filter({ cost[$0] > 1e-9 }).sorted(by: { (-cost[$0], $0) < (-cost[$1], $1) }) {
      let partners = officers.filter { $0 != o }.sorted { (distance(o, $0), $0) < (distance(o, $1), $1) }
      for partner in partners.prefix(Self.partners) where !pairs.contains([o, partner]) {
        pairs.append([o, partner])
      }
    }
    return pairs
  }

  /// `neighbourhoods` in order of what `roster` pays at their schools:
  /// short blocks, assignments away from home or agency, and, for every
  /// block an officer works there, that officer's overtime cost (scenario
  /// order among equals).
  func costliestFirst(_ neighbourhoods: [Set<SchoolID>], at roster: Solution) -> [Set<SchoolID>] {
    var cost: [SchoolID: Double] = [:]
    for (b, short) in coverage.shortages.enumerated() {
      cost[coverage.blocks[b].school, default: 0] += paid(short, in: roster)
    }
    for pair in coverage.assignments where roster.values[pair.variable.index] > 0.5 {
      cost[coverage.blocks[pair.block].school, default: 0] +=
        paid(pair.variable, in: roster) + paid(coverage.overtime[pair.officer], in: roster)
    }
    let costs = neighbourhoods.map { $0.reduce(0) { $0 + (cost[$1] ?? 0) } }
    return neighbourhoods.indices.sorted { (-costs[$0], $0) < (-costs[$1], $1) }.map { neighbourhoods[$0] }
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
    options.nodeLimit = Self.searchNodes
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
