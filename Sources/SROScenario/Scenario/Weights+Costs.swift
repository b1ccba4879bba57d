/// The objective's terms (spec §4), each written here once. The model's
/// objective (SROFormulation), the searches' bounds and pricing
/// (SROSearch), the explanations (SROExplain) and a roster's statistics
/// (SRORoster) all price with these. The validator (SROValidator)
/// recomputes the objective on its own, on purpose: it checks the rest.
extension Weights {
  /// The cost of `hours` missing officer-hours at a block of `priority`.
  public func uncoveredCost(hours: Double, priority: Double) -> Double {
    uncovered * priority * hours
  }

  /// The cost of `hours` of overtime (hours beyond an officer's
  /// `maxHoursPerWeek`).
  public func overtimeCost(hours: Double) -> Double { overtime * hours }

  /// The cost of `hours` an officer stands at a school other than their
  /// home school.
  public func awayFromHomeCost(hours: Double) -> Double { awayFromHome * hours }

  /// The cost of `hours` an officer stands at a school of the other agency
  /// (`crossAgency: penalize`; with `forbid` no such hour exists).
  public func crossAgencyCost(hours: Double) -> Double { crossAgency * hours }

  /// The cost of one hour of an officer at a school: away from home, across
  /// agencies, both or neither.
  public func costPerHour(awayFromHome isAway: Bool, crossAgency isCross: Bool) -> Double {
    (isAway ? awayFromHomeCost(hours: 1) : 0) + (isCross ? crossAgencyCost(hours: 1) : 0)
  }
}
