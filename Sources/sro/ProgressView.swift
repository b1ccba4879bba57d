import Foundation
import SROCore
import Synchronization

/// A live status line on stderr while a week is solved: the elapsed time,
/// and the whole week's best roster, bound and gap (summed over its parts),
/// redrawn four times a second from the first moment. Shown only when
/// stderr is a terminal; erased when done. `sro compare` names the week
/// being solved (``solving(_:)``), then counts the variants solved at once
/// (``variants(done:of:)``).
final class ProgressView: Sendable {
  private struct State {
    /// What the line says after the clock.
    var detail = ProgressView.detail(nil)
    /// The name of the week being solved, if given.
    var week: String?
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
    state.withLock { $0.detail = Self.detail(progress, week: $0.week) }
  }

  /// Names the week solved from now on (its progress not yet reported).
  func solving(_ week: String) {
    state.withLock {
      $0.week = week
      $0.detail = Self.detail(nil, week: week)
    }
  }

  /// Shows how many of `total` weeks solved at once have ended (their
  /// progress lines would interleave, so none is shown).
  func variants(done: Int, of total: Int) {
    state.withLock { $0.detail = "variants: \(done) of \(total) solved" }
  }

  private func draw() {
    state.withLock { state in
      guard !state.finished else { return }
      state.shown = true
      Console.error("\r\u{1B}[K" + Self.line(state.detail, elapsed: ContinuousClock.now - began))
    }
  }

  /// The status line after `elapsed`, then `detail`.
  static func line(_ detail: String, elapsed: Duration) -> String {
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return String(format: "solving… %.1f s  ", seconds) + detail
  }

  /// What the line says of a week (named `week`, if given) with
  /// `progress`, if any came yet.
  static func detail(_ progress: PlanningProgress?, week: String? = nil) -> String {
    let name = week.map { $0 + ": " } ?? ""
    guard let progress, let objective = progress.objective else { return name + "building a first roster" }
    var text = name + "best roster \(objective.rosterText)  bound \(progress.bound.rosterText)"
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
