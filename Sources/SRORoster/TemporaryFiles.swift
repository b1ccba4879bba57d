import Foundation

/// The temporary files being written right now, removed on every way out
/// of the process: a thrown error (by their writer), `exit`, and the
/// signals that end a process (SIGINT, SIGTERM, SIGHUP, and the traps of
/// a crash).
///
/// The signal handler is installed the first time a file is registered
/// and only calls `unlink(2)` (async-signal-safe) on paths copied into
/// fixed slots beforehand; then it restores the disposition that was there
/// before (a handler of the program's own, or the default) and raises the
/// signal again, so the process ends or carries on exactly as it would
/// have without it.
package enum TemporaryFiles {
  /// How many temporary files may be live at once.
  static let capacity = 64

  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS]

  private static let lock = NSLock()
  nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
    let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    slots.initialize(repeating: nil, count: capacity)
    return slots
  }()
  nonisolated(unsafe) private static let previous: UnsafeMutablePointer<sigaction> = .allocate(
    capacity: signals.count)
  /// Which of `signals` carry the handler (an ignored signal is left alone).
  nonisolated(unsafe) private static let handled: UnsafeMutablePointer<Bool> = {
    let handled = UnsafeMutablePointer<Bool>.allocate(capacity: signals.count)
    handled.initialize(repeating: false, count: signals.count)
    return handled
  }()
  nonisolated(unsafe) private static var installed = false
  nonisolated(unsafe) private static var exitHookInstalled = false

  /// Registers `path` for removal; returns its slot for ``unregister(_:)``,
  /// or `nil` when every slot is taken (the file is then still removed by
  /// its writer on errors, only not on signals).
  static func register(_ path: String) -> Int? {
    lock.withLock {
      installHandlers()
      guard let slot = (0..<capacity).first(where: { slots[$0] == nil }) else { return nil }
      slots[slot] = strdup(path)
      return slot
    }
  }

  /// Forgets the file in `slot` (it was renamed or removed).
  static func unregister(_ slot: Int?) {
    guard let slot else { return }
    lock.withLock {
      let path = slots[slot]
      slots[slot] = nil
      free(path)
    }
  }

  /// Removes every registered file; safe inside a signal handler.
  package static func removeAll() {
    for slot in 0..<capacity {
      if let path = slots[slot] { unlink(path) }
    }
  }

  private static func installHandlers() {
    if !exitHookInstalled {
      exitHookInstalled = true
      atexit { TemporaryFiles.removeAll() }
    }
    guard !installed else { return }
    installed = true
    for (index, signal) in signals.enumerated() {
      sigaction(signal, nil, previous + index)
      // An ignored signal (SIGINT in a background job) cannot end the
      // process, so it must not cost the file being written either.
      guard !isIgnored(previous[index]) else { continue }
      setSignalHandler(signal) { TemporaryFiles.handle($0) }
      handled[index] = true
    }
  }

  private static func isIgnored(_ action: sigaction) -> Bool {
    #if os(Linux)
      let handler = action.__sigaction_handler.sa_handler
    #else
      let handler = action.__sigaction_u.__sa_handler
    #endif
    return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
  }

  /// Removes the files, puts back the dispositions found at installation
  /// and raises `signal` again.
  private static func handle(_ signal: Int32) {
    removeAll()
    for (index, other) in signals.enumerated() where handled[index] {
      sigaction(other, previous + index, nil)
      handled[index] = false
    }
    installed = false
    raise(signal)
  }
}

/// Installs `handler` for `signal` (no signals masked while it runs, no flags).
package func setSignalHandler(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
  var action = sigaction()
  #if os(Linux)
    action.__sigaction_handler.sa_handler = handler
  #else
    action.__sigaction_u.__sa_handler = handler
  #endif
  sigemptyset(&action.sa_mask)
  sigaction(signal, &action, nil)
}
