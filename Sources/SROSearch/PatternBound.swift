import GLPKSolver
import LinearModel
import SROFormulation
import SRORoster
import SROScenario

/// A lower bound on a scenario's optimum from the Dantzig–Wolfe form of
/// spec §4: a column per feasible officer-week, generated on demand.
///
/// The master LP has a `cover` row per block (`Σ weeks taking b + short[b]
/// = needed`) and a row per officer (`Σ λ ≤ 1`); its columns are the
/// `short` variables and the officer-weeks found so far. Each round solves
/// it, prices every officer's best week with the cover rows' duals
/// (``WeekPricing``) and adds the weeks with negative reduced cost. Every
/// round yields the Lagrangian bound `z_master + Σ_o min(0, reduced cost of
/// o's best week)`, valid for the integer optimum. When no week prices out,
/// the bound is the master LP itself: the LP relaxation with each officer's
/// week constraints convexified, which is what the weekly-hours knapsack
/// needs (the plain LP relaxation spreads a long block fractionally over
/// officers whose week is nearly full; see docs/solving.md).
struct PatternBound {
  /// What column generation ended with.
  struct Result {
    /// A lower bound on the optimum (spec objective).
    let bound: Double
    /// Every block each officer's generated weeks take.
    let generated: [Set<Int>]
    let rounds: Int
    /// The last master LP's optimum: the cost of its columns at their
    /// levels; `nil` when no master LP finished. It only falls from round
    /// to round, and equals the bound once pricing converges.
    let master: Double?
    /// How much of each block each officer takes in the last master LP's
    /// optimum (the sum of its weeks' levels there), by officer; `nil`
    /// with ``master``.
    let shares: [[Int: Double]]?
    /// Whether pricing found nothing more: the bound is then the master LP's
    /// optimum, up to the reduced-cost tolerance.
    let converged: Bool
  }

  let scenario: Scenario
  let blocks: [Block]
  let pricing: WeekPricing

  /// Weight of the best multipliers so far in the pricing point.
  static let smoothing = 0.8

  /// L(π) = Σ_b needed·min(π_b, short cost) − Σ_o best week value: the
  /// cover rows relaxed with multipliers π. Valid for any π.
  private func lagrangian(_ prices: [Double], _ best: [WeekPricing.Week]) -> Double {
    let weights = scenario.policy.weights
    return blocks.indices.reduce(0.0) {
      let shortCost = weights.uncoveredCost(hours: blocks[$1].hours, priority: blocks[$1].priority)
      return $0 + Double(blocks[$1].needed) * min(prices[$1], shortCost)
    } - best.reduce(0.0) { $0 + $1.value }
  }

  /// Runs column generation until it converges, the bound reaches
  /// `target` (an incumbent's value less the objective's step, say), or
  /// `deadline` passes or `stop` is raised; or, between rounds, once
  /// `ended` is raised (a proof found beside it, say).
  ///
  /// With `patience`, pricing ends early once the bound stalls, and goes
  /// on past `deadline` while it can still prove `target` (see ``Patience``).
  ///
  /// The master starts from the shortage columns alone. Starting it from a
  /// known roster's weeks looks like a head start but is a trap: that
  /// vertex is so degenerate that on generated 24-school seed 9 the master
  /// stayed at the roster's 341.5 for 270 rounds, each adding weeks that
  /// entered at level 0, while from the shortage columns it converges to
  /// 32.5 in 196 rounds (0.8 s).
  func run(
    target: Double? = nil, deadline: ContinuousClock.Instant? = nil,
    patience: Patience? = nil, stop: StopRequest? = nil, endedBy ended: StopRequest? = nil
  ) throws(SolverError) -> Result {
    let weights = scenario.policy.weights
    let officerCount = scenario.officers.count
    let rows: [ColumnLP.Row] =
      blocks.map { .equal(Double($0.needed)) } + [ColumnLP.Row](repeating: .atMost(1), count: officerCount)
    return try ColumnLP.withLP(rows: rows) { (lp: inout ColumnLP) throws(SolverError) -> Result in
      for (b, block) in blocks.enumerated() {
        try lp.addColumn(
          cost: weights.uncoveredCost(hours: block.hours, priority: block.priority),
          upperBound: Double(block.needed),
          entries: [(row: b, value: 1)])
      }
      var weeks: [(officer: Int, blocks: [Int])] = []
      /// Every block each officer's weeks so far take.
      func generated() -> [Set<Int>] {
        var generated = [Set<Int>](repeating: [], count: officerCount)
        for week in weeks { generated[week.officer].formUnion(week.blocks) }
        return generated
      }
      /// Each officer's share of each block at the master's column
      /// `levels` (shortage columns first, then the weeks they cover).
      func sharesAt(_ levels: [Double]) -> [[Int: Double]] {
        var taken = [[Int: Double]](repeating: [:], count: officerCount)
        for (week, level) in zip(weeks, levels[blocks.count...]) where level > 1e-9 {
          for b in week.blocks { taken[week.officer][b, default: 0] += level }
        }
        return taken
      }
      /// The last master LP's optimum and its column levels (the weeks
      /// added after it have none).
      var lastOptimum: (value: Double, levels: [Double])?
      var bound = 0.0
      var center: [Double]?
      var rounds = 0
      /// What pricing has found so far, the last master LP's optimum with it.
      func result(converged: Bool) -> Result {
        Result(
          bound: bound, generated: generated(), rounds: rounds, master: lastOptimum?.value,
          shares: lastOptimum.map { sharesAt($0.levels) }, converged: converged)
      }
      let clock = ContinuousClock()
      var trace = BoundTrace()
      var patient: Patience.Verdict?
      while true {
        rounds += 1
        // The master's simplex can take minutes on its own (degenerate
        // rounds): it gets what is left of the deadline (or of patience,
        // while the last round could still prove the target), and the
        // bound so far stands when it runs out.
        let end = deadline.map { patience?.end(after: patient, deadline: $0) ?? $0 }
        let left = end.map { max(.milliseconds(1), $0 - clock.now) }
        let solved = try lp.solve(timeLimit: left, stop: stop)
        if solved.status == .noSolutionFound, left != nil || stop != nil { return result(converged: false) }
        guard solved.status == .optimal, let value = solved.objective else {
          throw .glpkFatalError(message: "the pattern master LP ended \(solved.status.rawValue)")
        }
        lastOptimum = (value, solved.columnValues)
        let duals = Array(solved.rowDuals[0..<blocks.count])
        /// Adds every priced week with a negative reduced cost at the master's duals.
        func addImproving(_ best: [WeekPricing.Week]) throws(SolverError) -> Int {
          var added = 0
          for (o, week) in best.enumerated() where !week.blocks.isEmpty {
            let reducedCost =
              week.cost - week.blocks.reduce(0.0) { $0 + duals[$1] } - solved.rowDuals[blocks.count + o]
            guard reducedCost < -1e-7 else { continue }
            try lp.addColumn(
              cost: week.cost,
              entries: week.blocks.map { (row: $0, value: 1.0) } + [(row: blocks.count + o, value: 1)])
            weeks.append((o, week.blocks))
            added += 1
          }
          return added
        }
        func price(at prices: [Double]) -> [WeekPricing.Week] {
          let best = (0..<officerCount).map { pricing.bestWeek(officer: $0, prices: prices) }
          let value = lagrangian(prices, best)
          if value > bound {
            bound = value
            center = prices
          }
          return best
        }
        // Price at a point between the best multipliers so far and the
        // master's duals (Wentges smoothing); fall back to the duals
        // themselves when that point finds nothing.
        var added = 0
        if let center {
          let smoothed = zip(center, duals).map { Self.smoothing * $0 + (1 - Self.smoothing) * $1 }
          added = try addImproving(price(at: smoothed))
        }
        if added == 0 { added = try addImproving(price(at: duals)) }
        let converged = added == 0 || value - bound <= 1e-9 * max(1, abs(value))
        // Converged or not, the bound stays the Lagrangian one priced at
        // the duals: the master's value itself is only as exact as the
        // reduced-cost tolerance, summed over officers.
        let reachedTarget = target.map { bound >= $0 } ?? false
        trace.record(bound, at: clock.now)
        patient = patience.map { $0.waits(master: value, target: target, trace: trace, now: clock.now) }
        let outOfTime =
          deadline.map { clock.now >= $0 && patient != .pastTheDeadline } ?? false || patient == .no
          || (stop?.isRaised ?? false) || (ended?.isRaised ?? false)
        if converged || reachedTarget || outOfTime { return result(converged: converged) }
      }
    }
  }
}

extension PatternBound {
  /// How long pricing waits for its bound, apart from the deadline:
  /// - never once the bound has risen by less than `rise` over the last
  ///   `window` (a second): pricing that has stalled (on `crossAgency: penalize` weeks
  ///   the Lagrangian bound can stay at 0 for a hundred rounds) leaves the
  ///   seconds to branch-and-cut;
  /// - past the deadline, up to `until`, while it can still prove the
  ///   target: while the master LP's value is at or above it (that value
  ///   only falls from round to round and the converged bound equals it, so
  ///   below the target no amount of pricing proves it).
  struct Patience {
    /// How long pricing may go on past the deadline while it can prove
    /// the target.
    var until: ContinuousClock.Instant
    /// The least rise of the bound over `window` that counts as progress
    /// (the objective's step, say).
    var rise: Double
    /// How far back the bound must have risen by `rise`.
    var window = Duration.seconds(1)

    /// What patience allows at `now`.
    enum Verdict {
      /// Pricing stops, deadline or not.
      case no
      /// Pricing goes on until the deadline.
      case untilTheDeadline
      /// Pricing goes on, past the deadline too.
      case pastTheDeadline
    }

    /// Whether pricing goes on at `now`, with the master's `value`.
    func waits(master value: Double, target: Double?, trace: BoundTrace, now: ContinuousClock.Instant)
      -> Verdict
    {
      guard trace.rose(by: rise, over: window, now: now) else { return .no }
      guard now < until, let target, value >= target else { return .untilTheDeadline }
      return .pastTheDeadline
    }

    /// When the next master LP must end, after a round with `verdict`:
    /// at `deadline` once a round showed the master cannot prove the
    /// target (a degenerate simplex then does not hold up the stages after
    /// pricing), else at `until` (the first round too, `nil`: its master
    /// has the shortage columns alone).
    func end(after verdict: Verdict?, deadline: ContinuousClock.Instant) -> ContinuousClock.Instant {
      verdict == .untilTheDeadline ? deadline : max(deadline, until)
    }
  }

  /// The best bound after each round, for telling progress from a stall.
  struct BoundTrace {
    private var points: [(at: ContinuousClock.Instant, bound: Double)] = []

    mutating func record(_ bound: Double, at instant: ContinuousClock.Instant) {
      points.append((instant, bound))
    }

    /// Whether the bound rose by at least `rise` over the last `window`;
    /// `true` while the trace is shorter than that window.
    func rose(by rise: Double, over window: Duration, now: ContinuousClock.Instant) -> Bool {
      guard let latest = points.last,
        let then = points.last(where: { $0.at <= now - window })
      else { return true }
      return latest.bound - then.bound >= rise
    }
  }
}
