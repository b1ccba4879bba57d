import Foundation

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
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder), !isFolder.boolValue,
      let type = try? FileManager.default.attributesOfItem(atPath: target.path)[.type] as? FileAttributeType,
      type != .typeRegular
    {
      let handle = try FileHandle(forWritingTo: target)
      defer { try? handle.close() }
      try handle.write(contentsOf: Data(text.utf8))
      return
    }
    let folder = target.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
    do {
      try Data(text.utf8).write(to: temporary)
      if rename(temporary.path, target.path) != 0 {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
  }
}
