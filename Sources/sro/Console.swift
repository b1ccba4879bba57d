import ArgumentParser
import Foundation
import SROCore

/// Standard output and standard error, written with `write(2)` and every
/// error checked: output that cannot be written (a full disk, `/dev/full`,
/// a closed descriptor, a reader that went away) ends the run with exit 74
/// and a message, never a trap or a silent loss.
enum Console {
  /// Whether some write to standard error failed; the run then ends in 74.
  nonisolated(unsafe) private static var standardErrorFailed = false
  private static let lock = NSLock()

  /// Writes `text` to standard output, or says why not (on stderr, if it
  /// can) and throws exit 74.
  static func out(_ text: String) throws {
    if let problem = AtomicFile.writeAll(text, to: STDOUT_FILENO) {
      error("sro: cannot write to standard output: \(problem)\n")
      throw Exit.ioFailure
    }
  }

  /// Writes `text` to standard error; a failure is remembered, and
  /// ``finish(_:)`` turns it into exit 74.
  static func error(_ text: String) {
    guard AtomicFile.writeAll(text, to: STDERR_FILENO) != nil else { return }
    lock.withLock { standardErrorFailed = true }
  }

  /// Exits with `error`'s code (0 when `nil`) after printing its message
  /// (help on stdout, problems on stderr), or with 74 if standard output
  /// or standard error lost something along the way.
  static func finish(_ error: (any Error)?) -> Never {
    var code = error.map { SRO.exitCode(for: $0) } ?? .success
    if let error, !(error is ExitCode) {
      let message = SRO.fullMessage(for: error)
      if !message.isEmpty {
        if code == .success {
          do { try out(message + "\n") } catch { code = Exit.ioFailure }
        } else {
          Console.error(message + "\n")
        }
      }
    }
    if lock.withLock({ standardErrorFailed }) { code = Exit.ioFailure }
    exit(code.rawValue)
  }
}
