/// Turns a merged scenario document into a validated ``Scenario``, or every
/// problem found in it.
struct ScenarioDecoder {
  var reader = NodeReader()
  /// The nodes of the weights given, for messages about their spread.
  var weightNodes: [String: SourceNode] = [:]
  /// The file that names the document as a whole.
  var documentFile = ""

  static let topLevelKeys = [
    "name", "week", "periods", "policy", "agencies", "defaults", "schools", "officers",
    "absences", "closures", "events", "extends", "remove", "pins", "forbids", "timeZone", "staffing",
  ]

  mutating func decode(_ document: SourceNode) -> Result<Scenario, ScenarioError> {
    guard
      let top = reader.fields(document, of: "scenario", allowed: Self.topLevelKeys, required: ["week"])
    else { return .failure(ScenarioError(reader.diagnostics)) }
    documentFile = document.origin.file
    let name = top["name"].flatMap { reader.text($0) } ?? ""
    let week = top["week"].flatMap { decodeWeek($0) }
    let timeZone = top["timeZone"].flatMap { decodeTimeZone($0) } ?? Scenario.defaultTimeZone
    let periods = decodePeriods(top["periods"])
    let policy = decodePolicy(top["policy"])
    let agencies = decodeAgencies(top["agencies"])
    let defaults = decodeDefaults(top["defaults"])
    // References resolve against every id listed, valid entry or not, so a
    // refused school does not also make every reference to it an error.
    func listed<Tag>(_ key: String) -> Set<Identifier<Tag>> {
      Set((top[key]?.items ?? []).compactMap { $0["id"]?.text }.map { Identifier($0) })
    }
    let schoolIDs: Set<SchoolID> = listed("schools")
    let officerIDs: Set<OfficerID> = listed("officers")
    let schools = decodeSchools(top["schools"], agencies: agencies, defaults: defaults)
    let officers = decodeOfficers(
      top["officers"], agencies: Set(agencies.map(\.id)), schools: schoolIDs, policy: policy)
    let absences = decodeAbsences(top["absences"], officers: officerIDs)
    let closures = decodeClosures(top["closures"], schools: schoolIDs)
    let events = decodeEvents(top["events"], schools: schoolIDs)
    let pins = decodePins(top["pins"], officers: officerIDs, schools: schoolIDs)
    let forbids = decodeForbids(top["forbids"], officers: officerIDs, schools: schoolIDs)
    let staffing = reader.staffing(top["staffing"], agencies: agencies.map(\.id), officers: officerIDs)
    checkCoverageLevels(top)
    checkCostSpread(policy: policy, periods: periods, schools: schools, events: events, top: top)
    guard reader.diagnostics.isEmpty, let week else {
      return .failure(ScenarioError(reader.diagnostics))
    }
    return .success(
      Scenario(
        name: name, week: week, periods: periods, policy: policy, agencies: agencies,
        schools: schools, officers: officers, absences: absences, closures: closures,
        events: events, pins: pins, forbids: forbids, timeZone: timeZone, staffing: staffing))
  }

  /// The `week`: a Monday.
  private mutating func decodeWeek(_ node: SourceNode) -> CivilDate? {
    guard let text = reader.string(node) else { return nil }
    guard let date = CivilDate(parsing: text) else {
      reader.report(node, "expected a date YYYY-MM-DD, found \"\(text)\"")
      return nil
    }
    guard date.weekday == .mon else {
      reader.report(node, "week must be a Monday; \(date) is a \(date.weekday.longName)")
      return nil
    }
    return date
  }

  /// The `timeZone`: an IANA name.
  private mutating func decodeTimeZone(_ node: SourceNode) -> String? {
    guard let name = reader.string(node) else { return nil }
    guard TimeZoneName.isValid(name) else {
      reader.report(node, TimeZoneName.problem(with: name))
      return nil
    }
    return name
  }

  /// Each entry of the list at `node` (none when it is absent) whose keys
  /// are among `allowed` and include `required`, decoded by `decode`. An
  /// entry with a problem is reported (by the key check, or by `decode`,
  /// which then returns `nil`) and left out; the others are kept in order.
  mutating func decodeEntries<Entry>(
    _ node: SourceNode?, of kind: String, allowed: [String], required: [String] = [],
    _ decode: (_ decoder: inout Self, _ fields: [String: SourceNode], _ entry: SourceNode) -> Entry?
  ) -> [Entry] {
    var entries: [Entry] = []
    for item in node.flatMap({ reader.list($0) }) ?? [] {
      guard let fields = reader.fields(item, of: kind, allowed: allowed, required: required),
        let entry = decode(&self, fields, item)
      else { continue }
      entries.append(entry)
    }
    return entries
  }

  /// The `periods`, none overlapping another.
  private mutating func decodePeriods(_ node: SourceNode?) -> [Period] {
    var periods: [Period] = []
    for item in node.flatMap({ reader.list($0) }) ?? [] {
      guard
        let fields = reader.fields(
          item, of: "period", allowed: ["id", "start", "end", "priority"],
          required: ["id", "start", "end"]),
        let id = fields["id"].flatMap({ reader.id($0) }),
        let interval = reader.interval(fields, in: item)
      else { continue }
      let priority = fields["priority"].map { reader.number($0, in: ScenarioLimits.priority) } ?? 1
      guard let priority else { continue }
      if let clash = periods.first(where: {
        DayInterval(start: $0.start, end: $0.end).overlaps(interval)
      }) {
        reader.report(item, "period \"\(id)\" overlaps period \"\(clash.id)\"")
        continue
      }
      periods.append(Period(id: id, start: interval.start, end: interval.end, priority: priority))
    }
    return periods
  }

  /// The `policy`: defaults for every field not given; remembers where the weights are.
  private mutating func decodePolicy(_ node: SourceNode?) -> Policy {
    var policy = Policy()
    guard let node,
      let fields = reader.fields(
        node, of: "policy",
        allowed: [
          "crossAgency", "maxHoursPerDay", "maxHoursPerWeek", "maxOvertimePerWeek", "minRestHours",
          "travelSpeedKmh", "weights",
        ])
    else { return policy }
    if let value = fields["crossAgency"], let text = reader.string(value) {
      if let rule = CrossAgencyRule(rawValue: text) {
        policy.crossAgency = rule
      } else {
        reader.report(
          value,
          "crossAgency must be forbid or penalize, not \"\(text)\"\(suggestion(for: text, among: ["forbid", "penalize"]))"
        )
      }
    }
    let hours: [(String, WritableKeyPath<Policy, Double>, ClosedRange<Double>)] = [
      ("maxHoursPerDay", \.maxHoursPerDay, ScenarioLimits.hoursPerDay),
      ("maxHoursPerWeek", \.maxHoursPerWeek, ScenarioLimits.hoursPerWeek),
      ("maxOvertimePerWeek", \.maxOvertimePerWeek, ScenarioLimits.hoursPerWeek),
      ("minRestHours", \.minRestHours, ScenarioLimits.hoursPerWeek),
      ("travelSpeedKmh", \.travelSpeedKmh, ScenarioLimits.travelSpeedKmh),
    ]
    for (key, path, range) in hours {
      if let value = fields[key].flatMap({ reader.number($0, in: range) }) { policy[keyPath: path] = value }
    }
    if let weights = fields["weights"],
      let entries = reader.fields(
        weights, of: "weights", allowed: ["uncovered", "overtime", "awayFromHome", "crossAgency"])
    {
      let keys: [(String, WritableKeyPath<Weights, Double>)] = [
        ("uncovered", \.uncovered), ("overtime", \.overtime), ("awayFromHome", \.awayFromHome),
        ("crossAgency", \.crossAgency),
      ]
      for (key, path) in keys {
        if let node = entries[key], let value = reader.number(node, in: ScenarioLimits.weight) {
          policy.weights[keyPath: path] = value
          weightNodes[key] = node
        }
      }
    }
    return policy
  }

  /// The `agencies`.
  private mutating func decodeAgencies(_ node: SourceNode?) -> [Agency] {
    var agencies: [Agency] = []
    for item in node.flatMap({ reader.list($0) }) ?? [] {
      guard
        let fields = reader.fields(
          item, of: "agency", allowed: ["id", "name", "serves"], required: ["id"]),
        let id = fields["id"].flatMap({ reader.id($0) })
      else { continue }
      let serves = fields["serves"].flatMap { reader.strings($0) } ?? []
      let name = fields["name"].flatMap { reader.text($0) } ?? id
      agencies.append(Agency(id: AgencyID(id), name: name, serves: serves))
    }
    return agencies
  }

}

extension Weekday {
  /// `Monday` … `Sunday`.
  var longName: String {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue]
  }
}
