import GLPKSolver
import SROFormulation

/// A neighbourhood of the LP optimum searched from the best solution (the
/// RENS heuristic): every binary the LP sets to 0 is fixed at 0 and, with
/// ``fixingOnes``, every binary it sets to 1 is fixed at 1; the best
/// solution's own values stay free. Keeps what it finds if better. Without
/// ``fixingOnes`` it searches the LP's support, which can cover an event
/// the LP spread over officers that rounding then committed elsewhere.
struct RoundingStage: SearchStage {
  /// Whether the binaries the LP sets to 1 are fixed too.
  let fixingOnes: Bool

  func run(on search: PartSearch, _ state: inout SearchState) throws(PlanningError) {
    guard let relaxation = state.relaxation, relaxation.status == .optimal else { return }
    let coverage = search.coverage
    var neighbourhood = coverage.model
    let start = state.best?.values
    for pair in coverage.assignments where coverage.model[pair.variable].lowerBound == 0 {
      let value = relaxation.values[pair.variable.index]
      let taken = start.map { $0[pair.variable.index] > 0.5 }
      if value > 0.999, fixingOnes, taken != false {
        neighbourhood.setBounds(of: pair.variable, lower: 1, upper: 1)
      } else if value < 0.001, taken != true {
        neighbourhood.setBounds(of: pair.variable, lower: 0, upper: 0)
      }
    }
    var roundingOptions = search.quietOptions
    roundingOptions.stopAtObjective = state.attainable(state.bound)
    roundingOptions.startingSolution = start
    // The LP optimum satisfies every bound fixed here, so its basis is
    // optimal for the neighbourhood's LP as well.
    roundingOptions.startingBasis = state.basis
    roundingOptions.timeLimit = search.roundingLimit(state)
    do { state.offer(try GLPK.solve(neighbourhood, options: roundingOptions)) } catch { throw .solver(error) }
    state.note("\(fixingOnes ? "rounded LP" : "LP support"): \(state.best?.objective ?? .nan)")
  }
}
