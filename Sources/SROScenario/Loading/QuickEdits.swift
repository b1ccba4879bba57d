/// What-if changes given on the command line, turned into an in-memory
/// overlay that is merged exactly like a `--with` file (spec §1).
///
/// Syntax (DAYS is a day, a range `tue-thu`, a list `mon,wed` or `weekdays`):
///
/// | flag | value | overlay it stands for |
/// |---|---|---|
/// | `--absent` | `OFFICER:DAYS[@HH:MM-HH:MM]` | an `absences` entry |
/// | `--event` | `SCHOOL:DAY@HH:MM-HH:MMxN` | an `events` entry needing N, id `SCHOOL-DAY-HHMM` |
/// | `--close` | `SCHOOL:DAYS` (`all` for every school) | a `closures` entry |
/// | `--add-officer` | `ID:AGENCY[@HOME]` | an `officers` entry |
/// | `--remove` | `officer:ID`, `school:ID` or `event:ID` | a `remove` entry |
/// | `--policy` | `KEY=VALUE`, KEY one of the policy keys or `weights.NAME` | a `policy` entry |
/// | `--pin` | `OFFICER:SCHOOL:DAY[@HH:MM-HH:MM]` | a `pins` entry |
/// | `--forbid` | `OFFICER:SCHOOL[:DAYS]` | a `forbids` entry |
public struct QuickEdits: Sendable, Hashable {
  public var absent: [String] = []
  public var events: [String] = []
  public var close: [String] = []
  public var addOfficers: [String] = []
  public var remove: [String] = []
  public var policy: [String] = []
  public var pins: [String] = []
  public var forbids: [String] = []

  public init() {}

  /// Whether there is no edit at all.
  public var isEmpty: Bool { descriptions.isEmpty }

  /// Each edit as the planner typed it (`--absent npd-03:tue-wed`), in a
  /// fixed order, for echoing what a run assumed.
  public var descriptions: [String] {
    absent.map { "--absent \($0)" } + events.map { "--event \($0)" }
      + close.map { "--close \($0)" } + addOfficers.map { "--add-officer \($0)" }
      + remove.map { "--remove \($0)" } + policy.map { "--policy \($0)" }
      + pins.map { "--pin \($0)" } + forbids.map { "--forbid \($0)" }
  }

  /// The overlay these edits stand for (without the edits that cannot be
  /// read), and a diagnostic for each of those.
  func layer() -> (node: SourceNode?, diagnostics: [Diagnostic]) {
    guard !isEmpty else { return (nil, []) }
    var builder = EditLayerBuilder()
    for text in absent { builder.absent(text) }
    for text in events { builder.event(text) }
    for text in close { builder.close(text) }
    for text in addOfficers { builder.addOfficer(text) }
    for text in remove { builder.remove(text) }
    for text in policy { builder.policy(text) }
    for text in pins { builder.pin(text) }
    for text in forbids { builder.forbid(text) }
    return (builder.node, builder.diagnostics)
  }
}

/// Builds the overlay of ``QuickEdits``; every node's origin names the edit
/// (`command line: --absent npd-03x:tue: …`).
private struct EditLayerBuilder {
  private var lists: [(key: String, items: [SourceNode])] = []
  private var policy: [SourceNode.Entry] = []
  private var weights: [SourceNode.Entry] = []
  private var removals: [String: [SourceNode]] = [:]
  private(set) var diagnostics: [Diagnostic] = []
  private var origin = Origin(file: "command line", line: nil, path: "")

  var node: SourceNode {
    var entries = lists.map { SourceNode.Entry(key: $0.key, value: sequence($0.items)) }
    var policyEntries = policy
    if !weights.isEmpty {
      policyEntries.append(.init(key: "weights", value: mapping(weights)))
    }
    if !policyEntries.isEmpty { entries.append(.init(key: "policy", value: mapping(policyEntries))) }
    if !removals.isEmpty {
      let keys = ["officers", "schools", "events"].filter { removals[$0] != nil }
      entries.append(
        .init(
          key: "remove",
          value: mapping(keys.map { .init(key: $0, value: sequence(removals[$0]!)) })))
    }
    return mapping(entries)
  }

  // MARK: - Edits

  mutating func absent(_ text: String) {
    begin("--absent", text)
    let (head, interval) = splitTime(text)
    let parts = head.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty else {
      return fail("expected OFFICER:DAYS[@HH:MM-HH:MM], e.g. npd-03:tue-wed or ccso-07:thu@12:00-16:00")
    }
    guard let days = days(parts[1]) else { return }
    var fields = [("officer", scalar(parts[0])), ("days", days), ("reason", scalar("what-if"))]
    if let interval {
      guard let (start, end) = times(interval) else { return }
      fields += [("start", start), ("end", end)]
    }
    add("absences", fields)
  }

  mutating func event(_ text: String) {
    begin("--event", text)
    let (head, tail) = splitTime(text)
    let parts = head.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    let timeAndCount = tail?.split(separator: "x", maxSplits: 1).map(String.init) ?? []
    guard parts.count == 2, !parts[0].isEmpty, timeAndCount.count == 2,
      let count = Int(timeAndCount[1]), count >= 0
    else {
      return fail("expected SCHOOL:DAY@HH:MM-HH:MMxN, e.g. norman-north:fri@18:00-22:30x3")
    }
    guard let (start, end) = times(timeAndCount[0]) else { return }
    let id = "\(parts[0])-\(parts[1])-\(timeAndCount[0].prefix(5).replacingColon())"
    add(
      "events",
      [
        ("id", scalar(id)), ("school", scalar(parts[0])), ("day", scalar(parts[1])),
        ("start", start), ("end", end), ("officers", scalar(String(count))),
      ])
  }

  mutating func close(_ text: String) {
    begin("--close", text)
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty else {
      return fail("expected SCHOOL:DAYS, e.g. lincoln-es:fri or all:mon")
    }
    guard let days = days(parts[1]) else { return }
    add("closures", [("school", scalar(parts[0])), ("days", days), ("reason", scalar("what-if"))])
  }

  mutating func addOfficer(_ text: String) {
    begin("--add-officer", text)
    let (head, home) = split(text, at: "@")
    let parts = head.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, home?.isEmpty != true else {
      return fail("expected ID:AGENCY[@HOME], e.g. ccso-r9:CCSO or npd-12:NPD@norman-high")
    }
    var fields = [("id", scalar(parts[0])), ("agency", scalar(parts[1]))]
    if let home { fields.append(("home", scalar(home))) }
    add("officers", fields)
  }

  mutating func remove(_ text: String) {
    begin("--remove", text)
    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
    let kinds = ["officer": "officers", "school": "schools", "event": "events"]
    guard parts.count == 2, let key = kinds[parts[0]] else {
      let hint = parts.count == 2 ? suggestion(for: parts[0], among: kinds.keys.sorted()) : ""
      return fail("expected officer:ID, school:ID or event:ID\(hint)")
    }
    removals[key, default: []].append(scalar(parts[1]))
  }

  mutating func policy(_ text: String) {
    begin("--policy", text)
    let (key, value) = split(text, at: "=")
    guard let value, !key.isEmpty, !value.isEmpty else {
      return fail("expected KEY=VALUE, e.g. crossAgency=penalize or weights.overtime=8")
    }
    if key.hasPrefix("weights.") {
      weights.append(.init(key: String(key.dropFirst("weights.".count)), value: scalar(value)))
    } else {
      policy.append(.init(key: key, value: scalar(value)))
    }
  }

  mutating func pin(_ text: String) {
    begin("--pin", text)
    let (head, interval) = splitTime(text)
    let parts = head.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
      return fail("expected OFFICER:SCHOOL:DAY[@HH:MM-HH:MM], e.g. npd-01:norman-high:mon")
    }
    var fields = [("officer", scalar(parts[0])), ("school", scalar(parts[1])), ("day", scalar(parts[2]))]
    if let interval {
      guard let (start, end) = times(interval) else { return }
      fields += [("start", start), ("end", end)]
    }
    add("pins", fields)
  }

  mutating func forbid(_ text: String) {
    begin("--forbid", text)
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard (2...3).contains(parts.count), !parts[0].isEmpty, !parts[1].isEmpty else {
      return fail("expected OFFICER:SCHOOL[:DAYS], e.g. npd-01:lincoln-es or npd-01:lincoln-es:mon-wed")
    }
    var fields = [("officer", scalar(parts[0])), ("school", scalar(parts[1]))]
    if parts.count == 3 {
      guard let days = days(parts[2]) else { return }
      fields.append(("days", days))
    }
    add("forbids", fields)
  }

  // MARK: - Pieces

  private mutating func begin(_ flag: String, _ text: String) {
    origin = Origin(file: "command line", line: nil, path: "\(flag) \(text)")
  }

  private mutating func fail(_ message: String) {
    diagnostics.append(Diagnostic(origin, message))
  }

  private func split(_ text: String, at separator: Character) -> (String, String?) {
    guard let index = text.firstIndex(of: separator) else { return (text, nil) }
    return (String(text[..<index]), String(text[text.index(after: index)...]))
  }

  private func splitTime(_ text: String) -> (String, String?) { split(text, at: "@") }

  /// `HH:MM-HH:MM` as two scalar nodes (checked later like any time).
  private mutating func times(_ text: String) -> (SourceNode, SourceNode)? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2 else {
      fail("expected a time range HH:MM-HH:MM, found \"\(text)\"")
      return nil
    }
    return (scalar(parts[0]), scalar(parts[1]))
  }

  /// `tue`, `tue-thu`, `mon,wed` or `weekdays` as a list of day nodes.
  private mutating func days(_ text: String) -> SourceNode? {
    var codes: [String] = []
    for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
      let ends = piece.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
      if ends.count == 2, let first = Weekday(code: ends[0]), let last = Weekday(code: ends[1]) {
        guard first <= last else {
          fail("day range \(piece) runs backwards")
          return nil
        }
        codes += Weekday.allCases.filter { first <= $0 && $0 <= last }.map(\.code)
      } else if ends.count == 1 {
        codes.append(ends[0])  // a day or `weekdays`, checked by the decoder
      } else {
        fail("expected a day, a range like tue-thu, or a list like mon,wed; found \"\(piece)\"")
        return nil
      }
    }
    return sequence(codes.map { scalar($0) })
  }

  private mutating func add(_ key: String, _ fields: [(String, SourceNode)]) {
    let item = mapping(fields.map { .init(key: $0.0, value: $0.1) })
    if let index = lists.firstIndex(where: { $0.key == key }) {
      lists[index].items.append(item)
    } else {
      lists.append((key, [item]))
    }
  }

  private func scalar(_ text: String) -> SourceNode {
    SourceNode(value: .scalar(text, plain: false), origin: origin)
  }

  private func sequence(_ items: [SourceNode]) -> SourceNode {
    SourceNode(value: .sequence(items), origin: items.first?.origin ?? origin)
  }

  private func mapping(_ entries: [SourceNode.Entry]) -> SourceNode {
    SourceNode(value: .mapping(entries), origin: entries.first?.value.origin ?? origin)
  }
}

extension StringProtocol {
  fileprivate func replacingColon() -> String { String(filter { $0 != ":" }) }
}
