import GLPKSolver
import SROFormulation

/// The LP relaxation, with the presolver off, from the greedy roster's
/// vertex (``SearchState/lpStart``, ``LPBasis/init(near:of:)``; GLPK's
/// advanced basis when there is none): the first bound (unless the model
/// is restricted), the values the rounding stages start from
/// (``SearchState/relaxation``) and the basis later LPs on the same model
/// start from. It may take ``PartSearch/relaxationShare`` of the time
/// limit.
struct RelaxationStage: SearchStage {
  func run(on search: PartSearch, _ state: inout SearchState) throws(PlanningError) {
    var lpOptions = search.options.solverOptions
    lpOptions.timeLimit = search.options.timeLimit.map {
      min(state.remaining()!, $0 * PartSearch.relaxationShare)
    }
    lpOptions.progress = nil
    lpOptions.presolve = false
    // From the greedy roster's vertex: on a 22-school penalize week 1,335
    // iterations instead of 11,285 from GLPK's crash basis.
    lpOptions.startingBasis = state.lpStart.flatMap { LPBasis(near: $0, of: search.coverage.model) }
    state.lpStart = nil
    let relaxation: Relaxation
    do { relaxation = try search.solveRelaxation(search.coverage.model, lpOptions) } catch {
      throw .solver(error)
    }
    state.note(
      "LP relaxation \(relaxation.status.rawValue) \(relaxation.objective ?? .nan), \(search.coverage.assignments.count) binaries"
    )
    state.bound = max(state.bound, search.isRestricted ? 0 : relaxation.objective ?? 0)
    state.basis = relaxation.basis
    state.relaxation = relaxation
  }
}
