/// The row families of ``CoverageModel``, each named after the rule of spec
/// §4 it writes. The raw value is the prefix of every row of the family in
/// exported LP and MPS files (`cover[lincoln-es,tue,07:30-08:30]`) and in
/// ``LinearModel/Model/constraints(inFamily:)``.
public enum ConstraintFamily: String, CaseIterable, Sendable {
  /// §4.1: officers on a block plus what is missing equal what is needed.
  case cover
  /// §4.2, one place at a time: overlapping blocks of an officer, at most one.
  case overlap
  /// §4.3: no two blocks of an officer without the time to drive between them.
  case travel
  /// §4.5: no late block and next morning's early block without the minimum rest.
  case rest
  /// §4.4: an officer's hours on one day within `maxHoursPerDay`.
  case day
  /// §4.6: an officer's week within `maxHoursPerWeek` plus overtime.
  case week
  /// Not a rule of its own: §4.4 again, as cliques of an officer's blocks
  /// on one day any two of which together exceed `maxHoursPerDay` or share
  /// a moment (a tighter model, the same optimum; tight formulation only).
  case long
  /// Not a rule: interchangeable officers ordered by hours (a tighter model,
  /// the same optimum).
  case symmetry
}
