import GLPKSolver
import SROFormulation

/// A neighbourhood of a relaxation's optimum (the LP's, or the pattern
/// bound's master: ``Point``) searched from the best solution (the RENS
/// heuristic): every binary the optimum sets to 0 (below 0.001) is fixed
/// at 0 and, with ``fixingOnes``, every binary it sets to 1 is fixed at 1;
/// the best solution's own values stay free. Keeps what it finds if
/// better. Without ``fixingOnes`` it searches the optimum's support, which
/// can cover an event the LP spread over officers that rounding then
/// committed elsewhere.
struct RoundingStage: SearchStage {
  /// Whether the binaries the LP sets to 1 are fixed too.
  let fixingOnes: Bool
  /// Which optimum the neighbourhood is drawn around.
  var around = Point.relaxation

  /// Which relaxation's optimum the neighbourhood is drawn around.
  enum Point {
    /// The LP relaxation's (``SearchState/relaxation``).
    case relaxation
    /// The pattern bound's last master LP (``SearchState/patternPoint``),
    /// searched once if it is below the best roster: its support is small
    /// and close to the optimum (on variety week w30, with the master at
    /// 10,733.25, it held that optimum where branch-and-cut had been at
    /// 10,741.25 for a second).
    ///
    /// The master need not have converged: on w30 it reaches its optimum
    /// 50 rounds before its Lagrangian bound does, and at 2 s pricing can
    /// stop in between. A master above the roster (pricing's first rounds;
    /// on `penalize` weeks it is often still several times the roster when
    /// pricing stalls; or a roster found beside the pricing since) offers
    /// nothing better, and its search would take seconds from
    /// branch-and-cut.
    case patterns
  }

  func run(on search: PartSearch, _ state: inout SearchState) throws(PlanningError) {
    let point: [Double]
    switch around {
    case .relaxation:
      guard let relaxation = state.relaxation, relaxation.status == .optimal else { return }
      point = relaxation.values
    case .patterns:
      guard let pattern = state.patternPoint else { return }
      state.patternPoint = nil
      guard state.isBelowBest(pattern.master) else { return }
      point = pattern.values
    }
    let coverage = search.coverage
    var neighbourhood = coverage.model
    let start = state.best?.values
    for pair in coverage.assignments where coverage.model[pair.variable].lowerBound == 0 {
      let value = point[pair.variable.index]
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
    // The LP optimum satisfies every bound fixed around it, so its basis
    // is optimal for the neighbourhood's LP as well; the master's optimum
    // is no vertex of that LP, and GLPK builds its own basis.
    roundingOptions.startingBasis = around == .relaxation ? state.basis : nil
    roundingOptions.timeLimit = search.roundingLimit(state)
    do { state.offer(try GLPK.solve(neighbourhood, options: roundingOptions)) } catch { throw .solver(error) }
    let name = around == .patterns ? "pattern support" : fixingOnes ? "rounded LP" : "LP support"
    state.note("\(name): \(state.best?.objective ?? .nan)")
  }
}
