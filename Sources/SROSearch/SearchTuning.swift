/// The search's own thresholds, apart from what a user asks for
/// (``PlanningOptions``): when a part counts as large, when a large part is
/// planned by region, how large a region is, and when regions are
/// re-staffed as a whole. The defaults are measured (see the constants
/// they come from); tests lower them to send small weeks down the paths of
/// large ones.
struct SearchTuning: Sendable {
  /// Eligible pairs above which a part counts as large: restricted
  /// (``RestrictedPlanner``), or planned by region.
  var restrictionThreshold = RestrictedPlanner.threshold
  /// Schools above which a large part is planned by region.
  var regionalThreshold = RegionalPlanner.threshold
  /// Most schools in a region.
  var regionSchools = RegionalPlanner.regionSchools
  /// Eligible pairs up to which a part planned by region is re-staffed
  /// whole once merged (above it, neighbouring regions two by two).
  var acrossRegionsPairs = RegionalPlanner.acrossRegionsPairs
}
