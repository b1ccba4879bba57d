/// The name of a variable or constraint: a family and the index that picks
/// one member of it, rendered `family[a,b,c]` (JuMP style), or just `family`
/// when the index is empty.
public struct Name: Hashable, Sendable, CustomStringConvertible {
  /// The family, e.g. `cover`.
  public var family: String
  /// The index within the family, e.g. `["lincoln-es", "tue", "07:30"]`.
  public var index: [String]

  /// A name in `family` with the given index components.
  public init(_ family: String, _ index: String...) {
    self.family = family
    self.index = index
  }

  /// A name in `family` with the given index components.
  public init(_ family: String, index: [String]) {
    self.family = family
    self.index = index
  }

  public var description: String {
    index.isEmpty ? family : "\(family)[\(index.joined(separator: ","))]"
  }
}
