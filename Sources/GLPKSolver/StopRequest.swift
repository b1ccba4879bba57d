internal import CGLPKGuard

/// A request, from any thread, that running solves end early with what
/// they have: branch-and-cut stops at its next callback, the simplex
/// method within ``stopCheckIterations`` iterations. A solve that sees it
/// reports the best solution found so far, exactly as if its time limit had
/// passed. Once raised it stays raised.
public final class StopRequest: @unchecked Sendable {
  /// How many simplex iterations run between two looks at the request.
  public static let stopCheckIterations = Int(SRO_STOP_CHECK_ITERATIONS)

  /// The flag GLPK's callbacks read; written and read only atomically
  /// (through the guard's C helpers), so sharing it across threads is safe.
  let flag: UnsafeMutablePointer<Int32>

  /// A request not yet raised.
  public init() {
    flag = .allocate(capacity: 1)
    flag.initialize(to: 0)
  }

  deinit { flag.deallocate() }

  /// Raises the request: every solve that carries it stops soon.
  public func raise() { sro_stop_raise(flag) }

  /// Whether the request has been raised.
  public var isRaised: Bool { sro_stop_is_raised(flag) != 0 }
}
