/// The domain of a decision variable.
public enum VariableKind: Sendable, Hashable {
  /// A real number within its bounds.
  case continuous
  /// A whole number within its bounds.
  case integer
  /// 0 or 1.
  case binary
}

/// A handle to a decision variable of one ``Model``.
///
/// Handles are cheap values; the variable itself (name, kind, bounds) lives
/// in the model that created it.
public struct Variable: Hashable, Sendable {
  /// The position of the variable in its model, from 0 in creation order.
  public let index: Int
  let modelID: ModelID
}

/// What a model records for each variable.
public struct VariableDefinition: Sendable {
  public let name: Name
  public let kind: VariableKind
  /// Lower bound; `-.infinity` for none.
  public let lowerBound: Double
  /// Upper bound; `.infinity` for none.
  public let upperBound: Double
}
