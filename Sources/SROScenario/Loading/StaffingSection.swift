/// The scenario's `staffing` section (an sro addition to the format): what a
/// staffing study assumes about the weeks it samples.
///
/// ```yaml
/// staffing:
///   absences:                                  # chances per officer and school day
///     - {wholeDay: 0.05, partDay: 0.03}        # every officer
///     - {agency: CCSO, wholeDay: 0.06}         # an agency's officers
///     - {officer: ccso-12, partDay: 0.1}       # one officer
///   eventsPerWeek: 1.5                         # extra events, copies of the scenario's
///   closureRate: 0.01                          # chance a school is closed on a day
///   reliefSkills: {CCSO: [special-needs]}      # skills of an agency's relief officers
/// ```
extension NodeReader {
  mutating func staffing(_ node: SourceNode?, agencies: [AgencyID], officers: Set<OfficerID>)
    -> StaffingAssumptions
  {
    var assumptions = StaffingAssumptions()
    guard let node,
      let fields = self.fields(
        node, of: "staffing", allowed: ["absences", "eventsPerWeek", "closureRate", "reliefSkills"])
    else { return assumptions }
    for item in fields["absences"].flatMap({ list($0) }) ?? [] {
      if let setting = rateSetting(item, agencies: agencies, officers: officers) {
        assumptions.rates.append(setting)
      }
    }
    if let events = fields["eventsPerWeek"].flatMap({ number($0, in: 0...100) }) {
      assumptions.eventsPerWeek = events
    }
    if let rate = fields["closureRate"].flatMap({ number($0, in: 0...1) }) {
      assumptions.closureRate = rate
    }
    if let skills = fields["reliefSkills"], let entries = skills.entries {
      for entry in entries {
        guard agencies.contains(AgencyID(entry.key)) else {
          report(
            entry.value,
            "unknown agency \"\(entry.key)\"\(suggestion(for: entry.key, among: agencies.map(\.rawValue)))")
          continue
        }
        if let list = strings(entry.value) { assumptions.reliefSkills[AgencyID(entry.key)] = list }
      }
    } else if let skills = fields["reliefSkills"] {
      report(skills, "expected a mapping from agency to skills, found \(skills.typeName)")
    }
    return assumptions
  }

  private mutating func rateSetting(_ item: SourceNode, agencies: [AgencyID], officers: Set<OfficerID>)
    -> RateSetting?
  {
    guard
      let fields = self.fields(
        item, of: "absence rate", allowed: ["agency", "officer", "wholeDay", "partDay"])
    else { return nil }
    var scope = RateScope.everyone
    switch (fields["agency"], fields["officer"]) {
    case (nil, nil): break
    case (let agency?, nil):
      guard let id = reference(agency, to: "agency", among: Set(agencies)) else { return nil }
      scope = .agency(id)
    case (nil, let officer?):
      guard let id = reference(officer, to: "officer", among: officers) else { return nil }
      scope = .officer(id)
    case (_, let officer?):
      report(officer, "give agency or officer, not both")
      return nil
    }
    let whole = fields["wholeDay"].map { number($0, in: 0...1) }
    let part = fields["partDay"].map { number($0, in: 0...1) }
    if whole == nil && part == nil {
      report(item, "give wholeDay, partDay or both")
      return nil
    }
    if whole == .some(nil) || part == .some(nil) { return nil }
    return RateSetting(scope: scope, wholeDay: whole ?? nil, partDay: part ?? nil)
  }
}
