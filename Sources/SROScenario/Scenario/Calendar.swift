/// A day of the planned week.
public enum Weekday: Int, CaseIterable, Comparable, Sendable, CustomStringConvertible {
  case mon, tue, wed, thu, fri, sat, sun

  /// The scenario format's name of the day (`mon` … `sun`).
  public var code: String {
    switch self {
    case .mon: "mon"
    case .tue: "tue"
    case .wed: "wed"
    case .thu: "thu"
    case .fri: "fri"
    case .sat: "sat"
    case .sun: "sun"
    }
  }

  /// The day for a scenario-format name, if it is one.
  public init?(code: String) {
    guard let day = Weekday.allCases.first(where: { $0.code == code }) else { return nil }
    self = day
  }

  /// Monday to Friday, what `weekdays` stands for.
  public static let weekdays: [Weekday] = [.mon, .tue, .wed, .thu, .fri]

  /// The next day within the week, if any.
  public var next: Weekday? { Weekday(rawValue: rawValue + 1) }

  public var description: String { code }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A time of day as minutes after midnight, `0 ... 1440` (`24:00` is the end
/// of the day).
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let minutes: Int

  public init(minutes: Int) { self.minutes = minutes }

  /// Parses `HH:MM` (two digits each) from `00:00` to `24:00`.
  public init?(parsing text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
      let hours = Int(String(text.prefix(2))), let minutes = Int(String(text.suffix(2))),
      bytes[0...1].allSatisfy({ (48...57).contains($0) }),
      bytes[3...4].allSatisfy({ (48...57).contains($0) }),
      minutes < 60, hours * 60 + minutes <= 24 * 60
    else { return nil }
    self.minutes = hours * 60 + minutes
  }

  /// `HH:MM`.
  public var description: String {
    let hours = minutes / 60
    let rest = minutes % 60
    return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.minutes < rhs.minutes }
}

/// A calendar date (proleptic Gregorian), enough to name the days of a week.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Parses `YYYY-MM-DD`, checking that the day exists.
  public init?(parsing text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// The date, if it exists.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1,
      day <= CivilDate.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
  var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private init(daysSinceEpoch z0: Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.month = month
    self.day = day
  }

  /// The weekday of this date.
  public var weekday: Weekday {
    // 1970-01-01 was a Thursday.
    Weekday(rawValue: ((daysSinceEpoch % 7) + 7 + 3) % 7)!
  }

  /// The date `days` later.
  public func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

  /// `YYYY-MM-DD`.
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }
}
