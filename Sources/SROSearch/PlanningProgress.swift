import Synchronization

/// How far the search of a whole week has come: the best roster's
/// objective and the best proven bound on the optimum, each summed over the
/// week's independent parts.
public struct PlanningProgress: Sendable, Hashable {
  /// The best roster's objective; `nil` until every part has a roster
  /// (each has one as soon as its greedy start is built, within the first
  /// moments of a solve).
  public var objective: Double?
  /// A proven lower bound on the week's optimum (0 until a part has more:
  /// no objective is negative).
  public var bound: Double

  /// The relative gap between ``objective`` and ``bound``, when there is a roster.
  public var gap: Double? {
    guard let objective else { return nil }
    return max(0, objective - bound) / max(1, abs(objective))
  }
}

/// Collects each part's best objective and bound and reports their sums
/// (``PlanningProgress``) whenever either improves. Objectives only go
/// down and bounds only up, whatever order the reports arrive in.
final class ProgressBoard: Sendable {
  private struct Part {
    var objective: Double?
    var bound = 0.0
  }

  private let parts: Mutex<[Part]>
  private let report: @Sendable (PlanningProgress) -> Void

  /// A board of `parts` parts, none with a roster yet, calling `report`
  /// (from the reporting thread, under the board's lock) on each improvement.
  init(parts: Int, report: @escaping @Sendable (PlanningProgress) -> Void) {
    self.parts = Mutex([Part](repeating: Part(), count: parts))
    self.report = report
  }

  /// The reporter of part `index`.
  func part(_ index: Int) -> PartProgress { PartProgress(board: self, index: index) }

  /// Records what part `index` has now; reports the sums if anything improved.
  fileprivate func update(_ index: Int, objective: Double?, bound: Double?) {
    parts.withLock { parts in
      var part = parts[index]
      if let objective, objective.isFinite, objective < part.objective ?? .infinity {
        part.objective = objective
      }
      if let bound, bound.isFinite, bound > part.bound { part.bound = bound }
      // A bound never passes the part's own roster.
      if let objective = part.objective { part.bound = min(part.bound, objective) }
      guard part.objective != parts[index].objective || part.bound != parts[index].bound else { return }
      parts[index] = part
      let complete = parts.allSatisfy { $0.objective != nil }
      report(
        PlanningProgress(
          objective: complete ? parts.reduce(0) { $0 + $1.objective! } : nil,
          bound: parts.reduce(0) { $0 + $1.bound }))
    }
  }
}

/// What one part of a week reports to its ``ProgressBoard``.
struct PartProgress: Sendable {
  fileprivate let board: ProgressBoard
  fileprivate let index: Int

  /// The part has a roster of `objective` (if any) and a bound of `bound`
  /// (if any); worse values than the part's best are ignored.
  func report(objective: Double?, bound: Double?) {
    board.update(index, objective: objective, bound: bound)
  }
}
