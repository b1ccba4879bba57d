/// Rounds to 1e-6, the precision the roster promises (and removes the
/// floating-point dust GLPK leaves, so equal rosters print equal numbers).
package func roundToMicro(_ value: Double) -> Double {
  let rounded = (value * 1e6).rounded() / 1e6
  return rounded == 0 ? 0 : rounded
}

/// A number rounded to 1e-6, whole numbers without a fraction.
package func jsonNumber(_ value: Double) -> String {
  let rounded = roundToMicro(value)
  if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
  return "\(rounded)"
}
