import GLPKSolver
import LinearModel
import SROFormulation
import SRORoster
import SROScenario

/// Splits a scenario into parts that share no decision: officers and
/// schools linked by eligibility (an officer is linked to every school where
/// it may take a block). With `crossAgency: forbid` the two agencies never
/// share a block, so there are at least two parts; relief officers usually
/// tie each agency's schools into one.
///
/// Every constraint of spec §4 involves one officer or one block, and the
/// objective is a sum over officers and blocks, so the parts can be solved
/// on their own and their rosters merged: the optimum is the same.
extension Scenario {
  /// The parts, largest first (``Instance/independentParts()``).
  package func independentParts() -> [Scenario] { Instance(self).independentParts() }
}

extension Instance {
  /// The parts, largest first; parts with no officer or no school (blocks
  /// nobody may take, officers with nothing to take) are gathered into one.
  func independentParts() -> [Scenario] {
    let (schools, officers) = (scenario.schools, scenario.officers)
    var parent = Array(0..<(schools.count + officers.count))
    func find(_ i: Int) -> Int {
      var i = i
      while parent[i] != i {
        parent[i] = parent[parent[i]]
        i = parent[i]
      }
      return i
    }
    var linkedOfficers = Set<Int>()
    var linkedSchools = Set<Int>()
    for o in officers.indices {
      for b in eligible[o] {
        guard let s = schoolOf[b] else { continue }
        let (a, b) = (find(s), find(schools.count + o))
        if a != b { parent[a] = b }
        linkedOfficers.insert(o)
        linkedSchools.insert(s)
      }
    }
    var groups: [Int: (schools: [Int], officers: [Int])] = [:]
    var rest: (schools: [Int], officers: [Int]) = ([], [])
    for s in schools.indices {
      if linkedSchools.contains(s) {
        groups[find(s), default: ([], [])].schools.append(s)
      } else {
        rest.schools.append(s)
      }
    }
    for o in officers.indices {
      if linkedOfficers.contains(o) {
        groups[find(schools.count + o), default: ([], [])].officers.append(o)
      } else {
        rest.officers.append(o)
      }
    }
    var parts = groups.values.sorted {
      ($0.schools.count + $0.officers.count, $1.schools.first ?? 0)
        > ($1.schools.count + $1.officers.count, $0.schools.first ?? 0)
    }
    if !rest.schools.isEmpty || !rest.officers.isEmpty { parts.append(rest) }
    return parts.map { scenario.part(schools: Set($0.schools), officers: Set($0.officers)) }
  }
}

extension Scenario {
  /// The scenario restricted to some schools and officers.
  func part(schools chosenSchools: Set<Int>, officers chosenOfficers: Set<Int>) -> Scenario {
    var part = self
    part.schools = schools.indices.filter(chosenSchools.contains).map { schools[$0] }
    part.officers = officers.indices.filter(chosenOfficers.contains).map { officers[$0] }
    let schoolIDs = Set(part.schools.map(\.id))
    let officerIDs = Set(part.officers.map(\.id))
    part.absences = absences.filter { officerIDs.contains($0.officer) }
    part.closures = closures.filter { $0.school.map(schoolIDs.contains) ?? true }
    part.events = events.filter { schoolIDs.contains($0.school) }
    part.pins = pins.filter { officerIDs.contains($0.officer) }
    part.forbids = forbids.filter { officerIDs.contains($0.officer) }
    return part
  }
}
