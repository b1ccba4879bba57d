/// The schools and what they need: coverage windows (their own or their
/// level's default), closures and events.
extension ScenarioDecoder {
  /// The `defaults`: coverage windows by school level.
  mutating func decodeDefaults(_ node: SourceNode?) -> [String: [CoverageWindow]] {
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

  /// A list of coverage windows, or `nil` if any is refused.
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

  /// The `schools`, each with its agency (given or the one serving its level) and coverage (its
  /// own or its level's default).
  mutating func decodeSchools(
    _ node: SourceNode?, agencies: [Agency], defaults: [String: [CoverageWindow]]
  ) -> [School] {
    decodeEntries(
      node, of: "school",
      allowed: [
        "id", "name", "level", "agency", "priority", "location", "skills", "coverage",
      ], required: ["id", "level"]
    ) { decoder, fields, item in
      var id = fields["id"].flatMap { decoder.reader.id($0) }
      if id == "all" {
        decoder.reader.report(fields["id"]!, "\"all\" is reserved (it means every school in closures)")
        id = nil
      }
      let level = fields["level"].flatMap { decoder.reader.id($0) }
      let agency = level.flatMap { decoder.responsibleAgency(fields, level: $0, agencies: agencies) }
      let priority = fields["priority"].map { decoder.reader.number($0, in: ScenarioLimits.priority) } ?? 1
      let location = fields["location"].map { decoder.decodeLocation($0) }
      let skills = fields["skills"].flatMap { decoder.reader.strings($0) }
      let own = fields["coverage"].map { decoder.decodeWindows($0) }
      let name = fields["name"].flatMap { decoder.reader.text($0) }
      // A field given but refused is `.some(nil)`.
      let locationIsValid = location.map { $0 != nil } ?? true
      let coverageIsValid = own.map { $0 != nil } ?? true
      guard let id, let level, let agency, let priority, locationIsValid, coverageIsValid
      else { return nil }
      return School(
        id: SchoolID(id), name: name ?? id, level: level, agency: agency, priority: priority,
        location: location ?? nil, skills: skills ?? [],
        coverage: (own ?? nil) ?? defaults[level] ?? [])
    }
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

  /// A school's `location`.
  private mutating func decodeLocation(_ node: SourceNode) -> Location? {
    guard
      let fields = reader.fields(
        node, of: "location", allowed: ["lat", "lon"], required: ["lat", "lon"]),
      let lat = fields["lat"].flatMap({ reader.number($0, in: -90...90) }),
      let lon = fields["lon"].flatMap({ reader.number($0, in: -180...180) })
    else { return nil }
    return Location(latitude: lat, longitude: lon)
  }

  /// The `closures`; school `all` is every school (`nil`).
  mutating func decodeClosures(_ node: SourceNode?, schools: Set<SchoolID>) -> [Closure] {
    decodeEntries(node, of: "closure", allowed: ["school", "day", "days", "reason"], required: ["school"]) {
      decoder, fields, item in
      var school: SchoolID??
      if let node = fields["school"] {
        school =
          node.text == "all" ? .some(nil) : decoder.reader.reference(node, to: "school", among: schools)
      }
      let days = decoder.reader.days(fields, in: item)
      let reason = fields["reason"].flatMap { decoder.reader.text($0) }
      guard let school, let days else { return nil }
      return Closure(school: school, days: days, reason: reason)
    }
  }

  /// The `events`, each on exactly one day.
  mutating func decodeEvents(_ node: SourceNode?, schools: Set<SchoolID>) -> [Event] {
    decodeEntries(
      node, of: "event",
      allowed: [
        "id", "name", "school", "day", "days", "start", "end", "officers", "priority", "skills",
      ], required: ["id", "school", "start", "end", "officers"]
    ) { decoder, fields, item in
      let id = fields["id"].flatMap { decoder.reader.id($0) }
      let school = fields["school"].flatMap { decoder.reader.reference($0, to: "school", among: schools) }
      var days = decoder.reader.days(fields, in: item)
      if let given = days, given.count != 1 {
        decoder.reader.report(fields["day"] ?? fields["days"]!, "an event takes place on exactly one day")
        days = nil
      }
      let interval = decoder.reader.interval(fields, in: item)
      let officers = fields["officers"].flatMap {
        decoder.reader.count($0, in: ScenarioLimits.officersNeeded)
      }
      let priority = fields["priority"].map { decoder.reader.number($0, in: ScenarioLimits.priority) } ?? 1
      let skills = fields["skills"].flatMap { decoder.reader.strings($0) }
      let name = fields["name"].flatMap { decoder.reader.text($0) }
      guard let id, let school, let days, let interval, let officers, let priority else { return nil }
      return Event(
        id: EventID(id), name: name ?? id, school: school, day: days[0], start: interval.start,
        end: interval.end, officers: officers, priority: priority, skills: skills ?? [])
    }
  }
}
