import GLPKSolver
import LinearModel
import SROTestSupport
import Testing

@testable import SROFormulation
@testable import SROScenario
@testable import SROSearch

/// How ``ReStaffing`` tells a search that would repeat itself: what a
/// neighbourhood leaves free, the fingerprint of what it keeps fixed, and
/// the memory of searches run to their end (``SettledSearches``).
@Suite struct SettledSearchesTests {
  let east = ReStaffing.Neighbourhood.schools(["e1", "e2"])

  /// A search ended within its limit is remembered with its fingerprint
  /// and time; another fingerprint, or a neighbourhood never searched, is
  /// searched.
  @Test func aSearchRunToItsEndIsRepeatedOnlyWithTheSamePairsOutside() {
    let settled = SettledSearches()
    #expect(settled.repeated(east, outside: 7) == nil)
    settled.record(east, outside: 7, took: .milliseconds(30), timeLimitReached: false, stopped: false)
    #expect(settled.repeated(east, outside: 7) == .milliseconds(30))
    #expect(settled.repeated(east, outside: 8) == nil)
    #expect(settled.repeated(.schools(["w1", "w2"]), outside: 7) == nil)
    #expect(settled.repeated(.officers([0, 1]), outside: 7) == nil)
    settled.record(east, outside: 8, took: .milliseconds(40), timeLimitReached: false, stopped: false)
    #expect(settled.repeated(east, outside: 7) == nil)
    #expect(settled.repeated(east, outside: 8) == .milliseconds(40))
  }

  /// A search its time limit or a stop request cut short may find more
  /// given longer: it is not remembered, and it forgets the
  /// neighbourhood's earlier search.
  @Test func aSearchCutShortIsSearchedAgain() {
    let settled = SettledSearches()
    settled.record(east, outside: 7, took: .milliseconds(30), timeLimitReached: false, stopped: false)
    settled.record(east, outside: 7, took: .seconds(1), timeLimitReached: true, stopped: false)
    #expect(settled.repeated(east, outside: 7) == nil)
    settled.record(east, outside: 7, took: .milliseconds(30), timeLimitReached: false, stopped: false)
    settled.record(east, outside: 7, took: .milliseconds(40), timeLimitReached: false, stopped: true)
    #expect(settled.repeated(east, outside: 7) == nil)
  }

  /// Every re-staffing a part's search makes remembers in the part's one
  /// memory, so a later stage's, or one beside, skips what another has
  /// searched; another part's search has its own.
  @Test func aPartsReStaffingsShareOneMemory() throws {
    let coverage = try CoverageModel(scenario: scenario(twoTownsYAML))
    let search = PartSearch(coverage: coverage, options: PlanningOptions())
    let first = search.reStaffing(persistent: false, progress: nil, sharing: nil)
    let second = search.reStaffing(persistent: true, progress: nil, sharing: nil, stoppedBy: StopRequest())
    #expect(first.settled === search.settledSearches)
    #expect(second.settled === search.settledSearches)
    first.settled.record(east, outside: 7, took: .milliseconds(30), timeLimitReached: false, stopped: false)
    #expect(second.settled.repeated(east, outside: 7) == .milliseconds(30))
    let other = PartSearch(coverage: coverage, options: PlanningOptions())
    #expect(other.settledSearches !== search.settledSearches)
    #expect(other.settledSearches.repeated(east, outside: 7) == nil)
  }

  /// A school neighbourhood frees exactly the pairs at its schools, an
  /// officer neighbourhood exactly its officers' pairs; every shortage
  /// and overtime variable (all the others) is free in both.
  @Test func aNeighbourhoodFreesItsOwnPairsAndEveryShortageAndOvertime() throws {
    let coverage = try CoverageModel(scenario: scenario(twoTownsYAML))
    let search = ReStaffing(coverage: coverage, solverOptions: SolverOptions())
    let bySchool = search.freeVariables(in: east)
    let relief = try #require(coverage.scenario.officers.firstIndex { $0.id == "relief" })
    let byOfficer = search.freeVariables(in: .officers([relief]))
    for pair in coverage.assignments {
      let school = coverage.blocks[pair.block].school
      #expect(bySchool[pair.variable.index] == (school == "e1" || school == "e2"))
      #expect(byOfficer[pair.variable.index] == (pair.officer == relief))
    }
    let pairVariables = Set(coverage.assignments.map(\.variable.index))
    let others = coverage.model.variables.indices.filter { !pairVariables.contains($0) }
    #expect(others.count == coverage.shortages.count + coverage.overtime.count)
    #expect(others.allSatisfy { bySchool[$0] && byOfficer[$0] })
  }

  /// Two rosters that differ only inside a neighbourhood fix its search
  /// alike; a pair taken or dropped outside it changes the fingerprint.
  @Test func theFingerprintSeesOnlyThePairsOutside() throws {
    let coverage = try CoverageModel(scenario: scenario(twoTownsYAML))
    let search = ReStaffing(coverage: coverage, solverOptions: SolverOptions())
    let isFree = search.freeVariables(in: east)
    let solved = try GLPK.solve(coverage.model)
    let inside = try #require(coverage.assignments.first { isFree[$0.variable.index] })
    let outside = try #require(coverage.assignments.first { !isFree[$0.variable.index] })
    /// The optimal roster with `pair` flipped (taken or dropped).
    func flipping(_ pair: CoverageModel.Assignment) -> Solution {
      var values = solved.values
      values[pair.variable.index] = 1 - values[pair.variable.index].rounded()
      return Solution(status: .feasible, objective: nil, bound: nil, values: values, solveTime: .zero)
    }
    let fingerprint = search.fingerprint(of: solved, outside: isFree)
    #expect(search.fingerprint(of: flipping(inside), outside: isFree) == fingerprint)
    #expect(search.fingerprint(of: flipping(outside), outside: isFree) != fingerprint)
    #expect(search.fingerprint(of: solved, outside: search.freeVariables(in: .officers([0]))) != fingerprint)
  }
}
