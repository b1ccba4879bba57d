import LinearModel
import SROScenario

extension CoverageModel {
  /// §4.1 `cover[block]`: `Σ_o x[o,b] + short[b] = needed(b)`, one row per
  /// block. As `short ≥ 0`, a block never gets more officers than it needs.
  mutating func addCoverRows(_ columns: Columns) {
    for (b, block) in blocks.enumerated() {
      addRow(
        LinearExpression.sum(columns.byBlock[b]) + shortages[b] == Double(block.needed), .cover,
        block.label)
    }
  }
}
