import LinearModel
import SROScenario

extension CoverageModel {
  /// §4.3 `travel[officer,block,DAY,HH:MM]`: a block of `day` and the later
  /// blocks of the same day that ``Instance/travelConflict(_:_:)`` rules
  /// out for lack of driving time.
  mutating func addTravelRows(
    _ officer: Officer, _ day: Weekday, _ today: [(block: Int, variable: Variable)]
  ) {
    let instance = self.instance
    addConflictRows(.travel, officer, from: today, to: today) { instance.travelConflict($0, $1) }
  }

  /// §4.5 `rest[officer,block,DAY,HH:MM]`: a block of `day` and the blocks
  /// of the next day that ``Rules/restConflict(_:_:)`` rules out.
  mutating func addRestRows(
    _ officer: Officer, _ day: Weekday, _ today: [(block: Int, variable: Variable)],
    _ tomorrow: [(block: Int, variable: Variable)]
  ) {
    let instance = self.instance
    addConflictRows(.rest, officer, from: today, to: tomorrow) {
      instance.rules.restConflict(lateEnd: instance.ends[$0], earlyStart: instance.starts[$1])
    }
  }

  /// For each block `b` of `from`, the blocks of `to` that `conflict(b, ·)`
  /// rules out: in the tight formulation split into groups that share a
  /// moment (so at most one of each group is taken), one row
  /// `x_b + Σ group ≤ 1` per group; in the plain one a row per pair.
  private mutating func addConflictRows(
    _ family: ConstraintFamily, _ officer: Officer,
    from: [(block: Int, variable: Variable)], to: [(block: Int, variable: Variable)],
    conflict: (Int, Int) -> Bool
  ) {
    for first in from {
      let ruledOut = to.filter { conflict(first.block, $0.block) }
        .sorted { blocks[$0.block].interval.start < blocks[$1.block].interval.start }
      for group in formulation.rows == .plain ? ruledOut.map({ [$0] }) : overlappingGroups(ruledOut) {
        let second = blocks[group[0].block]
        addRow(
          LinearExpression(first.variable) + LinearExpression.sum(group.map(\.variable)) <= 1, family,
          [officer.id.rawValue] + blocks[first.block].label + [
            second.day.code, second.interval.start.description,
          ])
      }
    }
  }

  /// `sorted` (by start) cut into runs of blocks that all share a moment.
  func overlappingGroups(_ sorted: [(block: Int, variable: Variable)])
    -> [[(block: Int, variable: Variable)]]
  {
    var groups: [[(block: Int, variable: Variable)]] = []
    var groupEnd = TimeOfDay(minutes: 0)
    for candidate in sorted {
      let interval = blocks[candidate.block].interval
      if !groups.isEmpty, interval.start < groupEnd {
        groups[groups.count - 1].append(candidate)
        groupEnd = min(groupEnd, interval.end)
      } else {
        groups.append([candidate])
        groupEnd = interval.end
      }
    }
    return groups
  }
}
