import Foundation
import Yams

/// A YAML or JSON value that remembers its ``Origin``, so that merged files
/// still report problems against the file and line they came from.
package struct SourceNode: Sendable {
  package enum Value: Sendable {
    /// A scalar's text; `plain` when it was not quoted in YAML.
    case scalar(String, plain: Bool)
    case mapping([Entry])
    case sequence([SourceNode])
    case null
  }

  /// One `key: value` pair of a mapping, in file order.
  package struct Entry: Sendable {
    var key: String
    var value: SourceNode
    /// The line of the key (the value may start on a later one).
    var keyLine: Int?

    init(key: String, value: SourceNode, keyLine: Int? = nil) {
      self.key = key
      self.value = value
      self.keyLine = keyLine ?? value.origin.line
    }

    /// Where the key stands, for messages about the key itself.
    var keyOrigin: Origin {
      var origin = value.origin
      origin.line = keyLine
      return origin
    }
  }

  package var value: Value
  package var origin: Origin

  /// The entries of a mapping, or `nil`.
  package var entries: [Entry]? {
    if case .mapping(let entries) = value { return entries }
    return nil
  }

  /// The items of a sequence, or `nil`.
  package var items: [SourceNode]? {
    if case .sequence(let items) = value { return items }
    return nil
  }

  /// A scalar's text, or `nil`.
  package var text: String? {
    if case .scalar(let text, _) = value { return text }
    return nil
  }

  /// The value under `key` of a mapping.
  package subscript(key: String) -> SourceNode? {
    entries?.first { $0.key == key }?.value
  }

  /// A short name of the node's type, for messages.
  package var typeName: String {
    switch value {
    case .scalar: "a value"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .null: "nothing"
    }
  }
}

extension SourceNode {
  /// Parses a `.json` file as strict JSON and anything else as YAML. YAML
  /// duplicate keys and syntax errors become diagnostics against `file`,
  /// and so do aliases that expand to more than ``maximumNodes(for:)``
  /// values (an "alias bomb").
  static func parse(_ text: String, file: String) throws(ScenarioError) -> SourceNode {
    if file.lowercased().hasSuffix(".json") { return try StrictJSON.parse(text, file: file) }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw ScenarioError([diagnostic(for: error, file: file)])
    } catch {
      throw ScenarioError([Diagnostic(Origin(file: file, path: ""), "cannot parse: \(error)")])
    }
    guard let root else {
      return SourceNode(value: .mapping([]), origin: Origin(file: file, line: 1, path: ""))
    }
    var converter = YAMLConverter(budget: maximumNodes(for: text))
    let converted = converter.convert(root, origin: Origin(file: file, line: root.mark?.line, path: ""))
    guard let converted else {
      throw ScenarioError([
        Diagnostic(
          Origin(file: file, line: converter.overflowLine, path: converter.overflowPath),
          "aliases expand the file to more than \(converter.budget) values; write the values out instead")
      ])
    }
    return converted
  }

  /// The most values a YAML text may hold once its aliases are expanded:
  /// as many as it has bytes (a text without aliases holds fewer), plus
  /// room for ordinary reuse of anchored coverage windows.
  static func maximumNodes(for text: String) -> Int { text.utf8.count + 100_000 }

  private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      let text =
        problem.hasPrefix("Maximum nesting level") ? "lists and mappings nest more than 1000 deep" : problem
      return Diagnostic(Origin(file: file, line: mark.line, path: ""), "syntax error: \(text)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
      return Diagnostic(
        Origin(file: file, line: context.mark.line, path: ""),
        "key \(keys) appears twice in one mapping")
    default:
      return Diagnostic(Origin(file: file, path: ""), "cannot parse: \(error)")
    }
  }
}

/// Turns Yams nodes into ``SourceNode``s, counting every value made: an
/// alias is expanded where it stands, so a few lines of nested aliases can
/// stand for billions of values; past `budget` the conversion stops.
private struct YAMLConverter {
  let budget: Int
  private var made = 0
  private(set) var overflowLine: Int?
  private(set) var overflowPath = ""

  init(budget: Int) { self.budget = budget }

  mutating func convert(_ node: Node, origin: Origin) -> SourceNode? {
    made += 1
    guard made <= budget else {
      if overflowLine == nil {
        overflowLine = origin.line
        overflowPath = origin.path
      }
      return nil
    }
    switch node {
    case .scalar(let scalar):
      let plain = scalar.style == .plain || scalar.style == .any
      if plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
        return SourceNode(value: .null, origin: origin)
      }
      return SourceNode(value: .scalar(scalar.string, plain: plain), origin: origin)
    case .mapping(let mapping):
      var entries: [SourceNode.Entry] = []
      for (key, value) in mapping {
        let name = key.string ?? "\(key)"
        let child = Origin(
          file: origin.file, line: value.mark?.line ?? key.mark?.line, path: origin.appending(key: name))
        guard let converted = convert(value, origin: child) else { return nil }
        entries.append(SourceNode.Entry(key: name, value: converted, keyLine: key.mark?.line))
      }
      return SourceNode(value: .mapping(entries), origin: origin)
    case .sequence(let sequence):
      var items: [SourceNode] = []
      for (index, item) in sequence.enumerated() {
        let child = Origin(file: origin.file, line: item.mark?.line, path: origin.appending(index: index))
        guard let converted = convert(item, origin: child) else { return nil }
        items.append(converted)
      }
      return SourceNode(value: .sequence(items), origin: origin)
    case .alias:
      return SourceNode(value: .null, origin: origin)
    }
  }
}
