/// A string id that cannot be confused with an id of another kind
/// (`Identifier<OfficerTag>` is not an `Identifier<SchoolTag>`).
public struct Identifier<Tag>: Hashable, Comparable, Sendable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  public let rawValue: String

  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  public var description: String { rawValue }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public enum OfficerTag {}
public enum SchoolTag {}
public enum EventTag {}
public enum AgencyTag {}

public typealias OfficerID = Identifier<OfficerTag>
public typealias SchoolID = Identifier<SchoolTag>
public typealias EventID = Identifier<EventTag>
public typealias AgencyID = Identifier<AgencyTag>
