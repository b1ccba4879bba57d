internal import CGLPKGuard
import Synchronization

/// A request, from any thread, that running solves end early with what
/// they have: branch-and-cut stops at its next callback; a simplex run
/// that has not started does not start (one that has runs to its end, or
/// to its time limit). A solve that sees it reports the best solution found
/// so far, exactly as if its time limit had passed. Once raised it stays
/// raised.
///
/// A request may follow another (``init(following:)``): it is raised with
/// its leader, and may also be raised alone, ending only the solves that
/// carry it (a search whose side job has found what it was looking for,
/// say) while the leader (the planner's interrupt) still ends them all.
public final class StopRequest: @unchecked Sendable {
  /// The flag GLPK's callbacks read; written and read only atomically
  /// (through the guard's C helpers), so sharing it across threads is safe.
  let flag: UnsafeMutablePointer<Int32>

  /// The requests that follow this one and are still alive, raised with it.
  private let followers = Mutex<[Follower]>([])

  /// A request not yet raised.
  public init() {
    flag = .allocate(capacity: 1)
    flag.initialize(to: 0)
  }

  /// A request raised whenever `leader` is (at once if it already is);
  /// `nil` for one that only its own ``raise()`` raises.
  public convenience init(following leader: StopRequest?) {
    self.init()
    leader?.add(self)
  }

  deinit { flag.deallocate() }

  /// Raises the request and those following it: every solve that carries
  /// one of them stops soon.
  public func raise() {
    sro_stop_raise(flag)
    let following = followers.withLock { list in
      defer { list = [] }
      return list
    }
    for follower in following { follower.request?.raise() }
  }

  /// Whether the request has been raised.
  public var isRaised: Bool { sro_stop_is_raised(flag) != 0 }

  /// Makes `follower` follow this request, raising it now if this one
  /// already is. The flag is set before the list is taken in ``raise()``,
  /// and read here under the list's lock, so no follower is missed.
  private func add(_ follower: StopRequest) {
    let raisedAlready = followers.withLock { list in
      if isRaised { return true }
      list.removeAll { $0.request == nil }
      list.append(Follower(request: follower))
      return false
    }
    if raisedAlready { follower.raise() }
  }

  /// A follower held weakly, so that following does not keep it alive.
  private struct Follower {
    weak var request: StopRequest?
  }
}
