import SROTestSupport
import Synchronization
import Testing

@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch
@testable import SROValidator

/// Solving a scenario's independent parts apart gives the optimum of the
/// monolithic model.
@Suite(.tags(.slow)) struct DecompositionTests {
  // Seeds whose monolithic model solves in well under a second (12 schools
  // can be hard for the monolithic model: seed 4 takes minutes).
  static let seeds: [UInt64] = [1, 3, 5, 6]

  @Test(arguments: seeds)
  func decomposedObjectiveEqualsMonolithic(seed: UInt64) throws {
    let text = DistrictGenerator(options: .init(schools: 12, seed: seed)).yaml()
    let scenario = try ScenarioLoader.load(text: text, file: "generated-\(seed).yaml")
    var whole = PlanningOptions()
    whole.decompose = false
    let monolithic = try Planner.plan(scenario, options: whole)
    let decomposed = try Planner.plan(scenario)
    #expect(decomposed.parts >= 2)  // the two agencies at least
    #expect(monolithic.parts == 1)
    #expect(monolithic.roster.status == .optimal && decomposed.roster.status == .optimal)
    #expect(abs(monolithic.roster.objective - decomposed.roster.objective) < 1e-6)
    #expect(RosterValidator(scenario: scenario).validate(decomposed.roster).violations == [])
  }

  @Test func partsCoverEveryOfficerAndSchoolOnce() throws {
    let text = DistrictGenerator(options: .init(schools: 30, seed: 9)).yaml()
    let scenario = try ScenarioLoader.load(text: text, file: "generated.yaml")
    let parts = scenario.independentParts()
    #expect(parts.flatMap(\.officers).map(\.id).sorted() == scenario.officers.map(\.id).sorted())
    #expect(parts.flatMap(\.schools).map(\.id).sorted() == scenario.schools.map(\.id).sorted())
    #expect(parts.flatMap { $0.blocks() }.count == scenario.blocks().count)
  }

  /// A part of a week of several records its end with the week's
  /// ``SpareThreads``, so that the thread it held may be lent to a part
  /// still searching: with two parts on two threads, none is spare until
  /// one has been planned.
  @Test func aPlannedPartFreesItsThread() throws {
    let text = DistrictGenerator(options: .init(schools: 12, seed: 1)).yaml()
    let scenario = try ScenarioLoader.load(text: text, file: "generated-1.yaml")
    let part = try #require(scenario.independentParts().first)
    let spare = SpareThreads(threads: 2, parts: 2)
    var options = PlanningOptions()
    options.threads = 2
    options.spareThreads = spare
    #expect(!spare.borrow())
    let result = try Planner.planPart(Instance(part), of: spare, options: options, tuning: SearchTuning())
      .get()
    #expect(RosterValidator(scenario: part).validate(result.roster).violations == [])
    #expect(spare.borrow())
  }

  /// The greedy roster is re-staffed beside the LP relaxation of a part
  /// only when a thread is spare: always for a one-part week with two
  /// threads; for every part of a decomposed week with at least twice as
  /// many threads as parts; never with one thread.
  @Test func aPartReStaffsBesideTheLPWhenAThreadIsSpare() throws {
    let text = DistrictGenerator(options: .init(schools: 12, seed: 1)).yaml()
    let scenario = try ScenarioLoader.load(text: text, file: "generated-1.yaml")
    for (decompose, threads) in [(false, 2), (true, 1), (false, 1), (true, 16)] {
      let lines = Mutex<[String]>([])
      var options = PlanningOptions()
      options.threads = threads
      options.timeLimit = .seconds(60)
      options.decompose = decompose
      options.log = .lines { line in lines.withLock { $0.append(line) } }
      let result = try Planner.plan(scenario, options: options)
      #expect((result.parts >= 2) == decompose)
      #expect(result.parts * 2 <= 16)
      #expect(RosterValidator(scenario: scenario).validate(result.roster).violations == [])
      let besideLP = lines.withLock { $0 }.filter { $0.contains("re-staffed beside the LP") }
      #expect(besideLP.count == (threads == 1 ? 0 : result.parts))
    }
  }

  @Test func threadCountDoesNotChangeTheRoster() throws {
    let text = DistrictGenerator(options: .init(schools: 16, seed: 5)).yaml()
    let scenario = try ScenarioLoader.load(text: text, file: "generated.yaml")
    var one = PlanningOptions()
    one.threads = 1
    var four = PlanningOptions()
    four.threads = 4
    #expect(
      try Planner.plan(scenario, options: one).roster.json
        == Planner.plan(scenario, options: four).roster.json)
  }
}
