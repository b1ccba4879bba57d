import Foundation
import SROCore
import SRORoster
import Synchronization

/// Turns the first SIGINT or SIGTERM during a solve (or a compare) into a stop request:
/// the search ends with its best roster so far, which is written as usual
/// (atomically) before sro exits with 128 + the signal's number (130 for
/// SIGINT, 143 for SIGTERM). A second signal ends the process at once,
/// removing any temporary file first.
///
/// The handler itself only stores the signal's number in an atomic (and,
/// on the second signal, unlinks files and calls `_exit`, both
/// async-signal-safe); a timer raises the ``StopRequest`` from that number
/// on a normal thread.
enum Interruption {
  /// The signals that stop a solve.
  static let signals: [Int32] = [SIGINT, SIGTERM]
  /// How often the flag set by the handler is looked at.
  static let pollInterval = DispatchTimeInterval.milliseconds(20)

  /// The number of the first signal received; 0 while none came.
  private static let received = Atomic<Int32>(0)
  nonisolated(unsafe) private static var timer: DispatchSourceTimer?

  /// Installs the handlers; `stop` is raised soon after the first signal.
  static func install(raising stop: StopRequest) {
    _ = received.load(ordering: .relaxed)  // initialised before any handler can run
    for signal in signals { setSignalHandler(signal) { Interruption.handle($0) } }
    let timer = DispatchSource.makeTimerSource(queue: .global())
    timer.schedule(deadline: .now() + pollInterval, repeating: pollInterval)
    timer.setEventHandler {
      if received.load(ordering: .relaxed) != 0 { stop.raise() }
    }
    timer.resume()
    Self.timer = timer
  }

  /// The first signal received, if any.
  static var signal: Int32? {
    let number = received.load(ordering: .relaxed)
    return number == 0 ? nil : number
  }

  /// Async-signal-safe: records the first signal; ends the process on the second.
  private static func handle(_ signal: Int32) {
    let (exchanged, _) = received.compareExchange(expected: 0, desired: signal, ordering: .relaxed)
    if !exchanged {
      TemporaryFiles.removeAll()
      _exit(128 + signal)
    }
  }
}
