import Synchronization

/// Identifies the model a ``Variable`` belongs to.
struct ModelID: Hashable, Sendable {
  let rawValue: Int
  private static let next = Atomic<Int>(0)
  static func make() -> ModelID {
    ModelID(rawValue: next.add(1, ordering: .relaxed).newValue)
  }
}

/// Whether the objective is minimised or maximised.
public enum OptimizationSense: Sendable, Hashable {
  case minimize
  case maximize
}

/// A constraint with its name.
public struct NamedConstraint: Sendable {
  public let name: Name
  public let constraint: LinearConstraint
}

/// A mixed-integer linear program, free of any solver.
///
/// Variables and constraints keep their creation order, so building the same
/// model twice gives the same columns and rows in the same order. Building
/// never fails; ``validate()`` reports what a solver would reject (NaN and
/// infinite coefficients, empty or NaN bounds, variables of another model).
public struct Model: Sendable {
  let id = ModelID.make()
  /// The variables, by ``Variable/index``.
  public private(set) var variables: [VariableDefinition] = []
  /// The constraints, in the order they were added.
  public private(set) var constraints: [NamedConstraint] = []
  /// Minimise or maximise.
  public var sense: OptimizationSense = .minimize
  /// The objective, normalized.
  public private(set) var objective = LinearExpression()

  /// An empty model.
  public init() {}

  /// Adds a variable. Binary variables default to bounds `[0, 1]`, the
  /// others to `[0, +∞)`.
  public mutating func addVariable(
    _ name: Name,
    kind: VariableKind = .continuous,
    lowerBound: Double = 0,
    upperBound: Double? = nil
  ) -> Variable {
    let upper = upperBound ?? (kind == .binary ? 1 : .infinity)
    variables.append(
      VariableDefinition(name: name, kind: kind, lowerBound: lowerBound, upperBound: upper))
    return Variable(index: variables.count - 1, modelID: id)
  }

  /// Adds a constraint under `name` (its family is `name.family`).
  public mutating func addConstraint(_ constraint: LinearConstraint, name: Name) {
    constraints.append(NamedConstraint(name: name, constraint: constraint))
  }

  /// Sets the objective to optimise.
  public mutating func setObjective(_ sense: OptimizationSense, _ expression: LinearExpression) {
    self.sense = sense
    self.objective = expression.normalized()
  }

  /// Replaces the bounds of `variable` (e.g. to fix it while searching a
  /// neighbourhood); ``validate()`` reports empty or NaN bounds.
  public mutating func setBounds(of variable: Variable, lower: Double, upper: Double) {
    let old = variables[variable.index]
    variables[variable.index] = VariableDefinition(
      name: old.name, kind: old.kind, lowerBound: lower, upperBound: upper)
  }

  /// The smallest of a few common multipliers (1, 2, 4, … 3600) that makes
  /// every objective coefficient a whole number, when all of them sit on
  /// integer or binary variables; `nil` otherwise. Then objective values at
  /// integer points differ by multiples of `1 / scale` (plus the constant).
  public var integralObjectiveScale: Double? {
    var coefficients = [Double](repeating: 0, count: variables.count)
    for term in objective.terms { coefficients[term.variable.index] += term.coefficient }
    let used = coefficients.indices.filter { coefficients[$0] != 0 }
    guard !used.isEmpty, used.allSatisfy({ variables[$0].kind != .continuous }) else { return nil }
    return Self.integralScale(of: used.map { coefficients[$0] })
  }

  /// The smallest of the multipliers ``integralObjectiveScale`` tries
  /// (1, 2, 4, … 3600) that makes every one of `coefficients` a whole
  /// number; `nil` when none does.
  public static func integralScale(of coefficients: [Double]) -> Double? {
    let candidates: [Double] = [
      1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 16, 20, 24, 30, 40, 48, 60, 120, 240, 360, 600, 1200, 3600,
    ]
    return candidates.first { scale in
      coefficients.allSatisfy { coefficient in
        let value = coefficient * scale
        return abs(value) < 1e9 && abs(value - value.rounded()) <= 1e-9 * max(1, abs(value))
      }
    }
  }

  /// The definition of `variable`.
  public subscript(variable: Variable) -> VariableDefinition {
    variables[variable.index]
  }

  /// Whether any variable is integer or binary.
  public var isMixedInteger: Bool {
    variables.contains { $0.kind != .continuous }
  }

  /// The constraint families in order of first appearance.
  public var constraintFamilies: [String] {
    var seen = Set<String>()
    return constraints.compactMap { seen.insert($0.name.family).inserted ? $0.name.family : nil }
  }

  /// The constraints of one family, in order.
  public func constraints(inFamily family: String) -> [NamedConstraint] {
    constraints.filter { $0.name.family == family }
  }

  /// Throws the first problem a solver would reject.
  public func validate() throws(ModelError) {
    for variable in variables {
      let (lower, upper) = (variable.lowerBound, variable.upperBound)
      if lower.isNaN || upper.isNaN || lower > upper || lower == .infinity
        || upper == -.infinity
        || (variable.kind == .binary && (lower < 0 || upper > 1))
      {
        throw .invalidBounds(variable: variable.name, lower: lower, upper: upper)
      }
    }
    try check(objective, in: Name("objective"))
    for named in constraints {
      try check(named.constraint.expression, in: named.name)
      if !named.constraint.rightHandSide.isFinite {
        throw .nonFiniteRightHandSide(constraint: named.name)
      }
    }
  }

  private func check(_ expression: LinearExpression, in owner: Name) throws(ModelError) {
    if !expression.constant.isFinite { throw .nonFiniteRightHandSide(constraint: owner) }
    for term in expression.terms {
      guard term.variable.modelID == id, term.variable.index < variables.count else {
        throw .foreignVariable(in: owner)
      }
      if !term.coefficient.isFinite {
        throw .nonFiniteCoefficient(
          in: owner, variable: variables[term.variable.index].name)
      }
    }
  }
}

/// A model that no solver should see.
public enum ModelError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A variable's bounds are NaN, empty, or outside `[0, 1]` for a binary.
  case invalidBounds(variable: Name, lower: Double, upper: Double)
  /// A coefficient is NaN or infinite.
  case nonFiniteCoefficient(in: Name, variable: Name)
  /// A right-hand side or constant is NaN or infinite.
  case nonFiniteRightHandSide(constraint: Name)
  /// An expression uses a variable of another model.
  case foreignVariable(in: Name)

  public var description: String {
    switch self {
    case .invalidBounds(let variable, let lower, let upper):
      return "variable \(variable) has invalid bounds [\(lower), \(upper)]"
    case .nonFiniteCoefficient(let owner, let variable):
      return "\(owner): coefficient of \(variable) is not a finite number"
    case .nonFiniteRightHandSide(let owner):
      return "\(owner): right-hand side is not a finite number"
    case .foreignVariable(let owner):
      return "\(owner) uses a variable that belongs to another model"
    }
  }
}
