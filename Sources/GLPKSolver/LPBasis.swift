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
