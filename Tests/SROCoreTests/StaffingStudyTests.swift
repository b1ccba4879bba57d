import Foundation
import SROTestSupport
import Testing

@testable import SROFormulation
@testable import SRORoster
@testable import SROScenario
@testable import SROSearch
@testable import SROStaffing

@Suite struct StaffingStudyTests {
  @Test func moreReliefNeverLowersCoverage() throws {
    let study = try study()
    let weeks = try study.run(0..<study.samples, threads: 2)
    #expect(weeks.map(\.sample) == Array(0..<12))
    for week in weeks {
      for (lower, higher) in zip(week.levels, week.levels.dropFirst()) {
        #expect(!lower.fullyCovered || higher.fullyCovered)
        #expect(!lower.priorityCovered || higher.priorityCovered)
        #expect(higher.priorityUncoveredHours <= lower.priorityUncoveredHours)
      }
    }
    // Once a level staffs a week perfectly, the levels above take its roster unsolved.
    var reused = 0
    for week in weeks {
      guard let first = week.levels.firstIndex(where: \.isPerfect) else { continue }
      for outcome in week.levels[(first + 1)...] {
        #expect(outcome.isPerfect && outcome.carried && outcome.seconds == 0)
        reused += 1
      }
    }
    #expect(reused > 0)
    let report = StaffingReport(header: study.header, weeks: weeks)
    let shares = report.levels.map(\.fullyCovered)
    #expect(shares == shares.sorted())
    #expect(report.levels.map(\.priorityCovered) == report.levels.map(\.priorityCovered).sorted())
    #expect(shares.first! < 1)  // the study is not trivial: relief matters
    #expect(shares.last! > shares.first!)
  }

  @Test func aLowerLevelsBetterRosterIsCarriedUp() throws {
    let study = try study(relief: [0, 1])
    var worse = LevelOutcome.empty
    worse.uncoveredHours = 2
    worse.objective = 200
    worse.bound = 150
    var better = LevelOutcome.empty
    better.objective = 160
    let kept = study.best(worse, below: [1], chosen: [better])
    #expect(kept.carried && kept.uncoveredHours == 0 && kept.bound == 150 && !kept.optimal)
    #expect(study.best(better, below: [1], chosen: [worse]) == better)
  }

  @Test func outcomesCountHoursSchoolsAndHighPriority() throws {
    let s = try scenario(studyYAML)
    let roster = Roster(
      scenario: "", week: "", status: .feasible, objective: 10, bound: 5,
      assignments: [
        Roster.Assignment(
          officer: "o1", school: "w1", day: "mon", date: "", start: "07:30", end: "08:30", kind: .coverage,
          event: nil)
      ],
      uncovered: [
        Roster.Uncovered(
          school: "w2", day: "mon", date: "", start: "07:30", end: "08:30", kind: .coverage, event: nil,
          needed: 2, assigned: 0, missing: 2),
        Roster.Uncovered(
          school: "w3", day: "mon", date: "", start: "08:30", end: "12:00", kind: .coverage, event: nil,
          needed: 1, assigned: 0, missing: 1),
      ],
      officers: [Roster.OfficerHours(id: "o1", hours: 41, overtime: 1)])
    let outcome = LevelOutcome(roster: roster, scenario: s, priority: HighPriority(s), seconds: 0)
    #expect(outcome.uncoveredHours == 5.5 && outcome.priorityUncoveredHours == 2)
    #expect(outcome.uncoveredSchools == ["w2", "w3"] && outcome.priorityUncoveredSchools == ["w2"])
    #expect(outcome.overtimeHours == 1 && outcome.crossAgencyHours == 0 && !outcome.optimal)
    #expect(HighPriority(s).periods.map(\.id) == ["arrival"])
  }

  @Test func spreadsAndTheRecommendation() throws {
    let spread = StaffingReport.Spread((1...21).map(Double.init))
    #expect(spread == StaffingReport.Spread(p5: 2, median: 11, p95: 20, mean: 11))
    #expect(StaffingReport.Spread([]) == StaffingReport.Spread(p5: 0, median: 0, p95: 0, mean: 0))
    let study = try study(relief: [0, 1, 2])
    func week(_ sample: Int, covered: [Bool]) -> SampledWeek {
      SampledWeek(
        sample: sample,
        levels: covered.map { ok in
          var outcome = LevelOutcome.empty
          outcome.priorityUncoveredHours = ok ? 0 : 1
          outcome.uncoveredHours = ok ? 0 : 1
          outcome.uncoveredSchools = ok ? [] : ["w2"]
          outcome.priorityUncoveredSchools = ok ? [] : ["w2"]
          return outcome
        })
    }
    // 10 weeks: level 0 covers 5, level 1 covers 9, level 2 all; target 0.9.
    let weeks = (0..<10).map { week($0, covered: [$0 < 5, $0 < 9, true]) }
    let report = StaffingReport(header: study.header, weeks: weeks)
    #expect(report.levels.map(\.priorityCovered) == [0.5, 0.9, 1])
    #expect(report.recommended == 1)
    #expect(
      report.levels[0].agencies == [
        StaffingReport.AgencyShare(agency: "A", fullyCovered: 0.5, priorityCovered: 0.5)
      ])
    #expect(report.levels[0].schools.map(\.uncovered) == [0, 0.5, 0, 0])
    #expect(report.recommendationText.contains("A=1"))
    let json = report.json
    #expect(json.contains("\"recommended\": {\"A\": 1}"))
    #expect(json.contains("{\"relief\": {\"A\": 0}, \"reliefOfficers\": 0, \"fullyCovered\": 0.5"))
    #expect(report.html.contains("<svg") && report.html.contains("<polyline"))
    #expect(report.table.contains("A=1"))
    let none = StaffingReport(
      header: study.header, weeks: (0..<10).map { week($0, covered: [false, false, $0 < 8]) })
    #expect(none.recommended == nil && none.json.contains("\"recommended\": null"))
  }
}

extension StaffingStudyTests {
  @Test func theCurveFollowsTheBestLevelForEachNumberOfOfficers() throws {
    var header = try study(relief: [0, 1]).header
    header.agencies = ["A", "B"]
    header.levels = [[0, 0], [0, 1], [1, 0], [1, 1]]
    // Level [1, 0] covers 3 of 4 weeks, [0, 1] only 1: with one officer, A's is the better.
    let covered = [
      [false, false, true, true], [false, false, true, true], [false, false, false, true],
      [true, true, true, true],
    ]
    let weeks = (0..<4).map { sample in
      SampledWeek(
        sample: sample,
        levels: (0..<4).map { level in
          var outcome = LevelOutcome.empty
          outcome.priorityUncoveredHours = covered[sample][level] ? 0 : 1
          return outcome
        })
    }
    let report = StaffingReport(header: header, weeks: weeks)
    #expect(report.levels.map(\.priorityCovered) == [0.25, 0.25, 0.75, 1])
    #expect(report.frontier.map(\.relief) == [[0, 0], [1, 0], [1, 1]])
    #expect(report.html.contains("A=1 B=0</text>") && !report.html.contains("A=0 B=1</text>"))
  }
}

@Suite struct StudyShardTests {
  @Test func shardsMergeIntoTheUnshardedReport() throws {
    let study = try study(samples: 7, relief: [0, 2])
    let whole = try study.run(0..<7, threads: 2)
    let shards = (0..<3).map { index in
      let slice = StudyShards.slice(samples: 7, shard: index, of: 3)
      return (name: "s\(index)", text: StudyShards.lines(header: study.header, weeks: Array(whole[slice])))
    }
    #expect((0..<3).map { StudyShards.slice(samples: 7, shard: $0, of: 3) } == [0..<2, 2..<4, 4..<7])
    let (header, weeks) = try StudyShards.merge(shards.reversed())
    let merged = StaffingReport(header: header, weeks: weeks)
    let direct = StaffingReport(header: study.header, weeks: whole)
    #expect(merged.json == direct.json && merged.table == direct.table && merged.html == direct.html)
  }

  @Test func badShardsAreRefused() throws {
    let study = try study(samples: 2, relief: [0])
    let lines = StudyShards.lines(
      header: study.header,
      weeks: [SampledWeek(sample: 0, levels: [.empty]), SampledWeek(sample: 1, levels: [.empty])])
    let parts = lines.split(separator: "\n").map(String.init)
    let otherHeader = StudyShards.lines(
      header: try SROCoreTests.study(samples: 2, seed: 9, relief: [0]).header, weeks: [])
    let cases: [([(name: String, text: String)], String)] = [
      ([], "no shard files given"),
      ([("a", "")], "a:1: not a staffing shard"),
      ([("a", "{}\n")], "a:1: not a staffing study header"),
      ([("a", parts[0] + "\n" + parts[1] + "\n")], "1 of 2 sampled weeks missing"),
      ([("a", lines), ("b", parts[0] + "\n" + parts[2] + "\n")], "b:2: sample 1 is also in a:3"),
      ([("a", lines), ("b", otherHeader)], "b:1: not the same study as a (seed differ)"),
      ([("a", parts[0] + "\n{\"sample\": 0}\n")], "a:2: not a sampled week: missing \"levels\""),
      ([("a", parts[0] + "\n{\"sample\": 5, \"levels\": []}\n")], "a:2: sample 5 is outside 0..<2"),
      ([("a", parts[0] + "\n{\"sample\": 0, \"levels\": []}\n")], "a:2: sample 0 has 0 levels, the study 1"),
      ([("a", parts[0] + "\nnot json\n")], "a:2: not a sampled week: not JSON"),
    ]
    for (shards, message) in cases {
      #expect(throws: ShardError.self) { try StudyShards.merge(shards) }
      do {
        _ = try StudyShards.merge(shards)
      } catch {
        #expect(error.description.hasPrefix(message), "\(error.description)")
      }
    }
  }
}
