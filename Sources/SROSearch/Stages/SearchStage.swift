import GLPKSolver
import SROFormulation

/// One stage of a part's search (``PartSearch``). A stage reads the one
/// ``SearchState``, may replace its best solution by a better one and may
/// raise its bound; it never lowers either. Stages hand each other
/// solutions of the part's model (``SearchState/best``, the LP relaxation
/// and its basis), never rosters.
///
/// To add a stage: a type conforming to this protocol, in a file of its
/// own in this folder, and its place in ``PartSearch/run()``.
protocol SearchStage {
  /// Runs the stage on `search`'s model, improving `state`.
  func run(on search: PartSearch, _ state: inout SearchState) throws(PlanningError)
}

extension PartSearch {
  /// The solver options of the heuristic stages: no progress reports.
  var quietOptions: SolverOptions {
    var quiet = options.solverOptions
    quiet.progress = nil
    return quiet
  }

  /// How long one heuristic stage may search: a share of the time limit
  /// (at least 200 ms), or ``roundingCap`` without one, and never past
  /// the deadline.
  func roundingLimit(_ state: SearchState) -> Duration {
    min(
      state.remaining() ?? Self.roundingCap,
      options.timeLimit.map { max(.milliseconds(200), $0 * Self.roundingShare) } ?? Self.roundingCap)
  }
}
