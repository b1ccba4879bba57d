import GLPKSolver
import LinearModel
import SROFormulation
import SRORoster
import SROScenario

/// Improves a roster a few schools at a time (a large-neighbourhood
/// search): the pairs at a school and its nearest neighbour are searched
/// again with every other pair fixed as the roster has it, the schools
/// where the roster pays most first, until ``patience`` searches in a row
/// bring nothing; then the same with three schools; then the whole weeks
/// of the officers who could take each block left short
/// (``shortBlockPartners(at:taking:)``); then those of each officer the
/// roster pays for, each time with one officer working near its home or
/// one of those who could take its blocks working the fewest hours
/// (``officerGroups(at:groupSize:)``). A ``persistent`` search takes
/// these kinds in turn rather than one after another, and repeats
/// such rounds, going on with larger neighbourhoods once the small ones
/// bring nothing. It stops early at a target or a deadline.
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
  /// Where each better roster's objective is reported as it is found, so
  /// that the live progress line follows a long re-staffing; `nil` for
  /// nowhere.
  var progress: PartProgress?
  /// Called with each better roster's objective as it is found (beside a
  /// branch-and-cut, it lowers the bound at which that search ends:
  /// ``GLPKSolver/BoundGoal``); `nil` for nothing.
  var onBetterRoster: (@Sendable (Double) -> Void)?
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
  /// Searches in a row without improvement after which a kind of
  /// neighbourhood gives way to the next (leaves the turns, when
  /// persistent).
  static let patience = 8
  /// Whether rounds repeat: from the smallest neighbourhoods again after a
  /// round that improves the roster, else one level up — twice the
  /// schools and officers searched together — where the smaller ones are
  /// at a local optimum, up to ``largest`` schools. For a search with a
  /// time limit that has the time: the last stage of a search, when
  /// nothing comes after it, a re-staffing beside another job, and stage
  /// 3c where the bound looks weak (``ReStaffingStage/Length``); otherwise
  /// the search is one round.
  ///
  /// A persistent round takes its kinds of neighbourhood in turn, the
  /// kind whose searches have taken least time so far next: a greedy
  /// roster, where persistent searches start, leaves blocks short that
  /// only moving whole officer weeks covers, and the school searches,
  /// going first, took most of a short limit before those came. Which
  /// search comes next then depends on how long each took, as the
  /// deadline already makes the outcome depend on the machine. A single
  /// round (after the LP's rounding, close to the LP) keeps the order
  /// above, the schools first.
  var persistent = false
  /// The best roster of other re-staffings of the part running at the
  /// same time, taken up before each search and offered each better
  /// roster; `nil` for a re-staffing alone.
  var shared: SharedRoster?
  /// The neighbourhoods searched to the end so far, by this search or by
  /// others of the part that share the memory (``PartSearch`` gives its
  /// re-staffings one), so that a search that would repeat itself is
  /// skipped.
  var settled = SettledSearches()
  /// Whether each list of neighbourhoods is taken from its middle, so
  /// that a second re-staffing beside a first (``shared``) searches other
  /// neighbourhoods first.
  var startsHalfway = false
  /// Most schools one search takes together when persistent: a region's
  /// size, which a search settles in well under a second.
  static let largest = RegionalPlanner.regionSchools
  /// The numbers of schools searched together at the first level, in
  /// turn; each level above doubles the last.
  static let sizes = [2, 3]
  /// The officers searched with each short block, and the partners of
  /// each costly officer from each list (``officerGroups(at:groupSize:)``),
  /// at the first level; each level above doubles them.
  static let partners = 3
  /// Every officer eligible for each block (who has a pair for it), by
  /// block.
  private let eligible: [[Int]]
  /// GLPK's cut families in each small search; `nil` for those of
  /// ``solverOptions`` (every family, as the planner sets them).
  var cuts: Set<CutFamily>?
  /// The cuts of a re-staffing that has no LP relaxation to start from
  /// (``PartSearch/quickReStaffing``): clique and cover cuts only, not
  /// Gomory's or mixed-integer rounding cuts. Its roster starts far from
  /// the optimum (the greedy one), where more, quicker searches bring more
  /// than a better end to each; near the optimum the stronger cuts find
  /// what quick searches miss, so only these re-staffings search quickly
  /// (benchmarks/RESULTS.md, "Quick searches where the LP did not finish").
  static let quickCuts: Set<CutFamily> = [.clique, .cover]

  init(coverage: CoverageModel, solverOptions: SolverOptions) {
    self.coverage = coverage
    self.rules = coverage.instance.rules
    self.solverOptions = solverOptions
    var coefficient = [Double](repeating: 0, count: coverage.model.variables.count)
    for term in coverage.model.objective.terms { coefficient[term.variable.index] += term.coefficient }
    objectiveCoefficient = coefficient
    var eligible = coverage.blocks.map { _ in [Int]() }
    for pair in coverage.assignments { eligible[pair.block].append(pair.officer) }
    self.eligible = eligible
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

  /// Whether `deadline` is still ahead and no stop was requested.
  private func inTime(_ deadline: ContinuousClock.Instant) -> Bool {
    ContinuousClock.now < deadline && !(solverOptions.stop?.isRaised ?? false)
  }

  /// A roster at least as good as `start` (a solution of `coverage.model`),
  /// found before `deadline`; stops early once the objective is at most
  /// `target`. A round searches nearby schools two, then three at a time,
  /// then the weeks of the officers who could take each short block, then
  /// of each officer who costs something together with a partner; when
  /// ``persistent``, it takes these kinds in turn, and rounds repeat (see
  /// there). A neighbourhood already searched to its end (``settled``) is
  /// searched again only once the roster has changed outside it.
  func improve(_ start: Solution, target: Double, deadline: ContinuousClock.Instant) throws(SolverError)
    -> Solution
  {
    let clock = ContinuousClock()
    var best = start
    /// The best roster's objective, once the shared roster is taken up if better.
    func adoptShared() -> Double? {
      if let objective = best.objective, let theirs = shared?.better(than: objective) { best = theirs }
      return best.objective
    }
    /// Searches the neighbourhoods of each kind in `kinds`, each kind round
    /// and round its own, the kind whose searches have taken least time so
    /// far next, until each has had ``patience`` searches in a row (or
    /// each of its neighbourhoods once, if fewer) bring nothing, skipping
    /// searches that would repeat themselves (``SettledSearches``).
    func descend(_ kinds: [[Neighbourhood]]) throws(SolverError) {
      var turns = NeighbourhoodTurns(kinds.map(halfway), patience: Self.patience)
      while inTime(deadline), let objective = adoptShared(), objective > target,
        let (kind, neighbourhood) = turns.next()
      {
        let isFree = freeVariables(in: neighbourhood)
        let outside = fingerprint(of: best, outside: isFree)
        // A repeat counts as the search it repeats, one that brought
        // nothing in the time that took, so that the kinds keep their
        // turns (counted as taking no time, the kind would keep the turn
        // and leave the round early).
        if let took = settled.repeated(neighbourhood, outside: outside) {
          turns.record(kind, took: took, improved: false)
          continue
        }
        let began = clock.now
        let limit = max(.milliseconds(1), min(searchLimit, deadline - began))
        let (found, timeLimitReached) = try search(best, freeing: isFree, target: target, limit: limit)
        let took = clock.now - began
        let improved = found?.objective.map { $0 < objective - 1e-9 } ?? false
        turns.record(kind, took: took, improved: improved)
        settled.record(
          neighbourhood, outside: outside, took: took, timeLimitReached: timeLimitReached,
          stopped: solverOptions.stop?.isRaised ?? false)
        if improved, let found {
          best = found
          shared?.offer(found)
          progress?.report(objective: found.objective, bound: nil)
          if let objective = found.objective { onBetterRoster?(objective) }
        }
      }
    }
    // Level 0 searches the smallest neighbourhoods; each level above
    // doubles the schools and officers searched together.
    let schoolCount = coverage.scenario.schools.count
    let baseSize = Self.sizes.last!
    var neighbourhoodsOfSize: [Int: [Set<SchoolID>]] = [:]
    var level = 0
    while inTime(deadline), let objective = best.objective, objective > target {
      let scale = 1 << level
      // The first size always runs (on two schools or fewer it searches
      // the whole model, node-limited); larger ones only while they are a
      // part.
      let sizes =
        level == 0
        ? Self.sizes.filter { $0 == Self.sizes[0] || $0 < schoolCount }
        : [baseSize * scale].filter { $0 < schoolCount }
      // Each kind's neighbourhoods, listed from the best roster of the
      // moment: one kind after another, as each starts, or all at once
      // for a persistent round.
      var kinds: [() -> [Neighbourhood]] = sizes.map { size in
        {
          let schools = neighbourhoodsOfSize[size] ?? neighbourhoods(ofSize: size)
          neighbourhoodsOfSize[size] = schools
          return costliestFirst(schools, at: best).map { .schools($0) }
        }
      }
      kinds.append { shortBlockPartners(at: best, taking: Self.partners * scale).map { .officers($0) } }
      kinds.append { officerGroups(at: best, groupSize: scale).map { .officers($0) } }
      if persistent {
        try descend(kinds.map { $0() })
      } else {
        for kind in kinds { try descend([kind()]) }
      }
      // One round, unless persistent: then again from level 0 after a
      // round that improves the roster, else one level up while larger
      // neighbourhoods are left.
      guard persistent else { break }
      if let after = best.objective, after < objective - 1e-9 {
        level = 0
      } else if baseSize * scale * 2 <= Self.largest {
        level += 1
      } else {
        break
      }
    }
    _ = adoptShared()
    return best
  }

  /// `neighbourhoods` from the middle (``fromTheMiddle(_:)``) when
  /// ``startsHalfway``, else as they are.
  private func halfway(_ neighbourhoods: [Neighbourhood]) -> [Neighbourhood] {
    startsHalfway ? Self.fromTheMiddle(neighbourhoods) : neighbourhoods
  }

  /// `list` from its middle element (the later one of two) to its end,
  /// then from its start.
  static func fromTheMiddle<Element>(_ list: [Element]) -> [Element] {
    let middle = list.count / 2
    return Array(list[middle...] + list[..<middle])
  }

  /// What a roster has each officer do.
  private struct Workload {
    /// Hours worked, by officer, then weekday.
    let dayHours: [[Double]]
    /// Hours worked, by officer.
    let weekHours: [Double]
    /// Hours worked, by officer, then school (by index).
    let schoolHours: [[Int: Double]]
    /// The blocks each officer works.
    let worked: [[Int]]
  }

  /// The hours and blocks `roster` gives each officer.
  private func workload(of roster: Solution) -> Workload {
    let officers = coverage.scenario.officers.indices
    var dayHours = officers.map { _ in [Double](repeating: 0, count: Weekday.allCases.count) }
    var schoolHours = officers.map { _ in [Int: Double]() }
    var worked = officers.map { _ in [Int]() }
    for pair in coverage.assignments where roster.values[pair.variable.index] > 0.5 {
      let block = coverage.blocks[pair.block]
      worked[pair.officer].append(pair.block)
      dayHours[pair.officer][block.day.rawValue] += block.hours
      if let school = rules.schoolIndex[block.school] {
        schoolHours[pair.officer][school, default: 0] += block.hours
      }
    }
    return Workload(
      dayHours: dayHours, weekHours: dayHours.map { $0.reduce(0, +) }, schoolHours: schoolHours,
      worked: worked)
  }

  /// For each block `roster` leaves short, the costliest first, the
  /// `count` officers eligible for it who work the fewest hours that day
  /// (then in the week; scenario order among equals): searching their
  /// weeks together lets one of them take the block. An idle relief
  /// officer far from the block is found this way, where the nearby
  /// schools' officers are all busy.
  func shortBlockPartners(at roster: Solution, taking count: Int) -> [Set<Int>] {
    let cost = coverage.shortages.map { paid($0, in: roster) }
    let short = cost.indices.filter { cost[$0] > 1e-9 }.sorted { (-cost[$0], $0) < (-cost[$1], $1) }
    guard !short.isEmpty else { return [] }
    let load = workload(of: roster)
    var seen = Set<Set<Int>>()
    return short.compactMap { b in
      let day = coverage.blocks[b].day.rawValue
      let least = eligible[b].sorted {
        (load.dayHours[$0][day], load.weekHours[$0], $0) < (load.dayHours[$1][day], load.weekHours[$1], $1)
      }
      let set = Set(least.prefix(count))
      return !set.isEmpty && seen.insert(set).inserted ? set : nil
    }
  }

  /// Each officer `roster` pays for (away from home or agency, overtime),
  /// costliest first, with `groupSize` partners at a time: of the
  /// ``partners`` × `groupSize` officers working nearest to its home (or
  /// to where it works, without one; an officer with no work in the
  /// roster counts as nearest), then of as many officers eligible for one
  /// of its blocks, those working the fewest hours in the week first
  /// (nearest first among equals). Each group once, in that order.
  func officerGroups(at roster: Solution, groupSize: Int) -> [Set<Int>] {
    let officers = coverage.scenario.officers.indices
    let load = workload(of: roster)
    var cost = officers.map { paid(coverage.overtime[$0], in: roster) }
    for pair in coverage.assignments { cost[pair.officer] += paid(pair.variable, in: roster) }
    let place = load.schoolHours.map { hours in hours.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key }
    /// Travel from where `a` belongs (its home, else where it works most)
    /// to where `b` works most.
    func distance(_ a: Int, _ b: Int) -> Int {
      let home = coverage.scenario.officers[a].home.flatMap { rules.schoolIndex[$0] }
      guard let p = home ?? place[a], let q = place[b] else { return 0 }
      return rules.travelMinutes(from: p, to: q)
    }
    let count = Self.partners * groupSize
    var seen = Set<Set<Int>>()
    var groups: [Set<Int>] = []
    for o in officers.filter({ cost[$0] > 1e-9 }).sorted(by: { (-cost[$0], $0) < (-cost[$1], $1) }) {
      let away = officers.map { distance(o, $0) }
      let nearest = officers.filter { $0 != o }.sorted { (away[$0], $0) < (away[$1], $1) }
      let relievers = Set(load.worked[o].flatMap { eligible[$0] }).subtracting([o]).sorted {
        (load.weekHours[$0], away[$0], $0) < (load.weekHours[$1], away[$1], $1)
      }
      for candidates in [Array(nearest.prefix(count)), Array(relievers.prefix(count))] {
        for start in stride(from: 0, to: candidates.count, by: groupSize) {
          let group = Set(candidates[start..<min(start + groupSize, candidates.count)]).union([o])
          if seen.insert(group).inserted { groups.append(group) }
        }
      }
    }
    return groups
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

  /// Whether each variable (by index) is left to choose when
  /// `neighbourhood` is searched: its pairs, and every shortage and
  /// overtime variable.
  func freeVariables(in neighbourhood: Neighbourhood) -> [Bool] {
    var isFree = [Bool](repeating: true, count: coverage.model.variables.count)
    for pair in coverage.assignments {
      switch neighbourhood {
      case .schools(let schools):
        isFree[pair.variable.index] = schools.contains(coverage.blocks[pair.block].school)
      case .officers(let officers): isFree[pair.variable.index] = officers.contains(pair.officer)
      }
    }
    return isFree
  }

  /// A hash of the pairs `roster` takes among those not free in `isFree`:
  /// equal for two rosters that fix a search's pairs alike (a collision,
  /// one in 2⁶⁴, would skip a search that might have found more).
  func fingerprint(of roster: Solution, outside isFree: [Bool]) -> Int {
    var hasher = Hasher()
    for pair in coverage.assignments
    where !isFree[pair.variable.index] && roster.values[pair.variable.index] > 0.5 {
      hasher.combine(pair.variable.index)
    }
    return hasher.finalize()
  }

  /// The best roster GLPK finds with only the variables `isFree` marks
  /// left to choose, or `nil`; and whether the time limit cut the search
  /// short.
  private func search(_ roster: Solution, freeing isFree: [Bool], target: Double, limit: Duration)
    throws(SolverError) -> (roster: Solution?, timeLimitReached: Bool)
  {
    let model = coverage.model
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
    if let cuts { options.cuts = cuts }
    options.stopAtObjective = target
    let found = try GLPK.solve(fixed.model, options: options)
    guard found.status == .optimal || found.status == .feasible, let objective = found.objective else {
      return (nil, found.timeLimitReached)
    }
    let roster = Solution(
      status: .feasible, objective: objective, bound: nil, values: fixed.lift(found.values),
      solveTime: found.solveTime)
    return (roster, found.timeLimitReached)
  }
}
