/// The agencies, the schools (names, levels, skills, places) and the
/// week's closures of a generated district.
extension GeneratedDistrict {
  // MARK: - Agencies

  /// Names the city, the county and their two agencies.
  mutating func makeAgencies() {
    var rng = random("names")
    city = rng.pick(NamePools.cities)
    county = rng.pick(NamePools.counties)
    agencies = [
      Agency(
        id: NamePools.initials(city) + "PD", name: "\(city) Police Department", serves: [.high, .middle]),
      Agency(
        id: NamePools.initials(county) + "CSO", name: "\(county) County Sheriff's Office",
        serves: [.elementary]),
    ]
  }

  // MARK: - Schools

  /// Draws the schools by level (an academy among three or more high
  /// schools), their priorities and skills, then places them.
  mutating func makeSchools() {
    var rng = random("schools")
    let counts = LevelCounts(schools: options.schools)
    var names = SchoolNames(rng: random("school-names"))
    var usedIDs: Set<String> = []

    func unique(_ make: (String) -> (id: String, name: String, short: String)) -> (String, String, String) {
      while true {
        let made = make(names.next())
        if usedIDs.insert(made.id).inserted { return made }
      }
    }

    let citySlug = NamePools.slug(city)
    for index in 0..<counts.high {
      var school: School
      if counts.high >= 3 && index == counts.high - 1 {
        let (id, name, short) = unique { ("\(NamePools.slug($0))-academy", "\($0) Academy", $0) }
        school = School(id: id, name: name, shortName: short, level: .high, isAcademy: true)
        school.priority = 2
        school.skills = ["youth-mental-health"]
        school.coverage = [Window(start: Self.time(8, 0), end: Self.time(15, 0), officers: 1)]
      } else if index <= NamePools.quarters.count {
        let short = index == 0 ? "\(city) High" : "\(city) \(NamePools.quarters[index - 1])"
        let id = index == 0 ? "\(citySlug)-high" : NamePools.slug(short)
        usedIDs.insert(id)
        school = School(
          id: id, name: index == 0 ? "\(city) High School" : "\(short) High School", shortName: short,
          level: .high)
      } else {
        let (id, name, short) = unique { ("\(NamePools.slug($0))-hs", "\($0) High School", $0) }
        school = School(id: id, name: name, shortName: short, level: .high)
      }
      // Smaller high schools need one officer, not two.
      if index > 0 && !school.isAcademy && rng.chance(0.25) {
        school.coverage = [Window(start: Self.time(7, 15), end: Self.time(16, 0), officers: 1)]
      }
      schools.append(school)
    }
    for _ in 0..<counts.middle {
      let (id, name, short) = unique { ("\(NamePools.slug($0))-ms", "\($0) Middle School", $0) }
      schools.append(School(id: id, name: name, shortName: short, level: .middle))
    }
    for _ in 0..<counts.elementary {
      let (id, name, short) = unique { ("\(NamePools.slug($0))-es", "\($0) Elementary", $0) }
      schools.append(School(id: id, name: name, shortName: short, level: .elementary))
    }

    // Priority schools that need a trained officer (special-needs programmes,
    // mental-health partnerships): about one school in eight.
    for index in schools.indices where !schools[index].isAcademy && rng.chance(0.12) {
      schools[index].priority = 2
      schools[index].skills = [rng.pick(Self.skills)]
    }
    if schools.count >= 8 && !schools.contains(where: { !$0.skills.isEmpty && !$0.isAcademy }) {
      let candidates = schools.indices.filter { schools[$0].level != .high }
      let index = rng.pick(candidates)
      schools[index].priority = 2
      schools[index].skills = [rng.pick(Self.skills)]
    }

    placeSchools()
  }

  /// Scatters the schools over a disc around the city centre whose area
  /// grows with the district (8 km radius for 24 schools), denser towards
  /// the centre, keeping schools apart. Only exact IEEE arithmetic (no
  /// trigonometry), so coordinates are the same on every platform.
  private mutating func placeSchools() {
    var rng = random("locations")
    let centre = (latitude: 38.9600, longitude: -95.2500)
    let kmPerDegreeLatitude = 111.32
    let kmPerDegreeLongitude = 86.58  // 111.32 × cos(38.96°)
    let radius = max(3, 8 * (Double(options.schools) / 24).squareRoot())
    let spacing = 0.3 * radius / Double(max(1, options.schools)).squareRoot()
    var placed: [(x: Double, y: Double)] = []
    for index in schools.indices {
      var attempt = 0
      var point = (x: 0.0, y: 0.0)
      while true {
        attempt += 1
        let x = (2 * rng.unit() - 1) * radius
        let y = (2 * rng.unit() - 1) * radius
        let squared = x * x + y * y
        guard squared <= radius * radius else { continue }
        guard rng.chance(1 - 0.6 * squared / (radius * radius)) else { continue }
        point = (x, y)
        let crowded = placed.contains {
          ($0.x - x) * ($0.x - x) + ($0.y - y) * ($0.y - y) < spacing * spacing
        }
        if !crowded || attempt > 200 { break }
      }
      placed.append(point)
      schools[index].latitude = Int(((centre.latitude + point.y / kmPerDegreeLatitude) * 10_000).rounded())
      schools[index].longitude = Int(((centre.longitude + point.x / kmPerDegreeLongitude) * 10_000).rounded())
    }
  }

  // MARK: - Closures

  /// Closes a few schools for a day or two, lower levels first.
  mutating func makeClosures() {
    var rng = random("closures")
    let reasons = ["water main repair", "HVAC repair", "power outage", "boiler repair", "roof repair"]
    var candidates = rng.shuffled(Array(schools.indices))
    // Elementary and middle buildings first: older, more of them.
    candidates =
      candidates.filter { schools[$0].level != .high } + candidates.filter { schools[$0].level == .high }
    for school in candidates.prefix(options.resolvedClosures) {
      let first = rng.int(in: 0...4)
      let length = first < 4 && rng.chance(0.2) ? 2 : 1
      closures.append(
        Closure(
          school: school, days: Array(Weekday.weekdays[first..<(first + length)]), reason: rng.pick(reasons)))
    }
    closures.sort { $0.school < $1.school }
  }
}
