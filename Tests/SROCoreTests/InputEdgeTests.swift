import Foundation
import SROTestSupport
import Testing

@testable import SROScenario

/// The edges of what an input file may be: its size, its encoding, the
/// characters it may hold, null in YAML, JSON nesting, alias expansion.
struct InputEdgeTests {
  @Test func aFileOfExactlyTheLargestSizeIsRead() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("big.yaml").path
    try Data(repeating: UInt8(ascii: " "), count: InputFile.maximumBytes).write(
      to: URL(fileURLWithPath: path))
    #expect((try? InputFile.text(of: path).get())?.utf8.count == InputFile.maximumBytes)
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(" ".utf8))
    try handle.close()
    #expect(throws: InputFileError.self) { try InputFile.text(of: path).get() }
  }

  @Test func byteOrderMarksAreReadOrNamed() throws {
    let bigEndian: [UInt8] = [0xFE, 0xFF] + Array("week".utf8).flatMap { [0, $0] }
    guard case .failure(let failure) = InputFile.decode(Data(bigEndian)) else {
      Issue.record("UTF-16 big-endian read as UTF-8")
      return
    }
    #expect(failure.reason == "is UTF-16 (or UTF-32) text; save it as UTF-8")
    #expect(try InputFile.decode(Data([0xEF, 0xBB, 0xBF] + Array("week".utf8))).get() == "week")
  }

  @Test func tabsAndLineBreaksAreTextButDeleteIsNot() throws {
    #expect(try InputFile.decode(Data("a\tb\r\nc\n".utf8)).get() == "a\tb\r\nc\n")
    #expect(throws: InputFileError.self) { try InputFile.decode(Data("a\u{7F}b".utf8)).get() }
  }

  @Test func overlongAndTooLargeCodePointsAreNotUTF8() {
    #expect(InputFile.firstInvalidUTF8([0xE0, 0x80, 0x80]) == 1)  // U+0000, three bytes long
    #expect(InputFile.firstInvalidUTF8([0xF4, 0x90, 0x80, 0x80]) == 1)  // above U+10FFFF
    #expect(InputFile.firstInvalidUTF8([0xE0, 0xA0, 0x80, 0xF4, 0x8F, 0xBF, 0xBF]) == nil)
  }

  @Test(arguments: ["", "~", "null", "Null", "NULL"])
  func plainNullsAreNothing(word: String) throws {
    let node = try SourceNode.parse("a: \(word)\nb: \"\(word)\"\n", file: "x.yaml")
    guard case .null = node["a"]?.value else {
      Issue.record("\(word) read as \(String(describing: node["a"]?.value))")
      return
    }
    #expect(node["b"]?.text == word)
  }

  @Test func jsonNestsSixtyFourDeepAndNoDeeper() throws {
    func nested(_ depth: Int) -> String {
      String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }
    #expect(throws: Never.self) { try StrictJSON.parse(nested(64), file: "x.json") }
    #expect(throws: ScenarioError.self) { try StrictJSON.parse(nested(65), file: "x.json") }
  }

  @Test func everyRawControlCharacterInAJSONStringIsRefused() {
    for code in [0x01, 0x0F, 0x10, 0x1F] {
      let text = "{\"name\": \"a\(Character(Unicode.Scalar(UInt8(code))))b\"}"
      #expect(throws: ScenarioError.self, "U+\(code)") { try StrictJSON.parse(text, file: "x.json") }
    }
  }

  @Test func jsonNumbersHaveNoLeadingZeros() {
    for number in ["01", "00", "-01", "0012"] {
      #expect(throws: ScenarioError.self, "\(number)") {
        try StrictJSON.parse("{\"a\": \(number)}", file: "x.json")
      }
    }
  }

  @Test func aliasesMayNotStandForMoreValuesThanTheFileHasBytesAndAHundredThousand() throws {
    // Lists of seven, six deep: l5 alone stands for 7^6 = 117,649 values, from 230 bytes.
    var yaml = "l0: &l0 [x, x, x, x, x, x, x]\n"
    for level in 1...5 {
      yaml +=
        "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 7).joined(separator: ", ")
        + "]\n"
    }
    #expect(SourceNode.maximumNodes(for: yaml) < 117_649)
    #expect(throws: ScenarioError.self) { try SourceNode.parse(yaml, file: "x.yaml") }
    // One level less: about 23,000 values in all are fine.
    let smaller = yaml.split(separator: "\n").dropLast().joined(separator: "\n")
    #expect(throws: Never.self) { try SourceNode.parse(smaller, file: "x.yaml") }
  }

  @Test func namesAndReasonsHoldNoControlCharacterEvenEscaped() throws {
    let problem = "names and reasons are one line of printable text"
    #expect(
      diagnostics("name: \"Week\\e[2J\"")
        == ["test.yaml:5: name: may not hold the control character U+001B; \(problem)"])
    #expect(
      diagnostics("officers: [{id: o1, agency: A, name: \"Ofc.\\x85\"}]")
        == ["test.yaml:5: officers[0].name: may not hold the control character U+0085; \(problem)"])
    #expect(
      diagnostics(
        "officers: [{id: o1, agency: A}]\nabsences:\n  - officer: o1\n    day: mon\n    reason: |\n      court\n      again\n"
      ) == ["test.yaml:9: absences[0].reason: may not hold the control character U+000A; \(problem)"])
    let json =
      "{\"week\": \"2024-09-09\", \"closures\": [{\"school\": \"all\", \"day\": \"mon\", \"reason\": \"a\\u0000b\"}]}"
    #expect(throws: ScenarioError.self) { try ScenarioLoader.load(text: json, file: "week.json") }
    #expect(try scenario("name: \"École ✓, \\\"Nord\\\" & <Süd>\"").name == "École ✓, \"Nord\" & <Süd>")
  }
}
