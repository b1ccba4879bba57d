/// A strict JSON reader (RFC 8259) that keeps line numbers: a `.json`
/// scenario or roster must be JSON that every other tool accepts, so
/// trailing commas, single quotes, bare keys and comments are refused with
/// the line they are on, as is a key twice in one object.
package struct StrictJSON {
  /// Objects and arrays nest at most this deep.
  static let maximumDepth = 64

  private let bytes: [UInt8]
  private let file: String
  private var offset = 0
  private var line = 1

  private struct Failure: Error {
    let line: Int
    let message: String
  }

  /// Parses `text`; a syntax error becomes a diagnostic against `file`.
  package static func parse(_ text: String, file: String) throws(ScenarioError) -> SourceNode {
    var parser = StrictJSON(bytes: Array(text.utf8), file: file)
    do {
      parser.skipSpace()
      let root = try parser.value(path: "", depth: 0)
      parser.skipSpace()
      guard parser.offset == parser.bytes.count else {
        throw Failure(line: parser.line, message: "unexpected \(parser.found) after the JSON value")
      }
      return root
    } catch let failure as Failure {
      throw ScenarioError([
        Diagnostic(Origin(file: file, line: failure.line, path: ""), "JSON syntax error: \(failure.message)")
      ])
    } catch {
      throw ScenarioError([Diagnostic(Origin(file: file, path: ""), "JSON syntax error: \(error)")])
    }
  }

  private init(bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
  }

  // MARK: - Values

  private mutating func value(path: String, depth: Int) throws -> SourceNode {
    let origin = Origin(file: file, line: line, path: path)
    guard offset < bytes.count else {
      throw Failure(line: line, message: "the text ends where a value should be")
    }
    switch bytes[offset] {
    case UInt8(ascii: "{"): return try object(origin, depth: depth + 1)
    case UInt8(ascii: "["): return try array(origin, depth: depth + 1)
    case UInt8(ascii: "\""): return SourceNode(value: .scalar(try string(), plain: false), origin: origin)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return SourceNode(value: .scalar(try number(), plain: true), origin: origin)
    default:
      for word in ["true", "false", "null"] where matches(word) {
        offset += word.utf8.count
        return SourceNode(value: word == "null" ? .null : .scalar(word, plain: true), origin: origin)
      }
      throw Failure(line: line, message: "expected a value, found \(found)\(hint)")
    }
  }

  private mutating func object(_ origin: Origin, depth: Int) throws -> SourceNode {
    try checkDepth(depth)
    offset += 1
    var entries: [SourceNode.Entry] = []
    var keys = Set<String>()
    skipSpace()
    if consume("}") { return SourceNode(value: .mapping(entries), origin: origin) }
    while true {
      skipSpace()
      let keyLine = line
      guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
        throw Failure(line: line, message: "expected a key in double quotes, found \(found)\(hint)")
      }
      let key = try string()
      guard keys.insert(key).inserted else {
        throw Failure(line: keyLine, message: "key \"\(key)\" appears twice in one object")
      }
      skipSpace()
      guard consume(":") else {
        throw Failure(line: line, message: "expected ':' after the key, found \(found)")
      }
      skipSpace()
      let child = try value(path: origin.appending(key: key), depth: depth)
      entries.append(SourceNode.Entry(key: key, value: child, keyLine: keyLine))
      if try isClosed(by: "}") { return SourceNode(value: .mapping(entries), origin: origin) }
    }
  }

  private mutating func array(_ origin: Origin, depth: Int) throws -> SourceNode {
    try checkDepth(depth)
    offset += 1
    var items: [SourceNode] = []
    skipSpace()
    if consume("]") { return SourceNode(value: .sequence(items), origin: origin) }
    while true {
      skipSpace()
      items.append(try value(path: origin.appending(index: items.count), depth: depth))
      if try isClosed(by: "]") { return SourceNode(value: .sequence(items), origin: origin) }
    }
  }

  /// After a member of an object or array: `true` at its closing bracket,
  /// `false` after a comma that another member follows.
  private mutating func isClosed(by close: Unicode.Scalar) throws -> Bool {
    skipSpace()
    if consume(close) { return true }
    guard consume(",") else {
      throw Failure(line: line, message: "expected ',' or '\(close)', found \(found)\(hint)")
    }
    skipSpace()
    if offset < bytes.count, bytes[offset] == UInt8(close.value) {
      throw Failure(line: line, message: "a comma before '\(close)' (JSON allows no trailing comma)")
    }
    return false
  }

  private func checkDepth(_ depth: Int) throws {
    guard depth <= Self.maximumDepth else {
      throw Failure(line: line, message: "objects and arrays nest more than \(Self.maximumDepth) deep")
    }
  }

  // MARK: - Scalars

  private mutating func string() throws -> String {
    let start = line
    offset += 1
    var scalars = String.UnicodeScalarView()
    var run = offset
    func flushRun(_ end: Int) {
      scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars)
    }
    while offset < bytes.count {
      let byte = bytes[offset]
      switch byte {
      case UInt8(ascii: "\""):
        flushRun(offset)
        offset += 1
        return String(scalars)
      case UInt8(ascii: "\\"):
        flushRun(offset)
        offset += 1
        scalars.append(try escape())
        run = offset
      case 0..<0x20:
        throw Failure(
          line: line,
          message: "a control character (or line break) inside a string; write it as an escape like \\n")
      default:
        offset += 1
      }
    }
    throw Failure(line: start, message: "a string that is never closed")
  }

  private mutating func escape() throws -> Unicode.Scalar {
    guard offset < bytes.count else { throw Failure(line: line, message: "the text ends inside an escape") }
    let byte = bytes[offset]
    offset += 1
    let simple: [UInt8: Unicode.Scalar] = [
      UInt8(ascii: "\""): "\"", UInt8(ascii: "\\"): "\\", UInt8(ascii: "/"): "/", UInt8(ascii: "b"): "\u{8}",
      UInt8(ascii: "f"): "\u{C}", UInt8(ascii: "n"): "\n", UInt8(ascii: "r"): "\r", UInt8(ascii: "t"): "\t",
    ]
    if let scalar = simple[byte] { return scalar }
    guard byte == UInt8(ascii: "u") else {
      throw Failure(line: line, message: "unknown escape \\\(Character(Unicode.Scalar(byte)))")
    }
    let high = try hexQuad()
    if (0xD800..<0xDC00).contains(high), matches("\\u") {
      offset += 2
      let low = try hexQuad()
      if (0xDC00..<0xE000).contains(low),
        let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
      {
        return scalar
      }
    }
    guard let scalar = Unicode.Scalar(high) else {
      throw Failure(line: line, message: "\\u escape of a lone surrogate")
    }
    return scalar
  }

  private mutating func hexQuad() throws -> UInt32 {
    guard offset + 4 <= bytes.count,
      let value = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16)
    else { throw Failure(line: line, message: "expected four hex digits after \\u") }
    offset += 4
    return value
  }

  private mutating func number() throws -> String {
    let start = offset
    func digits() -> Int {
      let first = offset
      while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) {
        offset += 1
      }
      return offset - first
    }
    _ = consume("-")
    let leadingZero = offset < bytes.count && bytes[offset] == UInt8(ascii: "0")
    let whole = digits()
    var valid = whole > 0 && !(leadingZero && whole > 1)
    if consume(".") { valid = valid && digits() > 0 }
    if consume("e") || consume("E") {
      if !consume("+") { _ = consume("-") }
      valid = valid && digits() > 0
    }
    let text = String(decoding: bytes[start..<offset], as: UTF8.self)
    guard valid else { throw Failure(line: line, message: "\"\(text)\" is not a JSON number") }
    return text
  }

  // MARK: - Pieces

  private mutating func skipSpace() {
    while offset < bytes.count {
      switch bytes[offset] {
      case UInt8(ascii: "\n"): line += 1
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
      default: return
      }
      offset += 1
    }
  }

  private mutating func consume(_ character: Unicode.Scalar) -> Bool {
    guard offset < bytes.count, bytes[offset] == UInt8(character.value) else { return false }
    offset += 1
    return true
  }

  private func matches(_ word: String) -> Bool {
    let word = Array(word.utf8)
    return offset + word.count <= bytes.count && Array(bytes[offset..<offset + word.count]) == word
  }

  /// What stands at the current position, for messages.
  private var found: String {
    guard offset < bytes.count else { return "the end of the text" }
    let scalar = Unicode.Scalar(bytes[offset])
    return bytes[offset] < 0x80 && bytes[offset] >= 0x20
      ? "'\(Character(scalar))'" : "byte 0x\(String(bytes[offset], radix: 16))"
  }

  /// A hint for the usual non-JSON habits.
  private var hint: String {
    guard offset < bytes.count else { return "" }
    switch bytes[offset] {
    case UInt8(ascii: "'"): return " (JSON strings and keys are written in double quotes)"
    case UInt8(ascii: "#"), UInt8(ascii: "/"): return " (JSON has no comments)"
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
      return " (JSON keys and text values are written in double quotes)"
    default: return ""
    }
  }
}
