/// A linear expression `Σ coefficient × variable + constant`.
///
/// Terms are kept in the order they were added; ``normalized()`` merges
/// repeated variables and sorts by variable index, so that the same
/// expression always lowers to the same row. Deliberately not `Equatable`:
/// `==` between expressions builds a ``LinearConstraint``.
public struct LinearExpression: Sendable {
  /// One `coefficient × variable` term.
  public struct Term: Sendable {
    public var variable: Variable
    public var coefficient: Double
  }

  /// The terms, possibly with repeated variables.
  public private(set) var terms: [Term]
  /// The constant part.
  public var constant: Double

  /// The expression `constant`.
  public init(constant: Double = 0) {
    self.terms = []
    self.constant = constant
  }

  /// The expression `1 × variable`.
  public init(_ variable: Variable) {
    self.terms = [Term(variable: variable, coefficient: 1)]
    self.constant = 0
  }

  /// The expression with exactly these `terms` (taken as they are) and no
  /// constant.
  init(terms: [Term]) {
    self.terms = terms
    self.constant = 0
  }

  /// `Σ coefficient × variable` over the given pairs.
  public init(terms: some Sequence<(Variable, Double)>) {
    self.terms = terms.map { Term(variable: $0.0, coefficient: $0.1) }
    self.constant = 0
  }

  /// The sum of the given variables, each with coefficient 1.
  public static func sum(_ variables: some Sequence<Variable>) -> LinearExpression {
    LinearExpression(terms: variables.lazy.map { ($0, 1.0) })
  }

  /// Adds `coefficient × variable`.
  public mutating func add(_ variable: Variable, coefficient: Double = 1) {
    terms.append(Term(variable: variable, coefficient: coefficient))
  }

  /// Adds every term and the constant of `other`.
  public mutating func add(_ other: LinearExpression) {
    terms.append(contentsOf: other.terms)
    constant += other.constant
  }

  /// The same expression with each variable once, sorted by index, and
  /// without zero coefficients.
  public func normalized() -> LinearExpression {
    var result = LinearExpression(constant: constant)
    let sorted = terms.enumerated().sorted {
      ($0.element.variable.index, $0.offset) < ($1.element.variable.index, $1.offset)
    }
    for (_, term) in sorted {
      if let last = result.terms.last, last.variable == term.variable {
        result.terms[result.terms.count - 1].coefficient += term.coefficient
      } else {
        result.terms.append(term)
      }
    }
    result.terms.removeAll { $0.coefficient == 0 }
    return result
  }

  /// The value of the expression when each variable takes `value(variable)`.
  public func evaluate(_ value: (Variable) -> Double) -> Double {
    terms.reduce(constant) { $0 + $1.coefficient * value($1.variable) }
  }
}

// The operator set is small on purpose: every overload slows the type
// checker on long sums.

extension LinearExpression {
  /// `lhs + rhs`.
  public static func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var result = lhs
    result.add(rhs)
    return result
  }

  /// `lhs + rhs`.
  public static func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
    var result = lhs
    result.add(rhs)
    return result
  }

  /// `lhs + rhs`.
  public static func + (lhs: LinearExpression, rhs: Double) -> LinearExpression {
    var result = lhs
    result.constant += rhs
    return result
  }

  /// `lhs - rhs`.
  public static func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    lhs + (-1.0) * rhs
  }

  /// `lhs - rhs`.
  public static func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
    var result = lhs
    result.add(rhs, coefficient: -1)
    return result
  }

  /// `coefficient × expression`.
  public static func * (coefficient: Double, expression: LinearExpression) -> LinearExpression {
    var result = LinearExpression(constant: coefficient * expression.constant)
    for term in expression.terms {
      result.add(term.variable, coefficient: coefficient * term.coefficient)
    }
    return result
  }

  /// `lhs += rhs`.
  public static func += (lhs: inout LinearExpression, rhs: LinearExpression) {
    lhs.add(rhs)
  }

  /// `lhs += rhs`.
  public static func += (lhs: inout LinearExpression, rhs: Variable) {
    lhs.add(rhs)
  }
}

extension Variable {
  /// `coefficient × variable`.
  public static func * (coefficient: Double, variable: Variable) -> LinearExpression {
    LinearExpression(terms: [(variable, coefficient)])
  }
}
