import Testing

@testable import LinearModel

@Suite struct NameTests {
  @Test func rendersFamilyAndIndex() {
    #expect(Name("cover", "lincoln-es", "tue", "07:30").description == "cover[lincoln-es,tue,07:30]")
    #expect(Name("objective").description == "objective")
  }
}

@Suite struct ExpressionTests {
  @Test func normalizedMergesSortsAndDropsZeros() {
    var model = Model()
    let x = model.addVariable(Name("x"))
    let y = model.addVariable(Name("y"))
    let z = model.addVariable(Name("z"))
    let expression = (2.0 * z + x + y - x + 3.0 * y - 4.0 * y + 5).normalized()
    #expect(expression.terms.map(\.variable) == [z])
    #expect(expression.terms.map(\.coefficient) == [2])
    #expect(expression.constant == 5)
  }

  @Test func constraintMovesConstantsRight() {
    var model = Model()
    let x = model.addVariable(Name("x"))
    let y = model.addVariable(Name("y"))
    let constraint = (LinearExpression(x) + 3) <= (2.0 * y + 10)
    #expect(constraint.expression.terms.map(\.coefficient) == [1, -2])
    #expect(constraint.rightHandSide == 7)
    #expect(constraint.sense == .lessOrEqual)
    #expect(constraint.isSatisfied(by: { $0 == x ? 7 : 0 }))
    #expect(!constraint.isSatisfied(by: { $0 == x ? 7.1 : 0 }))
  }

  @Test func evaluatesWithConstant() {
    var model = Model()
    let x = model.addVariable(Name("x"))
    #expect((3.0 * x + 1).evaluate { _ in 2 } == 7)
  }
}

/// A small model used by several tests: two families, every variable kind.
func sampleModel() -> Model {
  var model = Model()
  let shifts = ["mon", "tue"]
  var x: [Variable] = []
  for day in shifts {
    x.append(model.addVariable(Name("x", "npd-01", day), kind: .binary))
  }
  let overtime = model.addVariable(Name("ot", "npd-01"), upperBound: 10)
  let count = model.addVariable(Name("n"), kind: .integer, lowerBound: -2, upperBound: 5)
  for (i, day) in shifts.enumerated() {
    model.addConstraint(LinearExpression(x[i]) + count <= 3, name: Name("cover", "norman-high", day, "07:15"))
  }
  model.addConstraint(8.5 * x[0] + 8.5 * x[1] - overtime <= 12, name: Name("week", "npd-01"))
  model.addConstraint(LinearExpression(count) == 1, name: Name("fix"))
  model.setObjective(.minimize, 100.0 * x[0] + 4.0 * overtime - 1.0 * count + LinearExpression(x[1]))
  return model
}

@Suite struct ModelTests {
  @Test func buildingTwiceGivesTheSameModel() {
    let first = sampleModel()
    let second = sampleModel()
    #expect(first.text(in: .freeMPS) == second.text(in: .freeMPS))
    #expect(first.text(in: .cplexLP) == second.text(in: .cplexLP))
    #expect(first.variables.map(\.name) == second.variables.map(\.name))
    #expect(first.constraints.map(\.name) == second.constraints.map(\.name))
  }

  /// 1.25 on a binary and 100 on an integer become whole at scale 4; a
  /// continuous column with a cost, or an odd coefficient, has no scale.
  @Test func integralObjectiveScaleNeedsIntegerColumnsOnly() {
    var model = Model()
    let x = model.addVariable(Name("x"), kind: .binary)
    let n = model.addVariable(Name("n"), kind: .integer)
    let c = model.addVariable(Name("c"))
    model.setObjective(.minimize, 1.25 * x + 100 * n + LinearExpression(constant: 3))
    #expect(model.integralObjectiveScale == 4)
    model.setObjective(.minimize, 1.25 * x + 3 * c)
    #expect(model.integralObjectiveScale == nil)
    model.setObjective(.minimize, 0.1234567 * n)
    #expect(model.integralObjectiveScale == nil)
    #expect(Model().integralObjectiveScale == nil)
  }

  @Test func setBoundsReplacesOnlyTheBounds() {
    var model = Model()
    let x = model.addVariable(Name("x"), kind: .binary)
    model.setBounds(of: x, lower: 1, upper: 1)
    #expect(model[x].kind == .binary && model[x].lowerBound == 1 && model[x].upperBound == 1)
  }

  @Test func familiesInOrderOfFirstAppearance() {
    let model = sampleModel()
    #expect(model.constraintFamilies == ["cover", "week", "fix"])
    #expect(model.constraints(inFamily: "cover").count == 2)
  }

  @Test func binaryDefaultsToUnitBounds() {
    var model = Model()
    let b = model.addVariable(Name("b"), kind: .binary)
    #expect(model[b].upperBound == 1)
    #expect(model.isMixedInteger)
  }

  @Test func validateRejectsNonFiniteCoefficient() {
    var model = Model()
    let x = model.addVariable(Name("x"))
    model.addConstraint(Double.nan * x <= 1, name: Name("bad", "1"))
    #expect(throws: ModelError.nonFiniteCoefficient(in: Name("bad", "1"), variable: Name("x"))) {
      try model.validate()
    }
  }

  @Test func validateRejectsInfiniteRightHandSide() {
    var model = Model()
    let x = model.addVariable(Name("x"))
    model.addConstraint(LinearExpression(x) <= .infinity, name: Name("rhs"))
    #expect(throws: ModelError.nonFiniteRightHandSide(constraint: Name("rhs"))) {
      try model.validate()
    }
  }

  @Test(arguments: [
    (VariableKind.continuous, 2.0, 1.0), (.continuous, Double.nan, 1.0),
    (.binary, 0.0, 2.0), (.integer, Double.infinity, Double.infinity),
  ])
  func validateRejectsBadBounds(kind: VariableKind, lower: Double, upper: Double) {
    var model = Model()
    _ = model.addVariable(Name("v"), kind: kind, lowerBound: lower, upperBound: upper)
    #expect(throws: ModelError.self) { try model.validate() }
  }

  @Test func validateRejectsVariableOfAnotherModel() {
    var other = Model()
    let foreign = other.addVariable(Name("f"))
    var model = Model()
    _ = model.addVariable(Name("x"))
    model.setObjective(.minimize, LinearExpression(foreign))
    #expect(throws: ModelError.foreignVariable(in: Name("objective"))) { try model.validate() }
  }

  @Test func validModelPasses() throws {
    try sampleModel().validate()
  }
}

@Suite struct ExportTests {
  @Test func freeMPSGolden() {
    let expected = """
      NAME sro
      ROWS
       N  objective
       L  cover[norman-high,mon,07:15]
       L  cover[norman-high,tue,07:15]
       L  week[npd-01]
       E  fix
      COLUMNS
          M0 'MARKER' 'INTORG'
          x[npd-01,mon] objective 100
          x[npd-01,mon] cover[norman-high,mon,07:15] 1
          x[npd-01,mon] week[npd-01] 8.5
          x[npd-01,tue] objective 1
          x[npd-01,tue] cover[norman-high,tue,07:15] 1
          x[npd-01,tue] week[npd-01] 8.5
          M1 'MARKER' 'INTEND'
          ot[npd-01] objective 4
          ot[npd-01] week[npd-01] -1
          M2 'MARKER' 'INTORG'
          n objective -1
          n cover[norman-high,mon,07:15] 1
          n cover[norman-high,tue,07:15] 1
          n fix 1
          M3 'MARKER' 'INTEND'
      RHS
          RHS cover[norman-high,mon,07:15] 3
          RHS cover[norman-high,tue,07:15] 3
          RHS week[npd-01] 12
          RHS fix 1
      BOUNDS
       BV BND x[npd-01,mon]
       BV BND x[npd-01,tue]
       LO BND ot[npd-01] 0
       UP BND ot[npd-01] 10
       LO BND n -2
       UP BND n 5
      ENDATA

      """
    #expect(sampleModel().text(in: .freeMPS) == expected)
  }

  @Test func cplexLPGolden() {
    let expected = """
      Minimize
       objective: + 100 x(npd~01,mon) + x(npd~01,tue) + 4 ot(npd~01) - n
      Subject To
       cover(norman~high,mon,07.15): + x(npd~01,mon) + n <= 3
       cover(norman~high,tue,07.15): + x(npd~01,tue) + n <= 3
       week(npd~01): + 8.5 x(npd~01,mon) + 8.5 x(npd~01,tue) - ot(npd~01) <= 12
       fix: + n = 1
      Bounds
       0 <= ot(npd~01) <= 10
       -2 <= n <= 5
      General
       n
      Binary
       x(npd~01,mon)
       x(npd~01,tue)
      End

      """
    #expect(sampleModel().text(in: .cplexLP) == expected)
  }

  @Test func namesAreMadeValidAndUnique() {
    var model = Model()
    _ = model.addVariable(Name("a b"))
    _ = model.addVariable(Name("a_b"))
    _ = model.addVariable(Name("1st"))
    let mps = model.text(in: .freeMPS)
    #expect(mps.contains(" a_b objective 0"))
    #expect(mps.contains(" a_b#2 objective 0"))
    let lp = model.text(in: .cplexLP)
    #expect(lp.contains("_1st"))
  }
}

@Suite struct FixedModelTests {
  /// min 3x + 2y + z + 1 s.t. x + y + z ≥ 2, x + y ≤ 1 (`pair`), 2z ≤ 2.
  private func model() -> (Model, Variable, Variable, Variable) {
    var model = Model()
    let x = model.addVariable(Name("x"), kind: .binary)
    let y = model.addVariable(Name("y"), kind: .binary)
    let z = model.addVariable(Name("z"), kind: .integer, upperBound: 4)
    model.addConstraint(LinearExpression(x) + y + z >= 2, name: Name("cover"))
    model.addConstraint(LinearExpression(x) + y <= 1, name: Name("pair"))
    model.addConstraint(2.0 * z <= 2, name: Name("cap"))
    model.setObjective(.minimize, 3.0 * x + 2.0 * y + z + 1)
    return (model, x, y, z)
  }

  @Test func fixedTermsMoveRightAndRowsWithoutFreeVariablesGo() {
    let (model, x, _, _) = model()
    let fixed = model.fixing(at: [1, 0, 1], keeping: { $0 == x })
    #expect(fixed.model.variables.map(\.name.description) == ["x"])
    #expect(fixed.originalIndex == [0])
    // cover: x ≥ 2 − 0 − 1; pair: x ≤ 1 − 0; cap has no free variable left.
    #expect(fixed.model.constraints.map(\.name.description) == ["cover", "pair"])
    #expect(fixed.model.constraints.map(\.constraint.rightHandSide) == [1, 1])
    #expect(fixed.model.constraints.map(\.constraint.sense) == [.greaterOrEqual, .lessOrEqual])
    // The objective keeps x's cost; y and z add 2·0 + 1 to the constant 1.
    #expect(fixed.model.objective.terms.map(\.coefficient) == [3])
    #expect(fixed.model.objective.constant == 2)
    #expect(fixed.model[Variable(index: 0, modelID: fixed.model.id)].kind == .binary)
  }

  /// A fixed model's rows are, bit for bit, those the constraint's own
  /// init builds from the free terms (in their order, under the new
  /// indices) and the moved right-hand side, a zero one as −0.0: GLPK
  /// gets the same rows however they were made.
  @Test func fixedRowsAreThoseTheConstraintsInitBuilds() {
    var model = Model()
    let v = (0..<4).map { model.addVariable(Name("v", String($0)), kind: .binary) }
    model.addConstraint(LinearExpression(v[3]) + 2.0 * v[0] + 3.0 * v[2] + v[1] <= 3, name: Name("row"))
    model.addConstraint(LinearExpression(v[0]) + v[1] + v[2] >= 1, name: Name("zero"))
    model.setObjective(.minimize, LinearExpression.sum(v))
    // v1 = 1 and v3 = 1 fixed; v0 and v2 free (new indices 0 and 1).
    let fixed = model.fixing(at: [0, 1, 0, 1], keeping: { $0 == v[0] || $0 == v[2] })
    let free = (0..<2).map { Variable(index: $0, modelID: fixed.model.id) }
    let expected = [
      LinearConstraint(2.0 * free[0] + 3.0 * free[1], .lessOrEqual, LinearExpression(constant: 1)),
      LinearConstraint(LinearExpression(free[0]) + free[1], .greaterOrEqual, LinearExpression(constant: 0)),
    ]
    #expect(fixed.model.constraints.count == 2)
    for (row, want) in zip(fixed.model.constraints.map(\.constraint), expected) {
      #expect(row.expression.terms.map(\.variable) == want.expression.terms.map(\.variable))
      #expect(row.expression.terms.map(\.coefficient) == want.expression.terms.map(\.coefficient))
      #expect(row.sense == want.sense)
      #expect(row.rightHandSide.bitPattern == want.rightHandSide.bitPattern)
    }
    #expect(fixed.model.constraints[1].constraint.rightHandSide.sign == .minus)
  }

  @Test func liftPutsFreeValuesBackAndKeepsTheFixedOnes() {
    let (model, _, y, z) = model()
    let fixed = model.fixing(at: [1, 0, 1], keeping: { $0 == y || $0 == z })
    #expect(fixed.originalIndex == [1, 2])
    #expect(fixed.lift([1, 3]) == [1, 1, 3])
    // The smaller model's objective at a point equals the full one's at the lifted point.
    let small = fixed.model.objective.evaluate { [1, 3][$0.index] }
    let full = model.objective.evaluate { fixed.lift([1, 3])[$0.index] }
    #expect(small == full)
  }
}
