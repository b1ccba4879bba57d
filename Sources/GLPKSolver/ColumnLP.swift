internal import CGLPK
internal import CGLPKGuard
import LinearModel

/// A minimisation LP over a fixed set of rows whose columns are added
/// between solves: the restricted master problem of column generation.
///
/// Each ``solve(timeLimit:stop:)`` after the first starts the primal simplex
/// method from the previous basis, with the presolver off: a new column
/// enters nonbasic at its lower bound, so the basis stays valid (and, for
/// columns with lower bound 0, primal feasible) and a re-solve only prices
/// the new columns in.
///
/// The LP lives inside ``withLP(rows:log:_:)`` only: it is not copyable,
/// cannot leave the closure, and every GLPK call it makes runs on the
/// calling thread. Every argument is checked before GLPK sees it; the GLPK
/// calls that could reach GLPK's fatal-error path run under the guard, and
/// after a caught fatal error every further call throws
/// ``SolverError/glpkFatalError(message:)``.
public struct ColumnLP: ~Copyable {
  /// One row: `Σ coefficient × column` compared with a finite right-hand side.
  public enum Row: Sendable, Hashable {
    /// `= rhs`.
    case equal(Double)
    /// `≤ rhs`.
    case atMost(Double)
    /// `≥ rhs`.
    case atLeast(Double)
  }

  /// The outcome of one ``ColumnLP/solve(timeLimit:stop:)``.
  public struct Result: Sendable {
    /// ``SolveStatus/optimal``, or why there is no optimum (a time limit
    /// that stops the simplex method gives ``SolveStatus/noSolutionFound``).
    public let status: SolveStatus
    /// The optimum, when ``status`` is optimal.
    public let objective: Double?
    /// One dual value per row, in row order, when optimal (else empty). GLPK's
    /// convention: column `j`'s reduced cost is `c_j − Σ_i a_ij dual_i`, so a
    /// binding `≤` row has a dual ≤ 0 and a binding `≥` row one ≥ 0.
    public let rowDuals: [Double]
    /// One value per column, in the order the columns were added, when
    /// optimal (else empty).
    public let columnValues: [Double]
  }

  private var problem: ProblemHandle
  private let session: Session
  private let rowCount: Int
  /// The number of columns added so far.
  public private(set) var columnCount = 0
  /// Per row, the ``stamp`` of the last ``addColumn`` call that named it:
  /// finds a row named twice in one column in O(entries).
  private var rowStamp: [Int]
  private var stamp = 0
  /// 1-based buffers for `glp_set_mat_col`, reused from column to column.
  private var rowBuffer: [Int32] = [0]
  private var valueBuffer: [Double] = [0]

  /// Creates the LP with `rows` and no columns on the calling thread, runs
  /// `body` with it, and frees everything (the problem and the thread's
  /// GLPK environment) afterwards. GLPK's terminal output goes to `log`.
  ///
  /// - Throws: ``SolverError/invalidModel(_:)`` for a right-hand side that
  ///   is NaN or infinite, ``SolverError/tooLarge(_:)`` beyond GLPK's
  ///   indices, and whatever `body` throws.
  public static func withLP<T>(
    rows: [Row], log: SolverLog = .silent, _ body: (inout ColumnLP) throws(SolverError) -> T
  ) throws(SolverError) -> T {
    guard rows.count < Int(Int32.max) - 1 else { throw .tooLarge("\(rows.count) rows") }
    var types: [Int32] = []
    var bounds: [Double] = []
    types.reserveCapacity(rows.count)
    bounds.reserveCapacity(rows.count)
    for (i, row) in rows.enumerated() {
      let (type, rhs) =
        switch row {
        case .equal(let rhs): (GLP_FX, rhs)
        case .atMost(let rhs): (GLP_UP, rhs)
        case .atLeast(let rhs): (GLP_LO, rhs)
        }
      guard rhs.isFinite else { throw .invalidModel(.nonFiniteRightHandSide(constraint: rowName(i))) }
      types.append(type)
      bounds.append(rhs)
    }
    return try withEnvironment(log: log) { session throws(SolverError) in
      var lp = ColumnLP(session: session, rowCount: rows.count)
      try lp.session.guarded(&lp.problem) { pointer in
        sro_guard_load(
          pointer, 0, 0, [], [], [], [], [], Int32(types.count), types, bounds, bounds, 0, [0], [0],
          [0])
      }
      return try body(&lp)
    }
  }

  private init(session: Session, rowCount: Int) {
    problem = ProblemHandle()
    self.session = session
    self.rowCount = rowCount
    rowStamp = [Int](repeating: 0, count: rowCount)
  }

  /// Adds a column `lowerBound ≤ x ≤ upperBound` (no upper bound when `nil`)
  /// with objective coefficient `cost` and the given matrix entries (row
  /// index, 0-based, and coefficient; zero coefficients are skipped). Cost
  /// is O(entries), whatever the size of the LP.
  ///
  /// - Returns: The new column's index, 0-based.
  /// - Throws: ``SolverError/invalidModel(_:)`` for a NaN or infinite cost,
  ///   bound or coefficient or a lower bound above the upper;
  ///   ``SolverError/invalidColumn(_:)`` for a row index out of range or
  ///   named twice (even with a zero coefficient). Nothing is added then.
  @discardableResult
  public mutating func addColumn(
    cost: Double, lowerBound: Double = 0, upperBound: Double? = nil,
    entries: [(row: Int, value: Double)]
  ) throws(SolverError) -> Int {
    guard cost.isFinite else {
      throw .invalidModel(.nonFiniteCoefficient(in: Name("objective"), variable: columnName))
    }
    guard lowerBound.isFinite, upperBound.map({ $0.isFinite && $0 >= lowerBound }) ?? true else {
      throw .invalidModel(
        .invalidBounds(variable: columnName, lower: lowerBound, upper: upperBound ?? .infinity))
    }
    guard columnCount < Int(Int32.max) - 1 else { throw .tooLarge("\(columnCount + 1) columns") }
    stamp += 1
    rowBuffer.removeAll(keepingCapacity: true)
    valueBuffer.removeAll(keepingCapacity: true)
    rowBuffer.append(0)
    valueBuffer.append(0)
    for entry in entries {
      guard entry.row >= 0, entry.row < rowCount else {
        throw .invalidColumn("column \(columnCount): row \(entry.row) is not in 0..<\(rowCount)")
      }
      guard rowStamp[entry.row] != stamp else {
        throw .invalidColumn("column \(columnCount): row \(entry.row) appears twice")
      }
      rowStamp[entry.row] = stamp
      guard entry.value.isFinite else {
        throw .invalidModel(.nonFiniteCoefficient(in: Self.rowName(entry.row), variable: columnName))
      }
      if entry.value != 0 {
        rowBuffer.append(Int32(entry.row + 1))
        valueBuffer.append(entry.value)
      }
    }
    let type =
      switch upperBound {
      case nil: GLP_LO
      case let upper? where upper == lowerBound: GLP_FX
      case _?: GLP_DB
      }
    var column: Int32 = 0
    try session.guarded(&problem) { [rowBuffer, valueBuffer] pointer in
      sro_guard_add_column(
        pointer, type, lowerBound, upperBound ?? 0, cost, Int32(rowBuffer.count - 1), rowBuffer,
        valueBuffer, &column)
    }
    columnCount += 1
    return Int(column) - 1
  }

  /// Solves the LP, warm from the last basis (the primal simplex method,
  /// presolver off).
  ///
  /// Besides the simplex iterations, a solve costs GLPK's copy of the LP
  /// into its working form, O(nonzeros), and reading duals and values,
  /// O(rows + columns); nothing proportional to rows × columns.
  ///
  /// - Parameters:
  ///   - timeLimit: Stop the simplex method after this long; then the
  ///     status is ``SolveStatus/noSolutionFound`` and the next solve
  ///     carries on from where this one stopped.
  ///   - stop: Stop it the same way once this request is raised.
  /// - Throws: ``SolverError/invalidOption(_:)`` for a time limit out of
  ///   range, ``SolverError/glpkFailure(code:message:)`` when the simplex
  ///   method fails (e.g. a singular basis), and
  ///   ``SolverError/glpkFatalError(message:)`` once the LP is dead.
  public mutating func solve(timeLimit: Duration? = nil, stop: StopRequest? = nil) throws(SolverError)
    -> Result
  {
    let limit = try SolverOptions.glpkMilliseconds(timeLimit, option: "time limit")
    let messageLevel = session.capture.forwardsLines ? GLP_MSG_ON : GLP_MSG_ERR
    var code: Int32 = 0
    try session.guarded(&problem) { pointer in
      sro_guard_simplex(pointer, messageLevel, limit, 0, 0, stop?.flag, &code)
    }
    guard let pointer = problem.pointer else { throw .glpkFatalError(message: "no problem") }
    var status = try GLPK.lpStatus(code: code, lpStatus: glp_get_status(pointer), session: session)
    if status == .feasible { status = .noSolutionFound }  // duals need an optimal basis
    guard status == .optimal else {
      return Result(status: status, objective: nil, rowDuals: [], columnValues: [])
    }
    let duals = (0..<rowCount).map { glp_get_row_dual(pointer, Int32($0 + 1)) }
    let values = (0..<columnCount).map { glp_get_col_prim(pointer, Int32($0 + 1)) }
    return Result(
      status: status, objective: glp_get_obj_val(pointer), rowDuals: duals, columnValues: values)
  }

  /// The simplex iterations spent so far, over every solve: lets tests see
  /// that a re-solve starts from the last basis.
  var simplexIterations: Int { problem.pointer.map { Int(glp_get_it_cnt($0)) } ?? 0 }

  /// Calls `glp_set_col_bnds` on a column that does not exist, through the
  /// guard: lets tests see that a caught fatal error leaves the LP dead.
  mutating func provokeFatalError() throws(SolverError) {
    try session.guarded(&problem) { pointer in
      sro_guard_set_col_bnds(pointer, Int32(columnCount + 7), GLP_LO, 0, 0)
    }
  }

  private static func rowName(_ row: Int) -> Name { Name("row", String(row)) }
  /// The name errors give the column being added.
  private var columnName: Name { Name("column", String(columnCount)) }
}
