import Foundation
import SROCore
import Synchronization

/// A live line on stderr while a staffing study runs: weeks done, rate and
/// time left. Shown only when stderr is a terminal; erased when done.
final class StudyProgress: Sendable {
  private struct State {
    var done = 0
    var shown = false
  }

  private let began = ContinuousClock.now
  private let weeks: Int
  private let state = Mutex(State())

  private init(weeks: Int) { self.weeks = weeks }

  /// A view when stderr is a terminal and not `quiet`, else `nil`.
  static func make(quiet: Bool, weeks: Int) -> StudyProgress? {
    quiet || isatty(STDERR_FILENO) == 0 ? nil : StudyProgress(weeks: weeks)
  }

  /// Counts one more week done and redraws the line.
  func weekDone() {
    state.withLock { state in
      state.done += 1
      state.shown = true
      let elapsed = seconds(ContinuousClock.now - began)
      let rate = Double(state.done) / max(elapsed, 1e-9)
      let left = Double(weeks - state.done) / max(rate, 1e-9)
      let line = String(
        format: "weeks %d/%d  %.2f weeks/s  about %.0f s left", state.done, weeks, rate, left)
      FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }
  }

  /// Erases the line.
  func finish() {
    state.withLock { state in
      if state.shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
      state.shown = false
    }
  }

  /// One line on how the solving went: weeks × levels, wall time, the
  /// median time of a week at one level (over those that needed a solve)
  /// and the share proven optimal.
  static func summary(_ weeks: [SampledWeek], levels: Int, since began: ContinuousClock.Instant) -> String {
    let outcomes = weeks.flatMap(\.levels)
    let times = outcomes.map(\.seconds).filter { $0 > 0 }.sorted()
    let median = times.isEmpty ? 0 : (times[(times.count - 1) / 2] + times[times.count / 2]) / 2
    let proven = Double(outcomes.filter(\.optimal).count) / Double(max(1, outcomes.count))
    return String(
      format: "solved %d weeks x %d levels in %.1f s: %d solved, median %.3f s; %.1f%% proven optimal",
      weeks.count, levels, seconds(ContinuousClock.now - began), times.count, median, proven * 100)
  }
}

private func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}
