import GLPKSolver
import LinearModel
import SRORoster
import SROTestSupport
import SROValidator
import Testing

@testable import SROFormulation
@testable import SROScenario

/// Checks shared by the tests of the tight formulation's clique rows
/// (`long`, `rest`): no row holds two blocks a valid roster may take, and
/// the tight model reaches the plain one's optimum.
enum CliqueRowChecks {
  /// `minutes` after midnight as `HH:MM`.
  static func time(_ minutes: Int) -> String { TimeOfDay(minutes: minutes).description }

  /// Every two blocks a row of `family` holds, taken by its officer and
  /// nothing else, make a roster the independent validator refuses with a
  /// violation `refuses` accepts (the rules the row stands for). Returns
  /// the rows checked.
  @discardableResult
  static func expectEveryPairRefused(
    _ coverage: CoverageModel, _ family: ConstraintFamily, seed: UInt64, refuses: (String) -> Bool
  ) throws -> Int {
    let pairOf = Dictionary(
      uniqueKeysWithValues: coverage.assignments.map {
        ($0.variable.index, PinCheck.Pair(officer: $0.officer, block: $0.block))
      })
    let validator = RosterValidator(scenario: coverage.scenario)
    let rows = coverage.model.constraints(inFamily: family.rawValue)
    for row in rows {
      let pairs = row.constraint.expression.terms.compactMap { pairOf[$0.variable.index] }
      #expect(pairs.count == row.constraint.expression.terms.count, "seed \(seed): \(row.name)")
      for (i, first) in pairs.enumerated() {
        for second in pairs[(i + 1)...] {
          let solution = try #require(coverage.solution(taking: [first, second]))
          let violations = validator.validate(coverage.roster(from: solution)).violations.filter(refuses)
          #expect(!violations.isEmpty, "seed \(seed): \(row.name) holds two blocks one roster may take")
        }
      }
    }
    return rows.count
  }

  /// The optimum of `instance`'s tight model (re-planning `published`, if
  /// given) is the plain model's, and its roster, returned, passes the
  /// independent validator.
  @discardableResult
  static func expectSameOptimum(
    _ instance: Instance, published: PublishedRoster? = nil, seed: UInt64, _ what: String
  ) throws -> Roster {
    let model = try CoverageModel(instance: instance, published: published, formulation: .tight)
    let tight = try GLPK.solve(model.model)
    let plain = try GLPK.solve(
      CoverageModel(instance: instance, published: published, formulation: .plain).model)
    #expect(tight.status == .optimal && plain.status == .optimal, "seed \(seed), \(what)")
    #expect(abs((tight.objective ?? .nan) - (plain.objective ?? .nan)) < 1e-6, "seed \(seed), \(what)")
    let roster = model.roster(from: tight)
    #expect(
      RosterValidator(scenario: instance.scenario).validate(roster).violations == [], "seed \(seed), \(what)")
    return roster
  }

  /// ``expectSameOptimum(_:published:seed:_:)`` on the scenario `yaml`
  /// whole, restricted to a random 60 % of its pairs (drawn from `seed`
  /// and `stream`), and, when `pin` keeps the rules, with `pin` added,
  /// also re-planning the whole scenario's roster.
  static func expectSameOptimumEverywhere(_ yaml: String, pin: String, seed: UInt64, stream: String) throws {
    let instance = try Instance(scenario(yaml))
    let roster = try expectSameOptimum(instance, seed: seed, "whole")
    var rng = SplitMix64(seed: seed, stream: stream)
    let allowed = Set(
      instance.eligible.enumerated().flatMap { o, blocks in
        blocks.map { PinCheck.Pair(officer: o, block: $0) }
      }.filter { _ in rng.chance(0.6) })
    try expectSameOptimum(instance.restricted(to: allowed), seed: seed, "restricted")
    let pinned = try Instance(scenario(yaml + "\npins: [" + pin + "]"))
    if (try? PinCheck(instance: pinned).resolve()) != nil {
      try expectSameOptimum(pinned, seed: seed, "pinned")
      let published = PublishedRoster(assignments: roster.assignments, changeWeight: 50)
      try expectSameOptimum(pinned, published: published, seed: seed, "pinned, re-planned")
    }
  }
}
