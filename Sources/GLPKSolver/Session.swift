internal import CGLPK
internal import CGLPKGuard

/// Owns one `glp_prob`. Not copyable, never leaves the thread that made it,
/// deleted in `deinit` unless GLPK's environment (and the problem with it)
/// was already freed by the fatal-error guard.
struct ProblemHandle: ~Copyable {
  private(set) var pointer: OpaquePointer?

  init() { pointer = glp_create_prob() }

  /// Forgets the pointer after `glp_free_env` freed the problem.
  mutating func environmentWasFreed() { pointer = nil }

  deinit {
    if let pointer { glp_delete_prob(pointer) }
  }
}

/// One thread's use of GLPK: output capture and the guarded calls.
final class Session {
  let capture: OutputCapture

  init(capture: OutputCapture) { self.capture = capture }

  /// Runs one guarded C call on `problem`; a caught fatal error becomes
  /// ``SolverError/glpkFatalError(message:)`` with what GLPK printed.
  func guarded(
    _ problem: inout ProblemHandle, _ call: (OpaquePointer) -> Int32
  ) throws(SolverError) {
    guard let pointer = problem.pointer else {
      throw .glpkFatalError(message: "the GLPK environment was already freed")
    }
    if call(pointer) == SRO_GUARD_FATAL {
      problem.environmentWasFreed()
      throw .glpkFatalError(message: capture.recentText)
    }
  }
}

/// Runs `body` with GLPK's terminal output captured, then frees the calling
/// thread's GLPK environment. Everything GLPK does in `body` stays on this thread.
func withEnvironment<T>(
  log: SolverLog, progress: (@Sendable (SolverProgress) -> Void)? = nil,
  _ body: (Session) throws(SolverError) -> T
) throws(SolverError) -> T {
  let capture = OutputCapture(log: log, progress: progress)
  let session = Session(capture: capture)
  return try withExtendedLifetime(capture) { () throws(SolverError) -> T in
    glp_term_hook(
      { info, text in
        if let info, let text {
          Unmanaged<OutputCapture>.fromOpaque(info).takeUnretainedValue()
            .receive(String(cString: text))
        }
        return 1  // handled: GLPK prints nothing itself
      }, Unmanaged.passUnretained(capture).toOpaque())
    defer {
      glp_term_hook(nil, nil)
      glp_free_env()
      capture.finish()
    }
    return try body(session)
  }
}

/// Collects GLPK's terminal output into lines; keeps the last few for error
/// messages and forwards each to the log closure, if any.
final class OutputCapture {
  private let sink: (@Sendable (String) -> Void)?
  private let progress: (@Sendable (SolverProgress) -> Void)?
  private var pending = ""
  private var recent: [String] = []
  /// How GLPK's objective maps back to the model's: `value / scale + constant`.
  var objective = (scale: 1.0, constant: 0.0)

  init(log: SolverLog, progress: (@Sendable (SolverProgress) -> Void)? = nil) {
    switch log {
    case .silent: sink = nil
    case .lines(let closure): sink = closure
    }
    self.progress = progress
  }

  /// Whether lines are wanted (then GLPK's normal output is turned on).
  var forwardsLines: Bool { sink != nil || progress != nil }

  /// The last lines GLPK printed, joined; what a fatal error said.
  var recentText: String {
    let text = (recent + [pending]).joined(separator: " ")
    return String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }

  func receive(_ text: String) {
    pending += text
    while let newline = pending.firstIndex(of: "\n") {
      let line = String(pending[..<newline])
      pending.removeSubrange(...newline)
      deliver(line)
    }
  }

  func finish() {
    if !pending.isEmpty { deliver(pending) }
    pending = ""
  }

  private func deliver(_ line: String) {
    recent.append(line)
    if recent.count > 8 { recent.removeFirst() }
    sink?(line)
    if let progress,
      let snapshot = SolverProgress.parse(line, scale: objective.scale, constant: objective.constant)
    {
      progress(snapshot)
    }
  }
}
