import Foundation
import SROCore
import Synchronization

/// A live status line on stderr while a week is solved: the elapsed time,
/// and the whole week's best roster, bound and gap (summed over its parts),
/// redrawn four times a second from the first moment. Shown only when
/// stderr is a terminal; erased when done.
final class ProgressView: Sendable {
  private struct State {
    var latest: PlanningProgress?
    var shown = false
    var finished = false
  }

  /// How often the line is redrawn.
  static let interval = DispatchTimeInterval.milliseconds(250)

  private let began = ContinuousClock.now
  private let state = Mutex(State())
  /// Redraws the line; dispatch sources may be used from any thread.
  private nonisolated(unsafe) let timer = DispatchSource.makeTimerSource(queue: .global())

  /// A view when stderr is a terminal and not `quiet`, else `nil`.
  static func make(quiet: Bool) -> ProgressView? {
    guard !quiet, isatty(STDERR_FILENO) != 0 else { return nil }
    let view = ProgressView()
    view.start()
    return view
  }

  private func start() {
    timer.schedule(deadline: .now(), repeating: Self.interval)
    timer.setEventHandler { [weak self] in self?.draw() }
    timer.resume()
  }

  /// Takes the week's latest progress; the next redraw shows it.
  func report(_ progress: PlanningProgress) {
    state.withLock { $0.latest = progress }
  }

  private func draw() {
    state.withLock { state in
      guard !state.finished else { return }
      state.shown = true
      Console.error("\r\u{1B}[K" + Self.line(state.latest, elapsed: ContinuousClock.now - began))
    }
  }

  /// The status line after `elapsed`, with `progress` if any came yet.
  static func line(_ progress: PlanningProgress?, elapsed: Duration) -> String {
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let line = String(format: "solving… %.1f s", seconds)
    guard let progress, let objective = progress.objective else { return line + "  building a first roster" }
    var text = line + "  best roster \(objective.rosterText)  bound \(progress.bound.rosterText)"
    if let gap = progress.gap { text += String(format: "  gap %.2f%%", gap * 100) }
    return text
  }

  /// Stops redrawing and erases the line.
  func finish() {
    timer.cancel()
    state.withLock { state in
      if state.shown { Console.error("\r\u{1B}[K") }
      state.shown = false
      state.finished = true
    }
  }
}
