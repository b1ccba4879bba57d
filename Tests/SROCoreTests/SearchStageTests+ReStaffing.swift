import Synchronization
import Testing

@testable import GLPKSolver
@testable import SROSearch

extension SearchStageTests {
  /// A part's re-staffing (``PartSearch/reStaffing(persistent:progress:sharing:stoppedBy:memory:)``)
  /// stops on the request it is given, else on the search's own (the one
  /// a signal raises), and on nothing else: raised, it leaves the greedy
  /// roster as it is. It is persistent as asked, reports each better
  /// roster to the progress and offers it to the shared roster it is
  /// given. Its searches keep every cut family unless the part's
  /// re-staffings are quick.
  @Test func aPartsReStaffingStopsOnTheRequestItIsGiven() throws {
    let greedy = try #require(GreedyStart(coverage: search.coverage).solution())
    let start = try #require(greedy.objective)
    let (raised, quiet) = (StopRequest(), StopRequest())
    raised.raise()
    var options = PlanningOptions()
    options.stop = raised
    let interrupted = PartSearch(coverage: search.coverage, options: options)
    let deadline = ContinuousClock.now + .seconds(60)
    for (reStaffing, stops) in [
      (interrupted.reStaffing(persistent: false, progress: nil, sharing: nil), true),
      (interrupted.reStaffing(persistent: false, progress: nil, sharing: nil, stoppedBy: quiet), false),
      (search.reStaffing(persistent: false, progress: nil, sharing: nil, stoppedBy: raised), true),
    ] {
      var state = freshState()
      state.best = try reStaffing.improve(greedy, target: optimum, deadline: deadline)
      let improved = try validatedObjective(state)
      #expect((improved == start) == stops)
    }
    let reports = Mutex<[Double]>([])
    let board = ProgressBoard(parts: 1) { progress in
      if let objective = progress.objective { reports.withLock { $0.append(objective) } }
    }
    let shared = SharedRoster(greedy)
    for persistent in [false, true] {
      #expect(search.reStaffing(persistent: persistent, progress: nil, sharing: nil).persistent == persistent)
    }
    #expect(search.reStaffing(persistent: true, progress: nil, sharing: nil).cuts == nil)
    #expect(
      search.withQuickReStaffing.reStaffing(persistent: true, progress: nil, sharing: nil).cuts
        == ReStaffing.quickCuts)
    let reStaffing = search.reStaffing(persistent: false, progress: board.part(0), sharing: shared)
    var state = freshState()
    state.best = try reStaffing.improve(greedy, target: optimum, deadline: deadline)
    let improved = try validatedObjective(state)
    #expect(improved < start - 1e-9)
    #expect(reports.withLock { $0 }.last == improved)
    #expect(shared.roster.objective == improved)
  }
}

extension SearchStageTests {
  /// A part whose LP relaxation does not finish (a stand-in that gives up
  /// after a moment) re-staffs the greedy roster with quick searches
  /// (``PartSearch/quickReStaffing``), beside the LP and after it to the
  /// deadline, and returns a valid roster no worse than the greedy one,
  /// with no bound; the stage lines say so. When the LP finishes, no
  /// re-staffing whose roster the part keeps is quick.
  @Test func withoutAnLPThePartReStaffsWithQuickSearches() throws {
    let greedyRoster = try #require(GreedyStart(coverage: search.coverage).solution())
    let greedy = try #require(greedyRoster.objective)
    for lpFinishes in [false, true] {
      let lines = Mutex<[String]>([])
      var options = PlanningOptions()
      options.threads = 2
      options.timeLimit = .seconds(2)
      options.log = .lines { line in
        if line.hasPrefix("sro:") { lines.withLock { $0.append(line) } }
      }
      var part = PartSearch(coverage: search.coverage, options: options)
      if !lpFinishes {
        part.solveRelaxation = { _, _ in
          let waited = waited(atMost: .milliseconds(300)) { false }
          return Relaxation(
            status: .noSolutionFound, objective: nil, rowDuals: [], values: [], basis: nil, solveTime: waited)
        }
      }
      let outcome = try part.run()
      let said = lines.withLock { $0 }
      let quick = said.filter { $0.contains("(quick searches)") }
      if lpFinishes {
        // The one beside the LP searched quickly, but its roster is dropped.
        #expect(quick.allSatisfy { $0.contains("re-staffed beside the LP") }, "\(said)")
      } else {
        #expect(quick.contains { $0.contains("re-staffed beside the LP (quick searches)") }, "\(said)")
        #expect(
          quick.contains {
            $0.contains("re-staffed a few schools at a time on two threads (quick searches)")
          },
          "\(said)")
        #expect(outcome.bound == 0)
      }
      var state = freshState()
      state.best = outcome
      #expect(try validatedObjective(state) <= greedy + 1e-9)
    }
  }
}
