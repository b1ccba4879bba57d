import LinearModel
import SRORoster
import SROScenario

/// Why a scenario could not be turned into a roster.
public enum PlanningError: Error, Sendable, CustomStringConvertible {
  /// GLPK could not run (a bug, or resources).
  case solver(SolverError)
  /// The planner's pins break a rule; one diagnostic per problem.
  case infeasiblePins([Diagnostic])
  /// The search stopped (time limit) before any roster was found.
  case noRosterFound
  /// GLPK called the model infeasible or unbounded, which the model's
  /// shortage variables rule out: a bug.
  case unexpectedStatus(SolveStatus)

  public var description: String {
    switch self {
    case .solver(let error): return "\(error)"
    case .infeasiblePins(let problems): return problems.map(\.description).joined(separator: "\n")
    case .noRosterFound: return "no roster found before the time limit; allow more time"
    case .unexpectedStatus(let status):
      return "the solver reported the model \(status.rawValue), which should be impossible"
    }
  }
}
