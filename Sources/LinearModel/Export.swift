/// Text formats a ``Model`` can be written in.
public enum ModelFileFormat: Sendable, Hashable {
  /// Free MPS, as read by GLPK (`glp_read_mps` with `GLP_MPS_FILE`) and HiGHS.
  case freeMPS
  /// CPLEX LP, as read by GLPK (`glp_read_lp`) and most solvers.
  case cplexLP
}

extension Model {
  /// The model as text in `format`, with its readable names.
  ///
  /// Names are adapted to what the format allows (free MPS: no white space;
  /// CPLEX LP: `[`→`(`, `]`→`)`, `-`→`~`, `:`→`.`, others → `_`) and made
  /// unique, so the file always reads back as the same model.
  public func text(in format: ModelFileFormat) -> String {
    var text = ""
    write(in: format) { text += $0 }
    return text
  }

  /// The same text as ``text(in:)``, handed to `emit` piece by piece (a
  /// line or a few at a time), so that a large model can be written to a
  /// file without holding its whole text.
  public func write(in format: ModelFileFormat, to emit: (String) -> Void) {
    switch format {
    case .freeMPS: MPSWriter(model: self).write(to: emit)
    case .cplexLP: LPWriter(model: self).write(to: emit)
    }
  }
}

/// Gives each column and row a name that is valid in a format and unique.
struct FileNames {
  let columns: [String]
  let rows: [String]
  let objective: String

  init(model: Model, adapt: (String) -> String) {
    var taken = Set<String>()
    func unique(_ raw: String) -> String {
      let base = adapt(raw)
      var candidate = base
      var suffix = 2
      while !taken.insert(candidate).inserted {
        candidate = "\(base)#\(suffix)"
        suffix += 1
      }
      return candidate
    }
    objective = unique("objective")
    columns = model.variables.map { unique($0.name.description) }
    rows = model.constraints.map { unique($0.name.description) }
  }

  /// `base`, suffixed until no column, row or objective has that name.
  static func uniqueName(_ base: String, avoiding names: FileNames) -> String {
    let taken = Set(names.columns + names.rows + [names.objective])
    var candidate = base
    var suffix = 2
    while taken.contains(candidate) {
      candidate = "\(base)#\(suffix)"
      suffix += 1
    }
    return candidate
  }
}

/// Formats a number so that it reads back exactly.
func formatNumber(_ value: Double) -> String {
  if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
  return "\(value)"
}

struct MPSWriter {
  let model: Model

  func write(to emit: (String) -> Void) {
    let names = FileNames(model: model) { name in
      String(name.map { $0.isWhitespace ? "_" : $0 })
    }
    emit("NAME sro\n")
    if model.sense == .maximize { emit("OBJSENSE\n    MAX\n") }
    emit("ROWS\n N  \(names.objective)\n")
    for (i, named) in model.constraints.enumerated() {
      let code: String
      switch named.constraint.sense {
      case .lessOrEqual: code = "L"
      case .greaterOrEqual: code = "G"
      case .equal: code = "E"
      }
      emit(" \(code)  \(names.rows[i])\n")
    }
    // Entries of each column: the objective (row -1) first, then rows in
    // order, by row index to keep the transposed matrix small.
    var entries = [[(row: Int32, value: Double)]](repeating: [], count: model.variables.count)
    for term in model.objective.terms {
      entries[term.variable.index].append((-1, term.coefficient))
    }
    for (i, named) in model.constraints.enumerated() {
      for term in named.constraint.expression.terms {
        entries[term.variable.index].append((Int32(i), term.coefficient))
      }
    }
    emit("COLUMNS\n")
    var inIntegerSection = false
    var marker = 0
    for (j, variable) in model.variables.enumerated() {
      let isInteger = variable.kind != .continuous
      if isInteger != inIntegerSection {
        emit("    M\(marker) 'MARKER' '\(isInteger ? "INTORG" : "INTEND")'\n")
        marker += 1
        inIntegerSection = isInteger
      }
      if entries[j].isEmpty {
        // A column must appear in COLUMNS to exist.
        emit("    \(names.columns[j]) \(names.objective) 0\n")
      }
      for (row, value) in entries[j] {
        let name = row < 0 ? names.objective : names.rows[Int(row)]
        emit("    \(names.columns[j]) \(name) \(formatNumber(value))\n")
      }
    }
    if inIntegerSection { emit("    M\(marker) 'MARKER' 'INTEND'\n") }
    emit("RHS\n")
    if model.objective.constant != 0 {
      emit("    RHS \(names.objective) \(formatNumber(-model.objective.constant))\n")
    }
    for (i, named) in model.constraints.enumerated() where named.constraint.rightHandSide != 0 {
      emit("    RHS \(names.rows[i]) \(formatNumber(named.constraint.rightHandSide))\n")
    }
    emit("BOUNDS\n")
    for (j, variable) in model.variables.enumerated() {
      emit(bounds(of: variable, named: names.columns[j]))
    }
    emit("ENDATA\n")
  }

  /// Every column gets explicit bounds: readers differ on the defaults of
  /// integer columns.
  private func bounds(of variable: VariableDefinition, named name: String) -> String {
    let (lower, upper) = (variable.lowerBound, variable.upperBound)
    if variable.kind == .binary, lower == 0, upper == 1 { return " BV BND \(name)\n" }
    if lower == upper { return " FX BND \(name) \(formatNumber(lower))\n" }
    if lower == -.infinity, upper == .infinity { return " FR BND \(name)\n" }
    var out = ""
    out +=
      lower == -.infinity ? " MI BND \(name)\n" : " LO BND \(name) \(formatNumber(lower))\n"
    out += upper == .infinity ? " PL BND \(name)\n" : " UP BND \(name) \(formatNumber(upper))\n"
    return out
  }
}

struct LPWriter {
  let model: Model

  /// CPLEX LP names: letters, digits and `!"#$%&()/,.;?@_`'{}|~`, not
  /// starting with a digit or a period.
  static func adapt(_ name: String) -> String {
    let allowed = Set("!\"#$%&()/,.;?@_`'{}|~")
    var result = String(
      name.map { c -> Character in
        switch c {
        case "[": return "("
        case "]": return ")"
        case "-": return "~"
        case ":": return "."
        default: return (c.isASCII && (c.isLetter || c.isNumber)) || allowed.contains(c) ? c : "_"
        }
      })
    if let first = result.first, first.isNumber || first == "." { result = "_" + result }
    return result
  }

  /// Whether the LP `Binary` section states the variable exactly.
  private static func isPlainBinary(_ variable: VariableDefinition) -> Bool {
    variable.kind == .binary && variable.lowerBound == 0 && variable.upperBound == 1
  }

  func write(to emit: (String) -> Void) {
    let names = FileNames(model: model, adapt: LPWriter.adapt)
    // The LP format has no objective constant: a column fixed at 1 carries it.
    let constantColumn = FileNames.uniqueName("objective_constant", avoiding: names)
    var usesConstantColumn = false
    var objective = terms(model.objective, names)
    if model.objective.constant != 0 || objective.isEmpty {
      objective.append((model.objective.constant, constantColumn))
      usesConstantColumn = true
    }
    emit(model.sense == .minimize ? "Minimize\n" : "Maximize\n")
    emit(" \(names.objective):" + render(objective) + "\n")
    emit("Subject To\n")
    for (i, named) in model.constraints.enumerated() {
      let op: String
      switch named.constraint.sense {
      case .lessOrEqual: op = "<="
      case .greaterOrEqual: op = ">="
      case .equal: op = "="
      }
      var lhs = terms(named.constraint.expression, names)
      if lhs.isEmpty {
        lhs = [(0, constantColumn)]
        usesConstantColumn = true
      }
      emit(" \(names.rows[i]):" + render(lhs))
      emit(" \(op) \(formatNumber(named.constraint.rightHandSide))\n")
    }
    emit("Bounds\n")
    for (j, variable) in model.variables.enumerated() where !Self.isPlainBinary(variable) {
      let lower =
        variable.lowerBound == -.infinity ? "-inf" : formatNumber(variable.lowerBound)
      let upper = variable.upperBound == .infinity ? "+inf" : formatNumber(variable.upperBound)
      emit(" \(lower) <= \(names.columns[j]) <= \(upper)\n")
    }
    if usesConstantColumn { emit(" \(constantColumn) = 1\n") }
    let integers = model.variables.indices.filter {
      model.variables[$0].kind != .continuous && !Self.isPlainBinary(model.variables[$0])
    }
    if !integers.isEmpty {
      emit("General\n" + integers.map { " \(names.columns[$0])\n" }.joined())
    }
    let binaries = model.variables.indices.filter { Self.isPlainBinary(model.variables[$0]) }
    if !binaries.isEmpty {
      emit("Binary\n" + binaries.map { " \(names.columns[$0])\n" }.joined())
    }
    emit("End\n")
  }

  private func terms(_ expression: LinearExpression, _ names: FileNames) -> [(Double, String)] {
    expression.terms.map { ($0.coefficient, names.columns[$0.variable.index]) }
  }

  /// ` + 2 x - y ...`, eight terms a line.
  private func render(_ terms: [(Double, String)]) -> String {
    var out = ""
    for (k, (coefficient, name)) in terms.enumerated() {
      if k > 0, k % 8 == 0 { out += "\n   " }
      let sign = coefficient < 0 ? "-" : "+"
      let magnitude = abs(coefficient)
      out += " \(sign) " + (magnitude == 1 ? "" : "\(formatNumber(magnitude)) ") + name
    }
    return out
  }
}
