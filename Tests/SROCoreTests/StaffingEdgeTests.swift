import Foundation
import SROTestSupport
import Testing

@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch
@testable import SROStaffing

/// Under `penalize` a1 (agency A, officer o1) and b1 (agency B, nobody)
/// are one part; nobody is ever away. B's relief officer covers b1 at
/// home; A's covers it only across agencies.
private let twoAgencyStudyYAML = """
  policy: {crossAgency: penalize}
  schools:
    - {id: a1, level: elementary, coverage: [{days: [mon], start: "08:00", end: "12:00", officers: 1}]}
    - {id: b1, level: high, coverage: [{days: [mon], start: "08:00", end: "12:00", officers: 1}]}
  officers:
    - {id: o1, agency: A, home: a1}
  staffing:
    absences:
      - {wholeDay: 0, partDay: 0}
  """

@Suite struct StaffingEdgeTests {
  @Test func aLevelNeverBorrowsTheRosterOfALevelWithMoreReliefOfAnAgency() throws {
    let study = StaffingStudy(
      scenario: try scenario(twoAgencyStudyYAML), seed: 1, samples: 1,
      relief: [(AgencyID("A"), [0, 1]), (AgencyID("B"), [0, 1])], timeLimit: .seconds(20), target: 0.9)
    #expect(study.levels == [[0, 0], [0, 1], [1, 0], [1, 1]])
    let week = try study.week(0)
    // [0, 1] staffs the week perfectly; [1, 0] comes after it but has no B
    // relief, so b1 is covered across agencies (4 h), by its own roster.
    #expect(week.levels.map(\.uncoveredHours) == [4, 0, 0, 0])
    #expect(week.levels.map(\.crossAgencyHours) == [0, 0, 4, 0])
    #expect(week.levels.map(\.carried) == [false, false, false, true])
  }

  @Test func reliefCountsAreTriedOnceEachInOrder() throws {
    let study = StaffingStudy(
      scenario: try scenario(studyYAML), seed: 1, samples: 1, relief: [(AgencyID("A"), [2, 0, 2, 1])],
      timeLimit: .seconds(1), target: 0.9)
    #expect(study.levels == [[0], [1], [2]])
  }

  @Test func aPerfectWeekHasNoOvertimeAndNoCrossAgencyHour() {
    var overtime = LevelOutcome.empty
    overtime.overtimeHours = 1
    var cross = LevelOutcome.empty
    cross.crossAgencyHours = 1
    #expect(LevelOutcome.empty.isPerfect && !overtime.isPerfect && !cross.isPerfect)
  }

  @Test func highPriorityComesFirstWhenComparingRosters() {
    var fewerAtPriority = LevelOutcome.empty
    fewerAtPriority.uncoveredHours = 5
    var fewerInAll = LevelOutcome.empty
    fewerInAll.uncoveredHours = 1
    fewerInAll.priorityUncoveredHours = 1
    #expect(fewerAtPriority.isBetter(than: fewerInAll) && !fewerInAll.isBetter(than: fewerAtPriority))
  }

  @Test func withoutAPriorityPeriodEveryCoverageBlockCountsButNoEvent() throws {
    let flat = try scenario(
      studyYAML.replacingOccurrences(of: "priority: 3}", with: "priority: 1}"))
    let priority = HighPriority(flat)
    #expect(priority.periods.isEmpty)
    func entry(_ start: String, _ end: String, event: String? = nil) -> Roster.Uncovered {
      Roster.Uncovered(
        school: "w1", day: "mon", date: "", start: start, end: end, kind: event == nil ? .coverage : .event,
        event: event, needed: 1, assigned: 0, missing: 1)
    }
    #expect(priority.contains(entry("13:00", "14:00")))
    #expect(!priority.contains(entry("07:30", "08:30", event: "game")))
    #expect(!HighPriority(try scenario(studyYAML)).contains(entry("07:30", "08:30", event: "game")))
  }

  @Test func spreadsInterpolateBetweenRanks() {
    #expect(StaffingReport.Spread([10, 0]) == StaffingReport.Spread(p5: 0.5, median: 5, p95: 9.5, mean: 5))
  }

  @Test func sharesTellAnyGapFromAHighPriorityGap() throws {
    let study = try study(samples: 2, relief: [0])
    var low = LevelOutcome.empty
    low.uncoveredHours = 3.5
    low.uncoveredSchools = ["w3"]
    let report = StaffingReport(
      header: study.header,
      weeks: [SampledWeek(sample: 0, levels: [low]), SampledWeek(sample: 1, levels: [.empty])])
    let level = try #require(report.levels.first)
    #expect(
      level.agencies == [StaffingReport.AgencyShare(agency: "A", fullyCovered: 0.5, priorityCovered: 1)])
    #expect(level.schools.map(\.uncovered) == [0, 0, 0.5, 0])
    #expect(level.schools.map(\.priorityUncovered) == [0, 0, 0, 0])
  }

  @Test func ofTwoLevelsWithAsManyOfficersTheBetterCoveredIsRecommended() throws {
    var header = try study(relief: [0, 1]).header
    header.agencies = ["A", "B"]
    header.levels = [[0, 0], [0, 1], [1, 0], [1, 1]]
    header.target = 0.5
    // Of 4 weeks, [0, 1] covers 2 and [1, 0] covers 3: both reach the target.
    let covered = [[false, true, true, true], [false, true, true, true], [false, false, true, true]]
    let weeks = (0..<4).map { sample in
      SampledWeek(
        sample: sample,
        levels: (0..<4).map { level in
          var outcome = LevelOutcome.empty
          outcome.priorityUncoveredHours = sample < 3 && covered[sample][level] ? 0 : 1
          return outcome
        })
    }
    let report = StaffingReport(header: header, weeks: weeks)
    #expect(report.levels.map(\.priorityCovered) == [0, 0.5, 0.75, 0.75])
    #expect(report.recommended == 2)
  }

  @Test func shardLinesOutOfPlaceAreRefused() throws {
    let study = try study(samples: 2, relief: [0])
    func shard(_ weeks: [SampledWeek]) -> String { StudyShards.lines(header: study.header, weeks: weeks) }
    let cases: [(String, String)] = [
      ("\n" + shard([SampledWeek(sample: 0, levels: [.empty])]), "a:1: not a staffing shard"),
      (shard([SampledWeek(sample: 2, levels: [.empty])]), "a:2: sample 2 is outside 0..<2"),
      (shard([SampledWeek(sample: 0, levels: [.empty, .empty])]), "a:2: sample 0 has 2 levels, the study 1"),
    ]
    for (text, message) in cases {
      #expect(throws: ShardError.self) { try StudyShards.merge([("a", text)]) }
      do {
        _ = try StudyShards.merge([("a", text)])
      } catch {
        #expect(error.description.hasPrefix(message), "\(error.description)")
      }
    }
  }

  @Test func namesAreWrittenAsGivenInTheHTML() throws {
    var header = try study(relief: [0]).header
    header.scenario = "Lewis &amp; Clark <b>district</b> \"x\"><script>"
    header.schools[2].name = "AT&T; Arena"
    var low = LevelOutcome.empty
    low.uncoveredHours = 1
    low.uncoveredSchools = [header.schools[2].id]
    let html = StaffingReport(header: header, weeks: [SampledWeek(sample: 0, levels: [low])]).html
    let name = "Staffing study: Lewis &amp;amp; Clark &lt;b&gt;district&lt;/b&gt; \"x\"&gt;&lt;script&gt;"
    #expect(html.contains("<title>\(name)</title>") && html.contains("<h1>\(name)</h1>"))
    // The name is text only: in no attribute, never a tag.
    #expect(!html.contains("content=") && !html.contains("<script") && !html.contains("<b>"))
    #expect(html.contains("<td>AT&amp;T; Arena</td>"))
  }
}
