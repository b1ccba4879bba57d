import GLPKSolver
import LinearModel

/// What the stages of one part's search (``PartSearch``, ``SearchStage``) share and improve:
/// the best solution so far, the best proven bound, the deadline and the
/// log. A stage reads the state, may replace the best solution by a better
/// one and may raise the bound; it never lowers either.
struct SearchState {
  let clock = ContinuousClock()
  let began: ContinuousClock.Instant
  /// When the time limit ends the search; `nil` without a limit.
  let deadline: ContinuousClock.Instant?
  /// Where stage lines go.
  let log: SolverLog
  /// The objective's grid step (every objective column is integer), if any.
  let step: Double?
  /// The objective's constant term.
  let constant: Double
  /// Ends the search early once raised.
  let stop: StopRequest?
  /// Where improvements of ``best`` and ``bound`` are reported.
  let progress: PartProgress?
  /// The best solution found so far.
  var best: Solution? { didSet { progress?.report(objective: best?.objective, bound: nil) } }
  /// The best proven lower bound on the part's optimum, as proven (see
  /// ``reportedBound`` for what is reported).
  var bound: Double { didSet { progress?.report(objective: nil, bound: reportedBound) } }
  /// A feasible roster built without the solver (``GreedyStart``): what
  /// the search returns if nothing better is found in time.
  var fallback: Solution? { didSet { progress?.report(objective: fallback?.objective, bound: nil) } }
  /// The greedy roster's values before its twins were ranked
  /// (``GreedyRoster/lpStart``): the vertex the LP relaxation starts from,
  /// until it has (``RelaxationStage`` lets it go).
  var lpStart: [Double]?
  /// The LP relaxation (``RelaxationStage``): the values the rounding
  /// stages start from.
  var relaxation: Relaxation?
  /// The LP relaxation's optimal basis: where the LPs of later stages on
  /// the same model start (not the search around the pattern master's
  /// optimum, which that basis does not fit: GLPK builds its own).
  var basis: LPBasis?
  /// The pattern bound's last master LP optimum, until a ``RoundingStage``
  /// has searched around it (or found it no better than the best roster).
  var patternPoint: PatternPoint?
  /// Whether the pattern bound has been priced (it is priced once).
  var pricedWeeks = false

  /// A state for a search of `model`, its objective's grid taken from
  /// `model` itself (``LinearModel/Model/integralObjectiveScale``).
  init(
    model: Model, timeLimit: Duration?, log: SolverLog, knownBound: Double?, stop: StopRequest? = nil,
    progress: PartProgress? = nil
  ) {
    self.init(
      model: model, objectiveScale: model.integralObjectiveScale, timeLimit: timeLimit, log: log,
      knownBound: knownBound, stop: stop, progress: progress)
  }

  /// A state for a search of `model` whose bounds are rounded on the grid
  /// of `objectiveScale` (`nil` for none): the full problem's, where
  /// `model` is restricted (``SROFormulation/CoverageModel/fullObjectiveScale``).
  init(
    model: Model, objectiveScale: Double?, timeLimit: Duration?, log: SolverLog, knownBound: Double?,
    stop: StopRequest? = nil, progress: PartProgress? = nil
  ) {
    let now = clock.now
    began = now
    deadline = timeLimit.map { now + $0 }
    self.log = log
    self.stop = stop
    self.progress = progress
    step = objectiveScale.map { 1 / $0 }
    constant = model.objective.constant
    bound = knownBound ?? 0
    progress?.report(objective: nil, bound: reportedBound)
  }

  /// What is left of the time limit (at least 50 ms), or `nil` without one.
  func remaining() -> Duration? { deadline.map { max(.milliseconds(50), $0 - clock.now) } }

  /// Whether the search must end now: the stop request is raised or the
  /// time limit has passed.
  var isOver: Bool {
    (stop?.isRaised ?? false) || deadline.map { clock.now >= $0 } ?? false
  }

  /// Half a step of the objective under the best roster: a value below it
  /// is a better roster's (`nil` without a roster).
  var underBest: Double? { best?.objective.map { $0 - (step ?? 1e-6) / 2 } }

  /// The most a better roster than the best can cost: a step under it on
  /// the objective's grid (with a thousandth of a step's margin for
  /// rounding), else ``underBest`` (`nil` without a roster).
  var nextBetter: Double? {
    guard step != nil else { return underBest }
    return best?.objective.map(boundProving)
  }

  /// A bound that proves a roster of `objective` optimal (``proven(_:)``):
  /// a step under it on the objective's grid, with a thousandth of a
  /// step's margin for rounding (the least such bound); without a grid,
  /// `objective` itself (``proven(_:)`` also takes a bound a millionth
  /// under it).
  func boundProving(_ objective: Double) -> Double { Self.boundProving(objective, step: step) }

  /// ``boundProving(_:)`` on the grid of `step` (`nil` for none).
  static func boundProving(_ objective: Double, step: Double?) -> Double {
    guard let step else { return objective }
    return objective - step + step / 1000
  }

  /// Whether the best roster is more than twice the bound (and a step):
  /// a bound that branch-and-cut rarely closes within a time limit.
  var boundLooksWeak: Bool {
    guard let objective = best?.objective else { return false }
    return objective > 2 * bound + (step ?? 0)
  }

  /// Whether `value` is below ``underBest`` (any value, without a roster).
  func isBelowBest(_ value: Double) -> Bool { value < underBest ?? .infinity }

  /// The least objective value a roster can have at or above `bound`.
  func attainable(_ bound: Double) -> Double { Self.attainable(bound, step: step, constant: constant) }

  /// The least value at or above `bound` on the grid of `step` through
  /// `constant`, or a hair above `bound` without a grid.
  static func attainable(_ bound: Double, step: Double?, constant: Double) -> Double {
    guard let step else { return bound + 1e-6 * max(1, abs(bound)) }
    return constant + ((bound - constant) / step - 1e-6).rounded(.up) * step
  }

  /// ``bound`` as reported (``reported(_:step:constant:)``).
  var reportedBound: Double { Self.reported(bound, step: step, constant: constant) }

  /// `bound` raised to the objective's grid (``attainable(_:step:constant:)``),
  /// when it has one: as valid, since no roster lies between the two, and
  /// what the progress line, the stderr note and the roster's JSON show
  /// (`1241.75`, not `1241.541667`).
  static func reported(_ bound: Double, step: Double?, constant: Double) -> Double {
    step == nil ? bound : attainable(bound, step: step, constant: constant)
  }

  /// One line on the search's stages to the log, when one is kept.
  func note(_ what: @autoclosure () -> String) {
    if case .lines(let sink) = log { sink("sro: \(clock.now - began): \(what())") }
  }

  /// `solution` proven optimal when no objective value lies between it and
  /// the bound; `nil` otherwise.
  func proven(_ solution: Solution?) -> Solution? {
    guard let solution, let objective = solution.objective, objective <= attainable(bound) + 1e-9 else {
      return nil
    }
    return Solution(
      status: .optimal, objective: objective, bound: objective, values: solution.values,
      solveTime: clock.now - began)
  }

  /// `solution`, not proven optimal, with the best bound. Only ``proven(_:)``
  /// proves: a GLPK optimum on the full model has raised the bound to it by
  /// then, while the rounding searches' `optimal` speaks for their
  /// neighbourhood alone and a restricted model's for that model.
  func unproven(_ solution: Solution) -> Solution {
    Solution(
      status: solution.objective == nil ? solution.status : .feasible,
      objective: solution.objective, bound: reportedBound, values: solution.values,
      solveTime: clock.now - began)
  }

  /// What the search returns when it ends now: the best roster (or the
  /// fallback, when it is better or the only one) proven optimal if the
  /// bound meets it, else with the bound; a solution without roster when
  /// there is none.
  func outcome() -> Solution {
    let candidates = [best, fallback].compactMap { $0 }.filter { $0.objective != nil }
    guard let chosen = candidates.min(by: { $0.objective! < $1.objective! }) else {
      return Solution(
        status: .noSolutionFound, objective: nil, bound: reportedBound, values: [],
        solveTime: clock.now - began)
    }
    return proven(chosen) ?? unproven(chosen)
  }

  /// Takes the greedy roster as the fallback and its values as the LP's start.
  mutating func start(from greedy: GreedyRoster?) {
    fallback = greedy?.solution
    lpStart = greedy?.lpStart
  }

  /// Keeps `solution` as the best if it has a lower objective.
  mutating func offer(_ solution: Solution) {
    guard solution.status == .optimal || solution.status == .feasible,
      let found = solution.objective, found < best?.objective ?? .infinity
    else { return }
    best = solution
  }
}

/// A pattern master LP's optimum (``PatternBound/Result``) as a point of
/// the part's model: the search around it (``RoundingStage``) fixes what
/// it leaves out.
struct PatternPoint: Sendable {
  /// A value for every variable: each pair's share of its block (what the
  /// officer's weeks in the master take of it), 0 for every other.
  let values: [Double]
  /// The master's objective value.
  let master: Double
}
