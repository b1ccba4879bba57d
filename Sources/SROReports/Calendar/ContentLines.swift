import Foundation

/// iCalendar text (RFC 5545 §3.1): content lines ending in CR LF, folded
/// so that no line is longer than 75 octets, and TEXT values escaped.
struct ContentLines {
  private(set) var text = ""

  /// Appends `NAME[;PARAMS]:VALUE`, folded. `value` is written as given:
  /// escape TEXT values with ``escaped(_:)`` first.
  mutating func append(_ name: String, _ value: String, parameters: [(String, String)] = []) {
    var line = name
    for (key, parameter) in parameters { line += ";\(key)=\(parameter)" }
    line += ":" + value
    text += Self.folded(line)
  }

  /// Appends a TEXT property, escaping its value.
  mutating func append(text name: String, _ value: String) {
    append(name, Self.escaped(value))
  }

  /// A TEXT value escaped (§3.3.11): backslash, semicolon and comma get a
  /// backslash, a line break (LF, CR or CR LF) becomes `\n`, and other
  /// control characters, which TEXT may not hold, are left out.
  static func escaped(_ value: String) -> String {
    var out = ""
    var afterCR = false
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\r": out += "\\n"
      case "\n": if !afterCR { out += "\\n" }
      case "\t": out += "\t"
      default:
        if scalar.value >= 0x20, scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
      }
      afterCR = scalar == "\r"
    }
    return out
  }

  /// `line` with CR LF, folded (§3.1) so that no physical line holds more
  /// than 75 octets (a continuation's leading space counts); a UTF-8
  /// sequence is never split.
  static func folded(_ line: String) -> String {
    var out = ""
    var current = 0
    for scalar in line.unicodeScalars {
      let size = String(scalar).utf8.count
      if current + size > 75 {
        out += "\r\n "
        current = 1
      }
      out.unicodeScalars.append(scalar)
      current += size
    }
    return out + "\r\n"
  }

  /// `YYYYMMDDTHHMMSS` of `date` read in UTC.
  static func dateTime(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    let day = [c.year, c.month, c.day].enumerated().map { String($1 ?? 0).leftPadded($0 == 0 ? 4 : 2) }
    let time = [c.hour, c.minute, c.second].map { String($0 ?? 0).leftPadded(2) }
    return day.joined() + "T" + time.joined()
  }
}
