import Foundation
import SROScenario

extension Roster {
  /// How good the roster is, in plain words: optimal, or how far at most
  /// it is from the best possible roster of the week (its ``bound``).
  public var quality: String {
    if status == .optimal { return "optimal: no roster of this week costs less" }
    let gap = objective - bound
    guard bound > 0 || gap <= 1e-9 else {
      return "not proven optimal, and no bound was proven yet to measure it against"
    }
    guard gap > 1e-9 else { return "optimal: no roster of this week costs less" }
    return "within \(Self.percent(gap / objective)) of the best possible (at most "
      + "\(jsonNumber(roundToMicro(gap))) above it); not proven optimal"
  }

  /// A share as a percentage: one decimal from 1%, two below, and
  /// "under 0.01%" for less, so a gap never reads as 0%.
  private static func percent(_ share: Double) -> String {
    let value = share * 100
    if value >= 1 { return String(format: "%.1f%%", value) }
    if value >= 0.01 { return String(format: "%.2f%%", value) }
    return "under 0.01%"
  }
}
