import GLPKSolver
import LinearModel

/// Fixes the binaries that no roster below a cutoff can set otherwise,
/// by the LP relaxation's reduced costs.
///
/// With the LP's optimum `L` and row duals `y`, each column's reduced cost
/// is `d = c − yA`, and every roster `x` costs at least
/// `L + Σ_{d>0} d·x + Σ_{d<0} |d|·(1 − x)` over the binaries (LP duality:
/// the other terms of the sum are never negative). A roster under `cutoff`
/// therefore leaves at 0 every binary with `d > cutoff − L`, and at 1
/// every one with `−d > cutoff − L`. GLPK fixes by reduced costs only
/// once it has a roster of its own, which its presolved searches
/// (``BranchAndCutStage/fromBest`` false) do not start with.
///
/// The relaxation must be of the model fixed, with no tighter bounds on
/// any column (the argument takes `L` over the model's own box); the rows
/// and columns are checked to match in number.
struct ReducedCostFixing {
  /// The LP relaxation whose duals price the columns.
  let relaxation: Relaxation

  /// `model` with the binaries fixed that a roster under `cutoff` cannot
  /// set otherwise (columns of other kinds or other bounds, pinned ones
  /// among them, are left as they are), and how many were fixed; `model`
  /// as it is when the relaxation is not optimal or its rows or columns
  /// are not `model`'s in number.
  func fixing(_ model: Model, under cutoff: Double) -> (model: Model, fixed: Int) {
    guard relaxation.status == .optimal, let optimum = relaxation.objective,
      relaxation.rowDuals.count == model.constraints.count,
      relaxation.values.count == model.variables.count, model.sense == .minimize
    else { return (model, 0) }
    // A margin for the duals' rounding in GLPK (its tolerances are 1e-7 or
    // finer): a binary is fixed only when the bound beats the cutoff by it.
    let slack = cutoff - optimum + 1e-6 * max(1, abs(cutoff))
    guard slack >= 0 else { return (model, 0) }
    let priced = Self.reducedCosts(of: model, rowDuals: relaxation.rowDuals)
    var fixed = model
    var count = 0
    for (variable, reducedCost) in priced {
      let definition = model[variable]
      guard definition.kind != .continuous, definition.lowerBound == 0, definition.upperBound == 1
      else { continue }
      if reducedCost > slack {
        fixed.setBounds(of: variable, lower: 0, upper: 0)
        count += 1
      } else if -reducedCost > slack {
        fixed.setBounds(of: variable, lower: 1, upper: 1)
        count += 1
      }
    }
    return (fixed, count)
  }

  /// Each column in the objective or a row, in the model's order, with its
  /// objective coefficient less its column times the row duals.
  static func reducedCosts(
    of model: Model, rowDuals: [Double]
  ) -> [(variable: Variable, reducedCost: Double)] {
    var costs = [Double](repeating: 0, count: model.variables.count)
    var handles = [Variable?](repeating: nil, count: model.variables.count)
    for term in model.objective.terms {
      costs[term.variable.index] += term.coefficient
      handles[term.variable.index] = term.variable
    }
    for (named, dual) in zip(model.constraints, rowDuals) {
      for term in named.constraint.expression.terms {
        costs[term.variable.index] -= dual * term.coefficient
        handles[term.variable.index] = term.variable
      }
    }
    return zip(handles, costs).compactMap { handle, cost in handle.map { ($0, cost) } }
  }
}
