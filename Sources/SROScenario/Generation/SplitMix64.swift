/// SplitMix64 (Steele, Lea & Flood, 2014): a tiny pseudo-random generator
/// whose output depends only on its seed, on every platform and Swift
/// version. The generator draws everything through it — never through the
/// standard library's random APIs, whose algorithms may change — so that the
/// same options always give the same file.
struct SplitMix64: Sendable {
  private var state: UInt64

  /// A generator started at `seed`.
  init(seed: UInt64) { state = seed }

  /// An independent stream for one part of the generation, so that changing
  /// one option (say the number of events) leaves the other parts as they were.
  init(seed: UInt64, stream: String) {
    // FNV-1a of the stream's name, mixed into the seed.
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in stream.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    state = seed ^ hash
    _ = next()
  }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// A number in `[0, 1)` with 53 random bits.
  mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// A whole number in `0 ..< bound` (`bound` > 0), without modulo bias.
  mutating func int(below bound: Int) -> Int {
    precondition(bound > 0, "empty range")
    let limit = UInt64(bound)
    let threshold = (0 &- limit) % limit
    while true {
      let value = next()
      if value >= threshold { return Int(value % limit) }
    }
  }

  /// A whole number in `range`.
  mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
  }

  /// `true` with probability `probability`.
  mutating func chance(_ probability: Double) -> Bool { unit() < probability }

  /// One element of a non-empty array.
  mutating func pick<Element>(_ elements: [Element]) -> Element { elements[int(below: elements.count)] }

  /// An index drawn with probability proportional to its weight (weights ≥ 0,
  /// at least one positive).
  mutating func weightedIndex(_ weights: [Double]) -> Int {
    let total = weights.reduce(0, +)
    var target = unit() * total
    for (index, weight) in weights.enumerated() where weight > 0 {
      if target < weight { return index }
      target -= weight
    }
    return weights.lastIndex { $0 > 0 }!
  }

  /// The elements in a random order (Fisher–Yates).
  mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
    var result = elements
    var index = result.count - 1
    while index > 0 {
      result.swapAt(index, int(below: index + 1))
      index -= 1
    }
    return result
  }
}
