import Foundation

/// The range of every number a scenario may hold: the ranges the model
/// honours exactly. `sro check` refuses anything outside them with the
/// file, line and field (docs/scenario-format.md lists them).
public enum ScenarioLimits {
  /// `maxHoursPerDay`: a day has 24 hours.
  public static let hoursPerDay: ClosedRange<Double> = 0...24
  /// `maxHoursPerWeek`, `maxOvertimePerWeek` (policy and officers) and
  /// `minRestHours`: a week has 168 hours.
  public static let hoursPerWeek: ClosedRange<Double> = 0...168
  /// `travelSpeedKmh`: from walking pace to far beyond any road.
  public static let travelSpeedKmh: ClosedRange<Double> = 1...1000
  /// Each of `policy.weights`.
  public static let weight: ClosedRange<Double> = 0...1_000_000
  /// The priority of a period, a school or an event.
  public static let priority: ClosedRange<Double> = 0...100
  /// Officers needed by a coverage window or an event.
  public static let officersNeeded: ClosedRange<Int> = 0...1000
  /// The largest cost per hour in the objective over the smallest nonzero
  /// one (weights × priorities): within this, a double's 16 digits leave
  /// the solver's tolerances (1e-7 relative) room to tell the costs apart.
  public static let costSpread = 1e9
}

extension ScenarioDecoder {
  /// Every cost per hour the objective can hold, with the field behind it:
  /// `uncovered` times the largest and the smallest nonzero product of a
  /// school's priority and a period's or event's (1 between periods), and
  /// the other weights (`crossAgency` only under `penalize`). The problem
  /// is reported at a weight the file gives, else at the priority (in
  /// `top`) farthest from 1.
  mutating func checkCostSpread(
    policy: Policy, periods: [Period], schools: [School], events: [Event], top: [String: SourceNode]
  ) {
    let schoolPriorities = schools.map(\.priority)
    let partPriorities = [1] + periods.map(\.priority) + events.map(\.priority)
    let nonzero = { (values: [Double]) in values.filter { $0 > 0 } }
    let weights = policy.weights
    var costs: [(cost: Double, field: String)] = [
      (weights.overtime, "overtime"), (weights.awayFromHome, "awayFromHome"),
    ]
    if policy.crossAgency == .penalize { costs.append((weights.crossAgency, "crossAgency")) }
    if let highSchool = schoolPriorities.max(), let lowSchool = nonzero(schoolPriorities).min(),
      let highPart = partPriorities.max(), let lowPart = nonzero(partPriorities).min()
    {
      costs.append((weights.uncovered * highSchool * highPart, "uncovered"))
      costs.append((weights.uncovered * lowSchool * lowPart, "uncovered"))
    }
    let positive = costs.filter { $0.cost > 0 }
    guard let largest = positive.max(by: { $0.cost < $1.cost }),
      let smallest = positive.min(by: { $0.cost < $1.cost }),
      largest.cost > ScenarioLimits.costSpread * smallest.cost
    else { return }
    let blamed =
      weightNodes[largest.field] ?? weightNodes[smallest.field]
      ?? ([largest.field, smallest.field].contains("uncovered") ? extremePriority(in: top) : nil)
    let describe = { (entry: (cost: Double, field: String)) in
      // A cost below a millionth still shows its size, never as 0.
      let number = jsonNumber(entry.cost) == "0" ? "\(entry.cost)" : jsonNumber(entry.cost)
      return entry.field == "uncovered"
        ? "\(number) (weights.uncovered × priorities)" : "\(number) (weights.\(entry.field))"
    }
    let message =
      "the objective's costs per hour would range from \(describe(smallest)) to \(describe(largest)), "
      + "more than \(jsonNumber(ScenarioLimits.costSpread)) times apart; the solver cannot weigh them "
      + "exactly: bring the weights (or priorities) closer together"
    if let blamed {
      reader.report(blamed, message)
    } else {
      reader.report(Origin(file: documentFile, line: nil, path: "policy.weights"), message)
    }
  }

  /// The nonzero `priority` of a period, school or event in `top` that is
  /// farthest from 1 (by ratio): the one that spreads the costs most.
  private func extremePriority(in top: [String: SourceNode]) -> SourceNode? {
    let nodes = ["periods", "schools", "events"].flatMap { top[$0]?.items ?? [] }.compactMap {
      $0["priority"]
    }
    let weighed = nodes.compactMap { node in
      node.text.flatMap(Double.init).flatMap { $0 > 0 ? (node, abs(log($0))) : nil }
    }
    return weighed.max { $0.1 < $1.1 }?.0
  }

  /// Reports each `defaults.coverage` level that no school has and no
  /// agency serves: most likely a typo that would leave schools without
  /// coverage.
  mutating func checkCoverageLevels(_ top: [String: SourceNode]) {
    guard let entries = top["defaults"]?["coverage"]?.entries else { return }
    let schoolLevels = (top["schools"]?.items ?? []).compactMap { $0["level"]?.text }
    let served = (top["agencies"]?.items ?? []).flatMap { $0["serves"]?.items ?? [] }.compactMap(\.text)
    let known = Set(schoolLevels + served)
    for entry in entries where !known.contains(entry.key) {
      reader.report(
        entry.keyOrigin,
        "no school has level \"\(entry.key)\" and no agency serves it\(suggestion(for: entry.key, among: known.sorted()))"
      )
    }
  }
}
