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

  // MARK: - Sections

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

  private mutating func decodeTimeZone(_ node: SourceNode) -> String? {
    guard let name = reader.string(node) else { return nil }
    guard TimeZoneName.isValid(name) else {
      reader.report(node, TimeZoneName.problem(with: name))
      return nil
    }
    return name
  }

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

  private mutating func decodeWindows(_ node: SourceNode) -> [CoverageWindow]? {
    guard let items = reader.list(node) else { return nil }
    var windows: [CoverageWindow] = []
    var ok = true
    for item in items {
      guard
        let fields = reader.fields(
          item, of: "coverage window", allowed: ["day", "days", "start", "end", "officers"],
          required: ["start", "end", "officers"]),
        let days = reader.days(fields, in: item),
        let interval = reader.interval(fields, in: item),
        let officers = fields["officers"].flatMap({ reader.count($0, in: ScenarioLimits.officersNeeded) })
      else {
        ok = false
        continue
      }
      windows.append(
        CoverageWindow(days: days, start: interval.start, end: interval.end, officers: officers))
    }
    return ok ? windows : nil
  }

  private mutating func decodeDefaults(_ node: SourceNode?) -> [String: [CoverageWindow]] {
    guard let node, let fields = reader.fields(node, of: "defaults", allowed: ["coverage"]),
      let coverage = fields["coverage"]
    else { return [:] }
    guard let entries = coverage.entries else {
      reader.report(coverage, "expected a mapping from school level to coverage windows")
      return [:]
    }
    var defaults: [String: [CoverageWindow]] = [:]
    for entry in entries {
      if let windows = decodeWindows(entry.value) { defaults[entry.key] = windows }
    }
    return defaults
  }

  private mutating func decodeSchools(
    _ node: SourceNode?, agencies: [Agency], defaults: [String: [CoverageWindow]]
  ) -> [School] {
    var schools: [School] = []
    for item in node.flatMap({ reader.list($0) }) ?? [] {
      guard
        let fields = reader.fields(
          item, of: "school",
          allowed: [
            "id", "name", "level", "agency", "priority", "location", "skills", "coverage",
          ], required: ["id", "level"])
      else { continue }
      var id = fields["id"].flatMap { reader.id($0) }
      if id == "all" {
        reader.report(fields["id"]!, "\"all\" is reserved (it means every school in closures)")
        id = nil
      }
      let level = fields["level"].flatMap { reader.id($0) }
      let agency = level.flatMap { responsibleAgency(fields, level: $0, agencies: agencies) }
      let priority = fields["priority"].map { reader.number($0, in: ScenarioLimits.priority) } ?? 1
      let location = fields["location"].map { decodeLocation($0) }
      let skills = fields["skills"].flatMap { reader.strings($0) }
      let own = fields["coverage"].map { decodeWindows($0) }
      let name = fields["name"].flatMap { reader.text($0) }
      // A field given but refused is `.some(nil)`.
      let locationIsValid = location.map { $0 != nil } ?? true
      let coverageIsValid = own.map { $0 != nil } ?? true
      guard let id, let level, let agency, let priority, locationIsValid, coverageIsValid
      else { continue }
      schools.append(
        School(
          id: SchoolID(id), name: name ?? id, level: level, agency: agency, priority: priority,
          location: location ?? nil, skills: skills ?? [],
          coverage: (own ?? nil) ?? defaults[level] ?? []))
    }
    return schools
  }

  /// The school's own `agency`, else the one agency serving its level.
  private mutating func responsibleAgency(
    _ fields: [String: SourceNode], level: String, agencies: [Agency]
  ) -> AgencyID? {
    if let explicit = fields["agency"] {
      return reader.reference(explicit, to: "agency", among: Set(agencies.map(\.id)))
    }
    let serving = agencies.filter { $0.serves.contains(level) }
    switch serving.count {
    case 1:
      return serving[0].id
    case 0:
      let levels = Set(agencies.flatMap(\.serves))
      reader.report(
        fields["level"]!,
        "no agency serves level \"\(level)\"; give the school an agency\(suggestion(for: level, among: levels))"
      )
    default:
      let names = serving.map { "\"\($0.id)\"" }.joined(separator: " and ")
      reader.report(fields["level"]!, "level \"\(level)\" is served by \(names); name the school's agency")
    }
    return nil
  }

  private mutating func decodeLocation(_ node: SourceNode) -> Location? {
    guard
      let fields = reader.fields(
        node, of: "location", allowed: ["lat", "lon"], required: ["lat", "lon"]),
      let lat = fields["lat"].flatMap({ reader.number($0, in: -90...90) }),
      let lon = fields["lon"].flatMap({ reader.number($0, in: -180...180) })
    else { return nil }
    return Location(latitude: lat, longitude: lon)
  }

  private mutating func decodeOfficers(
    _ node: SourceNode?, agencies: Set<AgencyID>, schools: Set<SchoolID>, policy: Policy
  ) -> [Officer] {
    var officers: [Officer] = []
    for item in node.flatMap({ reader.list($0) }) ?? [] {
      guard
        let fields = reader.fields(
          item, of: "officer",
          allowed: [
            "id", "name", "agency", "home", "skills", "maxHoursPerWeek", "maxOvertimePerWeek",
          ], required: ["id", "agency"])
      else { continue }
      let id = fields["id"].flatMap { reader.id($0) }
      let agency = fields["agency"].flatMap { reader.reference($0, to: "agency", among: agencies) }
      let home = fields["home"].map { reader.reference($0, to: "school", among: schools) }
      let hours = ScenarioLimits.hoursPerWeek
      let week = fields["maxHoursPerWeek"].map { reader.number($0, in: hours) } ?? policy.maxHoursPerWeek
      let overtime =
        fields["maxOvertimePerWeek"].map { reader.number($0, in: hours) } ?? policy.maxOvertimePerWeek
      let skills = fields["skills"].flatMap { reader.strings($0) }
      let name = fields["name"].flatMap { reader.text($0) }
      let homeIsValid = home.map { $0 != nil } ?? true
      guard let id, let agency, homeIsValid, let week, let overtime else { continue }
      officers.append(
        Officer(
          id: OfficerID(id), name: name ?? id, agency: agency, home: home ?? nil,
          skills: skills ?? [], maxHoursPerWeek: week, maxOvertimePerWeek: overtime))
    }
    return officers
  }

  private mutating func decodeAbsences(_ node: SourceNode?, officers: Set<OfficerID>) -> [Absence] {
    var absences: [Absence] = []
    for item in node.flatMap({ reader.list($0) }) ?? [] {
      guard
        let fields = reader.fields(
          item, of: "absence", allowed: ["officer", "day", "days", "start", "end", "reason"],
          required: ["officer"])
      else { continue }
      let officer = fields["officer"].flatMap { reader.reference($0, to: "officer", among: officers) }
      let days = reader.days(fields, in: item)
      let interval = partOfDay(fields, in: item)
      let reason = fields["reason"].flatMap { reader.text($0) }
      guard let officer, let days, let interval else { continue }
      absences.append(Absence(officer: officer, days: days, interval: interval, reason: reason))
    }
    return absences
  }

  /// Both `start` and `end`, or neither (the whole day).
  private mutating func partOfDay(_ fields: [String: SourceNode], in node: SourceNode)
    -> DayInterval?
  {
    switch (fields["start"], fields["end"]) {
    case (nil, nil): return .wholeDay
    case (.some, .some): return reader.interval(fields, in: node)
    case (.some(let given), nil), (nil, .some(let given)):
      reader.report(given, "give both start and end, or neither for the whole day")
      return nil
    }
  }

  private mutating func decodeClosures(_ node: SourceNode?, schools: Set<SchoolID>) -> [Closure] {
    var closures: [Closure] = []
    for item in node.flatMap({ reader.list($0) }) ?? [] {
      guard
        let fields = reader.fields(
          item, of: "closure", allowed: ["school", "day", "days", "reason"], required: ["school"])
      else { continue }
      var school: SchoolID??
      if let node = fields["school"] {
        school = node.text == "all" ? .some(nil) : reader.reference(node, to: "school", among: schools)
      }
      let days = reader.days(fields, in: item)
      let reason = fields["reason"].flatMap { reader.text($0) }
      guard let school, let days else { continue }
      closures.append(Closure(school: school, days: days, reason: reason))
    }
    return closures
  }

  private mutating func decodeEvents(_ node: SourceNode?, schools: Set<SchoolID>) -> [Event] {
    var events: [Event] = []
    for item in node.flatMap({ reader.list($0) }) ?? [] {
      guard
        let fields = reader.fields(
          item, of: "event",
          allowed: [
            "id", "name", "school", "day", "days", "start", "end", "officers", "priority", "skills",
          ], required: ["id", "school", "start", "end", "officers"])
      else { continue }
      let id = fields["id"].flatMap { reader.id($0) }
      let school = fields["school"].flatMap { reader.reference($0, to: "school", among: schools) }
      var days = reader.days(fields, in: item)
      if let given = days, given.count != 1 {
        reader.report(fields["day"] ?? fields["days"]!, "an event takes place on exactly one day")
        days = nil
      }
      let interval = reader.interval(fields, in: item)
      let officers = fields["officers"].flatMap { reader.count($0, in: ScenarioLimits.officersNeeded) }
      let priority = fields["priority"].map { reader.number($0, in: ScenarioLimits.priority) } ?? 1
      let skills = fields["skills"].flatMap { reader.strings($0) }
      let name = fields["name"].flatMap { reader.text($0) }
      guard let id, let school, let days, let interval, let officers, let priority else { continue }
      events.append(
        Event(
          id: EventID(id), name: name ?? id, school: school, day: days[0], start: interval.start,
          end: interval.end, officers: officers, priority: priority, skills: skills ?? []))
    }
    return events
  }

  private mutating func decodePins(
    _ node: SourceNode?, officers: Set<OfficerID>, schools: Set<SchoolID>
  )
    -> [Pin]
  {
    var pins: [Pin] = []
    for item in node.flatMap({ reader.list($0) }) ?? [] {
      guard
        let fields = reader.fields(
          item, of: "pin", allowed: ["officer", "school", "day", "days", "start", "end"],
          required: ["officer", "school"]),
        let officer = fields["officer"].flatMap({
          reader.reference($0, to: "officer", among: officers)
        }),
        let school = fields["school"].flatMap({
          reader.reference($0, to: "school", among: schools)
        }),
        let days = reader.days(fields, in: item),
        let interval = partOfDay(fields, in: item)
      else { continue }
      guard days.count == 1 else {
        reader.report(fields["day"] ?? fields["days"]!, "a pin names exactly one day")
        continue
      }
      pins.append(
        Pin(
          officer: officer, school: school, day: days[0],
          interval: interval == .wholeDay ? nil : interval, origin: item.origin))
    }
    return pins
  }

  private mutating func decodeForbids(
    _ node: SourceNode?, officers: Set<OfficerID>, schools: Set<SchoolID>
  ) -> [Forbid] {
    var forbids: [Forbid] = []
    for item in node.flatMap({ reader.list($0) }) ?? [] {
      guard
        let fields = reader.fields(
          item, of: "forbid", allowed: ["officer", "school", "day", "days"],
          required: ["officer", "school"]),
        let officer = fields["officer"].flatMap({
          reader.reference($0, to: "officer", among: officers)
        }),
        let school = fields["school"].flatMap({
          reader.reference($0, to: "school", among: schools)
        })
      else { continue }
      var days = Weekday.allCases
      if fields["day"] != nil || fields["days"] != nil {
        guard let given = reader.days(fields, in: item) else { continue }
        days = given
      }
      forbids.append(Forbid(officer: officer, school: school, days: days))
    }
    return forbids
  }

  var diagnostics: [Diagnostic] { reader.diagnostics }
}

extension Weekday {
  /// `Monday` … `Sunday`.
  var longName: String {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue]
  }
}
