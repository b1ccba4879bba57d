import SROTestSupport
import Testing

@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch
@testable import SROValidator

/// Every bad-input rule of spec §6: refused with one line per problem,
/// naming the file, the line and the field path, with a suggestion where
/// one is close.
struct BadInputCase: CustomTestStringConvertible, Sendable {
  let name: String
  let yaml: String
  let expected: [String]
  var standalone = false
  var testDescription: String { name }
}

/// The base is 4 lines long, so the first line of a case is line 5.
let school = "schools: [{id: lincoln-es, level: elementary}]"

let badInputCases: [BadInputCase] = [
  BadInputCase(
    name: "unknown reference with suggestion",
    yaml: """
      \(school)
      officers: [{id: o1, agency: A, home: lincon-es}]
      """,
    expected: [
      "test.yaml:6: officers[0].home: unknown school \"lincon-es\"; did you mean \"lincoln-es\"?"
    ]),
  BadInputCase(
    name: "bad time",
    yaml: """
      \(school)
      events: [{id: e, school: lincoln-es, day: mon, start: "7:30", end: "25:00", officers: 1}]
      """,
    expected: [
      "test.yaml:6: events[0].start: expected a time HH:MM between 00:00 and 24:00, found \"7:30\"",
      "test.yaml:6: events[0].end: expected a time HH:MM between 00:00 and 24:00, found \"25:00\"",
    ]),
  BadInputCase(
    name: "bad day with suggestion",
    yaml: """
      \(school)
      closures: [{school: lincoln-es, days: [tues]}]
      """,
    expected: [
      "test.yaml:6: closures[0].days[0]: unknown day \"tues\"; did you mean \"tue\"?"
    ]),
  BadInputCase(
    name: "start not before end",
    yaml: """
      \(school)
      officers: [{id: o1, agency: A}]
      absences: [{officer: o1, day: mon, start: "12:00", end: "12:00"}]
      """,
    expected: ["test.yaml:7: absences[0].start: start 12:00 must be before end 12:00"]),
  BadInputCase(
    name: "week not a Monday",
    yaml: "week: 2024-09-10\nagencies: []",
    expected: ["test.yaml:1: week: week must be a Monday; 2024-09-10 is a Tuesday"], standalone: true),
  BadInputCase(
    name: "negative numbers",
    yaml: """
      policy: {maxHoursPerWeek: -5}
      schools: [{id: s1, level: elementary, priority: -2, coverage: [{day: mon, start: "08:00", end: "09:00", officers: -1}]}]
      """,
    expected: [
      "test.yaml:5: policy.maxHoursPerWeek: must be between 0 and 168, not -5",
      "test.yaml:6: schools[0].priority: must be between 0 and 100, not -2",
      "test.yaml:6: schools[0].coverage[0].officers: must be between 0 and 1000, not -1",
    ]),
  BadInputCase(
    name: "unknown key with suggestion",
    yaml: """
      schools: [{id: s1, nmae: Lincoln, level: elementary}]
      """,
    expected: [
      "test.yaml:5: schools[0].nmae: unknown key \"nmae\" in school; did you mean \"name\"?"
    ]),
  BadInputCase(
    name: "level no agency serves",
    yaml: "schools: [{id: s1, level: elementry}]",
    expected: [
      "test.yaml:5: schools[0].level: no agency serves level \"elementry\"; give the school an agency; did you mean \"elementary\"?"
    ]),
  BadInputCase(
    name: "level two agencies serve",
    yaml: """
      week: 2024-09-09
      agencies: [{id: A, serves: [elementary]}, {id: C, serves: [elementary]}]
      schools: [{id: s1, level: elementary}, {id: s2, level: elementary, agency: C}]
      """,
    expected: [
      "test.yaml:3: schools[0].level: level \"elementary\" is served by \"A\" and \"C\"; name the school's agency"
    ], standalone: true),
  BadInputCase(
    name: "key twice in one mapping",
    yaml: "schools: [{id: s1, level: elementary, level: high}]",
    expected: ["test.yaml:5: key \"level\" appears twice in one mapping"]),
  BadInputCase(
    name: "all is reserved",
    yaml: "schools: [{id: all, level: elementary}]",
    expected: ["test.yaml:5: schools[0].id: \"all\" is reserved (it means every school in closures)"]),
  BadInputCase(
    name: "overlapping periods",
    yaml: """
      periods:
        - {id: a, start: "07:00", end: "09:00"}
        - {id: b, start: "08:30", end: "10:00"}
      """,
    expected: ["test.yaml:7: periods[1]: period \"b\" overlaps period \"a\""]),
  BadInputCase(
    name: "out-of-range numbers",
    yaml: """
      policy: {travelSpeedKmh: 0, crossAgency: penalise}
      schools: [{id: s1, level: elementary, location: {lat: 95, lon: -97}}]
      """,
    expected: [
      "test.yaml:5: policy.crossAgency: crossAgency must be forbid or penalize, not \"penalise\"; did you mean \"penalize\"?",
      "test.yaml:5: policy.travelSpeedKmh: must be between 1 and 1000, not 0",
      "test.yaml:6: schools[0].location.lat: must be between -90 and 90, not 95",
    ]),
  BadInputCase(
    name: "event on more than one day",
    yaml: """
      \(school)
      events: [{id: e, school: lincoln-es, days: [mon, tue], start: "18:00", end: "20:00", officers: 1}]
      """,
    expected: ["test.yaml:6: events[0].days: an event takes place on exactly one day"]),
  BadInputCase(
    name: "pin on more than one day",
    yaml: """
      \(school)
      officers: [{id: o1, agency: A}]
      pins: [{officer: o1, school: lincoln-es, days: [mon, tue]}]
      """,
    expected: ["test.yaml:7: pins[0].days: a pin names exactly one day"]),
  BadInputCase(
    name: "absence with start but no end",
    yaml: """
      officers: [{id: o1, agency: A}]
      absences: [{officer: o1, day: mon, start: "12:00"}]
      """,
    expected: [
      "test.yaml:6: absences[0].start: give both start and end, or neither for the whole day"
    ]),
  BadInputCase(
    name: "day and days together",
    yaml: """
      \(school)
      closures: [{school: lincoln-es, day: mon, days: [tue]}]
      """,
    expected: ["test.yaml:6: closures[0].day: give either day or days, not both"]),
  BadInputCase(
    name: "missing required fields",
    yaml: """
      schools: [{id: s1}]
      officers: [{agency: A}]
      """,
    expected: [
      "test.yaml:5: schools[0].level: missing required field \"level\"",
      "test.yaml:6: officers[0].id: missing required field \"id\"",
    ]),
  BadInputCase(
    name: "syntax error",
    yaml: "schools: [{id: s1, level: elementary}\nofficers: []",
    expected: ["test.yaml:6: syntax error: did not find expected ',' or ']'"]),
]

@Suite struct BadInputTests {
  @Test(arguments: badInputCases)
  func refusedWithLocatedMessages(_ testCase: BadInputCase) {
    #expect(diagnostics(testCase.yaml, standalone: testCase.standalone) == testCase.expected)
  }

  @Test func missingWeekIsReported() {
    #expect(
      diagnostics("agencies: []", standalone: true) == [
        "test.yaml:1: week: missing required field \"week\""
      ])
  }

  @Test func everyProblemIsReportedNotJustTheFirst() {
    let lines = diagnostics(
      """
      schools: [{id: s1, level: elementary, colour: red}]
      officers: [{id: o1, agency: Z}, {id: o2, agency: A, home: s9}]
      """)
    #expect(lines.count == 3)
  }

  @Test func everyFieldOfAnEntryIsChecked() {
    #expect(
      diagnostics(
        """
        \(school)
        officers: [{id: o1, agency: A, home: lincon-es, maxHoursPerWeek: -8}]
        """) == [
          "test.yaml:6: officers[0].home: unknown school \"lincon-es\"; did you mean \"lincoln-es\"?",
          "test.yaml:6: officers[0].maxHoursPerWeek: must be between 0 and 168, not -8",
        ])
  }

  @Test func aRefusedSchoolDoesNotMakeItsReferencesErrors() {
    #expect(
      diagnostics(
        """
        schools: [{id: s1, level: elementary, location: {lat: 95, lon: 0}}]
        events: [{id: e, school: s1, day: mon, start: "18:00", end: "20:00", officers: 1}]
        """) == ["test.yaml:5: schools[0].location.lat: must be between -90 and 90, not 95"])
  }

  @Test func messagesComeInFileOrder() {
    let lines = diagnostics(
      """
      schools: [{id: s1, level: elementary, colour: red}]
      policy: {maxHoursPerDay: -1}
      """)
    #expect(lines.map { $0.split(separator: ":")[1] } == ["5", "6"])
  }

  @Test func unquotedTimesAndDatesReadAsWritten() throws {
    let scenario = try scenario(
      """
      periods: [{id: arrival, start: 07:30, end: 08:30}]
      """)
    #expect(scenario.periods[0].start.description == "07:30")
    #expect(scenario.week.description == "2024-09-09")
  }
}
