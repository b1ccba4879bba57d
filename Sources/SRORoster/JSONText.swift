import SROScenario

/// A JSON value that prints its object keys in the order given, so output
/// is stable and reads in the spec's order.
package enum JSONText {
  case string(String)
  case number(Double)
  case integer(Int)
  case bool(Bool)
  case null
  case array([JSONText])
  case object([(String, JSONText)])

  /// Compact text: `{"a": 1, "b": [2, 3]}`.
  package var compact: String {
    switch self {
    case .string(let text): return quoted(text)
    case .number(let value): return jsonNumber(value)
    case .integer(let value): return String(value)
    case .bool(let value): return value ? "true" : "false"
    case .null: return "null"
    case .array(let items): return "[" + items.map(\.compact).joined(separator: ", ") + "]"
    case .object(let pairs):
      return "{" + pairs.map { "\(quoted($0.0)): \($0.1.compact)" }.joined(separator: ", ") + "}"
    }
  }

  /// The top level pretty, each array item compact on a line of its own.
  package var document: String {
    guard case .object(let pairs) = self else { return compact + "\n" }
    let lines = pairs.map { key, value -> String in
      if case .array(let items) = value, !items.isEmpty {
        return "  \(quoted(key)): [\n"
          + items.map { "    \($0.compact)" }.joined(separator: ",\n") + "\n  ]"
      }
      return "  \(quoted(key)): \(value.compact)"
    }
    return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
  }
}

/// A JSON string literal.
private func quoted(_ text: String) -> String {
  var out = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    case _ where scalar.value < 0x20:
      let hex = String(scalar.value, radix: 16)
      out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    default: out.unicodeScalars.append(scalar)
    }
  }
  return out + "\""
}
