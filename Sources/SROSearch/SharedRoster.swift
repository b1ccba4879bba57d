import GLPKSolver
import Synchronization

/// The best roster of re-staffings running at once on one part
/// (``ReStaffing/shared``): each takes it up before every search and
/// offers each better roster it finds, so the threads search on from the
/// best either has found.
final class SharedRoster: Sendable {
  private let best: Mutex<Solution>

  /// Starts at `start`, a solution of the part's model.
  init(_ start: Solution) {
    best = Mutex(start)
  }

  /// The shared roster, if its objective is below `objective`.
  func better(than objective: Double) -> Solution? {
    best.withLock { best in
      guard let shared = best.objective, shared < objective - 1e-9 else { return nil }
      return best
    }
  }

  /// Keeps `found` if its objective is below the shared roster's.
  func offer(_ found: Solution) {
    best.withLock { best in
      guard let objective = found.objective, objective < (best.objective ?? .infinity) - 1e-9 else { return }
      best = found
    }
  }

  /// The shared roster.
  var roster: Solution { best.withLock { $0 } }
}
