import Foundation
import SROScenario

/// Writes files so that readers see the old content or the new, never a
/// half-written file: the text goes to a temporary file in the same folder,
/// which is then renamed over the target. The temporary file is removed on
/// every way out: an error, `exit`, or a signal (see ``TemporaryFiles``).
public enum AtomicFile {
  /// Why a file could not be written, in words (`is a folder`, `No space
  /// left on device`).
  public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String {
      path.isEmpty ? "cannot write: \(reason)" : "\(path): cannot write: \(reason)"
    }
  }

  /// Writes `text` to `path` atomically.
  ///
  /// A symbolic link is followed (its target is replaced); a path that
  /// exists but is no regular file (`/dev/stdout`, a pipe) is written
  /// directly, since it cannot be renamed over.
  public static func write(_ text: String, to path: String) throws(WriteError) {
    try write(to: path) { emit in emit(text) }
  }

  /// Writes what `produce` hands its `emit` closure, piece by piece, to
  /// `path` atomically (as ``write(_:to:)``), holding at most about a
  /// megabyte of it at a time.
  public static func write(to path: String, _ produce: (_ emit: (String) -> Void) -> Void)
    throws(WriteError)
  {
    func failure(_ reason: String) -> WriteError { WriteError(path: path, reason: reason) }
    guard !path.isEmpty else { throw failure("the path is empty") }
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    var info = stat()
    if stat(target, &info) == 0 {
      switch info.st_mode & S_IFMT {
      case S_IFDIR: throw failure("it is a folder")
      case S_IFREG: break
      default:
        // A device or a pipe: written in place.
        let descriptor = open(target, O_WRONLY)
        guard descriptor >= 0 else { throw failure(lastError()) }
        let problem = stream(produce, to: descriptor)
        close(descriptor)
        if let problem { throw failure(problem) }
        return
      }
    }
    let name = (target as NSString).lastPathComponent
    let folder = (target as NSString).deletingLastPathComponent
    let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(UUID().uuidString).tmp"
    let slot = TemporaryFiles.register(temporary)
    defer { TemporaryFiles.unregister(slot) }
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o666)
    guard descriptor >= 0 else {
      throw failure(errno == ENOENT ? "no such folder: \(folder)" : lastError())
    }
    var problem = stream(produce, to: descriptor)
    if close(descriptor) != 0, problem == nil { problem = lastError() }
    if problem == nil, rename(temporary, target) != 0 { problem = lastError() }
    if let problem {
      unlink(temporary)
      throw failure(problem)
    }
  }

  /// Runs `produce`, writing what it emits to `descriptor` a megabyte at
  /// a time; the first write error ends the writing and is returned.
  private static func stream(_ produce: (_ emit: (String) -> Void) -> Void, to descriptor: Int32)
    -> String?
  {
    var buffer = ""
    var problem: String?
    func flush() {
      guard problem == nil, !buffer.isEmpty else { return }
      problem = writeAll(buffer, to: descriptor)
      buffer = ""
    }
    produce { piece in
      guard problem == nil else { return }
      buffer += piece
      if buffer.utf8.count >= 1 << 20 { flush() }
    }
    flush()
    return problem
  }

  /// Writes all of `text` to `descriptor` with `write(2)`, retrying on
  /// `EINTR` and partial writes; the reason it could not, or `nil`.
  public static func writeAll(_ text: String, to descriptor: Int32) -> String? {
    var text = text
    return text.withUTF8 { bytes -> String? in
      var offset = 0
      while offset < bytes.count {
        let written = posixWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return lastError()
        }
        if written == 0 { return "nothing was written" }
        offset += written
      }
      return nil
    }
  }

  private static func lastError() -> String { String(cString: strerror(errno)) }
}

/// `write(2)`, out of reach of ``AtomicFile``'s own `write` methods.
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
