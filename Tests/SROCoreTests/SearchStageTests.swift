import Foundation
import GLPKSolver
import LinearModel
import SROTestSupport
import Synchronization
import Testing

@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch
@testable import SROValidator

/// Each stage of a part's search on its own, over a fresh ``SearchState``,
/// on a small generated week (six schools, optimum 310): what it must
/// leave in the state, and never a roster the validator refuses or a
/// bound above the optimum.
@Suite struct SearchStageTests {
  let week: Scenario
  let search: PartSearch
  /// The week's optimum, from the whole planner (validated).
  let optimum: Double

  init() throws {
    week = try ScenarioLoader.load(
      text: DistrictGenerator(options: .init(schools: 6, seed: 3)).yaml(), file: "generated.yaml")
    optimum = try solveAndValidate(week).objective
    let coverage = try CoverageModel(instance: Instance(week), published: nil, formulation: .tight)
    search = PartSearch(coverage: coverage, options: PlanningOptions())
  }

  func freshState() -> SearchState {
    SearchState(model: search.coverage.model, timeLimit: nil, log: .silent, knownBound: nil)
  }

  /// The best solution of `state` decoded and validated; its objective.
  func validatedObjective(_ state: SearchState) throws -> Double {
    let best = try #require(state.best)
    let roster = search.coverage.roster(from: best)
    let validation = RosterValidator(scenario: week).validate(roster)
    #expect(validation.violations == [])
    #expect(abs(validation.recomputedObjective - roster.objective) < 1e-6)
    return roster.objective
  }

  @Test func relaxationLeavesItsValuesItsBasisAndABound() throws {
    var state = freshState()
    try RelaxationStage().run(on: search, &state)
    let relaxation = try #require(state.relaxation)
    #expect(relaxation.status == .optimal)
    #expect(relaxation.values.count == search.coverage.model.variables.count)
    #expect(state.basis != nil)
    #expect(state.bound == relaxation.objective)
    #expect(state.bound <= optimum + 1e-9)
    #expect(state.best == nil)
    #expect(optimum == 310)
  }

  /// With the greedy roster in the state, the relaxation starts at its
  /// vertex (``LPBasis/init(near:of:)``) instead of GLPK's crash basis,
  /// ends at the same bound, and lets the vertex go.
  @Test func relaxationStartsAtTheGreedyRoster() throws {
    let lines = Mutex<[String]>([])
    var options = PlanningOptions()
    options.log = .lines { line in lines.withLock { $0.append(line) } }
    let logged = PartSearch(coverage: search.coverage, options: options)
    var cold = freshState()
    try RelaxationStage().run(on: logged, &cold)
    #expect(lines.withLock { $0 }.contains { $0.contains("Constructing initial basis") })
    lines.withLock { $0.removeAll() }
    var warm = freshState()
    warm.start(from: GreedyStart(coverage: search.coverage).start())
    #expect(warm.lpStart != nil)
    try RelaxationStage().run(on: logged, &warm)
    #expect(warm.lpStart == nil)
    #expect(!lines.withLock { $0 }.contains { $0.contains("Constructing initial basis") })
    #expect(abs(warm.bound - cold.bound) < 1e-6)
  }

  @Test func roundingNeedsTheRelaxationThenFindsARoster() throws {
    var state = freshState()
    try RoundingStage(neighbourhood: .roundedLP).run(on: search, &state)
    #expect(state.best == nil)
    try RelaxationStage().run(on: search, &state)
    try RoundingStage(neighbourhood: .roundedLP).run(on: search, &state)
    #expect(try validatedObjective(state) >= optimum - 1e-9)
  }

  /// The greedy roster's objective and the objective (validated) after
  /// ``ReStaffingStage`` ran from a state holding that roster at `place`.
  func reStaffedGreedy(at place: WritableKeyPath<SearchState, Solution?>) throws -> (
    greedy: Double, reStaffed: Double
  ) {
    var state = freshState()
    let greedy = try #require(GreedyStart(coverage: search.coverage).solution())
    state[keyPath: place] = greedy
    try ReStaffingStage().run(on: search, &state)
    return (try #require(greedy.objective), try validatedObjective(state))
  }

  @Test func reStaffingNeverWorsensTheGreedyRoster() throws {
    let (greedy, reStaffed) = try reStaffedGreedy(at: \.best)
    #expect(reStaffed <= greedy + 1e-9)
    #expect(reStaffed >= optimum - 1e-9)
  }

  /// When the rounding before found no roster in its time (on variety
  /// week w21 at 2 s it sometimes does not), the greedy fallback is
  /// re-staffed instead, and the result becomes the best roster for the
  /// stages after.
  @Test func reStaffingStartsFromTheGreedyRosterWhenThereIsNoBest() throws {
    let (greedy, reStaffed) = try reStaffedGreedy(at: \.fallback)
    #expect(reStaffed < greedy - 1e-9)
    #expect(reStaffed >= optimum - 1e-9)
  }

  /// With a best roster in the state, that is where re-staffing starts,
  /// not the greedy fallback: on the larger part of generated 40-school
  /// seed 3, with the bound set (falsely) at the rounded roster's
  /// objective, so that the stage's target is met from the start, the
  /// rounded roster stays exactly as it was; from the greedy roster the
  /// stage would search its way to another.
  @Test(.tags(.slow)) func reStaffingStartsFromTheBestRosterOverTheGreedyOne() throws {
    let week = try ScenarioLoader.load(
      text: DistrictGenerator(options: .init(schools: 40, seed: 3)).yaml(), file: "generated.yaml")
    let part = try #require(week.independentParts().max { $0.schools.count < $1.schools.count })
    let larger = PartSearch(coverage: try CoverageModel(scenario: part), options: PlanningOptions())
    var state = SearchState(model: larger.coverage.model, timeLimit: nil, log: .silent, knownBound: nil)
    try RelaxationStage().run(on: larger, &state)
    try RoundingStage(neighbourhood: .roundedLP).run(on: larger, &state)
    let rounded = try #require(state.best)
    let greedy = try #require(GreedyStart(coverage: larger.coverage).solution())
    #expect(try #require(rounded.objective) < (try #require(greedy.objective)))
    state.fallback = greedy
    state.bound = try #require(rounded.objective)
    try ReStaffingStage().run(on: larger, &state)
    #expect(state.best?.values == rounded.values)
  }

  /// With a time limit and a second thread (here one its week's other
  /// part has left), the re-staffing stage runs a second re-staffing
  /// beside its own (its line says so), sharing the best roster: still
  /// valid, better than the greedy one, and the borrowed thread is given
  /// back. While the other part holds the second thread, it re-staffs on
  /// one, and keeps what it found (the shared roster it offers it to).
  @Test func reStaffingWithASecondThreadGivesItBack() throws {
    let greedy = try #require(GreedyStart(coverage: search.coverage).solution())
    for (otherPartEnded, untilDeadline) in [(true, false), (true, true), (false, false)] {
      var options = PlanningOptions()
      options.threads = 2
      options.timeLimit = .seconds(60)
      let spare = SpareThreads(threads: 2, parts: 2)
      if otherPartEnded { spare.partEnded() }
      options.spareThreads = spare
      let lines = Mutex<[String]>([])
      var state = SearchState(
        model: search.coverage.model, timeLimit: options.timeLimit,
        log: .lines { line in lines.withLock { $0.append(line) } }, knownBound: nil)
      state.best = greedy
      try ReStaffingStage(length: untilDeadline ? .untilDeadline : .oneRound)
        .run(on: PartSearch(coverage: search.coverage, options: options), &state)
      let objective = try validatedObjective(state)
      #expect(objective < (try #require(greedy.objective)) - 1e-9)
      #expect(objective >= optimum - 1e-9)
      let onTwo = lines.withLock { $0 }.filter {
        $0.contains("re-staffed a few schools at a time on two threads")
      }
      #expect(onTwo.count == (otherPartEnded ? 1 : 0))
      #expect(spare.borrow() == otherPartEnded)
    }
  }

  /// The greedy roster re-staffed on `part` beside a job that shares a
  /// roster (``SharedRoster``) with it and waits until that roster is
  /// better than the greedy one (so a search has run to its end) or a
  /// minute passes: the greedy roster's objective, the shared roster the
  /// job returns and the re-staffed one.
  func reStaffedBesideAWaitingJob(on part: PartSearch, memory: SettledSearches? = nil) throws -> (
    start: Double, seen: Solution, reStaffed: Solution?
  ) {
    let greedy = try #require(GreedyStart(coverage: part.coverage).solution())
    let start = try #require(greedy.objective)
    let shared = SharedRoster(greedy)
    let deadline = ContinuousClock.now + .seconds(60)
    let (seen, reStaffed) = try part.besideReStaffing(
      from: greedy, target: optimum, deadline: deadline, progress: nil, sharing: shared, memory: memory
    ) { () -> Solution in
      waited(atMost: .seconds(60)) { shared.roster.objective ?? .infinity < start - 1e-9 }
      return shared.roster
    }
    return (start, seen, reStaffed)
  }

  /// The part's search with two threads.
  func onTwoThreads() -> PartSearch {
    var options = PlanningOptions()
    options.threads = 2
    return PartSearch(coverage: search.coverage, options: options)
  }

  /// The re-staffing beside a job that shares a roster offers it the
  /// better rosters it finds: the job sees one better than the greedy
  /// roster, which the validator accepts, and the re-staffed roster is
  /// no worse.
  @Test func aReStaffingBesideOffersTheSharedRosterItsBetterRosters() throws {
    let (start, seen, reStaffed) = try reStaffedBesideAWaitingJob(on: onTwoThreads())
    let seenObjective = try #require(seen.objective)
    #expect(seenObjective < start - 1e-9)
    #expect(try #require(reStaffed?.objective) <= seenObjective + 1e-9)
    var state = freshState()
    state.best = seen
    #expect(try validatedObjective(state) == seenObjective)
  }

  /// The re-staffing beside a job remembers its searches in the memory it
  /// is given, not in the part's: the one beside the LP gets its own, as
  /// its roster is dropped when the LP finishes.
  @Test func aReStaffingBesideRemembersInTheMemoryItIsGiven() throws {
    let memory = SettledSearches()
    let part = onTwoThreads()
    let (start, seen, _) = try reStaffedBesideAWaitingJob(on: part, memory: memory)
    #expect(try #require(seen.objective) < start - 1e-9)
    #expect(!memory.isEmpty)
    #expect(part.settledSearches.isEmpty)
  }

  /// A re-staffing beside a job that meets its target raises the request
  /// it is given, ending a job that waits on it; one that cannot meet its
  /// target (below the optimum) leaves it down, and the job ends itself.
  @Test(arguments: [true, false]) func aReStaffingBesideThatMeetsItsTargetEndsTheJob(reachable: Bool)
    throws
  {
    let greedy = try #require(GreedyStart(coverage: search.coverage).solution())
    let start = try #require(greedy.objective)
    let target = reachable ? (start + optimum) / 2 : optimum - 1
    let targetMet = StopRequest()
    let began = ContinuousClock.now
    let jobLimit: Duration = reachable ? .seconds(20) : .milliseconds(300)
    let (jobTook, reStaffed) = try onTwoThreads().besideReStaffing(
      from: greedy, target: target, deadline: began + .seconds(60), progress: nil, targetMet: targetMet
    ) { waited(atMost: jobLimit) { targetMet.isRaised } }
    let objective = try #require(reStaffed?.objective)
    #expect(targetMet.isRaised == reachable)
    #expect((objective <= target) == reachable)
    if reachable { #expect(jobTook < .seconds(10)) }
  }

  /// A branch-and-cut beside a re-staffing ends once the re-staffing meets
  /// the bound the stage started with: a stand-in for GLPK that waits for
  /// its stop request ends long before its 20 s, and the state keeps the
  /// re-staffed roster. (The bound here is a target halfway from the
  /// greedy roster to the optimum, not a proven one.)
  @Test func branchAndCutEndsOnceTheReStaffingBesideMeetsTheBound() throws {
    let greedy = try #require(GreedyStart(coverage: search.coverage).solution())
    let start = try #require(greedy.objective)
    var state = SearchState(
      model: search.coverage.model, timeLimit: .seconds(60), log: .silent, knownBound: nil)
    state.best = greedy
    state.bound = (start + optimum) / 2
    var stage = BranchAndCutStage(limit: .untilDeadline, fromBest: true, reStaffsBeside: true)
    stage.branchAndCut = { _, options in
      let searched = waited(atMost: .seconds(20)) { options.stop?.isRaised ?? false }
      return Solution(status: .noSolutionFound, objective: nil, bound: nil, values: [], solveTime: searched)
    }
    let began = ContinuousClock.now
    try stage.run(on: onTwoThreads(), &state)
    #expect(ContinuousClock.now - began < .seconds(10))
    #expect(try validatedObjective(state) <= state.attainable((start + optimum) / 2))
  }

  @Test func branchAndCutProvesTheOptimum() throws {
    var state = freshState()
    try BranchAndCutStage(limit: .untilDeadline, fromBest: false).run(on: search, &state)
    #expect(abs(try validatedObjective(state) - optimum) < 1e-9)
    #expect(abs(state.bound - optimum) < 1e-9)
    #expect(state.proven(state.best)?.status == .optimal)
  }

  @Test func patternBoundIsPricedOnceAndStaysUnderTheOptimum() throws {
    var state = freshState()
    try PatternBoundStage().run(on: search, &state)
    #expect(state.pricedWeeks)
    #expect(state.bound <= optimum + 1e-9)
    state.bound = -1
    try PatternBoundStage().run(on: search, &state)
    #expect(state.bound == -1)
  }

  /// The week's pattern master, priced to convergence without a deadline,
  /// as a point for the search (``PatternBoundStage/point(of:coverage:)``).
  func convergedPatternPoint() throws -> PatternPoint {
    let coverage = search.coverage
    let pricing = try #require(WeekPricing(instance: coverage.instance))
    let result = try PatternBound(scenario: coverage.scenario, blocks: coverage.blocks, pricing: pricing)
      .run()
    #expect(result.converged)
    return try #require(PatternBoundStage.point(of: result, coverage: coverage))
  }

  /// The converged master's optimum as a point: every pair's share in
  /// [0, 1], no block over its need; the search around it starts from the
  /// greedy roster, ends at a better roster (validated, not below the
  /// optimum) and uses the point up.
  @Test func thePatternSupportIsSearchedOnceFromTheBestRoster() throws {
    var state = freshState()
    try RoundingStage(neighbourhood: .patternSupport).run(on: search, &state)
    #expect(state.best == nil)  // no point yet: nothing searched
    let point = try convergedPatternPoint()
    let coverage = search.coverage
    #expect(
      coverage.assignments.allSatisfy {
        point.values[$0.variable.index] >= 0 && point.values[$0.variable.index] <= 1 + 1e-9
      })
    for (b, block) in coverage.blocks.enumerated() {
      let covered = coverage.assignments.filter { $0.block == b }.reduce(0) {
        $0 + point.values[$1.variable.index]
      }
      #expect(covered <= Double(block.needed) + 1e-6)
    }
    let greedy = try #require(GreedyStart(coverage: coverage).solution())
    state.best = greedy
    state.patternPoint = point
    try RoundingStage(neighbourhood: .patternSupport).run(on: search, &state)
    #expect(state.patternPoint == nil)
    let objective = try validatedObjective(state)
    #expect(objective < (try #require(greedy.objective)) - 1e-9)
    #expect(objective >= optimum - 1e-9)
  }

  /// A master no better than the best roster (priced before a better
  /// roster was found beside it, say) is dropped unsearched, though its
  /// support holds better rosters; half a step below, it is searched.
  @Test func aMasterNotBelowTheBestRosterIsNotSearched() throws {
    let point = try convergedPatternPoint()
    let greedy = try #require(GreedyStart(coverage: search.coverage).solution())
    let start = try #require(greedy.objective)
    var state = freshState()
    state.best = greedy
    let halfStep = (state.step ?? 1e-6) / 2
    state.patternPoint = PatternPoint(values: point.values, master: start - halfStep)
    try RoundingStage(neighbourhood: .patternSupport).run(on: search, &state)
    #expect(state.patternPoint == nil)
    #expect(state.best?.objective == start)
    state.patternPoint = PatternPoint(values: point.values, master: start - 2 * halfStep)
    try RoundingStage(neighbourhood: .patternSupport).run(on: search, &state)
    #expect(try validatedObjective(state) < start - 1e-9)
  }

  /// Around a point that is the best roster itself, every pair the roster
  /// does not take is fixed at 0, so dropping pairs is all the search can
  /// do: the roster stays as it is, though the LP relaxation in the state
  /// would lead elsewhere.
  @Test func theSearchAroundThePatternsFixesWhatThePointLeavesOut() throws {
    var state = freshState()
    try RelaxationStage().run(on: search, &state)
    let greedy = try #require(GreedyStart(coverage: search.coverage).solution())
    state.best = greedy
    state.patternPoint = PatternPoint(values: greedy.values, master: optimum)
    try RoundingStage(neighbourhood: .patternSupport).run(on: search, &state)
    #expect(try validatedObjective(state) == (try #require(greedy.objective)))
    try RoundingStage(neighbourhood: .lpSupport).run(on: search, &state)
    #expect(try validatedObjective(state) < (try #require(greedy.objective)) - 1e-9)
  }

  @Test func patternBoundWaitsForAWeakLP() throws {
    var state = freshState()
    try PatternBoundStage(onlyWhenBoundLooksWeak: true).run(on: search, &state)
    #expect(!state.pricedWeeks)  // no roster yet: nothing to call weak
    let greedy = try #require(GreedyStart(coverage: search.coverage).solution())
    let objective = try #require(greedy.objective)
    state.best = greedy
    state.bound = (objective - (state.step ?? 0)) / 2  // the roster at twice the bound: not weak yet
    try PatternBoundStage(onlyWhenBoundLooksWeak: true).run(on: search, &state)
    #expect(!state.pricedWeeks)
    state.bound -= 1  // more than twice
    try PatternBoundStage(onlyWhenBoundLooksWeak: true).run(on: search, &state)
    #expect(state.pricedWeeks)
  }

  /// Stage 3c re-staffs only while the best roster is more than twice
  /// the bound: from the greedy roster with the bound at half of it it
  /// leaves the roster as it is (and takes up no fallback); a unit under
  /// that, it improves it, to a valid roster no better than the optimum.
  @Test func reStaffingAgainWaitsForAWeakBound() throws {
    let lines = Mutex<[String]>([])
    let again = ReStaffingStage(length: .againWhileBoundLooksWeak)
    var state = SearchState(
      model: search.coverage.model, timeLimit: nil,
      log: .lines { line in lines.withLock { $0.append(line) } }, knownBound: nil)
    let greedy = try #require(GreedyStart(coverage: search.coverage).solution())
    let objective = try #require(greedy.objective)
    state.fallback = greedy
    try again.run(on: search, &state)
    #expect(state.best == nil)  // no best roster yet: nothing to call weak
    state.best = greedy
    state.bound = (objective - (state.step ?? 0)) / 2  // the roster at twice the bound: not weak yet
    #expect(!state.boundLooksWeak)
    try again.run(on: search, &state)
    #expect(state.best?.values == greedy.values)
    #expect(lines.withLock { $0 }.isEmpty)
    state.bound -= 1  // more than twice
    #expect(state.boundLooksWeak)
    try again.run(on: search, &state)
    let reStaffed = try validatedObjective(state)
    #expect(reStaffed < objective - 1e-9)
    #expect(reStaffed >= optimum - 1e-9)
    #expect(
      lines.withLock { $0 }.contains {
        $0.contains("re-staffed a few schools at a time again, the bound looking weak")
      })
  }

  /// Only the re-staffings that have the time persist (repeat and grow
  /// their rounds), and only with a time limit: without one, every
  /// re-staffing of the pipeline keeps to one round, so that the roster
  /// does not depend on how long its searches take.
  @Test func reStaffingPersistsOnlyWithATimeLimit() {
    let unlimited = freshState()
    let limited = SearchState(
      model: search.coverage.model, timeLimit: .seconds(60), log: .silent, knownBound: nil)
    for length in [ReStaffingStage.Length.oneRound, .untilDeadline, .againWhileBoundLooksWeak] {
      let stage = ReStaffingStage(length: length)
      #expect(!stage.isPersistent(in: unlimited))
      #expect(stage.isPersistent(in: limited) == (length != .oneRound))
    }
  }

  /// The week's model restricted to every eligible pair: the same
  /// rosters, but a restricted model (``PartSearch/isRestricted``), whose
  /// branch-and-cut raises no bound.
  func restrictedToEveryPair() throws -> CoverageModel {
    let instance = search.coverage.instance
    let pairs = Set(
      instance.eligible.enumerated().flatMap { o, blocks in
        blocks.map { PinCheck.Pair(officer: o, block: $0) }
      })
    return try CoverageModel(instance: instance.restricted(to: pairs), published: nil, formulation: .tight)
  }

  /// A stage and the settings that tell it from others of its type.
  static func described(_ stage: any SearchStage) -> String {
    switch stage {
    case let rounding as RoundingStage: "rounding: \(rounding.neighbourhood.rawValue)"
    case let reStaffing as ReStaffingStage:
      switch reStaffing.length {
      case .oneRound: "re-staffing"
      case .untilDeadline: "re-staffing to the deadline"
      case .againWhileBoundLooksWeak: "re-staffing if the bound looks weak"
      }
    case let pricing as PatternBoundStage:
      pricing.onlyWhenBoundLooksWeak ? "pattern bound if the bound looks weak" : "pattern bound"
    case let branchAndCut as BranchAndCutStage:
      "branch-and-cut \(branchAndCut.limit)" + (branchAndCut.fromBest ? " from the best" : "")
        + (branchAndCut.reStaffsBeside ? ", re-staffing beside" : "")
        + (branchAndCut.underTheBest ? ", under the best" : "")
    default: "\(type(of: stage))"
    }
  }

  /// The pipeline's stages in the order ``PartSearch``'s documentation
  /// gives them, each with its settings; a restricted model's leaves the
  /// pattern bound and the LP support out.
  @Test func thePipelineRunsTheDocumentedStagesInOrder() throws {
    let restricted = try restrictedToEveryPair()
    let described = { (search: PartSearch) in search.pipeline.map(Self.described) }
    #expect(
      described(PartSearch(coverage: restricted, options: PlanningOptions())) == [
        "rounding: rounded LP", "re-staffing", "branch-and-cut untilDeadline from the best",
      ])
    #expect(
      described(search) == [
        "rounding: rounded LP", "re-staffing", "pattern bound if the bound looks weak",
        "re-staffing if the bound looks weak", "rounding: pattern support",
        "branch-and-cut briefly from the best, re-staffing beside",
        "rounding: LP support", "pattern bound", "rounding: pattern support",
        "branch-and-cut briefly, re-staffing beside, under the best",
        "branch-and-cut untilDeadline, re-staffing beside",
      ])
  }

  /// With a second thread and a time limit, the greedy roster is
  /// re-staffed beside the LP relaxation: the relaxation ends as it does
  /// alone, the state's best and the part's memory of settled searches
  /// are left untouched (a finished LP's stages must not depend on the
  /// other thread), and the roster returned is
  /// valid and no worse than the greedy one. With one thread, or without
  /// a time limit, the relaxation runs alone.
  @Test func reStaffingBesideTheLPLeavesTheRelaxationAsItIs() throws {
    var options = PlanningOptions()
    options.threads = 2
    options.timeLimit = .seconds(60)
    let twoThreads = PartSearch(coverage: search.coverage, options: options)
    var state = SearchState(
      model: search.coverage.model, timeLimit: options.timeLimit, log: .silent, knownBound: nil)
    let greedy = try #require(GreedyStart(coverage: search.coverage).solution())
    state.fallback = greedy
    let reStaffed = try #require(try twoThreads.relaxationBesideReStaffing(&state))
    #expect(state.relaxation?.status == .optimal)
    #expect(state.best == nil)
    #expect(twoThreads.settledSearches.isEmpty)
    var alone = freshState()
    try RelaxationStage().run(on: search, &alone)
    #expect(abs(state.bound - alone.bound) < 1e-6)
    let (after, before) = (try #require(reStaffed.objective), try #require(greedy.objective))
    #expect(after <= before + 1e-9)
    state.best = reStaffed
    #expect(try validatedObjective(state) >= optimum - 1e-9)
    for (threads, limit) in [(1, Duration.seconds(60)), (2, nil)] {
      options.threads = threads
      options.timeLimit = limit
      var other = SearchState(model: search.coverage.model, timeLimit: limit, log: .silent, knownBound: nil)
      other.fallback = greedy
      #expect(
        try PartSearch(coverage: search.coverage, options: options).relaxationBesideReStaffing(&other) == nil)
      #expect(other.relaxation?.status == .optimal)
    }
  }

  /// With a time limit and two threads, the last branch-and-cut runs
  /// beside a re-staffing of the best roster (a line says so, with the
  /// re-staffed roster's objective, never above the start's) and the
  /// better roster is kept: here branch-and-cut's, the optimum. With one
  /// thread, or without a time limit, branch-and-cut runs alone. A part
  /// of a larger week does too while its other part holds the second
  /// thread, and borrows that thread once the other part has ended (and
  /// gives it back).
  @Test func theLastBranchAndCutRunsBesideAReStaffingOfTheBestRoster() throws {
    let greedy = try #require(GreedyStart(coverage: search.coverage).solution())
    let start = try #require(greedy.objective)
    let otherPartEnded = SpareThreads(threads: 2, parts: 2)
    otherPartEnded.partEnded()
    for (threads, limit, spare, beside) in [
      (2, Duration?.some(.seconds(60)), SpareThreads?.none, true), (1, .seconds(60), nil, false),
      (2, nil, nil, false), (2, .seconds(60), SpareThreads(threads: 2, parts: 2), false),
      (2, .seconds(60), otherPartEnded, true),
    ] {
      let lines = Mutex<[String]>([])
      var options = PlanningOptions()
      options.threads = threads
      options.timeLimit = limit
      options.spareThreads = spare
      var state = SearchState(
        model: search.coverage.model, timeLimit: limit,
        log: .lines { line in lines.withLock { $0.append(line) } },
        knownBound: nil)
      state.best = greedy
      try BranchAndCutStage(limit: .untilDeadline, fromBest: false, reStaffsBeside: true)
        .run(on: PartSearch(coverage: search.coverage, options: options), &state)
      let besideLines = lines.withLock { $0 }.filter { $0.contains("re-staffed beside branch-and-cut: ") }
      #expect(besideLines.count == (beside ? 1 : 0))
      for line in besideLines {
        let reStaffed = try #require(line.split(separator: " ").last.flatMap { Double($0) })
        #expect(reStaffed <= start + 1e-9)
      }
      #expect(try validatedObjective(state) == optimum)
      if let spare {
        #expect(spare.borrow() == beside)  // a thread lent is given back
      }
    }
  }
}

/// Sleeps in steps of 10 ms until `done` holds or `limit` has passed;
/// how long it waited.
@discardableResult
func waited(atMost limit: Duration, until done: () -> Bool) -> Duration {
  let began = ContinuousClock.now
  while !done(), ContinuousClock.now < began + limit { Thread.sleep(forTimeInterval: 0.01) }
  return ContinuousClock.now - began
}
