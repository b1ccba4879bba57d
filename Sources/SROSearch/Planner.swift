import Foundation
public import GLPKSolver
import LinearModel
import SROFormulation
import SRORoster
import SROScenario

/// How hard to search.
public struct PlanningOptions: Sendable {
  /// Stop after this long with the best roster so far; `nil` for no limit.
  public var timeLimit: Duration?
  /// Stop once the relative gap is at most this.
  public var relativeGap: Double = 0
  /// Where GLPK's output lines go.
  public var log: SolverLog = .silent
  /// Called whenever the week's best roster or bound improves
  /// (``PlanningProgress``: summed over the parts), from a solving thread.
  public var progress: (@Sendable (PlanningProgress) -> Void)?
  /// Ends the search early, with the best roster so far, once raised
  /// (from another thread: a signal handler, say); `nil` for none.
  public var stop: StopRequest?
  /// Where this part reports its progress (set by ``Planner`` per part).
  var partProgress: PartProgress?
  /// The week's threads its unfinished parts leave free, which a part may
  /// borrow to re-staff a roster while its LP relaxation, its
  /// re-staffing and its branch-and-cut run
  /// (``PartSearch/besideReStaffing(from:target:deadline:progress:sharing:memory:targetMet:onBetterRoster:_:)``),
  /// or to search briefly while a weak LP's pattern bound is priced
  /// (``PartSearch/pricingBesideBranchAndCut(_:price:)``);
  /// `nil` for a part alone in its week, which has the second thread
  /// whenever ``threads`` is above 1.
  var spareThreads: SpareThreads?
  /// A published roster to stay close to (minimal-change re-planning).
  public var published: PublishedRoster?
  /// Solve independent parts apart (the same optimum, found faster).
  public var decompose = true
  /// Plan large parts (more eligible pairs than
  /// ``RestrictedPlanner/threshold``) by region or on a priced, restricted
  /// model (with a valid bound) instead of the full one.
  public var restrictLargeParts = true
  /// How many parts to solve at once. With 1, parts are solved one after
  /// the other on the calling thread.
  public var threads = ProcessInfo.processInfo.activeProcessorCount

  public init() {}

  var solverOptions: SolverOptions {
    var options = SolverOptions()
    options.timeLimit = timeLimit
    options.relativeGap = relativeGap
    options.log = log
    options.stop = stop
    options.cuts = Set(CutFamily.allCases)
    return options
  }
}

/// The result of planning a week: the roster and how the solve went.
public struct PlanningResult: Sendable {
  public let roster: Roster
  /// Binary variables (eligible officer–block pairs) of the models solved.
  public let binaries: Int
  public let variables: Int
  public let rows: Int
  /// How many independent parts were solved (see ``Scenario/independentParts()``).
  public let parts: Int
  /// Model building, summed over the parts.
  public let buildTime: Duration
  /// GLPK's time, summed over the parts.
  public let solveTime: Duration
  /// Wall time of building and solving, parts running concurrently.
  public let wallTime: Duration
}

/// Scenario in, roster out.
public enum Planner {
  /// Builds the model of `scenario`, solves it with GLPK and decodes the roster.
  ///
  /// The scenario is first split into independent parts (officers and
  /// schools that no eligibility links), each solved on a thread of its own,
  /// `options.threads` at a time; their rosters are merged. The roster does
  /// not depend on the thread count, except with a time limit, where a
  /// part's second thread (the week's second, or one its other parts left
  /// idle: ``PlanningOptions/spareThreads``) re-staffs a roster while the
  /// part's LP relaxation, re-staffing and branch-and-cut run, and
  /// searches while a weak LP's pattern bound is priced.
  public static func plan(
    _ scenario: Scenario, options: PlanningOptions = PlanningOptions()
  ) throws(PlanningError) -> PlanningResult {
    try plan(scenario, options: options, tuning: SearchTuning())
  }

  /// ``plan(_:options:)`` with the search's thresholds set apart from
  /// their defaults.
  static func plan(
    _ scenario: Scenario, options: PlanningOptions, tuning: SearchTuning
  ) throws(PlanningError) -> PlanningResult {
    let clock = ContinuousClock()
    let began = clock.now
    let whole = Instance(scenario)
    // Pins are checked on the whole scenario, so that a pin across parts
    // gets its message rather than a silent drop.
    _ = try PinCheck(instance: whole).resolve()
    let parts = options.decompose ? whole.independentParts() : [scenario]
    let board = options.progress.map { ProgressBoard(parts: parts.count, report: $0) }
    // One deadline for the week: a part that waits for a thread gets its
    // share of what is left (``TimeShares``).
    let deadline = options.timeLimit.map { began + $0 }
    let results: [Result<PlanningResult, PlanningError>]
    if parts.count == 1 {
      var partOptions = options
      partOptions.partProgress = board?.part(0)
      results = [
        Result { () throws(PlanningError) in try planPart(whole, options: partOptions, tuning: tuning) }
      ]
    } else {
      let spareThreads = SpareThreads(threads: options.threads, parts: parts.count)
      let instances = parts.map(Instance.init)
      let shares = TimeShares(sizes: instances.map(\.eligiblePairs), threads: options.threads)
      let order = shares.order
      let started = concurrently(order, threads: options.threads) { index in
        let (part, instance) = (parts[index], instances[index])
        var partOptions = options
        partOptions.published = options.published?.restricted(to: part)
        partOptions.partProgress = board?.part(index)
        partOptions.timeLimit = deadline.map {
          max(.milliseconds(50), shares.start(index, remaining: $0 - .now))
        }
        partOptions.spareThreads = spareThreads
        defer { shares.end(index) }
        return planPart(instance, of: spareThreads, options: partOptions, tuning: tuning)
      }
      // Back in the parts' order (`started` follows `order`).
      results = zip(order, started).sorted { $0.0 < $1.0 }.map(\.1)
    }
    var solved: [PlanningResult] = []
    for result in results {
      switch result {
      case .success(let part): solved.append(part)
      case .failure(let error): throw error
      }
    }
    return PlanningResult(
      roster: solved.count == 1 ? solved[0].roster : Roster.merging(solved.map(\.roster), of: scenario),
      binaries: solved.reduce(0) { $0 + $1.binaries }, variables: solved.reduce(0) { $0 + $1.variables },
      rows: solved.reduce(0) { $0 + $1.rows }, parts: solved.count,
      buildTime: solved.reduce(.zero) { $0 + $1.buildTime },
      solveTime: solved.reduce(.zero) { $0 + $1.solveTime }, wallTime: clock.now - began)
  }

  /// One part: planned by region when it is large and has many schools
  /// (``RegionalPlanner``), else whole or restricted (``PartPlanner``).
  /// ``planPart(_:options:tuning:)`` for a part of a week of several,
  /// recording when it has ended, failed or not, so that the thread it
  /// held may be lent (``SpareThreads/partEnded()``).
  static func planPart(
    _ instance: Instance, of spareThreads: SpareThreads, options: PlanningOptions, tuning: SearchTuning
  ) -> Result<PlanningResult, PlanningError> {
    defer { spareThreads.partEnded() }
    return Result { () throws(PlanningError) in try planPart(instance, options: options, tuning: tuning) }
  }

  static func planPart(_ instance: Instance, options: PlanningOptions, tuning: SearchTuning)
    throws(PlanningError) -> PlanningResult
  {
    if options.restrictLargeParts, instance.eligiblePairs > tuning.restrictionThreshold,
      instance.scenario.schools.count > tuning.regionalThreshold
    {
      return try RegionalPlanner.plan(instance, options: options, tuning: tuning)
    }
    return try PartPlanner.plan(instance, options: options, tuning: tuning).result
  }
}
