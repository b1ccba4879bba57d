import Foundation
import SROBench
import Testing

/// A run with a valid roster (or none when `objective` is nil).
private func run(_ objective: Double?, bound: Double? = nil, seconds: Double = 1, proven: Bool = false)
  -> SolverRun
{
  SolverRun(
    status: objective == nil ? "none" : (proven ? "optimal" : "feasible"), objective: objective,
    bound: proven ? objective : bound, seconds: seconds, violations: objective == nil ? nil : 0)
}

private func suiteCase(_ name: String, sro: (SolverRun, SolverRun), highs: (SolverRun, SolverRun))
  -> SuiteCase
{
  SuiteCase(
    name: name, schools: 24, officers: 25, binaries: 1000, sroQuick: sro.0, sroLimit: sro.1,
    highsQuick: highs.0, highsLimit: highs.1)
}

@Suite struct DistributionTests {
  @Test func medianOfOddAndEvenCounts() {
    #expect(Distribution.median([3]) == 3)
    #expect(Distribution.median([1, 2, 10]) == 2)
    #expect(Distribution.median([1, 2, 4, 10]) == 3)
    #expect(Distribution.median([]) == nil)
  }

  @Test func p90IsTheNearestRank() {
    let ten = (1...10).map(Double.init)
    #expect(Distribution.percentile(ten, 0.9) == 9)
    #expect(Distribution.percentile((1...20).map(Double.init), 0.9) == 18)
    #expect(Distribution.percentile([0.5, 7], 0.9) == 7)
    #expect(Distribution.percentile([4], 0.9) == 4)
    #expect(Distribution.percentile([], 0.9) == nil)
  }

  @Test func missingValuesCountAsLargest() {
    let d = Distribution([0.4, nil, 0.2, 0.1, nil])
    #expect(d.count == 5)
    #expect(d.present == 3)
    #expect(d.median == 0.4)
    #expect(d.p90 == nil)
    #expect(d.max == nil)
    let all = Distribution([2, 1, 3])
    #expect(all.median == 2 && all.p90 == 3 && all.max == 3)
  }
}

@Suite struct VersusTests {
  @Test func lowerObjectiveIsBetterAndTiesAreRelative() {
    #expect(Versus.order(1, 2) == .better)
    #expect(Versus.order(2, 1) == .worse)
    #expect(Versus.order(1000, 1000 + 1e-7) == .equal)
    #expect(Versus.order(1000, 1000.01) == .better)
    #expect(Versus.order(5, nil) == .better)
    #expect(Versus.order(nil, 5) == .worse)
    #expect(Versus.order(nil, nil) == .equal)
  }

  @Test func anInvalidRosterCountsAsNone() {
    let invalid = SolverRun(status: "feasible", objective: 1, bound: nil, seconds: 1, violations: 2)
    let versus = Versus([(invalid, run(5)), (run(5), run(5)), (run(4), run(5)), (run(6), run(5))])
    #expect(
      versus
        == {
          var v = Versus(); v.better = 1; v.equal = 1; v.worse = 2; return v
        }())
  }
}

@Suite struct SuiteStatisticsTests {
  let cases = [
    // sro proves in 0.5 s; HiGHS proves in 3 s, with a worse quick roster.
    suiteCase(
      "a", sro: (run(100, proven: true), run(100, seconds: 0.5, proven: true)),
      highs: (run(110, bound: 90), run(100, seconds: 3, proven: true))),
    // Neither proves; HiGHS's roster is better at the limit, sro's within 1 % at 2 s.
    suiteCase(
      "b", sro: (run(201, bound: 150), run(201, bound: 180, seconds: 20)),
      highs: (run(nil), run(200, bound: 195, seconds: 20))),
    // sro proves in 12 s; HiGHS in 1 s.
    suiteCase(
      "c", sro: (run(60, bound: 40), run(50, seconds: 12, proven: true)),
      highs: (run(50, proven: true), run(50, seconds: 1, proven: true))),
  ]

  @Test func casesKnowTheirBestAndTheirGaps() throws {
    let b = cases[1]
    #expect(b.bestKnown == 200)
    #expect(b.bestBound == 195)
    #expect(try #require(b.gapToBest(b.sroQuick)) == 0.005)
    #expect(b.gapToBest(b.highsQuick) == nil)
    #expect(!b.contradicts)
    #expect(try #require(b.sroLimit.ownGap) == 21.0 / 201)
    var wrong = b
    wrong.highsLimit = run(200, bound: 205, seconds: 20)
    #expect(wrong.contradicts)
  }

  @Test func countsProofsGapsAndHeadToHead() throws {
    let s = SuiteStatistics(cases)
    #expect(s.cases == 3)
    #expect(s.sro.proven == 2)
    #expect(s.sro.timeToProof.median == 12)
    #expect(s.sro.timeToProof.max == nil)
    let highs = try #require(s.highs)
    #expect(highs.proven == 2)
    #expect(highs.timeToProof.median == 3)
    #expect(s.sro.withinOnePercentQuick == 2)
    #expect(highs.withinOnePercentQuick == 1)
    #expect(s.sro.gapToBestQuick.max == 0.2)
    #expect(
      s.versusQuick
        == {
          var v = Versus(); v.better = 2; v.worse = 1; return v
        }())
    #expect(
      s.versusLimit
        == {
          var v = Versus(); v.equal = 2; v.worse = 1; return v
        }())
    #expect(s.sro.rostersChecked == 6 && s.sro.rostersInvalid == 0)
    #expect(highs.rostersChecked == 5)
    #expect(s.contradictions == 0)
  }

  @Test func reportRendersAndRoundTrips() throws {
    let report = SuiteReport(suite: "weeks", machine: "test", timeLimit: 20, quickLimit: 2, cases: cases)
    let table = report.table()
    let proofs = try #require(
      table.split(separator: "\n").first { $0.hasPrefix("proven optimal within 20 s") })
    #expect(proofs.split(separator: " ").suffix(6) == ["2", "of", "3", "2", "of", "3"])
    #expect(table.contains("100*"))
    let decoded = try JSONDecoder().decode(SuiteReport.self, from: Data(try report.json().utf8))
    #expect(decoded.statistics == report.statistics)
    #expect(decoded.cases.map(\.name) == ["a", "b", "c"])
  }
}
