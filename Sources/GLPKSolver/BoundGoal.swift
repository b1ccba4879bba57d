internal import CGLPKGuard

/// A bound at which a running branch-and-cut ends, lowered from any
/// thread while it runs: the value that, once the search's own bound
/// reaches it, proves a roster found elsewhere (a re-staffing beside the
/// search) optimal, so that nothing is left for the search to find. The
/// search looks at it at every callback (``SolverOptions/stopAtBound``);
/// it ends with what it has and its bound, as if its time limit had
/// passed. For minimisations only (the bound rises to the goal).
public final class BoundGoal: @unchecked Sendable {
  /// The goal in the model's units; NaN until one is set. Written and read
  /// only atomically (through the guard's C helpers), so sharing it across
  /// threads is safe.
  let value: UnsafeMutablePointer<Double>

  /// A goal not yet set: the search runs as without one.
  public init() {
    value = .allocate(capacity: 1)
    value.initialize(to: .nan)
  }

  deinit { value.deallocate() }

  /// Lowers the goal to `bound`; a value above the goal already set is
  /// ignored, so writers on any threads only ever lower it.
  public func lower(to bound: Double) {
    guard !bound.isNaN else { return }
    sro_value_lower(value, bound)
  }

  /// The goal, or `nil` while none is set.
  public var current: Double? {
    let goal = sro_value_load(value)
    return goal.isNaN ? nil : goal
  }
}
