import LinearModel
import Testing

@testable import GLPKSolver
@testable import SROSearch

/// Binaries fixed by the LP relaxation's reduced costs under a cutoff
/// (``ReducedCostFixing``), worked out by hand.
@Suite struct ReducedCostFixingTests {
  /// Minimise 1 + a + 10b − 5c subject to a + b ≥ 1, over binaries. The LP
  /// optimum is a = 1, b = 0, c = 1 (value −3), the cover row's dual 1: the
  /// reduced costs are a 0, b 9, c −5. A roster under a cutoff u leaves
  /// b at 0 when 9 > u + 3 and c at 1 when 5 > u + 3.
  struct Example {
    var model = Model()
    let a: Variable
    let b: Variable
    let c: Variable

    init() {
      a = model.addVariable(Name("a"), kind: .binary)
      b = model.addVariable(Name("b"), kind: .binary)
      c = model.addVariable(Name("c"), kind: .binary)
      model.addConstraint(LinearExpression.sum([a, b]) >= 1, name: Name("cover"))
      var objective = LinearExpression(constant: 1)
      objective.add(a)
      objective.add(b, coefficient: 10)
      objective.add(c, coefficient: -5)
      model.setObjective(.minimize, objective)
    }

    func fixing(under cutoff: Double) throws -> (model: Model, fixed: Int) {
      let relaxation = try GLPK.solveRelaxation(model, options: SolverOptions())
      #expect(relaxation.status == .optimal && abs((relaxation.objective ?? .nan) + 3) < 1e-9)
      return ReducedCostFixing(relaxation: relaxation).fixing(model, under: cutoff)
    }
  }

  @Test func reducedCostsAreTheCostsLessTheColumnsPricedByTheDuals() {
    let example = Example()
    let costs = ReducedCostFixing.reducedCosts(of: example.model, rowDuals: [1])
    #expect(costs.map(\.variable) == [example.a, example.b, example.c])
    #expect(costs.map(\.reducedCost) == [0, 9, -5])
  }

  /// Under 0, b (9 > 3) and c (5 > 3) are fixed: b at 0, c at 1; a, with
  /// reduced cost 0, stays free.
  @Test func aTightCutoffFixesBothWays() throws {
    let example = Example()
    let (model, fixed) = try example.fixing(under: 0)
    #expect(fixed == 2)
    #expect(model[example.b].lowerBound == 0 && model[example.b].upperBound == 0)
    #expect(model[example.c].lowerBound == 1 && model[example.c].upperBound == 1)
    #expect(model[example.a].lowerBound == 0 && model[example.a].upperBound == 1)
  }

  /// Under 3, only b is fixed (9 > 6, but 5 < 6); under 7 neither is
  /// (9 < 10); exactly at the margin (u + 3 = 9, b's reduced cost) b stays
  /// free too, since a roster with b = 1 may cost u.
  @Test func aLooserCutoffFixesLess() throws {
    let example = Example()
    #expect(try example.fixing(under: 3).fixed == 1)
    #expect(try example.fixing(under: 3).model[example.c].upperBound == 1)
    #expect(try example.fixing(under: 7).fixed == 0)
    #expect(try example.fixing(under: 6).fixed == 0)
  }

  /// A cutoff under the LP's optimum leaves nothing to fix (no roster lies
  /// under it; the search finds that itself), and an LP of another model
  /// (other rows) fixes nothing.
  @Test func nothingIsFixedWithoutAValidPricing() throws {
    let example = Example()
    #expect(try example.fixing(under: -4).fixed == 0)
    let relaxation = try GLPK.solveRelaxation(example.model, options: SolverOptions())
    var other = example.model
    other.addConstraint(LinearExpression.sum([example.a, example.c]) <= 2, name: Name("other"))
    #expect(ReducedCostFixing(relaxation: relaxation).fixing(other, under: 0).fixed == 0)
    var wider = example.model
    _ = wider.addVariable(Name("d"), kind: .binary)
    #expect(ReducedCostFixing(relaxation: relaxation).fixing(wider, under: 0).fixed == 0)
  }

  /// Only free binaries are fixed: minimise 10x + 10p + 10i + 10z with p a
  /// binary pinned at 1, i an integer in [0, 3] and z continuous in
  /// [0, 1]. The LP's optimum is 10 (p alone) and every reduced cost 10;
  /// under 15 a roster leaves x at 0, while fixing p at 0 would leave no
  /// roster at all (a false proof), and i and z are no binaries.
  @Test func pinnedIntegerAndContinuousColumnsAreLeftAlone() throws {
    var model = Model()
    let x = model.addVariable(Name("x"), kind: .binary)
    let p = model.addVariable(Name("p"), kind: .binary, lowerBound: 1, upperBound: 1)
    let i = model.addVariable(Name("i"), kind: .integer, upperBound: 3)
    let z = model.addVariable(Name("z"), kind: .continuous, upperBound: 1)
    model.setObjective(.minimize, LinearExpression(terms: [(x, 10), (p, 10), (i, 10), (z, 10)]))
    let relaxation = try GLPK.solveRelaxation(model, options: SolverOptions())
    #expect(relaxation.objective == 10)
    let (fixed, count) = ReducedCostFixing(relaxation: relaxation).fixing(model, under: 15)
    #expect(count == 1)
    #expect(fixed[x].upperBound == 0)
    #expect(fixed[p].lowerBound == 1 && fixed[p].upperBound == 1)
    #expect(fixed[i].lowerBound == 0 && fixed[i].upperBound == 3)
    #expect(fixed[z].lowerBound == 0 && fixed[z].upperBound == 1)
  }
}
