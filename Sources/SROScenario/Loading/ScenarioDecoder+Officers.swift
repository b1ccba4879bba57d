/// The officers, when they are away, and the planner's pins and forbids on them.
extension ScenarioDecoder {
  /// The `officers`; weekly limits default to the policy's.
  mutating func decodeOfficers(
    _ node: SourceNode?, agencies: Set<AgencyID>, schools: Set<SchoolID>, policy: Policy
  ) -> [Officer] {
    decodeEntries(
      node, of: "officer",
      allowed: [
        "id", "name", "agency", "home", "skills", "maxHoursPerWeek", "maxOvertimePerWeek",
      ], required: ["id", "agency"]
    ) { decoder, fields, item in
      let id = fields["id"].flatMap { decoder.reader.id($0) }
      let agency = fields["agency"].flatMap { decoder.reader.reference($0, to: "agency", among: agencies) }
      let home = fields["home"].map { decoder.reader.reference($0, to: "school", among: schools) }
      let hours = ScenarioLimits.hoursPerWeek
      let week =
        fields["maxHoursPerWeek"].map { decoder.reader.number($0, in: hours) } ?? policy.maxHoursPerWeek
      let overtime =
        fields["maxOvertimePerWeek"].map { decoder.reader.number($0, in: hours) } ?? policy.maxOvertimePerWeek
      let skills = fields["skills"].flatMap { decoder.reader.strings($0) }
      let name = fields["name"].flatMap { decoder.reader.text($0) }
      let homeIsValid = home.map { $0 != nil } ?? true
      guard let id, let agency, homeIsValid, let week, let overtime else { return nil }
      return Officer(
        id: OfficerID(id), name: name ?? id, agency: agency, home: home ?? nil,
        skills: skills ?? [], maxHoursPerWeek: week, maxOvertimePerWeek: overtime)
    }
  }

  /// The `absences`.
  mutating func decodeAbsences(_ node: SourceNode?, officers: Set<OfficerID>) -> [Absence] {
    decodeEntries(
      node, of: "absence", allowed: ["officer", "day", "days", "start", "end", "reason"],
      required: ["officer"]
    ) { decoder, fields, item in
      let officer = fields["officer"].flatMap { decoder.reader.reference($0, to: "officer", among: officers) }
      let days = decoder.reader.days(fields, in: item)
      let interval = decoder.partOfDay(fields, in: item)
      let reason = fields["reason"].flatMap { decoder.reader.text($0) }
      guard let officer, let days, let interval else { return nil }
      return Absence(officer: officer, days: days, interval: interval, reason: reason)
    }
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
    decodeEntries(
      node, of: "pin", allowed: ["officer", "school", "day", "days", "start", "end"],
      required: ["officer", "school"]
    ) { decoder, fields, item in
      guard
        let officer = fields["officer"].flatMap({
          decoder.reader.reference($0, to: "officer", among: officers)
        }),
        let school = fields["school"].flatMap({
          decoder.reader.reference($0, to: "school", among: schools)
        }),
        let days = decoder.reader.days(fields, in: item),
        let interval = decoder.partOfDay(fields, in: item)
      else { return nil }
      guard days.count == 1 else {
        decoder.reader.report(fields["day"] ?? fields["days"]!, "a pin names exactly one day")
        return nil
      }
      return Pin(
        officer: officer, school: school, day: days[0],
        interval: interval == .wholeDay ? nil : interval, origin: item.origin)
    }
  }

  /// The planner's `forbids`; every day when none is given.
  mutating func decodeForbids(
    _ node: SourceNode?, officers: Set<OfficerID>, schools: Set<SchoolID>
  ) -> [Forbid] {
    decodeEntries(
      node, of: "forbid", allowed: ["officer", "school", "day", "days"],
      required: ["officer", "school"]
    ) { decoder, fields, item in
      guard
        let officer = fields["officer"].flatMap({
          decoder.reader.reference($0, to: "officer", among: officers)
        }),
        let school = fields["school"].flatMap({
          decoder.reader.reference($0, to: "school", among: schools)
        })
      else { return nil }
      var days = Weekday.allCases
      if fields["day"] != nil || fields["days"] != nil {
        guard let given = decoder.reader.days(fields, in: item) else { return nil }
        days = given
      }
      return Forbid(officer: officer, school: school, days: days)
    }
  }
}
