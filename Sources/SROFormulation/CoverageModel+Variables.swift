import LinearModel
import SROScenario

extension CoverageModel {
  /// The variables of spec §4: `x[officer,block]` for every eligible pair
  /// (pinned pairs with lower bound 1; of a restricted instance only the
  /// pairs it allows, and pinned and published pairs), then `short[block]`,
  /// then `ot[officer]`.
  mutating func addVariables(pinned: Set<PinCheck.Pair>) -> Columns {
    var columns = Columns(byBlock: [[Variable]](repeating: [], count: blocks.count))
    for (o, officer) in scenario.officers.enumerated() {
      var mine: [(block: Int, variable: Variable)] = []
      for b in instance.eligible[o] {
        let pair = PinCheck.Pair(officer: o, block: b)
        let isPinned = pinned.contains(pair)
        if !isPinned, !instance.allows(officer: o, block: b),
          publishedMatch?.contains(officer: officer.id, block: b) != true
        {
          continue
        }
        let x = model.addVariable(
          Name("x", index: [officer.id.rawValue] + blocks[b].label), kind: .binary,
          lowerBound: isPinned ? 1 : 0)
        assignments.append(Assignment(officer: o, block: b, variable: x))
        mine.append((b, x))
        columns.byBlock[b].append(x)
      }
      columns.byOfficer.append(mine)
    }
    for block in blocks {
      shortages.append(
        model.addVariable(Name("short", index: block.label), kind: .integer, upperBound: Double(block.needed))
      )
    }
    for (o, officer) in scenario.officers.enumerated() {
      let step = Instance.overtimeStep(
        officer: officer, blocks: columns.byOfficer[o].map { blocks[$0.block] })
      if let step {
        overtime.append(
          model.addVariable(
            Name("ot", officer.id.rawValue), kind: .integer,
            upperBound: (officer.maxOvertimePerWeek / step + 1e-9).rounded(.down)))
      } else {
        overtime.append(
          model.addVariable(Name("ot", officer.id.rawValue), upperBound: officer.maxOvertimePerWeek))
      }
      overtimeStep.append(step ?? 1)
    }
    return columns
  }
}
