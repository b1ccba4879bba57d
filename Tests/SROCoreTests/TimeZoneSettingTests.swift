import Foundation
import SROTestSupport
import Testing

@testable import SROCore

/// The scenario's `timeZone`: an IANA zone name, America/Chicago unless given.
@Suite struct TimeZoneSettingTests {
  @Test func theDefaultIsNormansZone() throws {
    #expect(try scenario("").timeZone == "America/Chicago")
  }

  @Test(arguments: ["Europe/Berlin", "America/Indiana/Indianapolis", "UTC", "Etc/UTC", "US/Central"])
  func ianaNamesAreTaken(name: String) throws {
    #expect(try scenario("timeZone: \(name)").timeZone == name)
  }

  @Test func anOverlayReplacesTheBasesZone() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sro-tz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let base = folder.appendingPathComponent("base.yaml").path
    let overlay = folder.appendingPathComponent("overlay.yaml").path
    try (baseYAML + "\ntimeZone: America/Denver\n").write(toFile: base, atomically: true, encoding: .utf8)
    try "timeZone: America/Phoenix\n".write(toFile: overlay, atomically: true, encoding: .utf8)
    #expect(try ScenarioLoader.load(base).timeZone == "America/Denver")
    #expect(try ScenarioLoader.load(base, overlays: [overlay]).timeZone == "America/Phoenix")
  }

  @Test func aMisspelledZoneIsRefusedWithFileLineFieldAndSuggestion() {
    #expect(
      diagnostics("timeZone: America/Chicgo") == [
        "test.yaml:5: timeZone: timeZone \"America/Chicgo\" is not a zone of the IANA time zone database (like America/Chicago); did you mean \"America/Chicago\"?"
      ])
    #expect(
      diagnostics("timeZone: america/chicago") == [
        "test.yaml:5: timeZone: timeZone \"america/chicago\" is not a zone of the IANA time zone database (like America/Chicago); did you mean \"America/Chicago\"?"
      ])
  }

  @Test(arguments: ["CST", "EST5EDT", "Mars/Olympus_Mons", "", "+05:00"])
  func abbreviationsAndUnknownNamesAreRefused(name: String) {
    let problems = diagnostics("timeZone: \"\(name)\"")
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("test.yaml:5: timeZone: timeZone \"\(name)\" is not a zone") == true)
  }

  @Test func aListIsNoZone() {
    #expect(
      diagnostics("timeZone: [America/Chicago]") == ["test.yaml:5: timeZone: expected a value, found a list"])
  }

  @Test func aMisspelledKeyIsSuggested() {
    #expect(
      diagnostics("timezone: America/Chicago") == [
        "test.yaml:5: timezone: unknown key \"timezone\" in scenario; did you mean \"timeZone\"?"
      ])
  }
}
