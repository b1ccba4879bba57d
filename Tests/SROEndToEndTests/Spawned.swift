import Foundation
import Testing

/// `sro` started in the background, for tests that signal it.
enum Spawned {
  /// Starts `sro` with every signal at its default disposition and none
  /// blocked (the test runner's own settings would otherwise be inherited),
  /// its stdout to /dev/null and its stderr to `stderr` (a file path) or
  /// /dev/null; returns its process id.
  static func sro(_ arguments: [String], stderr: String = "/dev/null") throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var all = sigset_t()
    sigfillset(&all)
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let argv = ([SRO.binary.path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    let result = posix_spawn(&pid, SRO.binary.path, &actions, &attributes, argv, environ)
    try #require(result == 0, "posix_spawn failed: \(result)")
    return pid
  }

  /// Waits for `pid` to end; its exit status (or 128 + the signal that killed it).
  static func wait(_ pid: pid_t) -> Int32 {
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  }
}
