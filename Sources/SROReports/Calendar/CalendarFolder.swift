import Foundation

/// Writes a set of calendar files as one folder, all or nothing: the files
/// go to a new folder beside the target, which then takes the target's
/// place. A reader sees the old set or the new one, never a mix, and a run
/// that fails leaves the old folder as it was.
public enum CalendarFolder {
  /// Writes `files` (name, text) to the folder at `path`, replacing what it
  /// held. An existing folder must hold only `.ics` files: sro will not
  /// replace a folder of other documents.
  public static func write(_ files: [(name: String, text: String)], to path: String) throws(CalendarError) {
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    let exists = manager.fileExists(atPath: target.path, isDirectory: &isFolder)
    if exists {
      guard isFolder.boolValue else { throw CalendarError("\(path): exists and is not a folder") }
      let others = ((try? manager.contentsOfDirectory(atPath: target.path)) ?? [])
        .filter { !$0.hasSuffix(".ics") }.sorted()
      guard others.isEmpty else {
        throw CalendarError(
          "\(path): holds files other than calendars (\(others.prefix(3).joined(separator: ", "))); "
            + "give an empty or new folder")
      }
    }
    let parent = target.deletingLastPathComponent()
    let fresh = parent.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).new")
    do {
      try manager.createDirectory(at: fresh, withIntermediateDirectories: false)
      for file in files {
        try Data(file.text.utf8).write(
          to: fresh.appendingPathComponent(file.name), options: .withoutOverwriting)
      }
      try place(fresh, at: target, replacing: exists)
    } catch {
      try? manager.removeItem(at: fresh)
      if let error = error as? CalendarError { throw error }
      throw CalendarError("\(path): cannot write: \(error.localizedDescription)")
    }
  }

  /// Renames `fresh` to `target`; an existing target is first moved aside
  /// (and moved back if the second rename fails), then removed.
  private static func place(_ fresh: URL, at target: URL, replacing: Bool) throws {
    guard replacing else {
      guard rename(fresh.path, target.path) == 0 else { throw CalendarError(renameProblem(target)) }
      return
    }
    let old = target.deletingLastPathComponent()
      .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).old")
    guard rename(target.path, old.path) == 0 else { throw CalendarError(renameProblem(target)) }
    guard rename(fresh.path, target.path) == 0 else {
      let problem = renameProblem(target)
      _ = rename(old.path, target.path)
      throw CalendarError(problem)
    }
    try? FileManager.default.removeItem(at: old)
  }

  private static func renameProblem(_ target: URL) -> String {
    "\(target.path): cannot replace: \(String(cString: strerror(errno)))"
  }
}
