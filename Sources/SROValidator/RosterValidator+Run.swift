import SRORoster
import SROScenario

extension RosterValidator {
  /// One officer taking one block, from an assignment that named both.
  struct Placement: Sendable {
    /// Index into `scenario.officers`.
    var officer: Int
    /// Index into `blocks`.
    var block: Int
  }

  /// The state of one `validate` call.
  struct Run {
    let validator: RosterValidator
    let roster: Roster
    var violations: [String] = []
    /// Assignments naming a known officer and block, each pair once, in roster order.
    var placements: [Placement] = []
    /// Officers placed on each block.
    var assigned: [Int]
    /// Minutes of blocks taken by each officer over the week.
    var minutesByOfficer: [Int]

    init(validator: RosterValidator, roster: Roster) {
      self.validator = validator
      self.roster = roster
      assigned = Array(repeating: 0, count: validator.blocks.count)
      minutesByOfficer = Array(repeating: 0, count: validator.scenario.officers.count)
    }

    var scenario: Scenario { validator.scenario }
    var policy: Policy { validator.scenario.policy }

    /// `officer`'s hours over the week.
    func hours(of officer: Int) -> Double { Double(minutesByOfficer[officer]) / 60 }

    /// `max(0, hours − maxHoursPerWeek)`.
    func overtime(of officer: Int) -> Double {
      max(0, hours(of: officer) - scenario.officers[officer].maxHoursPerWeek)
    }

    // MARK: Header

    /// `scenario` and `week` name this scenario; `objective` and `bound` are numbers.
    mutating func checkHeader() {
      if roster.scenario != scenario.name {
        violations.append("scenario is \"\(roster.scenario)\", expected \"\(scenario.name)\"")
      }
      if roster.week != scenario.week.description {
        violations.append("week is \"\(roster.week)\", expected \"\(scenario.week)\"")
      }
      if !roster.objective.isFinite {
        violations.append("objective is \(roster.objective), not a finite number")
      }
      if !roster.bound.isFinite {
        violations.append("bound is \(roster.bound), not a finite number")
      }
    }
  }

  /// A number for a message: `40`, not `40.0`; `4.5` as is.
  static func format(_ value: Double) -> String {
    if value.isFinite && value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
  }
}

extension RosterValidator.Run {
  /// ``RosterValidator/format(_:)``.
  func format(_ value: Double) -> String { RosterValidator.format(value) }
}
