/// Reads typed values out of ``SourceNode``s, collecting a ``Diagnostic``
/// for every problem instead of stopping at the first.
package struct NodeReader {
  package private(set) var diagnostics: [Diagnostic] = []

  package init() {}

  package mutating func report(_ node: SourceNode, _ message: String) {
    diagnostics.append(Diagnostic(node.origin, message))
  }

  package mutating func report(_ origin: Origin, _ message: String) {
    diagnostics.append(Diagnostic(origin, message))
  }

  /// The fields of a mapping, after reporting unknown keys (with a
  /// suggestion) and missing required ones. `nil` if `node` is no mapping.
  package mutating func fields(
    _ node: SourceNode, of what: String, allowed: [String], required: [String] = []
  ) -> [String: SourceNode]? {
    guard let entries = node.entries else {
      report(node, "expected \(what) (a mapping), found \(node.typeName)")
      return nil
    }
    var fields: [String: SourceNode] = [:]
    for entry in entries {
      if allowed.contains(entry.key) {
        fields[entry.key] = entry.value
      } else {
        report(
          entry.keyOrigin,
          "unknown key \"\(entry.key)\" in \(what)\(suggestion(for: entry.key, among: allowed))")
      }
    }
    for key in required where fields[key] == nil {
      var origin = node.origin
      origin.path = origin.appending(key: key)
      report(origin, "missing required field \"\(key)\"")
    }
    return fields
  }

  /// A list's items; reports anything else.
  package mutating func list(_ node: SourceNode) -> [SourceNode]? {
    if case .null = node.value { return [] }
    guard let items = node.items else {
      report(node, "expected a list, found \(node.typeName)")
      return nil
    }
    return items
  }

  /// A scalar's text; reports anything else.
  package mutating func string(_ node: SourceNode) -> String? {
    guard let text = node.text else {
      report(node, "expected a value, found \(node.typeName)")
      return nil
    }
    return text
  }

  /// A finite number within `range`.
  package mutating func number(_ node: SourceNode, in range: ClosedRange<Double>) -> Double? {
    guard let text = string(node) else { return nil }
    guard let value = Double(text), value.isFinite else {
      report(node, "expected a number, found \"\(text)\"")
      return nil
    }
    guard range.contains(value) else {
      report(
        node,
        "must be between \(jsonNumber(range.lowerBound)) and \(jsonNumber(range.upperBound)), not \(text)")
      return nil
    }
    return value
  }

  /// An id: text that is not empty or blank and holds no control character.
  package mutating func id(_ node: SourceNode) -> String? {
    guard let text = string(node) else { return nil }
    if text.allSatisfy(\.isWhitespace) {
      report(node, "an id may not be empty or blank")
      return nil
    }
    if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
      report(node, "an id may not hold a control character (a tab or line break)")
      return nil
    }
    return text
  }

  /// Free text (a name, a reason): no control character, which would
  /// reach a terminal, a calendar or a report as it is (an escape written
  /// `\e` in YAML or `\u001b` in JSON, a line break, a tab).
  package mutating func text(_ node: SourceNode) -> String? {
    guard let text = string(node) else { return nil }
    if let control = text.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
      let code = String(control.value, radix: 16, uppercase: true)
      report(
        node,
        "may not hold the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code); "
          + "names and reasons are one line of printable text")
      return nil
    }
    return text
  }

  /// A whole number within `range`.
  package mutating func count(_ node: SourceNode, in range: ClosedRange<Int>) -> Int? {
    guard let text = string(node) else { return nil }
    guard let value = Int(text) else {
      report(node, "expected a whole number, found \"\(text)\"")
      return nil
    }
    guard range.contains(value) else {
      report(node, "must be between \(range.lowerBound) and \(range.upperBound), not \(text)")
      return nil
    }
    return value
  }

  /// `HH:MM`, `00:00` … `24:00`.
  package mutating func time(_ node: SourceNode) -> TimeOfDay? {
    guard let text = string(node) else { return nil }
    guard let time = TimeOfDay(parsing: text) else {
      report(node, "expected a time HH:MM between 00:00 and 24:00, found \"\(text)\"")
      return nil
    }
    return time
  }

  /// `[start, end)` from the `start` and `end` fields, with `start < end`.
  package mutating func interval(_ fields: [String: SourceNode], in node: SourceNode) -> DayInterval? {
    guard let startNode = fields["start"], let endNode = fields["end"] else { return nil }
    let start = time(startNode)
    let end = time(endNode)
    guard let start, let end else { return nil }
    guard start < end else {
      report(startNode, "start \(start) must be before end \(end)")
      return nil
    }
    return DayInterval(start: start, end: end)
  }

  /// The days of `day`/`days` (exactly one of them must be given): a day,
  /// `weekdays`, or a list of those. Sorted, without repeats.
  package mutating func days(_ fields: [String: SourceNode], in node: SourceNode) -> [Weekday]? {
    switch (fields["day"], fields["days"]) {
    case (nil, nil):
      var origin = node.origin
      origin.path = origin.appending(key: "days")
      report(origin, "missing required field \"days\" (or \"day\")")
      return nil
    case (.some(let one), .some):
      report(one, "give either day or days, not both")
      return nil
    case (.some(let value), nil), (nil, .some(let value)):
      let items = value.items ?? [value]
      var days = Set<Weekday>()
      var ok = true
      for item in items {
        guard let text = string(item) else {
          ok = false
          continue
        }
        if text == "weekdays" {
          days.formUnion(Weekday.weekdays)
        } else if let day = Weekday(code: text) {
          days.insert(day)
        } else {
          let names = Weekday.allCases.map(\.code) + ["weekdays"]
          report(item, "unknown day \"\(text)\"\(suggestion(for: text, among: names))")
          ok = false
        }
      }
      if ok, days.isEmpty { report(value, "the day list is empty") }
      return ok && !days.isEmpty ? days.sorted() : nil
    }
  }

  /// A list of names (skills, levels), sorted and without repeats; each
  /// must be a valid ``id(_:)``.
  package mutating func strings(_ node: SourceNode) -> [String]? {
    guard let items = list(node) else { return nil }
    var result = Set<String>()
    for item in items {
      if let text = id(item) { result.insert(text) }
    }
    return result.sorted()
  }

  /// A reference to one of `known`, with a suggestion when it is not.
  package mutating func reference<ID>(
    _ node: SourceNode, to noun: String, among known: Set<Identifier<ID>>
  ) -> Identifier<ID>? {
    guard let text = string(node) else { return nil }
    let id = Identifier<ID>(text)
    guard known.contains(id) else {
      report(
        node,
        "unknown \(noun) \"\(text)\"\(suggestion(for: text, among: known.map(\.rawValue)))")
      return nil
    }
    return id
  }
}
