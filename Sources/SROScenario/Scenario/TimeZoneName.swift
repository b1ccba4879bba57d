import Foundation

extension Scenario {
  /// The district's time zone when the scenario names none: Norman,
  /// Oklahoma's.
  public static let defaultTimeZone = "America/Chicago"
}

/// Names of the IANA time zone database (`America/Chicago`, `UTC`), the
/// only kind of name a scenario's `timeZone` may hold.
enum TimeZoneName {
  /// Whether `name` is a zone of the IANA database. Abbreviations such as
  /// `CST` are not zones (they say nothing about daylight saving time), even
  /// though Foundation accepts some of them.
  static func isValid(_ name: String) -> Bool {
    if name == "UTC" || knownNames.contains(name) { return true }
    // Links such as `US/Central` or `Etc/UTC` are not in Foundation's list
    // of zones but name zones all the same.
    return name.contains("/") && TimeZone(identifier: name)?.identifier == name
  }

  /// The zones Foundation lists, for suggestions.
  static var knownNames: [String] { TimeZone.knownTimeZoneIdentifiers }

  /// Why `name` is refused, with the closest zone name when one is close.
  static func problem(with name: String) -> String {
    "timeZone \"\(name)\" is not a zone of the IANA time zone database (like America/Chicago)"
      + suggestion(for: name, among: knownNames + ["UTC"])
  }
}
