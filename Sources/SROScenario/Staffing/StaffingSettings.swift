/// A staffing setting given on the command line that does not fit the
/// scenario: what was typed and why.
public struct StaffingSettingError: Error, Sendable, CustomStringConvertible {
  public let description: String

  public init(description: String) { self.description = description }
}

extension StaffingAssumptions {
  /// Which rate a command-line setting sets.
  public enum RateKind: Sendable {
    case wholeDay, partDay
  }

  /// Parses `[WHO=]RATE` (WHO an agency or officer of `scenario`, RATE in
  /// `[0, 1]`) and appends it to ``rates``, after the scenario's own.
  public mutating func add(_ text: String, kind: RateKind, for scenario: Scenario)
    throws(StaffingSettingError)
  {
    let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let (who, value) = parts.count == 2 ? (parts[0], parts[1]) : (nil, parts[0])
    guard let rate = Double(value), rate >= 0, rate <= 1 else {
      throw StaffingSettingError(
        description: "\"\(text)\": the rate must be a number in [0, 1], not \"\(value)\"")
    }
    var scope = RateScope.everyone
    if let who {
      if scenario.agencies.contains(where: { $0.id.rawValue == who }) {
        scope = .agency(AgencyID(who))
      } else if scenario.officers.contains(where: { $0.id.rawValue == who }) {
        scope = .officer(OfficerID(who))
      } else {
        let known = scenario.agencies.map(\.id.rawValue) + scenario.officers.map(\.id.rawValue)
        throw StaffingSettingError(
          description:
            "\"\(text)\": unknown agency or officer \"\(who)\"\(suggestion(for: who, among: known))")
      }
    }
    rates.append(
      RateSetting(
        scope: scope, wholeDay: kind == .wholeDay ? rate : nil, partDay: kind == .partDay ? rate : nil))
  }
}

extension StaffingAssumptions {
  /// Parses `AGENCY=SKILL,SKILL…` (the skills of the agency's relief
  /// officers) against the agencies of `scenario`.
  public mutating func addReliefSkills(_ text: String, for scenario: Scenario) throws(StaffingSettingError) {
    let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let known = scenario.agencies.map(\.id.rawValue)
    guard parts.count == 2 else {
      throw StaffingSettingError(description: "\"\(text)\": expected AGENCY=SKILLS, e.g. CCSO=special-needs")
    }
    guard known.contains(parts[0]) else {
      throw StaffingSettingError(
        description: "\"\(text)\": unknown agency \"\(parts[0])\"\(suggestion(for: parts[0], among: known))")
    }
    let skills = parts[1].split(separator: ",").map(String.init)
    reliefSkills[AgencyID(parts[0])] = Array(Set(skills)).sorted()
  }
}

/// The relief counts asked for one agency: `AGENCY=LIST`, LIST made of
/// counts and ranges (`CCSO=0,1,2,3`, `CCSO=0-3`).
public struct ReliefRequest: Sendable, Hashable {
  public var agency: AgencyID
  /// Sorted, each once.
  public var counts: [Int]

  /// Parses `text` against the agencies of `scenario`.
  public init(parsing text: String, for scenario: Scenario) throws(StaffingSettingError) {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2 else {
      throw StaffingSettingError(description: "\"\(text)\": expected AGENCY=COUNTS, e.g. CCSO=0,1,2,3")
    }
    let known = scenario.agencies.map(\.id.rawValue)
    guard known.contains(parts[0]) else {
      throw StaffingSettingError(
        description: "\"\(text)\": unknown agency \"\(parts[0])\"\(suggestion(for: parts[0], among: known))")
    }
    var counts = Set<Int>()
    for item in parts[1].split(separator: ",", omittingEmptySubsequences: false) {
      let bounds = item.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map { Int($0) }
      guard let low = bounds.first ?? nil, let high = bounds.last ?? nil, 0 <= low, low <= high, high <= 50
      else {
        throw StaffingSettingError(
          description: "\"\(text)\": \"\(item)\" is not a count or range of counts between 0 and 50")
      }
      counts.formUnion(low...high)
    }
    agency = AgencyID(parts[0])
    self.counts = counts.sorted()
  }

  /// The requests of `texts` (each `AGENCY=COUNTS`), an agency at most
  /// once: its counts go in one request.
  public static func parsing(_ texts: [String], for scenario: Scenario) throws(StaffingSettingError)
    -> [ReliefRequest]
  {
    var requests: [ReliefRequest] = []
    for text in texts {
      let request = try ReliefRequest(parsing: text, for: scenario)
      guard !requests.contains(where: { $0.agency == request.agency }) else {
        throw StaffingSettingError(
          description: "\"\(text)\": relief for \(request.agency) is asked twice; "
            + "give all its counts at once, e.g. \(request.agency)=0-3")
      }
      requests.append(request)
    }
    return requests
  }
}
