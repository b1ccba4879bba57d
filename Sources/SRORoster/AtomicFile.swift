import Foundation
import SROScenario

/// Writes files so that readers see the old content or the new, never a
/// half-written file: the text goes to a temporary file in the same folder,
/// which is then renamed over the target.
public enum AtomicFile {
  /// Writes `text` to `path` atomically.
  ///
  /// A symbolic link is followed (its target is replaced); a path that
  /// exists but is no regular file (`/dev/stdout`, a pipe) is written
  /// directly, since it cannot be renamed over.
  public static func write(_ text: String, to path: String) throws {
    try write(to: path) { emit in emit(text) }
  }

  /// Writes what `produce` hands its `emit` closure, piece by piece, to
  /// `path` atomically (as ``write(_:to:)``), holding at most about a
  /// megabyte of it at a time.
  public static func write(to path: String, _ produce: (_ emit: (String) -> Void) -> Void) throws {
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder), !isFolder.boolValue,
      let type = try? FileManager.default.attributesOfItem(atPath: target.path)[.type] as? FileAttributeType,
      type != .typeRegular
    {
      let handle = try FileHandle(forWritingTo: target)
      defer { try? handle.close() }
      try stream(produce, to: handle)
      return
    }
    let folder = target.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
    do {
      // Created by `Data.write`, whose errors say what is wrong (no such
      // folder, no permission).
      try Data().write(to: temporary)
      let handle = try FileHandle(forWritingTo: temporary)
      do {
        try stream(produce, to: handle)
        try handle.close()
      } catch {
        try? handle.close()
        throw error
      }
      if rename(temporary.path, target.path) != 0 {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
  }

  /// Runs `produce`, writing what it emits to `handle` a megabyte at a
  /// time; the first write error ends the writing and is thrown.
  private static func stream(_ produce: (_ emit: (String) -> Void) -> Void, to handle: FileHandle) throws {
    var buffer = ""
    var failure: (any Error)?
    func flush() {
      guard failure == nil, !buffer.isEmpty else { return }
      do { try handle.write(contentsOf: Data(buffer.utf8)) } catch { failure = error }
      buffer = ""
    }
    produce { piece in
      guard failure == nil else { return }
      buffer += piece
      if buffer.utf8.count >= 1 << 20 { flush() }
    }
    flush()
    if let failure { throw failure }
  }
}
