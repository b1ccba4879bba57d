import GLPKSolver
import LinearModel
import SROFormulation
import SRORoster
import SROScenario

/// The best week of one officer under given block prices: a longest path
/// over the officer's blocks in time order with the day-hours, rest and
/// weekly-hours resources of spec §4 (the pricing problem of
/// ``PatternBound``).
///
/// A week's value is `Σ (price(b) − cost(o, b)) − overtime cost` over its
/// blocks, where `cost(o, b)` is the pair's objective coefficient (away
/// from home, cross-agency). Within a day, blocks are chained in start
/// order and each link is checked for overlap and travel; that is exact
/// whenever travel times obey the triangle inequality (true for
/// great-circle times rounded up) and a relaxation otherwise (schools
/// without a location travel in no time), which keeps bounds valid.
struct WeekPricing {
  /// One eligible block of an officer, in the pricing's units.
  struct Option {
    let block: Int
    let start: Int
    let end: Int
    /// Length in the officer's time units.
    let units: Int
    /// Its school's position in the scenario (see ``Rules/schoolIndex``).
    let school: Int?
    /// The pair's objective coefficient.
    let cost: Double
  }

  /// What one officer's weeks are made of.
  struct OfficerWeek {
    /// Eligible blocks by day (`Weekday.rawValue`), sorted by start, then end.
    let days: [[Option]]
    /// Minutes per unit: the gcd of the block lengths (and of the weekly cap when whole).
    let unit: Int
    let dayLimit: Int
    let weekLimit: Int
  }

  /// A week found by pricing.
  struct Week {
    /// `Σ price − cost` over its blocks, less its overtime cost.
    let value: Double
    /// Its objective cost: pair costs plus overtime.
    let cost: Double
    let blocks: [Int]
  }

  let officers: [OfficerWeek]
  private let rules: Rules
  private let weights: Weights

  /// Largest number of time units a week may span; finer clocks are not priced.
  static let maximumWeekUnits = 1_000

  /// Prepares pricing for `scenario`'s officers over `blocks`, or `nil` when
  /// some officer's clock is too fine to price (odd minutes and long weeks).
  init?(instance: Instance) {
    let scenario = instance.scenario
    let blocks = instance.blocks
    rules = instance.rules
    weights = scenario.policy.weights
    var officers: [OfficerWeek] = []
    for (o, officer) in scenario.officers.enumerated() {
      let eligible = instance.eligible[o]
      func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
      var unit = eligible.reduce(0) { gcd($0, instance.ends[$1] - instance.starts[$1]) }
      if unit == 0 { unit = 60 }
      let weekMinutes = rules.weekCap(officer) * 60
      let weekLimit = Int((weekMinutes / Double(unit) + 1e-9).rounded(.down))
      guard weekLimit <= Self.maximumWeekUnits else { return nil }
      let dayLimit = Int((scenario.policy.maxHoursPerDay * 60 / Double(unit) + 1e-9).rounded(.down))
      var days = [[Option]](repeating: [], count: Weekday.allCases.count)
      for b in eligible {
        days[blocks[b].day.rawValue].append(
          Option(
            block: b, start: instance.starts[b], end: instance.ends[b],
            units: (instance.ends[b] - instance.starts[b]) / unit, school: instance.schoolOf[b],
            cost: instance.pairCost(officer: o, block: b)))
      }
      for d in days.indices { days[d].sort { ($0.start, $0.end) < ($1.start, $1.end) } }
      officers.append(
        OfficerWeek(
          days: days, unit: unit, dayLimit: dayLimit, weekLimit: weekLimit))
    }
    self.officers = officers
  }

  /// The overtime cost of a week of `units` units for officer `o`.
  func overtimeCost(officer o: Int, units: Int) -> Double {
    let hours = Double(units * officers[o].unit) / 60
    return weights.overtimeCost(hours: rules.overtime(hours, of: rules.scenario.officers[o]))
  }

  /// The most valuable week of officer `o` when block `b` pays `prices[b]`
  /// (the empty week, value 0, when nothing pays).
  func bestWeek(officer o: Int, prices: [Double]) -> Week {
    let week = officers[o]
    let days = week.days.map { options in options.filter { prices[$0.block] - $0.cost > 1e-9 } }
    guard days.contains(where: { !$0.isEmpty }) else { return Week(value: 0, cost: 0, blocks: []) }
    // State after each day: (earliest start allowed tomorrow, units used) → value.
    var states: [Int: [Double]] = [0: [0] + [Double](repeating: -.infinity, count: week.weekLimit)]
    var trail: [[Int: [Step]]] = []
    var tables: [[Int: DayTable]] = []
    for (d, options) in days.enumerated() {
      let hasTomorrow = d + 1 < days.count
      let tomorrowFirst = hasTomorrow ? (days[d + 1].map(\.start).min() ?? Int.max) : Int.max
      var next: [Int: [Double]] = [:]
      var steps: [Int: [Step]] = [:]
      var dayTables: [Int: DayTable] = [:]
      for (threshold, values) in states {
        let table = dayTable(options, earliestStart: threshold, prices: prices, limit: week.dayLimit)
        dayTables[threshold] = table
        // The best ending per (tomorrow's threshold, units); the empty day first.
        var endings: [Int: [(value: Double, last: Int)]] = [0: [(0, -1)]]
        for ending in table.endings {
          let carry = hasTomorrow ? carryThreshold(after: ending.end, tomorrowFirst: tomorrowFirst) : 0
          var list = endings[carry] ?? []
          if list.count <= ending.units {
            list += [(value: Double, last: Int)](
              repeating: (-.infinity, -1), count: ending.units + 1 - list.count)
          }
          if ending.value > list[ending.units].value { list[ending.units] = (ending.value, ending.last) }
          endings[carry] = list
        }
        for (carry, list) in endings {
          var target = next[carry] ?? [Double](repeating: -.infinity, count: week.weekLimit + 1)
          var targetSteps =
            steps[carry]
            ?? [Step](repeating: Step(threshold: 0, units: 0, last: -1), count: week.weekLimit + 1)
          for (dayUnits, ending) in list.enumerated() where ending.value > -.infinity {
            for used in values.indices where values[used] > -.infinity {
              let total = used + dayUnits
              guard total <= week.weekLimit else { break }
              let value = values[used] + ending.value
              if value > target[total] {
                target[total] = value
                targetSteps[total] = Step(threshold: threshold, units: used, last: ending.last)
              }
            }
          }
          next[carry] = target
          steps[carry] = targetSteps
        }
      }
      states = next
      trail.append(steps)
      tables.append(dayTables)
    }
    // Best final state, overtime charged.
    var best = (value: 0.0, threshold: 0, units: 0)
    for (threshold, values) in states {
      for (units, value) in values.enumerated() where value > -.infinity {
        let net = value - overtimeCost(officer: o, units: units)
        if net > best.value + 1e-12 { best = (net, threshold, units) }
      }
    }
    guard best.value > 1e-9 else { return Week(value: 0, cost: 0, blocks: []) }
    // Walk back day by day.
    var chosen: [Option] = []
    var (threshold, units) = (best.threshold, best.units)
    for d in days.indices.reversed() {
      let step = trail[d][threshold]![units]
      if step.last >= 0 {
        let table = tables[d][step.threshold]!
        chosen += table.chain(endingAt: step.last, units: units - step.units).map { days[d][$0] }
      }
      (threshold, units) = (step.threshold, step.units)
    }
    let cost = chosen.reduce(0.0) { $0 + $1.cost } + overtimeCost(officer: o, units: best.units)
    return Week(value: best.value, cost: cost, blocks: chosen.map(\.block).sorted())
  }

  /// How the week's best value at some state was reached.
  private struct Step {
    /// The threshold state of the day before.
    let threshold: Int
    /// Units used before this day.
    let units: Int
    /// The day's last option (index into the day), or -1 for an empty day.
    let last: Int
  }

  /// The earliest start allowed tomorrow after a day ending at `end`;
  /// 0 when that rules nothing out.
  private func carryThreshold(after end: Int, tomorrowFirst: Int) -> Int {
    let earliest = rules.earliestStartAfterRest(lateEnd: end)
    return earliest > tomorrowFirst ? earliest : 0
  }

  /// Longest chains of one day's options: for each option as the last of
  /// the day and each number of units, the best value (and its chain).
  private struct DayTable {
    let options: [Option]
    /// best[j][u]: the best chain ending with option j using u units.
    let best: [[Double]]
    /// parent[j][u]: the option before j in that chain, or -1.
    let parent: [[Int]]
    /// Every (last option, units) with a chain, and its value and end.
    var endings: [(last: Int, units: Int, value: Double, end: Int)] {
      var list: [(last: Int, units: Int, value: Double, end: Int)] = []
      for j in best.indices {
        for (u, value) in best[j].enumerated() where value > -.infinity {
          list.append((j, u, value, options[j].end))
        }
      }
      return list
    }

    /// The chain (option indices, in time order) ending at `last` with `units` units.
    func chain(endingAt last: Int, units: Int) -> [Int] {
      var chain: [Int] = []
      var (j, u) = (last, units)
      while j >= 0 {
        chain.append(j)
        let previous = parent[j][u]
        u -= options[j].units
        j = previous
      }
      return chain.reversed()
    }
  }

  private func dayTable(_ options: [Option], earliestStart: Int, prices: [Double], limit: Int) -> DayTable {
    var best = [[Double]](
      repeating: [Double](repeating: -.infinity, count: limit + 1), count: options.count)
    var parent = [[Int]](repeating: [Int](repeating: -1, count: limit + 1), count: options.count)
    for (j, option) in options.enumerated() where option.units <= limit {
      let value = prices[option.block] - option.cost
      if option.start >= earliestStart { best[j][option.units] = value }
      for i in 0..<j {
        let previous = options[i]
        guard previous.end <= option.start,
          !rules.travelConflict(
            from: previous.school, end: previous.end, to: option.school, start: option.start)
        else { continue }
        for u in 0...(limit - option.units) where best[i][u] > -.infinity {
          let candidate = best[i][u] + value
          if candidate > best[j][u + option.units] {
            best[j][u + option.units] = candidate
            parent[j][u + option.units] = i
          }
        }
      }
    }
    return DayTable(options: options, best: best, parent: parent)
  }
}
