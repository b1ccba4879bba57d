import GLPKSolver
import Testing

@testable import SROCore

/// The few-schools-at-a-time search (``ReStaffing``): which schools it
/// searches together, and the rosters it reaches from an empty one.
@Suite struct ReStaffingTests {

  /// A search of `coverage` that never stops a small search early, so
  /// that its result does not depend on the machine's speed.
  func reStaffing(_ coverage: CoverageModel) -> ReStaffing {
    var search = ReStaffing(
      coverage: coverage, rules: Rules(coverage.scenario), solverOptions: SolverOptions())
    search.searchLimit = .seconds(60)
    return search
  }

  /// The roster that takes nobody: every block short, no overtime.
  func emptyRoster(_ coverage: CoverageModel) -> Solution {
    var values = [Double](repeating: 0, count: coverage.model.variables.count)
    for (b, short) in coverage.shortages.enumerated() {
      values[short.index] = Double(coverage.blocks[b].needed)
    }
    return Solution(
      status: .feasible, objective: coverage.model.objective.evaluate { values[$0.index] }, bound: nil,
      values: values, solveTime: .zero)
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
  @Test func anEmptyRosterIsStaffedToTheOptimum() throws {
    let scenario = try scenario(twoTownsYAML)
    let coverage = try CoverageModel(scenario: scenario)
    let empty = emptyRoster(coverage)
    #expect(abs((empty.objective ?? 0) - 100 * 4 * 20) < 1e-9)
    let improved = try reStaffing(coverage).improve(empty, target: 0, deadline: .now + .seconds(60))
    #expect(improved.objective == 0)
    let roster = coverage.roster(from: improved)
    #expect(RosterValidator(scenario: scenario).validate(roster).violations == [])
    #expect(roster.assignments.contains { $0.officer == "relief" && $0.school == "w1" && $0.day == "tue" })
  }

  /// A generated week from the greedy roster (826.5): the roster is
  /// valid, and the search ends within a few percent of the optimum the
  /// whole model proves (104.5; the search alone reaches 107).
  @Test func aGeneratedWeekImprovesFromTheGreedyRoster() throws {
    let scenario = try ScenarioLoader.load(
      text: DistrictGenerator(options: .init(schools: 24, seed: 4)).yaml(), file: "generated.yaml")
    var greedyTotal = 0.0
    var total = 0.0
    for part in scenario.independentParts() {
      let coverage = try CoverageModel(scenario: part)
      let values = try #require(GreedyStart(coverage: coverage, rules: Rules(part)).values())
      let greedy = Solution(
        status: .feasible, objective: coverage.model.objective.evaluate { values[$0.index] }, bound: nil,
        values: values, solveTime: .zero)
      let improved = try reStaffing(coverage).improve(greedy, target: 0, deadline: .now + .seconds(120))
      let roster = coverage.roster(from: improved)
      let validation = RosterValidator(scenario: part).validate(roster)
      #expect(validation.violations == [])
      #expect(abs(validation.recomputedObjective - (improved.objective ?? .nan)) < 1e-6)
      greedyTotal += greedy.objective ?? 0
      total += roster.objective
    }
    #expect(total >= 104.5)
    #expect(greedyTotal > 800)
    #expect(total <= 110, "far from the optimum 104.5: \(total)")
  }

  /// A roster read back into the model gives the same objective and,
  /// decoded again, the same roster; an assignment the model has no pair
  /// for gives `nil`.
  @Test func aRosterReadsBackIntoItsModel() throws {
    let scenario = try scenario(twoTownsYAML)
    let roster = try solveAndValidate(scenario)
    let coverage = try CoverageModel(scenario: scenario)
    let solution = try #require(coverage.solution(of: roster))
    #expect(abs((solution.objective ?? .nan) - roster.objective) < 1e-9)
    let again = coverage.roster(from: solution)
    #expect(again.assignments == roster.assignments)
    #expect(again.uncovered == roster.uncovered)
    var foreign = roster
    foreign.assignments.append(
      Roster.Assignment(
        officer: "ow1", school: "w1", day: "sat", date: "", start: "08:00", end: "12:00", kind: .coverage,
        event: nil))
    #expect(coverage.solution(of: foreign) == nil)
  }

  /// Two identical windows make two copies of each block; a roster with an
  /// officer on each copy reads back with both copies staffed.
  @Test func aRosterReadsBackOntoCopiesOfABlock() throws {
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
    let roster = try solveAndValidate(scenario)
    #expect(roster.assignments.count == 2)
    let coverage = try CoverageModel(scenario: scenario)
    let solution = try #require(coverage.solution(of: roster))
    #expect(solution.objective == 0)
    #expect(coverage.roster(from: solution).assignments == roster.assignments)
  }
}
