import LinearModel
import SROScenario

extension CoverageModel {
  /// §4.2 `overlap[officer,day,HH:MM]`, one place at a time: one row per
  /// maximal set of the officer's blocks on `day` that share a moment (at
  /// most one of them), named after the moment.
  mutating func addOverlapRows(
    _ officer: Officer, _ day: Weekday, _ candidates: [(block: Int, variable: Variable)]
  ) {
    let sorted = candidates.sorted { blocks[$0.block].interval.start < blocks[$1.block].interval.start }
    let starts = Array(Set(sorted.map { blocks[$0.block].interval.start })).sorted()
    var previous: [Variable] = []
    var previousStart: TimeOfDay?
    func emit(_ clique: [Variable], at point: TimeOfDay) {
      addRow(LinearExpression.sum(clique) <= 1, .overlap, [officer.id.rawValue, day.code, point.description])
    }
    for (k, point) in starts.enumerated() {
      let clique = sorted.filter {
        let interval = blocks[$0.block].interval
        return interval.start <= point && point < interval.end
      }
      // Emit the previous clique unless it is contained in this one.
      if let previousStart, previous.count >= 2,
        !previous.allSatisfy({ v in clique.contains { $0.variable == v } })
      {
        emit(previous, at: previousStart)
      }
      previous = clique.map(\.variable)
      previousStart = point
      if k == starts.count - 1, previous.count >= 2 {
        emit(previous, at: point)
      }
    }
  }
}
