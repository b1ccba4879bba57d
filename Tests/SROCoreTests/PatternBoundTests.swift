import GLPKSolver
import SROTestSupport
import Testing

@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch
@testable import SROValidator

/// Officer-week pricing and the pattern bound built on it.
@Suite(.tags(.slow)) struct PatternBoundTests {
  /// One officer, two schools 8 km apart (12 min at 40 km/h), blocks on
  /// three days with gaps, an evening event and a morning after it.
  let pricingYAML = """
    policy: {maxHoursPerWeek: 9, maxOvertimePerWeek: 2, maxHoursPerDay: 7, minRestHours: 10}
    periods: [{id: a, start: "08:00", end: "10:00"}, {id: b, start: "10:00", end: "12:00"}]
    schools:
      - {id: s1, level: elementary, location: {lat: 35.20, lon: -97.44},
         coverage: [{days: [mon, tue], start: "08:00", end: "12:00", officers: 1}]}
      - {id: s2, level: elementary, location: {lat: 35.272, lon: -97.44},
         coverage: [{days: [mon, tue], start: "10:00", end: "14:00", officers: 1}]}
    officers: [{id: o1, agency: A, home: s1}]
    events: [{id: game, school: s2, day: mon, start: "19:00", end: "23:00", officers: 1}]
    """

  /// Every subset of the officer's blocks, checked pair by pair against
  /// the rules, gives the same best value as the longest-path pricing.
  @Test(arguments: 0..<12)
  func pricingMatchesBruteForce(seed: Int) throws {
    let scenario = try scenario(pricingYAML)
    let blocks = scenario.blocks()
    let rules = Rules(scenario)
    let pricing = try #require(WeekPricing(instance: Instance(scenario, blocks: blocks)))
    var random = SplitMix64(seed: UInt64(seed))
    let prices = blocks.map { _ in Double(random.next() % 800) / 100 - 1 }
    let officer = scenario.officers[0]
    let eligible = blocks.indices.filter { rules.isEligible(officer, for: blocks[$0]) }
    #expect(eligible.count == blocks.count)
    var best = 0.0
    for mask in 0..<(1 << eligible.count) {
      let taken = eligible.indices.filter { mask & (1 << $0) != 0 }.map { eligible[$0] }
      guard isFeasibleWeek(taken, blocks: blocks, rules: rules, officer: officer, policy: scenario.policy)
      else { continue }
      let hours = taken.reduce(0.0) { $0 + blocks[$1].hours }
      let value =
        taken.reduce(0.0) { sum, b in
          sum + prices[b] - (rules.isAwayFromHome(officer, blocks[b]) ? blocks[b].hours : 0)
        } - 4 * max(0, hours - officer.maxHoursPerWeek)
      best = max(best, value)
    }
    let week = pricing.bestWeek(officer: 0, prices: prices)
    #expect(abs(week.value - best) < 1e-9)
    // The week it returns is feasible and worth what it says.
    #expect(
      isFeasibleWeek(week.blocks, blocks: blocks, rules: rules, officer: officer, policy: scenario.policy))
    let priced = week.blocks.reduce(0.0) { $0 + prices[$1] }
    #expect(abs(priced - week.cost - week.value) < 1e-9)
    let hours = week.blocks.reduce(0.0) { $0 + blocks[$1].hours }
    let away = week.blocks.reduce(0.0) {
      $0 + (rules.isAwayFromHome(officer, blocks[$1]) ? blocks[$1].hours : 0)
    }
    #expect(abs(away + 4 * max(0, hours - officer.maxHoursPerWeek) - week.cost) < 1e-9)
  }

  /// Spec §4's rules 2–6 for one officer's week, pair by pair.
  func isFeasibleWeek(_ taken: [Int], blocks: [Block], rules: Rules, officer: Officer, policy: Policy) -> Bool
  {
    let hours = taken.reduce(0.0) { $0 + blocks[$1].hours }
    guard hours <= officer.maxHoursPerWeek + officer.maxOvertimePerWeek + 1e-9 else { return false }
    for day in Weekday.allCases {
      let today = taken.filter { blocks[$0].day == day }
      guard today.reduce(0.0, { $0 + blocks[$1].hours }) <= policy.maxHoursPerDay + 1e-9 else { return false }
    }
    for a in taken {
      for b in taken where a != b {
        let (x, y) = (blocks[a], blocks[b])
        if x.day == y.day {
          if x.interval.overlaps(y.interval) { return false }
          if x.interval.end <= y.interval.start, rules.travelConflict(x, y) { return false }
        }
        if x.day.next == y.day, rules.restConflict(x, y) { return false }
      }
    }
    return true
  }

  /// One officer, an 8 h week with no overtime, three 3 h blocks: the
  /// weekly cap lets two be covered, so the optimum leaves one (3 h × 100 =
  /// 300). The LP relaxation covers 8 of the 9 h fractionally and claims
  /// 100; the pattern bound knows whole weeks and proves 300.
  @Test func patternBoundClosesTheWeeklyKnapsack() throws {
    let scenario = try scenario(
      """
      policy: {maxHoursPerWeek: 8, maxOvertimePerWeek: 0}
      schools: [{id: s1, level: elementary, coverage: [{days: [mon, tue, wed], start: "08:00", end: "11:00", officers: 1}]}]
      officers: [{id: o1, agency: A, home: s1}]
      """)
    let blocks = scenario.blocks()
    let coverage = try CoverageModel(scenario: scenario)
    let relaxation = try GLPK.solveRelaxation(coverage.model)
    #expect(abs((relaxation.objective ?? 0) - 100) < 1e-6)
    let pricing = try #require(WeekPricing(instance: Instance(scenario, blocks: blocks)))
    let result = try PatternBound(scenario: scenario, blocks: blocks, pricing: pricing).run()
    #expect(result.converged)
    #expect(abs(result.bound - 300) < 1e-6)
    // The master's optimum: the officer's weeks, two blocks each, at levels
    // summing to 1 (however they are mixed).
    let shares = try #require(result.shares?.first)
    #expect(abs(shares.values.reduce(0, +) - 2) < 1e-6)
    #expect(shares.values.allSatisfy { $0 <= 1 + 1e-9 })
    let roster = try solveAndValidate(scenario)
    #expect(roster.status == .optimal && roster.objective == 300)
  }

  /// On generated districts the pattern bound lies between the LP
  /// relaxation and the proven optimum, and its master's optimum
  /// (``PatternBound/Result/shares``) is a fractional cover.
  @Test(arguments: [1, 2, 4] as [UInt64])
  func patternBoundIsBetweenRelaxationAndOptimum(seed: UInt64) throws {
    let scenario = try ScenarioLoader.load(
      text: DistrictGenerator(options: .init(schools: 6, seed: seed)).yaml(), file: "generated.yaml")
    let blocks = scenario.blocks()
    let coverage = try CoverageModel(scenario: scenario)
    let relaxation = try GLPK.solveRelaxation(coverage.model)
    let pricing = try #require(WeekPricing(instance: Instance(scenario, blocks: blocks)))
    let result = try PatternBound(scenario: scenario, blocks: blocks, pricing: pricing).run()
    let optimum = try solveAndValidate(scenario)
    #expect(optimum.status == .optimal)
    #expect(result.converged)
    #expect(result.bound >= (relaxation.objective ?? 0) - 1e-6)
    #expect(result.bound <= optimum.objective + 1e-6)
    // The master's optimum covers no block more than it needs, and gives
    // each officer at most the whole of a block.
    let shares = try #require(result.shares)
    #expect(shares.count == scenario.officers.count)
    for (b, block) in blocks.enumerated() {
      #expect(shares.reduce(0) { $0 + ($1[b] ?? 0) } <= Double(block.needed) + 1e-6)
    }
    #expect(shares.allSatisfy { $0.values.allSatisfy { $0 > 0 && $0 <= 1 + 1e-6 } })
  }

  /// Generated 12-school seed 3: the scenario, its pattern bound and its
  /// proven optimum.
  private func generatedTwelveSchools() throws -> (Scenario, PatternBound, Double) {
    let scenario = try ScenarioLoader.load(
      text: DistrictGenerator(options: .init(schools: 12, seed: 3)).yaml(), file: "generated.yaml")
    let blocks = scenario.blocks()
    let pricing = try #require(WeekPricing(instance: Instance(scenario, blocks: blocks)))
    let optimum = try solveAndValidate(scenario).objective
    return (scenario, PatternBound(scenario: scenario, blocks: blocks, pricing: pricing), optimum)
  }

  /// A deadline that passes or a stop request raised during column
  /// generation ends it (inside the master's simplex too) with a bound
  /// that is still valid, never an error.
  @Test func aDeadlineOrAStopEndsColumnGenerationWithAValidBound() throws {
    let (_, patterns, optimum) = try generatedTwelveSchools()
    let late = try patterns.run(deadline: .now + .milliseconds(1))
    #expect(!late.converged)
    #expect(late.bound <= optimum + 1e-6)
    let stop = StopRequest()
    stop.raise()
    let stopped = try patterns.run(stop: stop)
    #expect(!stopped.converged && stopped.rounds == 1 && stopped.bound == 0)
  }

  /// Pricing that stops before it converges (here at a target under the
  /// converged bound) still reports its last master LP: a value at or
  /// above the bound it reached and the converged master's, with a
  /// fractional cover as its shares, which the search takes as a point
  /// (``PatternBoundStage/point(of:coverage:)``). After one round
  /// the master has the shortage columns alone: every block short, no
  /// officer's share.
  @Test func pricingStoppedEarlyReportsItsLastMaster() throws {
    let (scenario, patterns, _) = try generatedTwelveSchools()
    let blocks = scenario.blocks()
    let converged = try patterns.run()
    let convergedMaster = try #require(converged.master)
    #expect(converged.converged && abs(convergedMaster - converged.bound) < 1e-6)
    let early = try patterns.run(target: converged.bound * 0.9)
    #expect(!early.converged && early.rounds < converged.rounds)
    let master = try #require(early.master)
    #expect(master >= early.bound - 1e-6 && master >= convergedMaster - 1e-6)
    let shares = try #require(early.shares)
    for (b, block) in blocks.enumerated() {
      #expect(shares.reduce(0) { $0 + ($1[b] ?? 0) } <= Double(block.needed) + 1e-6)
    }
    #expect(shares.contains { !$0.isEmpty })
    let coverage = try CoverageModel(scenario: scenario)
    let point = try #require(PatternBoundStage.point(of: early, coverage: coverage))
    #expect(point.master == master)
    #expect(coverage.assignments.contains { point.values[$0.variable.index] > 1e-9 })
    let ended = StopRequest()
    ended.raise()
    let first = try patterns.run(endedBy: ended)
    let everyBlockShort = blocks.reduce(0.0) {
      $0 + Double($1.needed) * scenario.policy.weights.uncoveredCost(hours: $1.hours, priority: $1.priority)
    }
    #expect(abs((try #require(first.master)) - everyBlockShort) < 1e-6)
    #expect(try #require(first.shares).allSatisfy(\.isEmpty))
  }

  /// A request to end it (a proof found beside the pricing) ends column
  /// generation after the round under way, as a stop does; one not
  /// raised changes nothing.
  @Test func aRaisedEndRequestEndsColumnGenerationAfterItsRound() throws {
    let (_, patterns, _) = try generatedTwelveSchools()
    let ended = StopRequest()
    ended.raise()
    let cut = try patterns.run(endedBy: ended)
    #expect(!cut.converged && cut.rounds == 1 && cut.bound == 0)
    let whole = try patterns.run(endedBy: StopRequest())
    #expect(whole.converged && whole.rounds > 1)
  }

  /// Past its deadline, column generation goes on while the master could
  /// still prove the target and the bound rises; a target above the
  /// master's value ends it at the deadline. Either way the bound holds.
  @Test func pricingGoesOnPastTheDeadlineOnlyWhileItCanProve() throws {
    let (scenario, patterns, optimum) = try generatedTwelveSchools()
    let blocks = scenario.blocks()
    let later = PatternBound.Patience(until: .now + .seconds(60), rise: 0)
    let extended = try patterns.run(target: optimum, deadline: .now, patience: later)
    #expect(extended.rounds > 1)
    #expect(extended.bound <= optimum + 1e-6)
    let everyBlockShort = blocks.reduce(0.0) {
      $0 + Double($1.needed) * scenario.policy.weights.uncoveredCost(hours: $1.hours, priority: $1.priority)
    }
    let unprovable = try patterns.run(target: everyBlockShort + 1, deadline: .now, patience: later)
    #expect(unprovable.rounds == 1 && !unprovable.converged)
    let over = PatternBound.Patience(until: .now, rise: 0)
    #expect(try patterns.run(target: optimum, deadline: .now, patience: over).rounds == 1)
  }

  /// A bound that stalls for a second ends pricing, deadline or not; one
  /// that rises by the step, or a trace shorter than the window, does not.
  /// Past the deadline pricing waits only while the master could still
  /// prove the target.
  @Test func aStalledBoundEndsPricing() {
    let start = ContinuousClock.now
    var trace = PatternBound.BoundTrace()
    trace.record(10, at: start)
    #expect(trace.rose(by: 1, over: .seconds(1), now: start + .milliseconds(500)))
    trace.record(10.5, at: start + .milliseconds(1200))
    #expect(!trace.rose(by: 1, over: .seconds(1), now: start + .milliseconds(1200)))
    let patience = PatternBound.Patience(until: start + .seconds(5), rise: 1)
    #expect(patience.waits(master: 20, target: 15, trace: trace, now: start + .milliseconds(1200)) == .no)
    trace.record(11, at: start + .milliseconds(1300))
    #expect(trace.rose(by: 1, over: .seconds(1), now: start + .milliseconds(1300)))
    let now = start + .milliseconds(1300)
    #expect(patience.waits(master: 20, target: 15, trace: trace, now: now) == .pastTheDeadline)
    #expect(patience.waits(master: 14, target: 15, trace: trace, now: now) == .untilTheDeadline)
    #expect(patience.waits(master: 20, target: nil, trace: trace, now: now) == .untilTheDeadline)
    let due = PatternBound.Patience(until: now, rise: 1)
    #expect(due.waits(master: 20, target: 15, trace: trace, now: now) == .untilTheDeadline)
    let deadline = start + .seconds(3)
    #expect(patience.end(after: .untilTheDeadline, deadline: deadline) == deadline)
    #expect(patience.end(after: .pastTheDeadline, deadline: deadline) == start + .seconds(5))
    #expect(patience.end(after: nil, deadline: deadline) == start + .seconds(5))
  }

  /// A bound that has not risen over the stall window ends column
  /// generation after that round, long before the deadline, with a valid
  /// bound (a window of zero: the round's bound against itself).
  @Test func aStallEndsColumnGenerationBeforeItsDeadline() throws {
    let (_, patterns, optimum) = try generatedTwelveSchools()
    let impatient = PatternBound.Patience(until: .now + .seconds(60), rise: 1, window: .zero)
    let stalled = try patterns.run(deadline: .now + .seconds(60), patience: impatient)
    #expect(stalled.rounds == 1 && !stalled.converged)
    #expect(stalled.bound <= optimum + 1e-6)
  }

  /// The police part of generated 24-school seed 9 (6 schools, 10
  /// officers): its LP relaxation proves 26.75, HiGHS proves the optimum
  /// 33.5 (`sro export --mps`, 62 s). Column generation from the shortage
  /// columns converges to 32.5; started from a roster's weeks it stalled
  /// at a bound of 0 for hundreds of rounds.
  @Test func columnGenerationConvergesOnAHardPoliceWeek() throws {
    let district = try ScenarioLoader.load(
      text: DistrictGenerator(options: .init(schools: 24, seed: 9)).yaml(), file: "generated.yaml")
    let police = try #require(district.independentParts().first { $0.schools.count == 6 })
    let blocks = police.blocks()
    let pricing = try #require(WeekPricing(instance: Instance(police, blocks: blocks)))
    let result = try PatternBound(scenario: police, blocks: blocks, pricing: pricing).run(
      deadline: .now + .seconds(120))
    #expect(result.converged)
    #expect(result.bound > 32 && result.bound <= 33.5 + 1e-6)
  }
}
