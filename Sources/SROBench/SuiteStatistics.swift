/// Median, 90th percentile and largest of a list of values. A missing value
/// (a run without a proof, or without a roster) counts as larger than every
/// present one, so the figures say how the suite went, not only its good part.
public struct Distribution: Codable, Sendable, Equatable {
  /// How many values, missing ones included.
  public var count: Int
  /// How many were present.
  public var present: Int
  /// `nil` when it falls on a missing value.
  public var median: Double?
  public var p90: Double?
  public var max: Double?

  /// The distribution of `values`; `nil` entries are missing.
  public init(_ values: [Double?]) {
    let sorted = values.map { $0 ?? .infinity }.sorted()
    count = sorted.count
    present = values.compactMap { $0 }.count
    func finite(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 : nil } }
    median = finite(Self.median(sorted))
    p90 = finite(Self.percentile(sorted, 0.9))
    max = finite(sorted.last)
  }

  /// The median of ascending `sorted`: the middle value, or the mean of the
  /// two middle ones; `nil` when empty.
  public static func median(_ sorted: [Double]) -> Double? {
    guard !sorted.isEmpty else { return nil }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// The nearest-rank percentile of ascending `sorted`: the smallest value
  /// with at least the fraction `p` of the values at or below it; `nil` when empty.
  public static func percentile(_ sorted: [Double], _ p: Double) -> Double? {
    guard !sorted.isEmpty else { return nil }
    let rank = Int((p * Double(sorted.count)).rounded(.up))
    return sorted[Swift.max(0, Swift.min(sorted.count, rank) - 1)]
  }
}

/// How often one solver's roster beat, tied or lost to the other's.
public struct Versus: Codable, Sendable, Equatable {
  public var better = 0
  public var equal = 0
  public var worse = 0

  /// No cases counted yet.
  public init() {}

  /// Counts the cases of `pairs` (ours, theirs): the lower valid objective is
  /// better; equal within 1e-6 relative (or neither has a roster); a roster
  /// beats none.
  public init(_ pairs: [(SolverRun?, SolverRun?)]) {
    for (ours, theirs) in pairs {
      switch Self.order(ours?.validObjective, theirs?.validObjective) {
      case .better: better += 1
      case .equal: equal += 1
      case .worse: worse += 1
      }
    }
  }

  /// The outcome of one comparison.
  public enum Outcome: Sendable { case better, equal, worse }

  /// Whether `ours` is better than, equal to or worse than `theirs` (`nil`: no roster).
  public static func order(_ ours: Double?, _ theirs: Double?) -> Outcome {
    switch (ours, theirs) {
    case (nil, nil): return .equal
    case (_?, nil): return .better
    case (nil, _?): return .worse
    case (let a?, let b?):
      if abs(a - b) <= 1e-6 * Swift.max(1, abs(b)) { return .equal }
      return a < b ? .better : .worse
    }
  }
}
