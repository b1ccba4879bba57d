internal import CGLPK
internal import CGLPKGuard
import LinearModel

/// An LP basis: which rows and columns are basic, and at which bound the
/// others sit. Read off an optimal LP relaxation (``Relaxation/basis``), it
/// lets a later solve of the same model — or of the model with some bounds
/// tightened to values the LP optimum already takes — start its LP where
/// the relaxation ended (``SolverOptions/startingBasis``) instead of
/// solving it again.
public struct LPBasis: Sendable, Hashable {
  /// GLPK's status per row and per column (`GLP_BS` … `GLP_NS`), 1-based
  /// with element 0 unused, as the guard passes them on.
  let rowStatus: [Int32]
  let columnStatus: [Int32]

  /// The number of rows the basis is for.
  public var rows: Int { rowStatus.count - 1 }
  /// The number of columns the basis is for.
  public var columns: Int { columnStatus.count - 1 }

  /// Checks that the basis fits `model` and holds only GLPK's statuses.
  func validate(for model: Model) throws(SolverError) {
    guard rows == model.constraints.count, columns == model.variables.count else {
      throw .invalidOption(
        "starting basis is for \(rows) rows and \(columns) columns, the model has "
          + "\(model.constraints.count) and \(model.variables.count)")
    }
    let valid = Int32(GLP_BS)...Int32(GLP_NS)
    guard rowStatus.dropFirst().allSatisfy(valid.contains),
      columnStatus.dropFirst().allSatisfy(valid.contains)
    else { throw .invalidOption("starting basis holds a status GLPK does not know") }
  }
}

extension LPBasis {
  /// The basis of `problem` as it stands.
  init(of problem: OpaquePointer) {
    var rowStatus = [Int32](repeating: 0, count: Int(glp_get_num_rows(problem)) + 1)
    var columnStatus = [Int32](repeating: 0, count: Int(glp_get_num_cols(problem)) + 1)
    sro_get_basis(problem, &rowStatus, &columnStatus)
    self.init(rowStatus: rowStatus, columnStatus: columnStatus)
  }
}

extension LPBasis {
  /// A basis whose vertex is, where it can be, the feasible point `values`
  /// of `model` (a roster found without the solver, say), for starting the
  /// LP there instead of at GLPK's crash basis. Every column at one of its
  /// bounds is nonbasic at it; every column strictly between its bounds is
  /// basic in place of a row it appears in (a tight row first, an equality
  /// row before an inequality), whose slack then sits at that row's bound;
  /// every other row is basic. GLPK computes the basic values itself, so
  /// the LP starts at the nearest vertex of that shape (or, when the
  /// columns did not sit on a vertex, at an infeasible one that the
  /// simplex method's first phase repairs).
  ///
  /// - Returns: `nil` when `values` does not fit `model`, or a column
  ///   strictly between its bounds has no row left to stand in for.
  public init?(near values: [Double], of model: Model) {
    guard values.count == model.variables.count else { return nil }
    let tolerance = 1e-7
    let constraints = model.constraints
    var activity = [Double](repeating: 0, count: constraints.count)
    for (i, named) in constraints.enumerated() {
      for term in named.constraint.expression.terms {
        activity[i] += term.coefficient * values[term.variable.index]
      }
    }
    var rowStatus = [Int32](repeating: Int32(GLP_BS), count: constraints.count + 1)
    var columnStatus = [Int32](repeating: Int32(GLP_BS), count: values.count + 1)
    var inside: [Int] = []
    for (j, variable) in model.variables.enumerated() {
      let value = values[j]
      if variable.lowerBound == variable.upperBound {
        columnStatus[j + 1] = Int32(GLP_NS)
      } else if abs(value - variable.lowerBound) <= tolerance {
        columnStatus[j + 1] = Int32(GLP_NL)
      } else if abs(value - variable.upperBound) <= tolerance {
        columnStatus[j + 1] = Int32(GLP_NU)
      } else {
        inside.append(j)
      }
    }
    // The rows of the few columns strictly between their bounds, in row order.
    var rowsOf = [Int: [Int]](uniqueKeysWithValues: inside.map { ($0, []) })
    if !inside.isEmpty {
      for (i, named) in constraints.enumerated() {
        for term in named.constraint.expression.terms
        where term.coefficient != 0 && rowsOf[term.variable.index] != nil {
          rowsOf[term.variable.index]!.append(i)
        }
      }
    }
    // Each stays basic; a row gives its place up, its slack nonbasic at its
    // bound: a tight row first, an equality before an inequality, then the first.
    func preference(_ i: Int) -> (Int, Int, Int) {
      let constraint = constraints[i].constraint
      let tight = abs(activity[i] - constraint.rightHandSide) <= tolerance
      return (tight ? 0 : 1, constraint.sense == .equal ? 0 : 1, i)
    }
    for j in inside {
      let free = rowsOf[j, default: []].filter { rowStatus[$0 + 1] == Int32(GLP_BS) }
      guard let row = free.min(by: { preference($0) < preference($1) }) else { return nil }
      switch constraints[row].constraint.sense {
      case .equal: rowStatus[row + 1] = Int32(GLP_NS)
      case .lessOrEqual: rowStatus[row + 1] = Int32(GLP_NU)
      case .greaterOrEqual: rowStatus[row + 1] = Int32(GLP_NL)
      }
    }
    self.init(rowStatus: rowStatus, columnStatus: columnStatus)
  }
}
