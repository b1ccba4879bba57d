import Foundation
import Yams

/// A YAML or JSON value that remembers its ``Origin``, so that merged files
/// still report problems against the file and line they came from.
struct SourceNode: Sendable {
  enum Value: Sendable {
    /// A scalar's text; `plain` when it was not quoted in YAML.
    case scalar(String, plain: Bool)
    case mapping([Entry])
    case sequence([SourceNode])
    case null
  }

  /// One `key: value` pair of a mapping, in file order.
  struct Entry: Sendable {
    var key: String
    var value: SourceNode
  }

  var value: Value
  var origin: Origin

  /// The entries of a mapping, or `nil`.
  var entries: [Entry]? {
    if case .mapping(let entries) = value { return entries }
    return nil
  }

  /// The items of a sequence, or `nil`.
  var items: [SourceNode]? {
    if case .sequence(let items) = value { return items }
    return nil
  }

  /// A scalar's text, or `nil`.
  var text: String? {
    if case .scalar(let text, _) = value { return text }
    return nil
  }

  /// The value under `key` of a mapping.
  subscript(key: String) -> SourceNode? {
    entries?.first { $0.key == key }?.value
  }

  /// A short name of the node's type, for messages.
  var typeName: String {
    switch value {
    case .scalar: "a value"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .null: "nothing"
    }
  }
}

extension SourceNode {
  /// Parses YAML (JSON is read as YAML, which it is a subset of, so JSON
  /// errors get line numbers too). Duplicate keys and syntax errors become
  /// diagnostics against `file`.
  static func parse(_ text: String, file: String) throws(ScenarioError) -> SourceNode {
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
    return convert(root, origin: Origin(file: file, line: root.mark?.line, path: ""))
  }

  private static func convert(_ node: Node, origin: Origin) -> SourceNode {
    switch node {
    case .scalar(let scalar):
      let plain = scalar.style == .plain || scalar.style == .any
      if plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
        return SourceNode(value: .null, origin: origin)
      }
      return SourceNode(value: .scalar(scalar.string, plain: plain), origin: origin)
    case .mapping(let mapping):
      let entries = mapping.map { key, value in
        let name = key.string ?? "\(key)"
        let child = Origin(
          file: origin.file, line: value.mark?.line ?? key.mark?.line,
          path: origin.appending(key: name))
        return Entry(key: name, value: convert(value, origin: child))
      }
      return SourceNode(value: .mapping(entries), origin: origin)
    case .sequence(let sequence):
      let items = sequence.enumerated().map { index, item in
        convert(
          item,
          origin: Origin(
            file: origin.file, line: item.mark?.line, path: origin.appending(index: index)))
      }
      return SourceNode(value: .sequence(items), origin: origin)
    case .alias:
      return SourceNode(value: .null, origin: origin)
    }
  }

  private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return Diagnostic(Origin(file: file, line: mark.line, path: ""), "syntax error: \(problem)")
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
