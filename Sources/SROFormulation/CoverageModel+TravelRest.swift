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
  /// of the next day that ``Rules/restConflict(_:_:)`` rules out. In the
  /// tight formulation, blocks of `day` that rule out the same group and
  /// share a moment (two late games, say) join one row, named after the
  /// first of them: never both taken, they and the group are a clique.
  mutating func addRestRows(
    _ officer: Officer, _ day: Weekday, _ today: [(block: Int, variable: Variable)],
    _ tomorrow: [(block: Int, variable: Variable)]
  ) {
    let instance = self.instance
    addConflictRows(.rest, officer, from: today, to: tomorrow, joiningFirstBlocks: true) {
      instance.rules.restConflict(lateEnd: instance.ends[$0], earlyStart: instance.starts[$1])
    }
  }

  /// For each block `b` of `from`, the blocks of `to` that `conflict(b, ·)`
  /// rules out: in the tight formulation split into groups that share a
  /// moment (so at most one of each group is taken), one row
  /// `x_b + Σ group ≤ 1` per group; in the plain one a row per pair. With
  /// `joiningFirstBlocks` (tight formulation only), the blocks `b` of one
  /// group are cut into runs that share a moment, and each run makes one
  /// row `Σ run + Σ group ≤ 1`, named after the run's first block.
  private mutating func addConflictRows(
    _ family: ConstraintFamily, _ officer: Officer,
    from: [(block: Int, variable: Variable)], to: [(block: Int, variable: Variable)],
    joiningFirstBlocks: Bool = false, conflict: (Int, Int) -> Bool
  ) {
    func ruledOutGroups(_ first: Int) -> [[(block: Int, variable: Variable)]] {
      let ruledOut = to.filter { conflict(first, $0.block) }
        .sorted { blocks[$0.block].interval.start < blocks[$1.block].interval.start }
      return formulation.rows == .plain ? ruledOut.map { [$0] } : overlappingGroups(ruledOut)
    }
    guard joiningFirstBlocks, formulation.rows == .tight else {
      for first in from {
        for group in ruledOutGroups(first.block) {
          addConflictRow(family, officer, LinearExpression(first.variable), namedAfter: first.block, group)
        }
      }
      return
    }
    var firstsByGroup:
      [(key: [Int], group: [(block: Int, variable: Variable)], firsts: [(block: Int, variable: Variable)])] =
        []
    for first in from {
      for group in ruledOutGroups(first.block) {
        let key = group.map(\.block)
        if let k = firstsByGroup.firstIndex(where: { $0.key == key }) {
          firstsByGroup[k].firsts.append(first)
        } else {
          firstsByGroup.append((key, group, [first]))
        }
      }
    }
    for (_, group, firsts) in firstsByGroup {
      let sorted = firsts.sorted { blocks[$0.block].interval.start < blocks[$1.block].interval.start }
      for run in overlappingGroups(sorted) {
        addConflictRow(family, officer, .sum(run.map(\.variable)), namedAfter: run[0].block, group)
      }
    }
  }

  /// `firsts + Σ group ≤ 1`, named after the officer, `block` and the
  /// group's day and first start.
  private mutating func addConflictRow(
    _ family: ConstraintFamily, _ officer: Officer, _ firsts: LinearExpression, namedAfter block: Int,
    _ group: [(block: Int, variable: Variable)]
  ) {
    let second = blocks[group[0].block]
    addRow(
      firsts + LinearExpression.sum(group.map(\.variable)) <= 1, family,
      [officer.id.rawValue] + blocks[block].label + [second.day.code, second.interval.start.description])
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
