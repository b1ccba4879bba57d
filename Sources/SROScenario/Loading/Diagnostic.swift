/// Where a value came from: the file, the line (when the format gives
/// one) and the field path within that file (`officers[3].home`).
public struct Origin: Sendable, Hashable {
  public var file: String
  public var line: Int?
  public var path: String

  package init(file: String, line: Int? = nil, path: String) {
    self.file = file
    self.line = line
    self.path = path
  }

  /// The path of a key below this one.
  package func appending(key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  /// The path of a list item below this one (items count from 0).
  package func appending(index: Int) -> String { "\(path)[\(index)]" }
}

/// One problem with a scenario, located as precisely as the input allows.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  public var origin: Origin
  public var message: String

  public init(_ origin: Origin, _ message: String) {
    self.origin = origin
    self.message = message
  }

  /// `FILE:LINE: PATH: message`, leaving out what is unknown.
  public var description: String {
    var location = origin.file
    if let line = origin.line { location += ":\(line)" }
    return origin.path.isEmpty ? "\(location): \(message)" : "\(location): \(origin.path): \(message)"
  }
}

/// A scenario that breaks the contract: every problem found, in file order.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  /// The diagnostics grouped by file (in order of first appearance) and
  /// sorted by line within each file; the order is otherwise kept.
  package init(inFileOrder diagnostics: [Diagnostic]) {
    var files: [String] = []
    for d in diagnostics where !files.contains(d.origin.file) { files.append(d.origin.file) }
    self.diagnostics = diagnostics.enumerated().sorted { a, b in
      let (x, y) = (a.element.origin, b.element.origin)
      let (fx, fy) = (files.firstIndex(of: x.file)!, files.firstIndex(of: y.file)!)
      if fx != fy { return fx < fy }
      let (lx, ly) = (x.line ?? .max, y.line ?? .max)
      return lx != ly ? lx < ly : a.offset < b.offset
    }.map(\.element)
  }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// `did you mean "x"?` for the candidate closest to `word`, if close enough.
package func suggestion(for word: String, among candidates: some Sequence<String>) -> String {
  var best: (distance: Int, candidate: String)?
  for candidate in candidates {
    let distance = editDistance(word.lowercased(), candidate.lowercased())
    if distance <= max(2, word.count / 3),
      distance < (best?.distance ?? .max)
        || (distance == best?.distance && candidate < best!.candidate)
    {
      best = (distance, candidate)
    }
  }
  return best.map { "; did you mean \"\($0.candidate)\"?" } ?? ""
}

/// Levenshtein distance between two strings, by characters.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  if a.isEmpty { return b.count }
  var previous = Array(0...b.count)
  var current = previous
  for i in 1...a.count {
    current[0] = i
    for j in stride(from: 1, through: b.count, by: 1) {
      current[j] = min(
        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
