import Foundation
import GLPKSolver
import SROCore
import Synchronization

/// A live status line on stderr for long solves: elapsed time, incumbent,
/// bound and gap. Shown only when stderr is a terminal; erased when done.
final class ProgressView: Sendable {
  private struct State {
    var last: SolverProgress?
    var shown = false
    var lastDraw = ContinuousClock.now - .seconds(1)
  }

  private let began = ContinuousClock.now
  private let state = Mutex(State())

  /// A view when stderr is a terminal and not `quiet`, else `nil`.
  static func make(quiet: Bool) -> ProgressView? {
    quiet || isatty(STDERR_FILENO) == 0 ? nil : ProgressView()
  }

  /// Draws a report (at most ten times a second).
  func report(_ progress: SolverProgress) {
    state.withLock { state in
      state.last = progress
      let now = ContinuousClock.now
      guard now - state.lastDraw > .milliseconds(100) else { return }
      state.lastDraw = now
      state.shown = true
      let elapsed =
        Double((now - began).components.seconds)
        + Double((now - began).components.attoseconds) / 1e18
      var line = String(format: "solving… %.1f s", elapsed)
      line += "  incumbent " + (progress.incumbent.map { $0.rosterText } ?? "none yet")
      line += "  bound " + (progress.bound.map { $0.rosterText } ?? "-")
      if let gap = progress.gap { line += String(format: "  gap %.2f%%", gap * 100) }
      Console.error("\r\u{1B}[K\(line)")
    }
  }

  /// Erases the line.
  func finish() {
    state.withLock { state in
      if state.shown { Console.error("\r\u{1B}[K") }
      state.shown = false
    }
  }
}
