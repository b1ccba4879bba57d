import Foundation
import GLPKSolver
import LinearModel
import SROFormulation

extension PartSearch {
  /// Stage 1 (``RelaxationStage``) with the part's second thread put to
  /// work when it has one (``PlanningOptions/threads`` above 1, the part
  /// alone: ``PlanningOptions/reStaffsBesideLP``) and a time limit: while
  /// the LP relaxation runs, the greedy roster is re-staffed
  /// (``ReStaffing``) on another thread until the LP ends. Returns that
  /// roster, which the search uses only when the LP did not finish: a
  /// finished LP's stages run as they would alone, so how far the second
  /// thread got never changes their course.
  ///
  /// On a part whose LP is slow (`crossAgency: penalize`, one part) the
  /// second core was idle while the LP ran, and the re-staffing that
  /// follows an unfinished LP had only the rest of the time limit.
  func relaxationBesideReStaffing(_ state: inout SearchState) throws(PlanningError) -> Solution? {
    guard options.threads > 1, options.reStaffsBesideLP, let deadline = state.deadline,
      let greedy = state.fallback
    else {
      try RelaxationStage().run(on: self, &state)
      return nil
    }
    let lpEnded = StopRequest()
    let search = self
    let before = state
    let outcomes = concurrently([Job.relaxation, .reStaffing], threads: 2) { job -> Outcome in
      switch job {
      case .relaxation:
        defer { lpEnded.raise() }
        var relaxed = before
        return .relaxed(
          Result { () throws(PlanningError) in
            try RelaxationStage().run(on: search, &relaxed)
            return relaxed
          })
      case .reStaffing:
        yieldToOtherThreads()
        var options = search.quietOptions
        options.stop = lpEnded
        var reStaffing = ReStaffing(coverage: search.coverage, solverOptions: options)
        reStaffing.persistent = true
        return .reStaffed(
          Result { () throws(SolverError) in
            try reStaffing.improve(greedy, target: before.attainable(before.bound), deadline: deadline)
          })
      }
    }
    var reStaffed: Solution?
    for outcome in outcomes {
      switch outcome {
      case .relaxed(.success(let relaxed)): state = relaxed
      case .relaxed(.failure(let error)): throw error
      case .reStaffed(.success(let solution)): reStaffed = solution
      case .reStaffed(.failure(let error)): throw .solver(error)
      }
    }
    state.note("re-staffed beside the LP: \(reStaffed?.objective ?? .nan)")
    return reStaffed
  }

  /// Lowers the calling thread's priority to the least (Linux keeps the
  /// nice value per thread), so that on a busy machine the re-staffing
  /// beside the LP takes only what the LP leaves: measured under load,
  /// at equal priority the LP of variety week w07 missed its second at
  /// the 2 s limit. Threads of ``concurrently`` end with their job, so
  /// nothing else runs at this priority.
  private func yieldToOtherThreads() {
    #if os(Linux)
      _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
    #endif
  }

  /// The two jobs of ``relaxationBesideReStaffing(_:)``.
  private enum Job: Sendable {
    case relaxation
    case reStaffing
  }

  /// What each job of ``relaxationBesideReStaffing(_:)`` ends with.
  private enum Outcome: Sendable {
    case relaxed(Result<SearchState, PlanningError>)
    case reStaffed(Result<Solution, SolverError>)
  }
}
