import Foundation
import Synchronization

extension Planner {
  /// Plans several scenarios at once, each solve on a thread of its own
  /// (GLPK keeps its environment per thread), at most `threads` at a time.
  /// Results come back in the order of `scenarios`, whatever the thread
  /// count, so output built from them does not depend on it.
  public static func plan(
    _ scenarios: [Scenario], options: PlanningOptions = PlanningOptions(), threads: Int
  ) -> [Result<PlanningResult, PlanningError>] {
    let results = Mutex<[Int: Result<PlanningResult, PlanningError>]>([:])
    let slots = DispatchSemaphore(value: max(1, threads))
    let done = DispatchGroup()
    for (index, scenario) in scenarios.enumerated() {
      slots.wait()
      done.enter()
      let thread = Thread {
        let result = Result { () throws(PlanningError) in try plan(scenario, options: options) }
        results.withLock { $0[index] = result }
        slots.signal()
        done.leave()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    done.wait()
    return results.withLock { all in scenarios.indices.map { all[$0]! } }
  }
}
