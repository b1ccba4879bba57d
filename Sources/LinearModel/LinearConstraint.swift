/// How a constraint relates its expression to its right-hand side.
public enum ConstraintSense: Sendable, Hashable {
  case lessOrEqual
  case greaterOrEqual
  case equal
}

/// `expression ≤ | ≥ | = rightHandSide`, with every variable on the left
/// and every constant on the right.
public struct LinearConstraint: Sendable {
  /// The left-hand side, normalized (each variable once, sorted, no constant).
  public let expression: LinearExpression
  public let sense: ConstraintSense
  public let rightHandSide: Double

  /// `expression sense rightHandSide`, for an `expression` already
  /// normalized (each variable once, sorted by index, no zero coefficient,
  /// no constant), taken as it is: the constraint
  /// ``init(_:_:_:)`` builds from `expression` and `rightHandSide`, bit for
  /// bit (a zero right-hand side as −0.0, as the subtraction there leaves
  /// it).
  init(normalized expression: LinearExpression, _ sense: ConstraintSense, _ rightHandSide: Double) {
    assert(expression.constant == 0, "a normalized expression has no constant")
    assert(
      zip(expression.terms, expression.terms.dropFirst()).allSatisfy {
        $0.variable.index < $1.variable.index
      } && expression.terms.allSatisfy { $0.coefficient != 0 },
      "a normalized expression has each variable once, sorted, none with coefficient 0")
    self.expression = expression
    self.sense = sense
    self.rightHandSide = -(0.0 - rightHandSide)
  }

  /// `lhs sense rhs`, moved into the form `terms sense constant`.
  public init(_ lhs: LinearExpression, _ sense: ConstraintSense, _ rhs: LinearExpression) {
    let difference = (lhs - rhs).normalized()
    var terms = difference
    terms.constant = 0
    self.expression = terms
    self.sense = sense
    self.rightHandSide = -difference.constant
  }

  /// Whether `value` satisfies the constraint within `tolerance`.
  public func isSatisfied(by value: (Variable) -> Double, tolerance: Double = 1e-6) -> Bool {
    let lhs = expression.evaluate(value)
    switch sense {
    case .lessOrEqual: return lhs <= rightHandSide + tolerance
    case .greaterOrEqual: return lhs >= rightHandSide - tolerance
    case .equal: return abs(lhs - rightHandSide) <= tolerance
    }
  }
}

extension LinearExpression {
  /// `lhs ≤ rhs`.
  public static func <= (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
    LinearConstraint(lhs, .lessOrEqual, LinearExpression(constant: rhs))
  }

  /// `lhs ≥ rhs`.
  public static func >= (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
    LinearConstraint(lhs, .greaterOrEqual, LinearExpression(constant: rhs))
  }

  /// `lhs = rhs`.
  public static func == (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
    LinearConstraint(lhs, .equal, LinearExpression(constant: rhs))
  }

  /// `lhs ≤ rhs`.
  public static func <= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
    LinearConstraint(lhs, .lessOrEqual, rhs)
  }

  /// `lhs ≥ rhs`.
  public static func >= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
    LinearConstraint(lhs, .greaterOrEqual, rhs)
  }
}
