import Foundation
import Testing

@testable import SROReports

@Suite struct ContentLinesTests {
  @Test func textValuesAreEscaped() {
    #expect(ContentLines.escaped(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
    #expect(ContentLines.escaped("one\ntwo\r\nthree\rfour") == #"one\ntwo\nthree\nfour"#)
    #expect(ContentLines.escaped("tab\there\u{07}bell\u{7F}") == "tab\there" + "bell")
    #expect(ContentLines.escaped("Café — “quoted”") == "Café — “quoted”")
  }

  @Test func shortLinesEndInCRLF() {
    var lines = ContentLines()
    lines.append("BEGIN", "VCALENDAR")
    lines.append("DTSTART", "20241007T071500", parameters: [("TZID", "America/Chicago")])
    #expect(lines.text == "BEGIN:VCALENDAR\r\nDTSTART;TZID=America/Chicago:20241007T071500\r\n")
  }

  @Test(arguments: [
    String(repeating: "x", count: 75), String(repeating: "x", count: 76),
    String(repeating: "é", count: 200), String(repeating: "ab—", count: 90),
    "🚓" + String(repeating: "y", count: 300),
  ])
  func longLinesFoldAt75OctetsWithoutSplittingCharacters(value: String) throws {
    let folded = ContentLines.folded("DESCRIPTION:" + value)
    #expect(folded.hasSuffix("\r\n"))
    let physical = folded.dropLast(2).components(separatedBy: "\r\n")
    for (index, line) in physical.enumerated() {
      #expect(line.utf8.count <= 75, "line \(index) has \(line.utf8.count) octets")
      if index > 0 { #expect(line.hasPrefix(" ")) }
    }
    // Every physical line is whole UTF-8 on its own, and unfolding gives
    // the line back.
    let bytes = Array(folded.utf8)
    var start = 0
    for i in 0..<bytes.count - 1 where bytes[i] == 13 && bytes[i + 1] == 10 {
      #expect(String(validating: bytes[start..<i], as: UTF8.self) != nil)
      start = i + 2
    }
    #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == "DESCRIPTION:" + value + "\r\n")
    #expect(physical.count == 1 || physical[0].utf8.count > 71)
  }

  @Test func dateTimesAreInUTC() {
    #expect(ContentLines.dateTime(Date(timeIntervalSince1970: 1_728_284_400)) == "20241007T070000")
    #expect(ContentLines.dateTime(Date(timeIntervalSince1970: 0)) == "19700101T000000")
  }
}
