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

/// The few-schools-at-a-time search (``ReStaffing``): which schools it
/// searches together, and the rosters it reaches from an empty one.
@Suite(.tags(.slow)) struct ReStaffingTests {

  /// A search of `coverage` that never stops a small search early, so
  /// that one round's result does not depend on the machine's speed (a
  /// persistent round's order does, after each kind's first search: its
  /// results checked here are optima or reached within those).
  func reStaffing(_ coverage: CoverageModel) -> ReStaffing {
    var search = ReStaffing(
      coverage: coverage, solverOptions: SolverOptions())
    search.searchLimit = .seconds(60)
    return search
  }

  /// The roster of `coverage` with these `values`, and its objective.
  func solution(_ coverage: CoverageModel, _ values: [Double]) -> Solution {
    Solution(
      status: .feasible, objective: coverage.model.objective.evaluate { values[$0.index] }, bound: nil,
      values: values, solveTime: .zero)
  }

  /// The officers of each set, by id.
  func names(_ sets: [Set<Int>], in coverage: CoverageModel) -> [Set<String>] {
    sets.map { Set($0.map { coverage.scenario.officers[$0].id.rawValue }) }
  }

  /// The roster that takes nobody: every block short, no overtime.
  func emptyRoster(_ coverage: CoverageModel) -> Solution {
    var values = [Double](repeating: 0, count: coverage.model.variables.count)
    for (b, short) in coverage.shortages.enumerated() {
      values[short.index] = Double(coverage.blocks[b].needed)
    }
    return solution(coverage, values)
  }

  @Test func neighbourhoodsAreNearbySchoolsEachSetOnce() throws {
    let coverage = try CoverageModel(scenario: scenario(twoTownsYAML))
    let search = reStaffing(coverage)
    let pairs = search.neighbourhoods(ofSize: 2).map { $0.map(\.rawValue).sorted() }
    #expect(pairs == [["w1", "w2"], ["e1", "e2"]])
    let triples = search.neighbourhoods(ofSize: 3)
    #expect(triples.allSatisfy { $0.count == 3 })
    #expect(Set(triples.flatMap { $0 }).count == 4)
    #expect(Set(triples).count == triples.count)
  }

  /// By hand: each officer at home every morning (20 h), the relief
  /// deputy at w1 on Tuesday; nobody away from home, nothing short: 0.
  /// Quick searches (``ReStaffing/quickCuts``) reach it too.
  @Test(arguments: [nil, ReStaffing.quickCuts])
  func anEmptyRosterIsStaffedToTheOptimum(cuts: Set<CutFamily>?) throws {
    let scenario = try scenario(twoTownsYAML)
    let coverage = try CoverageModel(scenario: scenario)
    let empty = emptyRoster(coverage)
    #expect(abs((empty.objective ?? 0) - 100 * 4 * 20) < 1e-9)
    var search = reStaffing(coverage)
    search.cuts = cuts
    let improved = try search.improve(empty, target: 0, deadline: .now + .seconds(60))
    #expect(improved.objective == 0)
    let roster = coverage.roster(from: improved)
    #expect(RosterValidator(scenario: scenario).validate(roster).violations == [])
    #expect(roster.assignments.contains { $0.officer == "relief" && $0.school == "w1" && $0.day == "tue" })
  }

  /// The generated week of `schools` schools and `seed`, in its
  /// independent parts.
  func generatedParts(seed: UInt64, schools: Int = 24) throws -> [Scenario] {
    try ScenarioLoader.load(
      text: DistrictGenerator(options: .init(schools: schools, seed: seed)).yaml(), file: "generated.yaml"
    ).independentParts()
  }

  /// The roster `search` reaches from `part`'s greedy roster (down to
  /// `target`), checked by the validator; its objective, greedy and
  /// improved.
  func improveGreedy(
    _ part: Scenario, persistent: Bool, target: Double = 0, cuts: Set<CutFamily>? = nil
  ) throws -> (greedy: Double, improved: Double) {
    let coverage = try CoverageModel(scenario: part)
    let greedy = solution(coverage, try #require(GreedyStart(coverage: coverage).values()))
    var search = reStaffing(coverage)
    search.persistent = persistent
    search.cuts = cuts
    let improved = try search.improve(greedy, target: target, deadline: .now + .seconds(120))
    let roster = coverage.roster(from: improved)
    let validation = RosterValidator(scenario: part).validate(roster)
    #expect(validation.violations == [])
    #expect(abs(validation.recomputedObjective - (improved.objective ?? .nan)) < 1e-6)
    return (try #require(greedy.objective), roster.objective)
  }

  /// The rosters `search` reaches from the greedy roster of each of the
  /// parts of a generated week (`schools`, `seed`), checked by the validator;
  /// their totals, greedy and improved.
  func improveGreedy(
    seed: UInt64, persistent: Bool, schools: Int = 24, cuts: Set<CutFamily>? = nil
  ) throws -> (greedy: Double, improved: Double) {
    var total = (greedy: 0.0, improved: 0.0)
    for part in try generatedParts(seed: seed, schools: schools) {
      let (greedy, improved) = try improveGreedy(part, persistent: persistent, cuts: cuts)
      total = (total.greedy + greedy, total.improved + improved)
    }
    return total
  }

  /// Seed 4 from the greedy roster (826.5) to the optimum the whole
  /// model proves (104.5).
  @Test func aGeneratedWeekImprovesFromTheGreedyRoster() throws {
    let (greedy, improved) = try improveGreedy(seed: 4, persistent: false)
    #expect(greedy > 800)
    #expect(abs(improved - 104.5) < 1e-6)
  }

  /// Seed 8: one round of the small neighbourhoods stops at 679.5; a
  /// persistent search, repeating rounds and going on with larger ones,
  /// reaches the optimum, 637.5, which the whole model proves. Quick
  /// searches (``ReStaffing/quickCuts``, what a part whose LP did not
  /// finish uses) stop one short of it, at 638.5: the trade they make,
  /// more searches for less of each.
  @Test func aPersistentSearchGoesOnWithLargerNeighbourhoods() throws {
    let plain = try improveGreedy(seed: 8, persistent: false).improved
    let persistent = try improveGreedy(seed: 8, persistent: true).improved
    let quick = try improveGreedy(seed: 8, persistent: true, cuts: ReStaffing.quickCuts).improved
    #expect(abs(plain - 679.5) < 1e-6)
    #expect(abs(persistent - 637.5) < 1e-6)
    #expect(abs(quick - 638.5) < 1e-6)
  }

  /// A generated 40-school week (seed 3) from the greedy roster: one
  /// round reaches the optimum, 8, which the whole model proves. Without
  /// the searches of short blocks with their least busy officers it
  /// stops at 2400, without those of costly officers' groups at 1208.
  @Test func shortBlocksAndCostlyOfficersTakeALargerWeekToItsOptimum() throws {
    let (greedy, improved) = try improveGreedy(seed: 3, persistent: false, schools: 40)
    #expect(greedy > improved)
    #expect(abs(improved - 8) < 1e-6)
  }

  /// Seed 3's larger part from its greedy roster (2,432), where the first
  /// search of two schools and of three bring nothing and that of the
  /// costliest short block's officers brings 1,200. One round takes the
  /// kinds one after another, each listed from the best roster when it
  /// starts: the school searches take it to 2,400, the short blocks'
  /// officers then to 1,200 (listed from the greedy roster, 0). A
  /// persistent round takes the first search of each kind before any
  /// kind's second, however long each takes: with a target of 1,300 it
  /// stops at 1,232, after three searches.
  @Test func aPersistentRoundSearchesEachKindOnceBeforeAnyTwice() throws {
    let part = try #require(try generatedParts(seed: 3).first)
    let oneRound = try improveGreedy(part, persistent: false)
    #expect(oneRound.greedy == 2432)
    #expect(oneRound.improved == 1200)
    #expect(try improveGreedy(part, persistent: true, target: 1300).improved == 1232)
  }

  /// A search skipped as a repeat counts, in the turns, as the search it
  /// repeats: here the memory holds the first two-school search of seed
  /// 3's larger part, from its greedy roster, as taking an hour. So the
  /// two schools have no second turn before the three schools' and the
  /// short block's first, which meets the target (1,300) at 1,232, as
  /// without the memory. Counted as taking no time, the skip would leave
  /// the two schools first again, and their second neighbourhood would
  /// be searched.
  @Test func aSkippedSearchCountsTheTimeOfTheSearchItRepeats() throws {
    let part = try #require(try generatedParts(seed: 3).first)
    let coverage = try CoverageModel(scenario: part)
    let greedy = solution(coverage, try #require(GreedyStart(coverage: coverage).values()))
    var search = reStaffing(coverage)
    search.persistent = true
    let twoSchools = search.costliestFirst(search.neighbourhoods(ofSize: 2), at: greedy)
    let first = ReStaffing.Neighbourhood.schools(twoSchools[0])
    let second = ReStaffing.Neighbourhood.schools(twoSchools[1])
    let outside = { search.fingerprint(of: greedy, outside: search.freeVariables(in: $0)) }
    search.settled.record(
      first, outside: outside(first), took: .seconds(3600), timeLimitReached: false, stopped: false)
    let improved = try search.improve(greedy, target: 1300, deadline: .now + .seconds(120))
    #expect(abs((improved.objective ?? .nan) - 1232) < 1e-6)
    #expect(search.settled.repeated(first, outside: outside(first)) == .seconds(3600))
    #expect(search.settled.repeated(second, outside: outside(second)) == nil)
  }

  /// A search its time limit cut short may find more given longer, so it
  /// is not remembered: with 1 ms a search, every search of seed 3's
  /// larger 40-school part ends at its limit (GLPK's presolver alone takes
  /// longer on models of thousands of rows), and for half a second of them
  /// nothing is remembered. With the usual limit the same searches are.
  @Test(.tags(.slow)) func searchesCutShortByTheirLimitAreNotRemembered() throws {
    let part = try #require(
      try generatedParts(seed: 3, schools: 40).max { $0.schools.count < $1.schools.count })
    let coverage = try CoverageModel(scenario: part)
    let greedy = solution(coverage, try #require(GreedyStart(coverage: coverage).values()))
    var cutShort = reStaffing(coverage)
    cutShort.searchLimit = .milliseconds(1)
    _ = try cutShort.improve(greedy, target: 0, deadline: .now + .milliseconds(500))
    #expect(cutShort.settled.isEmpty)
    let usual = reStaffing(coverage)
    _ = try usual.improve(greedy, target: 0, deadline: .now + .milliseconds(500))
    #expect(!usual.settled.isEmpty)
  }

  /// Each better roster is reported to the part's progress as it is
  /// found, so the live line follows a long re-staffing: seed 3's larger
  /// part, one round from the greedy 2,432, reports a falling objective
  /// that ends at the roster returned (1,200). ``ReStaffing/onBetterRoster``
  /// hears the same objectives.
  @Test func eachBetterRosterIsReportedAsItIsFound() throws {
    let part = try #require(try generatedParts(seed: 3).first)
    let coverage = try CoverageModel(scenario: part)
    let greedy = solution(coverage, try #require(GreedyStart(coverage: coverage).values()))
    let reports = Mutex<[Double]>([])
    let board = ProgressBoard(parts: 1) { progress in
      if let objective = progress.objective { reports.withLock { $0.append(objective) } }
    }
    var search = reStaffing(coverage)
    search.progress = board.part(0)
    let heard = Mutex<[Double]>([])
    search.onBetterRoster = { objective in heard.withLock { $0.append(objective) } }
    let improved = try search.improve(greedy, target: 0, deadline: .now + .seconds(120))
    let objectives = reports.withLock { $0 }
    #expect(heard.withLock { $0 } == objectives)
    #expect(objectives.count > 1)
    #expect(zip(objectives, objectives.dropFirst()).allSatisfy { $0 > $1 })
    #expect(objectives.first ?? 0 < 2432)
    #expect(objectives.last == improved.objective)
    #expect(improved.objective == 1200)
    let validation = RosterValidator(scenario: part).validate(coverage.roster(from: improved))
    #expect(validation.violations == [])
  }

  /// Re-staffings running at once share their best roster
  /// (``ReStaffing/shared``), on seed 3's larger part: one that starts at
  /// the greedy 2,432 while the shared roster is already at 1,200 takes
  /// that up before its first search, and so stops at once under a
  /// target of 1,300 (alone, persistent, it stops at 1,232); one that
  /// shares a roster offers each better roster it finds, so the shared
  /// roster ends at the one it returns (1,200).
  @Test func reStaffingsRunningAtOnceShareTheirBestRoster() throws {
    let part = try #require(try generatedParts(seed: 3).first)
    let coverage = try CoverageModel(scenario: part)
    let greedy = solution(coverage, try #require(GreedyStart(coverage: coverage).values()))
    let shared = SharedRoster(greedy)
    var first = reStaffing(coverage)
    first.shared = shared
    let found = try first.improve(greedy, target: 0, deadline: .now + .seconds(120))
    #expect(found.objective == 1200)
    #expect(shared.roster.objective == 1200)
    var second = reStaffing(coverage)
    second.persistent = true
    second.shared = shared
    let taken = try second.improve(greedy, target: 1300, deadline: .now + .seconds(120))
    #expect(taken.objective == 1200)
    #expect(try improveGreedy(part, persistent: true, target: 1300).improved == 1232)
    let validation = RosterValidator(scenario: part).validate(coverage.roster(from: taken))
    #expect(validation.violations == [])
    #expect(abs(validation.recomputedObjective - 1200) < 1e-6)
  }

  /// A re-staffing that has no time to search still returns the shared
  /// roster when it is better than its own (``ReStaffing/shared``): the
  /// other re-staffing's roster is never lost.
  @Test func aReStaffingOutOfTimeReturnsTheBetterSharedRoster() throws {
    let part = try #require(try generatedParts(seed: 3).first)
    let coverage = try CoverageModel(scenario: part)
    let greedy = solution(coverage, try #require(GreedyStart(coverage: coverage).values()))
    let better = try reStaffing(coverage).improve(greedy, target: 0, deadline: .now + .seconds(120))
    #expect(try #require(better.objective) < (try #require(greedy.objective)) - 1e-9)
    var late = reStaffing(coverage)
    late.shared = SharedRoster(better)
    let returned = try late.improve(greedy, target: 0, deadline: .now)
    #expect(returned.objective == better.objective)
    let validation = RosterValidator(scenario: part).validate(coverage.roster(from: returned))
    #expect(validation.violations == [])
  }

  /// The pairs a solution takes give back the same solution (objective
  /// and roster); a pair the model has no variable for, or a pair twice,
  /// gives `nil`.
  @Test func theTakenPairsGiveBackTheSolution() throws {
    let scenario = try scenario(twoTownsYAML)
    let coverage = try CoverageModel(scenario: scenario)
    let solved = try GLPK.solve(coverage.model)
    let pairs = coverage.pairs(in: solved)
    let start = try #require(coverage.solution(taking: pairs))
    #expect(abs((start.objective ?? .nan) - (solved.objective ?? .nan)) < 1e-9)
    let roster = coverage.roster(from: start)
    #expect(roster.assignments == coverage.roster(from: solved).assignments)
    #expect(RosterValidator(scenario: scenario).validate(roster).violations == [])
    let absent = try #require(
      coverage.instance.eligible.indices.lazy.compactMap { o in
        coverage.blocks.indices.first { !coverage.instance.eligible[o].contains($0) }
          .map { PinCheck.Pair(officer: o, block: $0) }
      }.first)
    #expect(coverage.solution(taking: pairs + [absent]) == nil)
    #expect(coverage.solution(taking: pairs + pairs.prefix(1)) == nil)
  }

  /// Two identical windows make two copies of each block; an officer on
  /// each copy staffs both.
  @Test func pairsOnCopiesOfABlockStaffBoth() throws {
    let scenario = try scenario(
      """
      schools:
        - id: s
          level: elementary
          coverage:
            - {days: [mon], start: "08:00", end: "10:00", officers: 1}
            - {days: [mon], start: "08:00", end: "10:00", officers: 1}
      officers:
        - {id: a, agency: A, home: s}
        - {id: b, agency: A, home: s}
      """)
    let coverage = try CoverageModel(scenario: scenario)
    let pairs = [PinCheck.Pair(officer: 0, block: 0), PinCheck.Pair(officer: 1, block: 1)]
    let solution = try #require(coverage.solution(taking: pairs))
    #expect(solution.objective == 0)
    let roster = coverage.roster(from: solution)
    #expect(roster.assignments.count == 2 && roster.uncovered.isEmpty)
    #expect(RosterValidator(scenario: scenario).validate(roster).violations == [])
  }

  /// The two towns' roster with everyone at home every morning, the
  /// relief deputy nowhere: w1 is short on Tuesday (ow1 is away), 400.
  func everyoneAtHome(_ coverage: CoverageModel) -> Solution {
    var values = [Double](repeating: 0, count: coverage.model.variables.count)
    for pair in coverage.assignments
    where coverage.scenario.officers[pair.officer].home == coverage.blocks[pair.block].school {
      values[pair.variable.index] = 1
    }
    for (b, short) in coverage.shortages.enumerated()
    where !coverage.assignments.contains(where: { $0.block == b && values[$0.variable.index] == 1 }) {
      values[short.index] = 1
    }
    return solution(coverage, values)
  }

  /// `officer`'s pair for `school` on `day` (the two towns have one
  /// block a school a day).
  func pair(_ officer: String, _ school: String, _ day: Weekday, in coverage: CoverageModel) -> Variable {
    coverage.assignments.first {
      coverage.scenario.officers[$0.officer].id.rawValue == officer
        && coverage.blocks[$0.block].school.rawValue == school && coverage.blocks[$0.block].day == day
    }!.variable
  }

  /// By hand: with everyone at home, only w1's Tuesday block is short; the
  /// officers who could take it, least busy that day first, are the
  /// relief deputy (idle), then ow2 and oe1 (4 h that day, 20 in the
  /// week; scenario order). With the relief deputy standing in for ow2
  /// at w2 that day, ow2 comes first: idle that day, though it works 16
  /// hours in the week to the relief deputy's 4.
  @Test func aShortBlockIsSearchedWithItsLeastBusyOfficers() throws {
    let coverage = try CoverageModel(scenario: scenario(twoTownsYAML))
    let roster = everyoneAtHome(coverage)
    #expect(roster.objective == 400)
    let search = reStaffing(coverage)
    #expect(
      names(search.shortBlockPartners(at: roster, taking: 3), in: coverage) == [["relief", "ow2", "oe1"]])
    #expect(names(search.shortBlockPartners(at: roster, taking: 1), in: coverage) == [["relief"]])
    var values = roster.values
    values[pair("ow2", "w2", .tue, in: coverage).index] = 0
    values[pair("relief", "w2", .tue, in: coverage).index] = 1
    let standIn = solution(coverage, values)
    #expect(standIn.objective == 400)
    #expect(names(search.shortBlockPartners(at: standIn, taking: 1), in: coverage) == [["ow2"]])
    #expect(
      names(search.shortBlockPartners(at: standIn, taking: 3), in: coverage) == [["ow2", "relief", "oe1"]])
    // With nobody working, every block is short and its least busy
    // officer comes first in scenario order: ow1, or ow2 on Tuesday.
    #expect(
      names(search.shortBlockPartners(at: emptyRoster(coverage), taking: 1), in: coverage) == [
        ["ow1"], ["ow2"],
      ])
  }

  /// By hand: ow2 works w1 on Tuesday (4 h away from home, cost 4), the
  /// relief deputy w2; oe1 works Friday only (e1 short Monday to
  /// Thursday, 1600). ow2 is the only officer the roster pays for.
  /// Nearest to its home w2 work the relief deputy (at w2), ow1 (w1), oe2
  /// and oe1 (e2 is nearer); working the fewest hours, the relief deputy
  /// and oe1 (4 h each; the relief deputy nearer), then ow1 (16 h) and
  /// oe2 (20 h). So oe1 is a partner only as one who works little.
  @Test func aCostlyOfficerIsSearchedWithNearbyAndLessBusyOfficers() throws {
    let coverage = try CoverageModel(scenario: scenario(twoTownsYAML))
    var values = everyoneAtHome(coverage).values
    values[pair("ow2", "w2", .tue, in: coverage).index] = 0
    values[pair("ow2", "w1", .tue, in: coverage).index] = 1
    values[pair("relief", "w2", .tue, in: coverage).index] = 1
    for short in coverage.shortages { values[short.index] = 0 }
    for day in [Weekday.mon, .tue, .wed, .thu] {
      values[pair("oe1", "e1", day, in: coverage).index] = 0
      let block = coverage.blocks.indices.first {
        coverage.blocks[$0].school == "e1" && coverage.blocks[$0].day == day
      }!
      values[coverage.shortages[block].index] = 1
    }
    let roster = solution(coverage, values)
    #expect(roster.objective == 1604)
    let search = reStaffing(coverage)
    #expect(
      names(search.officerGroups(at: roster, groupSize: 1), in: coverage) == [
        ["ow2", "relief"], ["ow2", "ow1"], ["ow2", "oe2"], ["ow2", "oe1"],
      ])
    #expect(
      names(search.officerGroups(at: roster, groupSize: 2), in: coverage) == [
        ["ow2", "relief", "ow1"], ["ow2", "oe2", "oe1"], ["ow2", "relief", "oe1"], ["ow2", "ow1", "oe2"],
      ])
    #expect(try search.improve(roster, target: 0, deadline: .now + .seconds(60)).objective == 0)
  }
}
