/// One solver's figures over a suite.
public struct SolverSummary: Codable, Sendable, Equatable {
  /// Cases proven optimal within the limit.
  public var proven: Int
  /// Seconds to a proof; unproven cases are missing (beyond the limit).
  public var timeToProof: Distribution
  /// Gap to the best known objective at the quick limit and at the limit.
  public var gapToBestQuick: Distribution
  public var gapToBestLimit: Distribution
  /// Gap to the solver's own bound at the quick limit and at the limit.
  public var ownGapQuick: Distribution
  public var ownGapLimit: Distribution
  /// Cases whose quick roster is within 1 % of the best known.
  public var withinOnePercentQuick: Int
  /// Rosters checked by the validator, and how many broke a rule.
  public var rostersChecked: Int
  public var rostersInvalid: Int

  /// The summary of `quick` and `limit`, one pair per case.
  init(_ cases: [SuiteCase], quick: (SuiteCase) -> SolverRun?, limit: (SuiteCase) -> SolverRun?) {
    let proofs = cases.map { c in limit(c).flatMap { $0.proven ? $0.seconds : nil } }
    proven = proofs.compactMap { $0 }.count
    timeToProof = Distribution(proofs)
    let quickGaps = cases.map { $0.gapToBest(quick($0)) }
    gapToBestQuick = Distribution(quickGaps)
    gapToBestLimit = Distribution(cases.map { $0.gapToBest(limit($0)) })
    ownGapQuick = Distribution(cases.map { quick($0)?.ownGap })
    ownGapLimit = Distribution(cases.map { limit($0)?.ownGap })
    withinOnePercentQuick = quickGaps.filter { ($0 ?? .infinity) <= 0.01 + 1e-12 }.count
    let checked = cases.flatMap { [quick($0), limit($0)] }.compactMap { $0?.violations }
    rostersChecked = checked.count
    rostersInvalid = checked.filter { $0 > 0 }.count
  }
}

/// The distribution over a suite: each solver's figures and the head-to-head counts.
public struct SuiteStatistics: Codable, Sendable, Equatable {
  public var cases: Int
  public var sro: SolverSummary
  /// `nil` when HiGHS was skipped.
  public var highs: SolverSummary?
  /// sro's roster against HiGHS's at the quick limit and at the limit.
  public var versusQuick: Versus?
  public var versusLimit: Versus?
  /// Cases where a valid roster lies below a proven bound (a solver is wrong).
  public var contradictions: Int

  /// The statistics of `cases`.
  public init(_ cases: [SuiteCase]) {
    self.cases = cases.count
    sro = SolverSummary(cases, quick: { $0.sroQuick }, limit: { $0.sroLimit })
    let withHiGHS = cases.contains { $0.highsLimit != nil }
    highs = withHiGHS ? SolverSummary(cases, quick: { $0.highsQuick }, limit: { $0.highsLimit }) : nil
    versusQuick = withHiGHS ? Versus(cases.map { ($0.sroQuick, $0.highsQuick) }) : nil
    versusLimit = withHiGHS ? Versus(cases.map { ($0.sroLimit, $0.highsLimit) }) : nil
    contradictions = cases.filter(\.contradicts).count
  }
}
