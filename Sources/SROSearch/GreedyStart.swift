import GLPKSolver
import LinearModel
import SROFormulation
import SRORoster
import SROScenario

/// A feasible roster before any solve (what a search returns when a limit
/// or a stop request ends it empty-handed, and where re-staffing starts
/// when there is no other), built by taking pairs in order of preference
/// (pinned first, then home officers at home, relief officers, officers
/// away from home) whenever the officer can still take the block under
/// every rule of spec §4; then interchangeable officers swap weeks so that
/// the longer come first, as the model's `symmetry` rows rank them (a
/// roster that breaks one of those rows is not a solution of the model:
/// GLPK refuses it as a start, and a search that keeps the row with some
/// of its pairs free may find nothing).
struct GreedyStart {
  let coverage: CoverageModel
  var rules: Rules { coverage.instance.rules }

  /// The greedy roster as the search starts from it, or `nil` when a
  /// pinned pair cannot be taken greedily: one greedy pass, with the values
  /// before the twins were ranked kept for the LP.
  func start() -> GreedyRoster? {
    guard var taken = takenWeeks() else { return nil }
    let lpStart = values(of: taken)
    rankTwins(&taken)
    let values = values(of: taken)
    return GreedyRoster(
      solution: Solution(
        status: .feasible, objective: coverage.model.objective.evaluate { values[$0.index] }, bound: nil,
        values: values, solveTime: .zero, startingSolutionAccepted: nil),
      lpStart: lpStart)
  }

  /// Each officer's blocks, taken in order of preference, or `nil` when a
  /// pinned pair cannot be taken.
  private func takenWeeks() -> [[Int]]? {
    let preference = homeFirst
    let blocks = coverage.blocks
    var taken = [[Int]](repeating: [], count: coverage.scenario.officers.count)
    var assigned = [Int](repeating: 0, count: blocks.count)
    let order = coverage.assignments.indices.sorted {
      let (a, b) = (coverage.assignments[$0], coverage.assignments[$1])
      let (pa, pb) = (
        coverage.model[a.variable].lowerBound, coverage.model[b.variable].lowerBound
      )
      if pa != pb { return pa > pb }
      let (va, vb) = (preference[a.variable.index], preference[b.variable.index])
      return va != vb ? va > vb : $0 < $1
    }
    for index in order {
      let pair = coverage.assignments[index]
      let isPinned = coverage.model[pair.variable].lowerBound > 0
      guard assigned[pair.block] < blocks[pair.block].needed,
        canTake(pair.block, officer: pair.officer, taken: taken[pair.officer])
      else {
        if isPinned { return nil }
        continue
      }
      taken[pair.officer].append(pair.block)
      assigned[pair.block] += 1
    }
    return taken
  }

  /// A value for every model variable when each officer holds `taken`:
  /// the pairs, the shortfall of each block and each officer's overtime.
  private func values(of taken: [[Int]]) -> [Double] {
    let blocks = coverage.blocks
    var values = [Double](repeating: 0, count: coverage.model.variables.count)
    var assigned = [Int](repeating: 0, count: blocks.count)
    for pair in coverage.assignments where taken[pair.officer].contains(pair.block) {
      values[pair.variable.index] = 1
      assigned[pair.block] += 1
    }
    for (b, short) in coverage.shortages.enumerated() {
      values[short.index] = Double(blocks[b].needed - assigned[b])
    }
    for (o, ot) in coverage.overtime.enumerated() {
      values[ot.index] = coverage.overtimeValue(
        officer: o, hours: taken[o].reduce(0.0) { $0 + blocks[$1].hours })
    }
    return values
  }

  /// Gives each group of interchangeable officers (``CoverageModel/twins``)
  /// its weeks longest first, in the group's order. Twins have the same
  /// blocks, rules and costs, so a week one may take another may too, at
  /// the same cost (a group where that does not hold is left as it is).
  private func rankTwins(_ taken: inout [[Int]]) {
    let blocks = coverage.blocks
    func hours(_ week: [Int]) -> Double { week.reduce(0.0) { $0 + blocks[$1].hours } }
    let inGroup = Set(coverage.twins.joined())
    var eligible: [Int: Set<Int>] = [:]
    for pair in coverage.assignments where inGroup.contains(pair.officer) {
      eligible[pair.officer, default: []].insert(pair.block)
    }
    for group in coverage.twins {
      let weeks = group.map { taken[$0] }
      guard
        group.allSatisfy({ officer in weeks.allSatisfy { eligible[officer, default: []].isSuperset(of: $0) } }
        )
      else { continue }
      for (officer, week) in zip(group, weeks.sorted { hours($0) > hours($1) }) { taken[officer] = week }
    }
  }

  /// A preference for the cheapest pairs per hour (so an officer of the
  /// block's own agency before one of the other, under `penalize`), and
  /// among equally cheap ones home officers at home, then relief
  /// officers, then officers away from home.
  private var homeFirst: [Double] {
    var preference = [Double](repeating: 0, count: coverage.model.variables.count)
    for pair in coverage.assignments {
      let home = coverage.scenario.officers[pair.officer].home
      let place: Double = home == coverage.blocks[pair.block].school ? 1 : (home == nil ? 0.5 : 0)
      let cost = coverage.instance.pairCostPerHour(officer: pair.officer, block: pair.block)
      preference[pair.variable.index] = place - 2 * cost
    }
    return preference
  }

  /// Whether officer `o`, holding `taken`, can also take block `b` under
  /// every rule of spec §4 (``Rules/conflict(_:_:)``, the day's hours, the
  /// week's hours with the overtime the model allows).
  private func canTake(_ b: Int, officer o: Int, taken: [Int]) -> Bool {
    let blocks = coverage.blocks
    let block = blocks[b]
    let officer = coverage.scenario.officers[o]
    var day = block.hours
    var week = block.hours
    for t in taken {
      let other = blocks[t]
      week += other.hours
      if other.day == block.day { day += other.hours }
      if rules.conflict(other, block) != nil { return false }
    }
    return rules.withinDay(day) && rules.withinWeek(week, of: officer)
  }
}

/// The greedy roster as the search uses it (``GreedyStart/start()``).
struct GreedyRoster {
  /// The roster, the twins' weeks ranked: a solution of the model, and the
  /// search's fallback (``SearchState/fallback``).
  let solution: Solution
  /// Its values before the twins were ranked: where the LP relaxation
  /// starts (``RelaxationStage``; ranked, the LP's optimal vertex moved on
  /// variety week w40 and its quick proof was lost).
  let lpStart: [Double]
}
