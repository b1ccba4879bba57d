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
  /// - Precondition: `values` has one entry per variable.
  public func fixing(at values: [Double], keeping isFree: (Variable) -> Bool) -> FixedModel {
    precondition(values.count == variables.count, "one value per variable")
    var fixed = Model()
    var newVariable = [Variable?](repeating: nil, count: variables.count)
    var originalIndex: [Int] = []
    for (index, definition) in variables.enumerated()
    where isFree(Variable(index: index, modelID: id)) {
      newVariable[index] = fixed.addVariable(
        definition.name, kind: definition.kind, lowerBound: definition.lowerBound,
        upperBound: definition.upperBound)
      originalIndex.append(index)
    }
    /// The free part of `expression` over the new variables, and the
    /// fixed part's value.
    func split(_ expression: LinearExpression) -> (LinearExpression, Double) {
      var free = LinearExpression()
      var fixedValue = 0.0
      for term in expression.terms {
        if let variable = newVariable[term.variable.index] {
          free.add(variable, coefficient: term.coefficient)
        } else {
          fixedValue += term.coefficient * values[term.variable.index]
        }
      }
      return (free, fixedValue)
    }
    for named in constraints {
      let (free, fixedValue) = split(named.constraint.expression)
      guard !free.terms.isEmpty else { continue }
      fixed.addConstraint(
        LinearConstraint(
          free, named.constraint.sense,
          LinearExpression(constant: named.constraint.rightHandSide - fixedValue)),
        name: named.name)
    }
    var (objective, fixedValue) = split(objective)
    objective.constant = self.objective.constant + fixedValue
    fixed.setObjective(sense, objective)
    return FixedModel(model: fixed, values: values, originalIndex: originalIndex)
  }
}
