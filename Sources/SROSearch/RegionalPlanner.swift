import GLPKSolver
import LinearModel
import SROFormulation
import SRORoster
import SROScenario

/// Plans a large part region by region: the part is cut into Norman-size
/// regions of nearby schools (``Instance/regions(ofAtMost:published:)``), each solved
/// on its own by ``PartSearch`` — on separate threads — and the rosters
/// merged. Keeping officers inside their region loses little, since a long
/// drive rarely pays, but it is a restriction, so the regions' own bounds
/// say nothing about the whole part; the part's bound is the headcount
/// bound (``StaffingBound``), which holds for it. Where regions would not
/// do (``Instance/regions(ofAtMost:published:)`` is `nil`), the part goes
/// to ``RestrictedPlanner``.
enum RegionalPlanner {
  /// Schools per region: the size ``PartSearch`` proves in well under a second.
  static let regionSchools = 24
  /// Large parts (``RestrictedPlanner/threshold`` eligible pairs) with more
  /// schools than this are planned by region; the others are restricted.
  static let threshold = 36
  /// Share of the time limit the regions may use, run `threads` at a time
  /// (each at least 200 ms). The rest goes to re-staffing across regions,
  /// which is where large rosters improve most: on the generated
  /// 250-school district (60 s) a share of 0.3 ends at 9.25, 0.4 at 11.75,
  /// 0.6 at 35.25–37.75; 0.2 (54.75) leaves the regions' rosters too rough.
  static let regionShare = 0.3
  /// The regions' share when re-planning (`--keep`), where nothing
  /// follows them.
  static let replanningRegionShare = 0.6
  /// Parts with at most this many eligible pairs are re-staffed across
  /// regions whole once merged (the whole part's model is built for it);
  /// larger ones neighbouring regions two by two.
  static let acrossRegionsPairs = 250_000
  /// Share of the time limit by which re-staffing across regions ends.
  static let acrossRegionsShare = 0.9
  /// How long re-staffing across regions may take without a time limit.
  static let acrossRegionsCap = Duration.seconds(30)
  /// Time left below which re-staffing across regions is skipped: building
  /// the whole part's model alone takes seconds.
  static let acrossRegionsMinimum = Duration.seconds(2)

  static func plan(_ instance: Instance, options: PlanningOptions, tuning: SearchTuning) throws(PlanningError)
    -> PlanningResult
  {
    let scenario = instance.scenario
    let clock = ContinuousClock()
    let began = clock.now
    guard let regionScenarios = instance.regions(ofAtMost: tuning.regionSchools, published: options.published)
    else { return try RestrictedPlanner.plan(instance, options: options).result }
    let regions = regionScenarios.map { instance.part($0) }
    let threads = max(1, options.threads)
    let rounds = max(1, (regions.count + threads - 1) / threads)
    var regionOptions = options
    regionOptions.threads = 1
    if let limit = options.timeLimit {
      let share = options.published == nil ? regionShare : replanningRegionShare
      regionOptions.timeLimit = max(.milliseconds(200), limit * share / Double(rounds))
    }
    // The regions' rosters add up to the part's; their bounds do not
    // bound it (regions keep officers apart).
    let regionBoard = options.partProgress.map { part in
      ProgressBoard(parts: regions.count) { part.report(objective: $0.objective, bound: nil) }
    }
    let results = concurrently(Array(regions.enumerated()), threads: options.threads) {
      [regionOptions] item in
      let (index, region) = item
      var options = regionOptions
      options.published = regionOptions.published?.restricted(to: region.instance.scenario)
      options.partProgress = regionBoard?.part(index)
      // A region still over the pair threshold is restricted, never split again.
      return Result { () throws(PlanningError) in
        try PartPlanner.plan(region.instance, options: options, tuning: tuning)
      }
    }
    var plans: [PartPlan] = []
    for result in results {
      switch result {
      case .success(let region): plans.append(region)
      case .failure(let error): throw error
      }
    }
    let solved = plans.map(\.result)
    var roster = Roster.merging(solved.map(\.roster), of: scenario)
    let bound = StaffingBound.bound(instance)
    if case .lines(let sink) = options.log {
      sink("sro: \(clock.now - began): \(regions.count) regions, roster \(roster.objective), bound \(bound)")
    }
    // Across regions. Not when re-planning: these models have no change
    // penalty (and such a roster is never optimal anyway, see below).
    let deadline = options.timeLimit.map { began + $0 * acrossRegionsShare } ?? clock.now + acrossRegionsCap
    var acrossTime = Duration.zero
    if roster.objective > bound + 1e-6, options.published == nil,
      deadline - clock.now >= acrossRegionsMinimum
    {
      let started = clock.now
      let taken = zip(regions, plans).flatMap { region, plan in region.lifted(plan.taken) }
      roster = try reStaffedAcross(
        regions, rosters: solved.map(\.roster), merged: roster, taken: taken, of: instance,
        deadline: deadline, options: options, tuning: tuning)
      acrossTime = clock.now - started
      if case .lines(let sink) = options.log {
        sink("sro: \(clock.now - began): re-staffed across regions: \(roster.objective)")
      }
    }
    roster.bound = roundToMicro(min(roster.objective, max(0, bound)))
    options.partProgress?.report(objective: roster.objective, bound: roster.bound)
    // When re-planning, a region cannot keep a published assignment in
    // another region, so the change penalty is not bounded: never optimal.
    let proven = roster.objective <= bound + 1e-6 && options.published == nil
    roster.status = proven ? .optimal : .feasible
    return PlanningResult(
      roster: roster, binaries: solved.reduce(0) { $0 + $1.binaries },
      variables: solved.reduce(0) { $0 + $1.variables }, rows: solved.reduce(0) { $0 + $1.rows },
      parts: 1, buildTime: solved.reduce(.zero) { $0 + $1.buildTime } + acrossTime,
      solveTime: solved.reduce(.zero) { $0 + $1.solveTime }, wallTime: clock.now - began)
  }

  /// The `merged` roster of `regions` (with their own `rosters`; `taken`,
  /// the pairs they take, by index in `instance`) re-staffed where officers
  /// may cross region lines: on the whole part's model when it has at most
  /// ``SearchTuning/acrossRegionsPairs`` pairs, else on each two
  /// neighbouring regions' (consecutive in bisection order, so adjacent),
  /// `threads` at a time, each group with its share of the time left.
  private static func reStaffedAcross(
    _ regions: [InstancePart], rosters: [Roster], merged: Roster, taken: [PinCheck.Pair],
    of instance: Instance, deadline: ContinuousClock.Instant, options: PlanningOptions,
    tuning: SearchTuning
  ) throws(PlanningError) -> Roster {
    let scenario = instance.scenario
    let groups: [(part: InstancePart, roster: Roster)] =
      instance.eligiblePairs <= tuning.acrossRegionsPairs
      ? [(instance.whole, merged)]
      : stride(from: 0, to: regions.count, by: 2).map { r in
        let members = Array(r..<min(r + 2, regions.count))
        let union = scenario.union(of: members.map { regions[$0].instance.scenario })
        return (instance.part(union), Roster.merging(members.map { rosters[$0] }, of: union))
      }
    let threads = max(1, options.threads)
    let slot = (deadline - .now) / Double((groups.count + threads - 1) / threads)
    let results = concurrently(groups, threads: threads) { [options] group in
      let finish = min(deadline, ContinuousClock.now + slot)
      return Result { () throws(PlanningError) in
        try improved(
          group.part.restricted(taken), of: group.part.instance, deadline: finish, options: options)
          ?? group.roster
      }
    }
    var improvedRosters: [Roster] = []
    for result in results {
      switch result {
      case .success(let roster): improvedRosters.append(roster)
      case .failure(let error): throw error
      }
    }
    return improvedRosters.count == 1 ? improvedRosters[0] : Roster.merging(improvedRosters, of: scenario)
  }

  /// The roster taking `pairs` (of `instance`) improved by a persistent
  /// ``ReStaffing`` (nothing comes after it) on the model of `instance`,
  /// stopping early at its staffing bound; `nil` when that finds nothing
  /// better. The model has no `symmetry` rows: regions need not order
  /// interchangeable officers by hours.
  private static func improved(
    _ pairs: [PinCheck.Pair], of instance: Instance, deadline: ContinuousClock.Instant,
    options: PlanningOptions
  ) throws(PlanningError) -> Roster? {
    let coverage = try CoverageModel(
      instance: instance, published: nil, formulation: Formulation(rows: .tight, ordersTwins: false))
    guard let start = coverage.solution(taking: pairs), let before = start.objective else { return nil }
    let target = StaffingBound.bound(instance)
    var solverOptions = options.solverOptions
    solverOptions.progress = nil
    var reStaffing = ReStaffing(coverage: coverage, solverOptions: solverOptions)
    reStaffing.persistent = true
    let improved: Solution
    do { improved = try reStaffing.improve(start, target: target, deadline: deadline) } catch {
      throw .solver(error)
    }
    guard let after = improved.objective, after < before - 1e-9 else { return nil }
    return coverage.roster(from: improved)
  }
}

extension Scenario {
  /// The part made of `regions` of this scenario: their schools and
  /// officers together.
  fileprivate func union(of regions: [Scenario]) -> Scenario {
    let schoolIDs = Set(regions.flatMap { $0.schools.map(\.id) })
    let officerIDs = Set(regions.flatMap { $0.officers.map(\.id) })
    return part(
      schools: Set(schools.indices.filter { schoolIDs.contains(schools[$0].id) }),
      officers: Set(officers.indices.filter { officerIDs.contains(officers[$0].id) }))
  }
}
