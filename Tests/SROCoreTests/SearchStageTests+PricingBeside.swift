import Foundation
import GLPKSolver
import SROFormulation
import Synchronization
import Testing

@testable import SROSearch
@testable import SROValidator

extension SearchStageTests {
  /// With a time limit and a second thread, a brief branch-and-cut runs
  /// beside the pricing (``PartSearch/pricingBesideBranchAndCut(_:price:)``):
  /// on this small week it proves the optimum from the greedy roster,
  /// which ends the pricing, and the state keeps the pricing's state with
  /// the search's roster and bound. With one thread, or without a time
  /// limit, the pricing runs alone, never asked to end, and the roster
  /// stays the greedy one.
  @Test func branchAndCutBesideThePricingEndsItWithAProof() throws {
    let greedy = try #require(GreedyStart(coverage: search.coverage).solution())
    let greedyObjective = try #require(greedy.objective)
    #expect(greedyObjective > optimum)
    for (threads, timeLimit, beside) in [
      (2, Duration.seconds(60), true), (1, .seconds(60), false), (2, nil, false),
    ] as [(Int, Duration?, Bool)] {
      var options = PlanningOptions()
      options.threads = threads
      options.timeLimit = timeLimit
      let partSearch = PartSearch(coverage: search.coverage, options: options)
      var state = SearchState(
        model: search.coverage.model, timeLimit: timeLimit, log: .silent, knownBound: nil)
      state.best = greedy
      let asked = Mutex<[Bool?]>([])
      // A stand-in for the pricing: it waits (at most 30 s) for the
      // request to end it, if it is given one, records whether that
      // request was raised, and marks its state as priced, so that the
      // state kept can be told apart.
      try partSearch.pricingBesideBranchAndCut(&state) { priced, ended in
        let end = ContinuousClock.now + .seconds(30)
        while let ended, !ended.isRaised, ContinuousClock.now < end { Thread.sleep(forTimeInterval: 0.001) }
        asked.withLock { $0.append(ended?.isRaised) }
        priced.pricedWeeks = true
      }
      #expect(asked.withLock { $0 } == [beside ? true : nil])
      #expect(state.pricedWeeks)
      let objective = try validatedObjective(state)
      if beside {
        #expect(abs(objective - optimum) < 1e-9)
        #expect(abs(state.bound - optimum) < 1e-9)
        #expect(state.proven(state.best) != nil)
      } else {
        #expect(objective == greedyObjective)
        #expect(state.bound == 0)
      }
    }
  }
}

extension SearchStageTests {
  /// Stage 3b (``PatternBoundStage/onlyWhenBoundLooksWeak``) prices beside a
  /// brief branch-and-cut when the part has a second thread and a time
  /// limit; stage 6 prices alone (its branch-and-cut follows). Either way
  /// the roster is valid and the bound stays under the optimum.
  @Test func onlyTheWeakLPsPricingHasABranchAndCutBeside() throws {
    let greedy = try #require(GreedyStart(coverage: search.coverage).solution())
    for (stage, beside) in [
      (PatternBoundStage(onlyWhenBoundLooksWeak: true), true), (PatternBoundStage(), false),
    ] {
      let lines = Mutex<[String]>([])
      var options = PlanningOptions()
      options.threads = 2
      options.timeLimit = .seconds(60)
      options.log = .lines { line in lines.withLock { $0.append(line) } }
      var state = SearchState(
        model: search.coverage.model, timeLimit: options.timeLimit, log: options.log, knownBound: nil)
      state.best = greedy
      try stage.run(on: PartSearch(coverage: search.coverage, options: options), &state)
      let noted = lines.withLock { $0 }.filter { $0.hasPrefix("sro:") }
      #expect(noted.contains { $0.contains("pattern bound") })
      #expect(noted.contains { $0.contains("branch-and-cut") } == beside)
      #expect(try validatedObjective(state) <= greedy.objective!)
      #expect(state.bound <= optimum + 1e-9)
    }
  }
}

extension SearchStageTests {
  /// A search beside that cannot prove (on a restricted model,
  /// ``restrictedToEveryPair()``, branch-and-cut raises no bound) never
  /// ends the pricing: the stand-in pricing waits for the search's line
  /// and a moment more, then raises the bound to a valid value of its
  /// own. The state keeps that bound and the search's roster, and the
  /// thread borrowed from the week's spare ones is given back; a pricing
  /// that throws gives it back too, its error the caller's.
  @Test func aSearchBesideThatCannotProveLeavesThePricingItsBound() throws {
    let restricted = try restrictedToEveryPair()
    let greedy = try #require(GreedyStart(coverage: restricted).solution())
    var options = PlanningOptions()
    options.threads = 2
    options.timeLimit = .seconds(60)
    let spare = SpareThreads(threads: 2, parts: 2)
    spare.partEnded()
    options.spareThreads = spare
    let partSearch = PartSearch(coverage: restricted, options: options)
    let lines = Mutex<[String]>([])
    var state = SearchState(
      model: restricted.model, timeLimit: options.timeLimit,
      log: .lines { line in lines.withLock { $0.append(line) } }, knownBound: nil)
    state.best = greedy
    let asked = Mutex<[Bool?]>([])
    let priced = optimum / 2
    try partSearch.pricingBesideBranchAndCut(&state) { state, ended in
      let end = ContinuousClock.now + .seconds(30)
      while !lines.withLock({ $0.contains { $0.contains("branch-and-cut") } }), ContinuousClock.now < end {
        Thread.sleep(forTimeInterval: 0.001)
      }
      Thread.sleep(forTimeInterval: 0.2)
      asked.withLock { $0.append(ended?.isRaised) }
      state.bound = priced
    }
    #expect(asked.withLock { $0 } == [false])
    #expect(state.bound == priced)
    let roster = restricted.roster(from: try #require(state.best))
    let validation = RosterValidator(scenario: week).validate(roster)
    #expect(validation.violations == [])
    #expect(abs(validation.recomputedObjective - optimum) < 1e-9)
    #expect(spare.borrow())
    spare.giveBack()
    #expect(throws: PlanningError.self) {
      try partSearch.pricingBesideBranchAndCut(&state) {
        (_: inout SearchState, _: StopRequest?) throws(PlanningError) in throw .noRosterFound
      }
    }
    #expect(spare.borrow())
  }

  /// The stage's pricing (``PatternBoundStage/price(_:of:_:endedBy:)``)
  /// ends after its first round once the request it is given is raised,
  /// and its line says so; one not raised lets it go on (to convergence,
  /// or until it stalls). Either way the bound stays under the optimum,
  /// and the last master's optimum is left in the state with the value
  /// the line gives (after one round, with the shortage columns alone,
  /// it is far above the roster).
  @Test func theStagesPricingEndsOnTheRequestItIsGiven() throws {
    let coverage = search.coverage
    let pricing = try #require(WeekPricing(instance: coverage.instance))
    let patterns = PatternBound(scenario: coverage.scenario, blocks: coverage.blocks, pricing: pricing)
    let greedy = try #require(GreedyStart(coverage: coverage).solution())
    for raised in [true, false] {
      let lines = Mutex<[String]>([])
      var state = SearchState(
        model: coverage.model, timeLimit: nil, log: .lines { line in lines.withLock { $0.append(line) } },
        knownBound: nil)
      state.best = greedy
      let ended = StopRequest()
      if raised { ended.raise() }
      try PatternBoundStage.price(patterns, of: coverage, &state, endedBy: ended)
      let line = try #require(lines.withLock { $0 }.first { $0.contains("pattern bound") })
      #expect(line.contains("after 1 rounds, converged: false") == raised)
      let master = try #require(line.split(separator: " ").last.flatMap { Double($0) })
      #expect(state.patternPoint?.master == master)
      if raised { #expect(!state.isBelowBest(master)) }
      #expect(state.bound <= optimum + 1e-9)
    }
  }
}
