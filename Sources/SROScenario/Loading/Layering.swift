import Foundation

/// Reads scenario files and merges them, layer on layer, as spec §1 says:
/// `extends` chains base-first, lists merged by id (or appended), `policy`,
/// `policy.weights` and `defaults.coverage` merged key by key, `remove`
/// applied after its own file's merge.
///
/// The result is still a ``SourceNode`` tree, so every value keeps the file,
/// line and path it came from for the decoder's messages.
struct Layering {
  /// Lists whose entries are matched by `id`: a known id replaces the entry
  /// whole, a new one is appended.
  static let listsByID = ["agencies", "schools", "officers", "events", "periods"]
  /// Lists whose entries are always appended.
  static let appendedLists = ["absences", "closures", "pins", "forbids"]
  /// Mappings merged key by key, with the one nested mapping also merged so.
  static let mergedMappings = ["policy": "weights", "defaults": "coverage"]

  private(set) var document = SourceNode(
    value: .mapping([]), origin: Origin(file: "", line: nil, path: ""))
  private(set) var diagnostics: [Diagnostic] = []

  /// Applies `file` (after its `extends` chain, base first). The first
  /// file applied names the merged document in messages about it as a
  /// whole (a missing `week`, say).
  mutating func apply(file path: String) {
    let isFirst = document.origin.file.isEmpty
    for layer in readChain(path, seen: []) {
      apply(layer: layer)
    }
    if isFirst { document.origin = Origin(file: path, line: nil, path: "") }
  }

  /// Applies one already-parsed layer (a file's content or quick edits).
  mutating func apply(layer: SourceNode) {
    guard let layerEntries = layer.entries else {
      diagnostics.append(
        Diagnostic(layer.origin, "a scenario must be a mapping, not \(layer.typeName)"))
      return
    }
    if document.origin.file.isEmpty { document.origin = layer.origin }
    var entries = document.entries ?? []
    for entry in layerEntries where entry.key != "extends" && entry.key != "remove" {
      let existing = entries.firstIndex { $0.key == entry.key }
      var merged = entry.value
      // A key left blank (`officers:`) adds nothing; it never wipes the base.
      if case .null = entry.value.value, existing != nil { continue }
      if let existing {
        let base = entries[existing].value
        if Self.listsByID.contains(entry.key) {
          merged = mergeByID(base: base, overlay: entry.value)
        } else if Self.appendedLists.contains(entry.key) {
          merged = append(base: base, overlay: entry.value)
        } else if let nested = Self.mergedMappings[entry.key] {
          merged = mergeMappings(base: base, overlay: entry.value, nested: nested)
        }
        entries[existing].value = merged
      } else {
        entries.append(entry)
      }
      if Self.listsByID.contains(entry.key) { checkUniqueIDs(entry.value) }
    }
    document.value = .mapping(entries)
    if let remove = layer["remove"] { apply(remove: remove) }
  }

  // MARK: - Files and extends chains

  private mutating func readChain(_ path: String, seen: [String]) -> [SourceNode] {
    let key = URL(fileURLWithPath: path).standardizedFileURL.path
    guard let root = read(path) else { return [] }
    guard let extends = root["extends"] else { return [root] }
    guard let relative = extends.text else {
      diagnostics.append(Diagnostic(extends.origin, "extends must be a file path"))
      return [root]
    }
    let basePath = Self.path(relative, besides: path)
    let baseKey = URL(fileURLWithPath: basePath).standardizedFileURL.path
    if baseKey == key || seen.contains(baseKey) {
      let chain = (seen + [key, baseKey]).map { URL(fileURLWithPath: $0).lastPathComponent }
      diagnostics.append(
        Diagnostic(extends.origin, "extends cycle: \(chain.joined(separator: " → "))"))
      return [root]
    }
    guard FileManager.default.fileExists(atPath: basePath) else {
      diagnostics.append(Diagnostic(extends.origin, "no such file: \(relative)"))
      return [root]
    }
    return readChain(basePath, seen: seen + [key]) + [root]
  }

  /// `relative` resolved against the folder of `file`, lexically (`a/b/../c`
  /// becomes `a/c`), so messages name files the way the planner wrote them.
  static func path(_ relative: String, besides file: String) -> String {
    guard !relative.hasPrefix("/") else { return relative }
    var parts = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
    for part in relative.split(separator: "/").map(String.init) {
      switch part {
      case ".": continue
      case "..":
        if let last = parts.last, !last.isEmpty, last != "..", last != "." {
          parts.removeLast()
        } else {
          parts.append(part)
        }
      default: parts.append(part)
      }
    }
    return parts.joined(separator: "/")
  }

  private mutating func read(_ path: String) -> SourceNode? {
    let origin = Origin(file: path, line: nil, path: "")
    let lowered = path.lowercased()
    guard [".yaml", ".yml", ".json"].contains(where: { lowered.hasSuffix($0) }) else {
      diagnostics.append(Diagnostic(origin, "a scenario file ends in .yaml, .yml or .json"))
      return nil
    }
    let text: String
    switch InputFile.text(of: path) {
    case .success(let read): text = read
    case .failure(let failure):
      diagnostics.append(failure.diagnostic(file: path))
      return nil
    }
    do {
      return try SourceNode.parse(text, file: path)
    } catch {
      diagnostics.append(contentsOf: error.diagnostics)
      return nil
    }
  }

  // MARK: - Merging

  private static func id(of node: SourceNode) -> String? { node["id"]?.text }

  private func mergeByID(base: SourceNode, overlay: SourceNode) -> SourceNode {
    guard var items = base.items, let additions = overlay.items else { return overlay }
    var index: [String: Int] = [:]
    for (position, item) in items.enumerated() {
      if let id = Self.id(of: item), index[id] == nil { index[id] = position }
    }
    for addition in additions {
      if let id = Self.id(of: addition), let position = index[id] {
        items[position] = addition
      } else {
        if let id = Self.id(of: addition) { index[id] = items.count }
        items.append(addition)
      }
    }
    return SourceNode(value: .sequence(items), origin: base.origin)
  }

  private func append(base: SourceNode, overlay: SourceNode) -> SourceNode {
    guard let items = base.items, let additions = overlay.items else { return overlay }
    return SourceNode(value: .sequence(items + additions), origin: base.origin)
  }

  private func mergeMappings(base: SourceNode, overlay: SourceNode, nested: String?)
    -> SourceNode
  {
    guard var entries = base.entries, let additions = overlay.entries else { return overlay }
    for addition in additions {
      if let index = entries.firstIndex(where: { $0.key == addition.key }) {
        entries[index].value =
          addition.key == nested
          ? mergeMappings(base: entries[index].value, overlay: addition.value, nested: nil)
          : addition.value
      } else {
        entries.append(addition)
      }
    }
    return SourceNode(value: .mapping(entries), origin: base.origin)
  }

  private mutating func checkUniqueIDs(_ list: SourceNode) {
    var seen = Set<String>()
    for item in list.items ?? [] {
      if let id = Self.id(of: item), !seen.insert(id).inserted {
        diagnostics.append(Diagnostic(item["id"]!.origin, "id \"\(id)\" appears twice in this file"))
      }
    }
  }

  // MARK: - remove

  private static let removable = ["officers", "schools", "events"]

  private mutating func apply(remove: SourceNode) {
    guard let entries = remove.entries else {
      diagnostics.append(Diagnostic(remove.origin, "remove must be a mapping of id lists"))
      return
    }
    var doomed: [String: Set<String>] = [:]
    var failed = false
    for entry in entries {
      guard Self.removable.contains(entry.key) else {
        let hint = suggestion(for: entry.key, among: Self.removable)
        diagnostics.append(Diagnostic(entry.keyOrigin, "unknown key \"\(entry.key)\"\(hint)"))
        failed = true
        continue
      }
      let known = (document[entry.key]?.items ?? []).compactMap { Self.id(of: $0) }
      for item in entry.value.items ?? [entry.value] {
        guard let target = item.text else {
          diagnostics.append(Diagnostic(item.origin, "expected an id"))
          failed = true
          continue
        }
        if known.contains(target) {
          doomed[entry.key, default: []].insert(target)
        } else {
          let noun = String(entry.key.dropLast())
          diagnostics.append(
            Diagnostic(
              item.origin,
              "no \(noun) \"\(target)\" to remove\(suggestion(for: target, among: known))"))
          failed = true
        }
      }
    }
    guard !failed else { return }
    let officers = doomed["officers"] ?? []
    let schools = doomed["schools"] ?? []
    let events = doomed["events"] ?? []
    filter("officers") { !officers.contains(Self.id(of: $0) ?? "") }
    filter("absences") { !officers.contains($0["officer"]?.text ?? "") }
    // Pins and forbids stay: one that names a removed officer or school is
    // then an unknown reference, which the planner has to resolve.
    filter("schools") { !schools.contains(Self.id(of: $0) ?? "") }
    filter("closures") { !schools.contains($0["school"]?.text ?? "") }
    filter("events") {
      !events.contains(Self.id(of: $0) ?? "") && !schools.contains($0["school"]?.text ?? "")
    }
    // An officer whose home school is removed has no home.
    transform("officers") { officer in
      guard let home = officer["home"]?.text, schools.contains(home),
        let entries = officer.entries
      else { return officer }
      var homeless = officer
      homeless.value = .mapping(entries.filter { $0.key != "home" })
      return homeless
    }
  }

  private mutating func filter(_ key: String, keep: (SourceNode) -> Bool) {
    transformList(key) { $0.filter(keep) }
  }

  private mutating func transform(_ key: String, _ change: (SourceNode) -> SourceNode) {
    transformList(key) { $0.map(change) }
  }

  private mutating func transformList(_ key: String, _ change: ([SourceNode]) -> [SourceNode]) {
    guard var entries = document.entries,
      let index = entries.firstIndex(where: { $0.key == key }),
      let items = entries[index].value.items
    else { return }
    entries[index].value.value = .sequence(change(items))
    document.value = .mapping(entries)
  }
}
