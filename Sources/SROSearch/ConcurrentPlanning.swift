import Foundation
import GLPKSolver
import LinearModel
import SROFormulation
import SRORoster
import SROScenario
import Synchronization

extension Planner {
  /// Plans several scenarios at once, each solve on a thread of its own
  /// (GLPK keeps its environment per thread), at most `threads` at a time.
  /// Results come back in the order of `scenarios`, whatever the thread
  /// count, so output built from them does not depend on it. `ended` (if
  /// given) is called with each scenario's index as its solve ends, from
  /// that solve's thread.
  public static func plan(
    _ scenarios: [Scenario], options: PlanningOptions = PlanningOptions(), threads: Int,
    ended: (@Sendable (Int) -> Void)? = nil
  ) -> [Result<PlanningResult, PlanningError>] {
    var perScenario = options
    perScenario.threads = 1  // the scenarios already keep `threads` threads busy
    let shared = perScenario
    return concurrently(Array(scenarios.enumerated()), threads: threads) { index, scenario in
      defer { ended?(index) }
      return Result { () throws(PlanningError) in try plan(scenario, options: shared) }
    }
  }
}

/// `work` applied to each item, each on a new thread (GLPK's environment is
/// per thread), at most `threads` at a time; results in the items' order.
/// With one thread, the items are worked on one after the other on the
/// calling thread: no thread is started or ended. (A thread that ends while
/// package-benchmark's malloc interposer counts allocations corrupts the
/// heap: the interposer frees its per-thread counters in a thread-exit
/// destructor and writes to them again in later ones.)
package func concurrently<Item: Sendable, Output: Sendable>(
  _ items: [Item], threads: Int, _ work: @escaping @Sendable (Item) -> Output
) -> [Output] {
  guard threads > 1, items.count > 1 else { return items.map(work) }
  let results = Mutex<[Int: Output]>([:])
  let slots = DispatchSemaphore(value: max(1, threads))
  let done = DispatchGroup()
  for (index, item) in items.enumerated() {
    slots.wait()
    done.enter()
    let thread = Thread {
      let output = work(item)
      results.withLock { $0[index] = output }
      slots.signal()
      done.leave()
    }
    thread.stackSize = 8 << 20
    thread.start()
  }
  done.wait()
  return results.withLock { all in items.indices.map { all[$0]! } }
}

/// `first` and `second` run at once, each on a new thread (as
/// ``concurrently(_:threads:_:)`` runs two items), and both outputs.
package func sideBySide<First: Sendable, Second: Sendable>(
  _ first: @escaping @Sendable () -> First, _ second: @escaping @Sendable () -> Second
) -> (First, Second) {
  let outputs = concurrently([true, false], threads: 2) { isFirst -> SideOutput<First, Second> in
    isFirst ? .first(first()) : .second(second())
  }
  guard case .first(let one) = outputs[0], case .second(let other) = outputs[1] else {
    preconditionFailure("concurrently returns outputs in the order of its items")
  }
  return (one, other)
}

/// What one side of ``sideBySide(_:_:)`` returned.
private enum SideOutput<First: Sendable, Second: Sendable>: Sendable {
  case first(First)
  case second(Second)
}
