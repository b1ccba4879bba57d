import GLPKSolver
import LinearModel
import SROFormulation
import SRORoster
import SROScenario

/// A feasible roster before any solve (what a search returns when a limit
/// or a stop request ends it empty-handed), built by
/// taking pairs in order of preference (pinned first, then home officers at
/// home, relief officers, officers away from home) whenever the officer can
/// still take the block under every rule of spec §4.
struct GreedyStart {
  let coverage: CoverageModel
  var rules: Rules { coverage.instance.rules }

  /// A value for every model variable, or `nil` if the rules cannot be met
  /// (then no start is offered).
  func values() -> [Double]? {
    let preference = homeFirst
    let scenario = coverage.scenario
    let blocks = coverage.blocks
    var taken = [[Int]](repeating: [], count: scenario.officers.count)
    var assigned = [Int](repeating: 0, count: blocks.count)
    var values = [Double](repeating: 0, count: coverage.model.variables.count)
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
      values[pair.variable.index] = 1
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

  /// The greedy roster (home officers at home first, then relief, then
  /// others) as a feasible solution with no bound of its own, or `nil`
  /// when the pins cannot be met greedily.
  func solution() -> Solution? {
    guard let values = values() else { return nil }
    return Solution(
      status: .feasible, objective: coverage.model.objective.evaluate { values[$0.index] }, bound: nil,
      values: values, solveTime: .zero, startingSolutionAccepted: nil)
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
