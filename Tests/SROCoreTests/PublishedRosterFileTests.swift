import Foundation
import SROTestSupport
import Testing

@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch

/// `--keep`'s published roster is checked like a scenario: strict JSON,
/// the same scenario and week, valid days, dates and times, no repeats.
struct PublishedRosterFileTests {
  private static let typicalWeek = packageRoot.appendingPathComponent("scenarios/norman/typical-week.yaml")
    .path
  private static let published = packageRoot.appendingPathComponent(
    "scenarios/norman/published/typical-week.json")

  private func scenario() throws -> Scenario { try ScenarioLoader.load(Self.typicalWeek) }

  /// The published roster's JSON object, changed by `edit`, as text.
  private func edited(_ edit: (inout [String: Any]) -> Void) throws -> String {
    var object = try #require(
      JSONSerialization.jsonObject(with: Data(contentsOf: Self.published)) as? [String: Any])
    edit(&object)
    return String(
      decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]), as: UTF8.self)
  }

  private func problems(_ text: String) throws -> [String] {
    do {
      _ = try PublishedRosterFile.read(text, file: "published.json", for: try scenario())
      return []
    } catch let error as ScenarioError {
      return error.diagnostics.map { "\($0.origin.path): \($0.message)" }
    }
  }

  @Test func thePublishedRosterOfTheSameWeekIsRead() throws {
    let text = try String(contentsOf: Self.published, encoding: .utf8)
    let assignments = try PublishedRosterFile.read(text, file: "published.json", for: try scenario())
    #expect(assignments.count == 522)
  }

  @Test func anotherWeekOrScenarioIsRefusedOnce() throws {
    let text = try edited {
      $0["week"] = "2024-09-23"
      $0["scenario"] = "Norman Public Schools, football week of 23 Sep 2024"
    }
    #expect(
      try problems(text).sorted() == [
        "scenario: this roster is for scenario \"Norman Public Schools, football week of 23 Sep 2024\", not \"Norman Public Schools, typical week of 16 Sep 2024\"; re-plan a roster of the same scenario",
        "week: this roster is for the week of 2024-09-23, not 2024-09-16; re-plan a roster of the same week",
      ])
  }

  @Test func badAssignmentsAreNamedByPath() throws {
    let text = try edited { object in
      var assignments = object["assignments"] as! [[String: Any]]
      assignments[0]["start"] = "25:00"
      assignments[1]["day"] = "funday"
      assignments[2]["date"] = "2024-09-17"
      assignments[3]["kind"] = "shift"
      assignments[4]["kind"] = "event"
      assignments[5]["officer"] = ""
      assignments[6].removeValue(forKey: "end")
      assignments.append(assignments[10])
      object["assignments"] = assignments
    }
    #expect(
      try problems(text).sorted()
        == [
          "assignments[0].start: expected a time HH:MM between 00:00 and 24:00, found \"25:00\"",
          "assignments[1].day: unknown day \"funday\"",
          "assignments[2].date: mon of the week of 2024-09-16 is 2024-09-16, not 2024-09-17",
          "assignments[3].kind: kind must be coverage or event, not \"shift\"",
          "assignments[4]: an event assignment names its \"event\"",
          "assignments[5].officer: an id may not be empty or blank",
          "assignments[6].end: missing required field \"end\"",
          "assignments[522]: the same assignment as assignments[10]",
        ].sorted())
  }

  @Test func notJSONOrNotARosterIsNamedWithItsLine() throws {
    #expect(
      try problems("{\"week\": 3,,}") == [": JSON syntax error: expected a key in double quotes, found ','"])
    #expect(try problems("[1, 2]") == [": expected a roster (a JSON object), found a list"])
    #expect(
      try problems("{}") == [
        "scenario: missing required field \"scenario\"", "week: missing required field \"week\"",
        "assignments: missing required field \"assignments\"",
      ])
  }

  @Test func aRosterForValidateNamesTheFieldThatIsWrong() {
    #expect {
      try Roster.decode(json: "{\"scenario\": 1}", file: "r.json")
    } throws: { error in
      (error as? ScenarioError)?.diagnostics.first?.description.hasPrefix("r.json: scenario: ") == true
    }
    #expect {
      try Roster.decode(json: "{\"scenario\": \"x\",\n\"week\": }", file: "r.json")
    } throws: { error in
      (error as? ScenarioError)?.description.hasPrefix("r.json:2: JSON syntax error") == true
    }
  }
}
