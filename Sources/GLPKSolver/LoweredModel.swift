internal import CGLPK
internal import CGLPKGuard
import LinearModel

/// A ``Model`` as the flat arrays GLPK loads, with every index and count
/// checked to fit GLPK's `int`s.
struct LoweredModel {
  let maximize: Int32
  var columnKind: [Int32] = []
  var columnType: [Int32] = []
  var columnLower: [Double] = []
  var columnUpper: [Double] = []
  var objective: [Double] = []
  var rowType: [Int32] = []
  var rowLower: [Double] = []
  var rowUpper: [Double] = []
  /// 1-based triplets with a dummy element 0, as `glp_load_matrix` wants.
  var rowIndex: [Int32] = [0]
  var columnIndex: [Int32] = [0]
  var coefficient: [Double] = [0]
  /// The objective is multiplied by this before GLPK sees it (and GLPK's
  /// values divided by it after): when every column with an objective
  /// coefficient is integer, a scale that makes those coefficients whole
  /// numbers lets GLPK round each bound up to the next value the objective
  /// can take (`ios_round_bound`), closing the last step of a search.
  var objectiveScale = 1.0

  /// Lowers a model that has passed ``Model/validate()``.
  init(_ model: Model) throws(SolverError) {
    let limit = Int(Int32.max) - 1
    guard model.variables.count < limit, model.constraints.count < limit else {
      throw .tooLarge("\(model.variables.count) columns, \(model.constraints.count) rows")
    }
    maximize = model.sense == .maximize ? 1 : 0
    objective = [Double](repeating: 0, count: model.variables.count)
    for term in model.objective.terms { objective[term.variable.index] += term.coefficient }
    if let scale = model.integralObjectiveScale {
      objectiveScale = scale
      objective = objective.map { $0 * scale }
    }
    for variable in model.variables {
      switch variable.kind {
      case .continuous: columnKind.append(GLP_CV)
      case .integer: columnKind.append(GLP_IV)
      case .binary: columnKind.append(GLP_BV)
      }
      columnType.append(Self.boundType(variable.lowerBound, variable.upperBound))
      columnLower.append(variable.lowerBound.isFinite ? variable.lowerBound : 0)
      columnUpper.append(variable.upperBound.isFinite ? variable.upperBound : 0)
    }
    for (row, named) in model.constraints.enumerated() {
      let rhs = named.constraint.rightHandSide
      switch named.constraint.sense {
      case .lessOrEqual: rowType.append(GLP_UP)
      case .greaterOrEqual: rowType.append(GLP_LO)
      case .equal: rowType.append(GLP_FX)
      }
      rowLower.append(rhs)
      rowUpper.append(rhs)
      for term in named.constraint.expression.terms {
        rowIndex.append(Int32(row + 1))
        columnIndex.append(Int32(term.variable.index + 1))
        coefficient.append(term.coefficient)
      }
      guard coefficient.count < limit else {
        throw .tooLarge("more than \(limit) nonzero coefficients")
      }
    }
  }

  /// GLPK's bound type for `[lower, upper]`.
  private static func boundType(_ lower: Double, _ upper: Double) -> Int32 {
    switch (lower.isFinite, upper.isFinite) {
    case (false, false): return GLP_FR
    case (true, false): return GLP_LO
    case (false, true): return GLP_UP
    case (true, true): return lower == upper ? GLP_FX : GLP_DB
    }
  }

  /// Loads the arrays into an empty problem through the guard.
  func load(into problem: OpaquePointer) -> Int32 {
    sro_guard_load(
      problem, maximize, Int32(columnKind.count), columnKind, columnType, columnLower,
      columnUpper, objective, Int32(rowType.count), rowType, rowLower, rowUpper,
      Int32(coefficient.count - 1), rowIndex, columnIndex, coefficient)
  }
}
