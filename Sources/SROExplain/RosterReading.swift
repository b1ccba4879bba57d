import SRORoster
import SROScenario

/// A roster read against its scenario's blocks: the blocks each officer
/// takes and how many officers each block has.
struct RosterReading {
  /// The blocks each officer takes, by officer index in the scenario.
  let taken: [[Block]]
  /// Officers assigned, by block key.
  let assigned: [BlockKey: Int]

  /// Reads `roster`, which must be a roster of `scenario`'s week, name only
  /// its officers and match its blocks; a roster of another week is refused
  /// with that one problem, any other with every problem found.
  init(_ roster: Roster, scenario: Scenario, blocks: [Block]) throws(ExplainError) {
    guard roster.week == scenario.week.description else {
      // Every date and most blocks differ too: one line says it all.
      throw ExplainError(problems: [
        "the roster is for the week of \(roster.week), the scenario for the week of \(scenario.week)"
      ])
    }
    var problems: [String] = []
    var byKey: [BlockKey: Block] = [:]
    for block in blocks where byKey[BlockKey(block)] == nil { byKey[BlockKey(block)] = block }
    let officerIndex = Dictionary(
      scenario.officers.enumerated().map { ($1.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
    var taken = [[Block]](repeating: [], count: scenario.officers.count)
    var assigned: [BlockKey: Int] = [:]
    for (i, a) in roster.assignments.enumerated() {
      let key = BlockKey(a)
      guard let o = officerIndex[a.officer] else {
        problems.append("assignments[\(i)]: unknown officer \"\(a.officer)\"")
        continue
      }
      guard let block = byKey[key] else {
        problems.append("assignments[\(i)]: \(key.name) is no block of the scenario")
        continue
      }
      taken[o].append(block)
      assigned[key, default: 0] += 1
    }
    for (i, u) in roster.uncovered.enumerated() where byKey[BlockKey(u)] == nil {
      problems.append("uncovered[\(i)]: \(BlockKey(u).name) is no block of the scenario")
    }
    guard problems.isEmpty else { throw ExplainError(problems: problems) }
    self.taken = taken
    self.assigned = assigned
  }
}

extension BlockKey {
  /// `lincoln-es tue 07:30-08:30`, or `event nh-game at north-high (mon 18:00-21:00)`.
  var name: String {
    event.map { "event \($0) at \(school) (\(day) \(start)-\(end))" } ?? "\(school) \(day) \(start)-\(end)"
  }
}

/// Why a roster cannot be explained against a scenario: it is not a roster
/// of that scenario's week.
public struct ExplainError: Error, Sendable, CustomStringConvertible {
  /// One line per problem.
  public let problems: [String]

  public var description: String { problems.joined(separator: "\n") }
}
