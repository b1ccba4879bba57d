import GLPKSolver
import LinearModel
import SROFormulation

extension PartSearch {
  /// Stage 1 (``RelaxationStage``) with a second thread put to work when
  /// the part may have one (``borrowSecondThread()``) and a time limit: while
  /// the LP relaxation runs, the greedy roster is re-staffed
  /// (``besideReStaffing(from:target:deadline:progress:sharing:memory:targetMet:onBetterRoster:_:)``) until the LP ends.
  /// Returns that roster, which the search uses only when the LP did not
  /// finish (so its searches are quick, as after an unfinished LP:
  /// ``quickReStaffing``): a finished LP's stages run as they would alone,
  /// so how far the second thread got never changes their course.
  ///
  /// On a part whose LP is slow (`crossAgency: penalize`, one part) the
  /// second core was idle while the LP ran, and the re-staffing that
  /// follows an unfinished LP had only the rest of the time limit.
  func relaxationBesideReStaffing(_ state: inout SearchState) throws(PlanningError) -> Solution? {
    guard let deadline = state.deadline, let greedy = state.fallback else {
      try RelaxationStage().run(on: self, &state)
      return nil
    }
    let search = self
    let before = state
    let beside = withQuickReStaffing
    let (relaxed, reStaffed) = try beside.besideReStaffing(
      from: greedy, target: before.attainable(before.bound), deadline: deadline,
      // Its roster counts only if the LP does not finish, so it neither
      // reports it nor leaves its searches in the part's memory.
      progress: nil, memory: SettledSearches()
    ) {
      var relaxed = before
      return Result { () throws(PlanningError) in
        try RelaxationStage().run(on: search, &relaxed)
        return relaxed
      }
    }
    state = try relaxed.get()
    if let reStaffed {
      state.note("re-staffed beside the LP\(beside.reStaffingNote): \(reStaffed.objective ?? .nan)")
    }
    return reStaffed
  }
}
