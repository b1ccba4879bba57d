import Foundation

/// Writes files so that readers see the old content or the new, never a
/// half-written file: the text goes to a temporary file in the same folder,
/// which is then renamed over the target.
public enum AtomicFile {
  /// Writes `text` to `path` atomically.
  public static func write(_ text: String, to path: String) throws {
    let target = URL(fileURLWithPath: path)
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
