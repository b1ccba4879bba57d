/// The officers, when they are away, and the planner's pins and forbids on them.
extension ScenarioDecoder {
  /// The `officers`; weekly limits default to the policy's.
  mutating func decodeOfficers(
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

  /// The `absences`.
  mutating func decodeAbsences(_ node: SourceNode?, officers: Set<OfficerID>) -> [Absence] {
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

  /// The planner's `pins`, each on exactly one day.
  mutating func decodePins(
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

  /// The planner's `forbids`; every day when none is given.
  mutating func decodeForbids(
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
}
