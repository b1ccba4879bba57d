import GLPKSolver
import SROFormulation

/// A neighbourhood of a relaxation's optimum (the LP's, or the pattern
/// bound's master: ``Neighbourhood``) searched from the best solution (the
/// RENS heuristic): every binary the optimum sets to 0 (below 0.001) is
/// fixed at 0 and, around the LP's integral part, every binary it sets to
/// 1 is fixed at 1; the best solution's own values stay free. Keeps what
/// it finds if better. A support (nothing fixed at 1) can cover an event
/// the LP spread over officers that rounding then committed elsewhere.
struct RoundingStage: SearchStage {
  /// Which neighbourhood is searched.
  let neighbourhood: Neighbourhood

  /// The neighbourhoods, each named in the log line it leaves.
  enum Neighbourhood: String {
    /// Around the LP relaxation's optimum (``SearchState/relaxation``),
    /// the binaries it sets to 1 fixed as well: a first roster.
    case roundedLP = "rounded LP"
    /// The LP relaxation's support: only the binaries it sets to 0 fixed.
    case lpSupport = "LP support"
    /// The support of the pattern bound's last master LP
    /// (``SearchState/patternPoint``), searched once if it is below the
    /// best roster: its support is small and close to the optimum (on
    /// variety week w30, with the master at 10,733.25, it held that optimum
    /// where branch-and-cut had been at 10,741.25 for a second).
    ///
    /// The master need not have converged: on w30 it reaches its optimum
    /// 50 rounds before its Lagrangian bound does, and at 2 s pricing can
    /// stop in between. A master above the roster (pricing's first rounds;
    /// on `penalize` weeks it is often still several times the roster when
    /// pricing stalls; or a roster found beside the pricing since) offers
    /// nothing better, and its search would take seconds from
    /// branch-and-cut.
    case patternSupport = "pattern support"
  }

  func run(on search: PartSearch, _ state: inout SearchState) throws(PlanningError) {
    let point: [Double]
    switch neighbourhood {
    case .roundedLP, .lpSupport:
      guard let relaxation = state.relaxation, relaxation.status == .optimal else { return }
      point = relaxation.values
    case .patternSupport:
      guard let pattern = state.patternPoint else { return }
      state.patternPoint = nil
      guard state.isBelowBest(pattern.master) else { return }
      point = pattern.values
    }
    let coverage = search.coverage
    let fixingOnes = neighbourhood == .roundedLP
    var model = coverage.model
    let start = state.best?.values
    for pair in coverage.assignments where coverage.model[pair.variable].lowerBound == 0 {
      let value = point[pair.variable.index]
      let taken = start.map { $0[pair.variable.index] > 0.5 }
      if value > 0.999, fixingOnes, taken != false {
        model.setBounds(of: pair.variable, lower: 1, upper: 1)
      } else if value < 0.001, taken != true {
        model.setBounds(of: pair.variable, lower: 0, upper: 0)
      }
    }
    var roundingOptions = search.quietOptions
    roundingOptions.stopAtObjective = state.attainable(state.bound)
    roundingOptions.startingSolution = start
    // The LP optimum satisfies every bound fixed around it, so its basis
    // is optimal for the neighbourhood's LP as well; the master's optimum
    // is no vertex of that LP, and GLPK builds its own basis.
    roundingOptions.startingBasis = neighbourhood == .patternSupport ? nil : state.basis
    roundingOptions.timeLimit = search.roundingLimit(state)
    do { state.offer(try GLPK.solve(model, options: roundingOptions)) } catch { throw .solver(error) }
    state.note("\(neighbourhood.rawValue): \(state.best?.objective ?? .nan)")
  }
}
