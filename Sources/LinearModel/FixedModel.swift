/// A model with some of its variables fixed and taken out: the smaller
/// model a large-neighbourhood search solves, and the way back to a full
/// solution.
///
/// Each fixed variable's terms move into the right-hand sides and the
/// objective's constant, so the smaller model's objective value at any
/// point equals the full model's at the lifted point. A row left without a
/// variable is dropped: the fixed values alone decide it, and fixing at a
/// feasible solution's values keeps it satisfied.
public struct FixedModel: Sendable {
  /// The model over the variables left free, in their original order.
  public let model: Model
  /// The full model's values, fixed ones included.
  public let values: [Double]
  /// For each variable of ``model``, by index, its index in the full model.
  public let originalIndex: [Int]

  /// `values` with the free variables replaced by `solution` (a value for
  /// each variable of ``model``, by index).
  public func lift(_ solution: [Double]) -> [Double] {
    var full = values
    for (index, original) in originalIndex.enumerated() { full[original] = solution[index] }
    return full
  }
}

extension Model {
  /// This model with every variable `isFree` rejects fixed at its value in
  /// `values` (one per variable, by index) and removed.
  ///
  /// A large-neighbourhood search fixes most of a model thousands of
  /// times, so a row is built only when it keeps a free variable (most
  /// rows lose all theirs), straight from the row's own terms: they are
  /// normalized, and the free ones keep their order under the new
  /// indices, so the rows are those `LinearConstraint`'s own init would
  /// build.
  ///
  /// - Precondition: `values` has one entry per variable.
  public func fixing(at values: [Double], keeping isFree: (Variable) -> Bool) -> FixedModel {
    precondition(values.count == variables.count, "one value per variable")
    var fixed = Model()
    /// Each variable's index in the fixed model, or -1 when fixed.
    var newIndex = [Int](repeating: -1, count: variables.count)
    var originalIndex: [Int] = []
    for (index, definition) in variables.enumerated()
    where isFree(Variable(index: index, modelID: id)) {
      newIndex[index] =
        fixed.addVariable(
          definition.name, kind: definition.kind, lowerBound: definition.lowerBound,
          upperBound: definition.upperBound
        ).index
      originalIndex.append(index)
    }
    let fixedID = fixed.id
    /// The value of the fixed terms of `terms`, and how many are free.
    func fixedPart(of terms: [LinearExpression.Term]) -> (value: Double, free: Int) {
      var value = 0.0
      var free = 0
      for term in terms {
        if newIndex[term.variable.index] >= 0 {
          free += 1
        } else {
          value += term.coefficient * values[term.variable.index]
        }
      }
      return (value, free)
    }
    /// The free terms of `terms` over the fixed model's variables.
    func freeTerms(of terms: [LinearExpression.Term], count: Int) -> [LinearExpression.Term] {
      var free: [LinearExpression.Term] = []
      free.reserveCapacity(count)
      for term in terms where newIndex[term.variable.index] >= 0 {
        free.append(
          LinearExpression.Term(
            variable: Variable(index: newIndex[term.variable.index], modelID: fixedID),
            coefficient: term.coefficient))
      }
      return free
    }
    for named in constraints {
      let terms = named.constraint.expression.terms
      let (fixedValue, freeCount) = fixedPart(of: terms)
      guard freeCount > 0 else { continue }
      fixed.addConstraint(
        LinearConstraint(
          normalized: LinearExpression(terms: freeTerms(of: terms, count: freeCount)),
          named.constraint.sense, named.constraint.rightHandSide - fixedValue),
        name: named.name)
    }
    let (objectiveFixedValue, objectiveFree) = fixedPart(of: objective.terms)
    var freeObjective = LinearExpression(terms: freeTerms(of: objective.terms, count: objectiveFree))
    freeObjective.constant = objective.constant + objectiveFixedValue
    fixed.setObjective(sense, freeObjective)
    return FixedModel(model: fixed, values: values, originalIndex: originalIndex)
  }
}
