import SROFormulation
import SROScenario

/// A part of a larger ``Instance`` (a region, or neighbouring regions
/// together) with where each of its officers and blocks stands in the
/// larger one, so that searches on the part and on the whole hand each
/// other officer–block pairs, never rosters.
struct InstancePart {
  /// The part's own instance: its blocks are the larger instance's blocks
  /// at its schools, in the same order (what ``Scenario/blocks()`` gives
  /// the part's scenario).
  let instance: Instance
  /// Each officer's index in the larger instance.
  let officers: [Int]
  /// Each block's index in the larger instance.
  let blocks: [Int]

  /// `pairs` of this part as pairs of the larger instance.
  func lifted(_ pairs: [PinCheck.Pair]) -> [PinCheck.Pair] {
    pairs.map { PinCheck.Pair(officer: officers[$0.officer], block: blocks[$0.block]) }
  }

  /// The pairs among `pairs` (of the larger instance) whose officer is in
  /// this part, as pairs of this part. Every block such an officer takes
  /// is at a school of the part.
  func restricted(_ pairs: [PinCheck.Pair]) -> [PinCheck.Pair] {
    let officer = Dictionary(uniqueKeysWithValues: officers.enumerated().map { ($1, $0) })
    let block = Dictionary(uniqueKeysWithValues: blocks.enumerated().map { ($1, $0) })
    return pairs.compactMap { pair in
      guard let o = officer[pair.officer], let b = block[pair.block] else { return nil }
      return PinCheck.Pair(officer: o, block: b)
    }
  }
}

extension Instance {
  /// `part` (schools and officers of this instance's scenario, see
  /// ``Scenario/part(schools:officers:)``) as an ``InstancePart`` of this
  /// instance.
  func part(_ part: Scenario) -> InstancePart {
    let officerIndex = Dictionary(
      scenario.officers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    let schools = Set(part.schools.map(\.id))
    let blocks = self.blocks.indices.filter { schools.contains(self.blocks[$0].school) }
    return InstancePart(
      instance: Instance(part, blocks: blocks.map { self.blocks[$0] }),
      officers: part.officers.compactMap { officerIndex[$0.id] }, blocks: blocks)
  }

  /// This instance as a part of itself.
  var whole: InstancePart {
    InstancePart(instance: self, officers: Array(scenario.officers.indices), blocks: Array(blocks.indices))
  }
}
