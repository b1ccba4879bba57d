/// A district drawn from ``DistrictGenerator/Options``: plain values the
/// YAML writer prints in order. Lists are arrays built in a fixed order; no
/// dictionary or set order ever reaches the output.
struct GeneratedDistrict {
  enum Level: String {
    case high, middle, elementary
  }

  /// Index of the agency in ``agencies``.
  static let police = 0
  static let sheriff = 1

  struct Agency {
    var id: String
    var name: String
    var serves: [Level]
  }

  struct Window: Equatable {
    var start: TimeOfDay
    var end: TimeOfDay
    var officers: Int

    var hours: Double { Double(end.minutes - start.minutes) / 60 }
  }

  struct School {
    var id: String
    var name: String
    /// The name without "High School", "Elementary", …, for event names.
    var shortName: String
    var level: Level
    var isAcademy = false
    /// Latitude and longitude in units of 1e-4 degrees.
    var latitude = 0
    var longitude = 0
    var priority = 1
    var skills: [String] = []
    /// The school's own windows; `nil` for its level's defaults.
    var coverage: [Window]?

    var agency: Int { level == .elementary ? GeneratedDistrict.sheriff : GeneratedDistrict.police }
  }

  struct Officer {
    var id = ""
    var name = ""
    var agency: Int
    var home: Int?
    var skills: [String] = []
    var maxHoursPerWeek: Int?
  }

  struct Absence {
    var officer: Int
    var days: [Weekday]
    /// `nil` for the whole day.
    var interval: (start: TimeOfDay, end: TimeOfDay)?
    var reason: String
  }

  struct Closure {
    var school: Int
    var days: [Weekday]
    var reason: String
  }

  struct Event {
    var id: String
    var name: String
    var school: Int
    var day: Weekday
    var start: TimeOfDay
    var end: TimeOfDay
    var officers: Int
    var priority: Int
  }

  static let skills = ["special-needs", "youth-mental-health"]

  /// Regular coverage per level when a school gives none of its own.
  static let defaultCoverage: [(Level, Window)] = [
    (.high, Window(start: time(7, 15), end: time(16, 0), officers: 2)),
    (.middle, Window(start: time(7, 30), end: time(16, 0), officers: 1)),
    (.elementary, Window(start: time(7, 30), end: time(15, 30), officers: 1)),
  ]

  let options: DistrictGenerator.Options
  var city = ""
  var county = ""
  var agencies: [Agency] = []
  var schools: [School] = []
  var officers: [Officer] = []
  var absences: [Absence] = []
  var closures: [Closure] = []
  var events: [Event] = []
  /// Days of the district-wide training two-day course.
  var trainingDays: [Weekday] = []

  init(options: DistrictGenerator.Options) {
    self.options = options
    makeAgencies()
    makeSchools()
    makeEvents()
    makeOfficers()
    makeAbsences()
    makeClosures()
  }

  func random(_ stream: String) -> SplitMix64 { SplitMix64(seed: options.seed, stream: stream) }

  static func time(_ hours: Int, _ minutes: Int) -> TimeOfDay { TimeOfDay(minutes: hours * 60 + minutes) }

  /// The windows `school` must be covered in.
  func coverage(of school: School) -> [Window] {
    school.coverage ?? Self.defaultCoverage.filter { $0.0 == school.level }.map(\.1)
  }

  /// Officer-hours of regular coverage `school` needs in a week.
  func weeklyHours(of school: School) -> Double {
    coverage(of: school).reduce(0) { $0 + $1.hours * Double($1.officers) } * Double(Weekday.weekdays.count)
  }

  // MARK: - Agencies

  private mutating func makeAgencies() {
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

  private mutating func makeSchools() {
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

  // MARK: - Events

  private struct EventKind {
    var name: String
    var slug: String
    var days: [Weekday]
    var starts: [TimeOfDay]
    var end: TimeOfDay
    var officers: ClosedRange<Int>
    var priority = 1
    var versus = true
    var weight: Double
  }

  private static let eventKinds: [(Level, [EventKind])] = [
    (
      .high,
      [
        EventKind(
          name: "Football", slug: "football", days: [.fri], starts: [time(18, 0), time(19, 0)],
          end: time(22, 30), officers: 3...4, priority: 2, weight: 3),
        EventKind(
          name: "Football", slug: "football", days: [.sat], starts: [time(18, 0)], end: time(22, 30),
          officers: 3...4, priority: 2, weight: 0.4),
        EventKind(
          name: "JV Football", slug: "jv-football", days: [.thu], starts: [time(18, 0)], end: time(21, 0),
          officers: 2...2, weight: 1.2),
        EventKind(
          name: "Volleyball", slug: "volleyball", days: [.tue, .thu], starts: [time(18, 0)],
          end: time(21, 0), officers: 1...2, weight: 1.2),
        EventKind(
          name: "Soccer", slug: "soccer", days: [.mon, .tue, .thu], starts: [time(18, 0)],
          end: time(20, 30), officers: 1...1, weight: 0.8),
        EventKind(
          name: "Marching Band Contest", slug: "band-contest", days: [.sat], starts: [time(8, 0)],
          end: time(17, 0), officers: 2...2, versus: false, weight: 0.3),
        EventKind(
          name: "Homecoming Dance", slug: "homecoming-dance", days: [.sat], starts: [time(19, 0)],
          end: time(23, 0), officers: 2...3, versus: false, weight: 0.3),
      ]
    ),
    (
      .middle,
      [
        EventKind(
          name: "8th Grade Football", slug: "football", days: [.thu], starts: [time(18, 0)],
          end: time(20, 30), officers: 1...2, weight: 2),
        EventKind(
          name: "Volleyball", slug: "volleyball", days: [.mon, .tue], starts: [time(18, 0)],
          end: time(20, 0), officers: 1...1, weight: 1),
        EventKind(
          name: "Band Concert", slug: "band-concert", days: [.mon, .tue, .wed], starts: [time(18, 30)],
          end: time(20, 30), officers: 1...1, versus: false, weight: 1),
      ]
    ),
    (
      .elementary,
      [
        EventKind(
          name: "Fall Carnival", slug: "carnival", days: [.fri], starts: [time(17, 30)], end: time(20, 30),
          officers: 1...1, versus: false, weight: 1),
        EventKind(
          name: "Family Literacy Night", slug: "literacy-night", days: [.tue, .thu], starts: [time(18, 0)],
          end: time(19, 30), officers: 1...1, versus: false, weight: 1),
      ]
    ),
  ]

  private mutating func makeEvents() {
    var rng = random("events")
    let levels: [(Level, Double)] = [(.high, 0.6), (.middle, 0.3), (.elementary, 0.1)]
    let hosts = levels.map { level, _ in
      schools.indices.filter { schools[$0].level == level && !schools[$0].isAcademy }
    }
    let weights = levels.indices.map { hosts[$0].isEmpty ? 0 : levels[$0].1 }
    guard weights.contains(where: { $0 > 0 }) else { return }
    var usedIDs: Set<String> = []
    for number in 0..<options.resolvedEvents {
      // The second event is a Saturday game when there is a high school to host it.
      let saturdayGame = number == 1 && !hosts[0].isEmpty
      for _ in 0..<20 {
        let level = saturdayGame ? 0 : rng.weightedIndex(weights)
        let school = rng.pick(hosts[level])
        let kinds = Self.eventKinds[level].1
        let kind = saturdayGame ? kinds[1] : kinds[rng.weightedIndex(kinds.map(\.weight))]
        let day = rng.pick(kind.days)
        guard !events.contains(where: { $0.school == school && $0.day == day }) else { continue }
        // One event of a kind per school (one varsity football game a week).
        let id = "\(schools[school].id)-\(kind.slug)"
        guard usedIDs.insert(id).inserted else { continue }
        var name = kind.name
        if kind.versus { name += " vs. " + opponent(of: school, rng: &rng) }
        events.append(
          Event(
            id: id, name: name, school: school, day: day, start: rng.pick(kind.starts), end: kind.end,
            officers: rng.int(in: kind.officers), priority: kind.priority))
        break
      }
    }
  }

  /// A visiting team: another school of the district of the same level, or a
  /// nearby town.
  private func opponent(of school: Int, rng: inout SplitMix64) -> String {
    let level = schools[school].level
    let rivals = schools.indices.filter {
      $0 != school && schools[$0].level == level && !schools[$0].isAcademy
    }
    if !rivals.isEmpty && rng.chance(0.4) { return schools[rng.pick(rivals)].shortName }
    return rng.pick(NamePools.rivals)
  }

  // MARK: - Officers

  private mutating func makeOfficers() {
    var rng = random("officers")
    let total = options.resolvedOfficers
    var demand = [0.0, 0.0]
    for school in schools { demand[school.agency] += weeklyHours(of: school) }
    for event in events {
      demand[schools[event.school].agency] +=
        Double(event.officers) * Double(event.end.minutes - event.start.minutes) / 60
    }
    var counts = [0, 0]
    if demand[0] + demand[1] > 0 {
      var police = Int((Double(total) * demand[0] / (demand[0] + demand[1])).rounded())
      if demand[0] > 0 && demand[1] > 0 && total >= 2 { police = min(max(police, 1), total - 1) }
      counts = [police, total - police]
    } else {
      counts = [0, total]
    }

    var names = OfficerNames(rng: random("officer-names"))
    for agency in agencies.indices {
      let count = counts[agency]
      guard count > 0 else { continue }
      let own = schools.indices.filter { schools[$0].agency == agency }
      // Every school's first seat, then the second officers of the schools
      // that need two, each group in random order.
      var seats = rng.shuffled(own)
      let extra = own.flatMap { index in
        Array(repeating: index, count: max(0, (coverage(of: schools[index]).map(\.officers).max() ?? 0) - 1))
      }
      seats += rng.shuffled(extra)
      var relief = count >= 2 ? max(1, Int((Double(count) * (0.10 + 0.05 * rng.unit())).rounded())) : 0
      let homed = min(count - relief, seats.count)
      relief = count - homed
      let homes = seats.prefix(homed).sorted()
      let prefix = agencies[agency].id.lowercased()
      let title = agency == Self.police ? "Ofc." : "Dep."
      let width = max(2, String(homed).count)
      for (number, home) in homes.enumerated() {
        var officer = Officer(agency: agency, home: home)
        officer.id = "\(prefix)-\(Self.pad(number + 1, width))"
        officer.name = "\(title) \(names.next())"
        officer.skills = schools[home].skills
        if officer.skills.isEmpty && rng.chance(0.06) { officer.skills = [rng.pick(Self.skills)] }
        officers.append(officer)
      }
      let wanted = Array(Set(own.flatMap { schools[$0].skills })).sorted()
      for number in 0..<relief {
        var officer = Officer(agency: agency, home: nil)
        officer.id = "\(prefix)-r\(number + 1)"
        officer.name = "\(title) \(names.next())"
        if rng.chance(0.5) { officer.skills = [rng.pick(wanted.isEmpty ? Self.skills : wanted)] }
        officers.append(officer)
      }
      // Every skill a school of the agency needs is held by someone in it:
      // a relief officer first, else whoever has the fewest skills.
      for skill in wanted
      where !officers.contains(where: { $0.agency == agency && $0.skills.contains(skill) }) {
        let members = officers.indices.filter { officers[$0].agency == agency }
        let reliefMembers = members.filter { officers[$0].home == nil }
        let pool = reliefMembers.isEmpty ? members : reliefMembers
        let chosen = pool.min { officers[$0].skills.count < officers[$1].skills.count }!
        officers[chosen].skills = (officers[chosen].skills + [skill]).sorted()
      }
    }

    // A few part-time officers.
    if total >= 8 {
      let partTime = max(1, Int((Double(total) * 0.05).rounded()))
      for index in rng.shuffled(Array(officers.indices)).prefix(partTime) {
        officers[index].maxHoursPerWeek = 32
      }
    }
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }

  // MARK: - Absences

  private mutating func makeAbsences() {
    var rng = random("absences")
    let weekdays = Weekday.weekdays
    let trainingStart = rng.int(in: 0...3)
    trainingDays = [weekdays[trainingStart], weekdays[trainingStart + 1]]
    let qualificationDay = rng.pick(weekdays)

    func wholeDays(_ kind: Int) -> ([Weekday], String) {
      switch kind {
      case 0:
        return ([rng.pick(weekdays)], rng.chance(0.8) ? "sick leave" : "family illness")
      case 1:
        let length = rng.int(in: 2...5)
        let first = rng.int(in: 0...(5 - length))
        return (Array(weekdays[first..<(first + length)]), "annual leave")
      default:
        return rng.chance(0.7)
          ? (trainingDays, "state SRO training") : ([qualificationDay], "firearms qualification")
      }
    }
    func partial() -> (Weekday, TimeOfDay, TimeOfDay, String) {
      if rng.chance(0.75) {
        let start = rng.pick([
          Self.time(8, 0), Self.time(8, 30), Self.time(9, 0), Self.time(10, 0), Self.time(12, 30),
        ])
        let end = TimeOfDay(minutes: min(start.minutes + 60 * rng.int(in: 2...4), 16 * 60))
        return (rng.pick(weekdays), start, end, "court testimony")
      }
      let start = rng.pick([Self.time(12, 0), Self.time(13, 0), Self.time(14, 0)])
      return (rng.pick(weekdays), start, TimeOfDay(minutes: start.minutes + 90), "medical appointment")
    }

    for officer in officers.indices where rng.chance(options.absenceRate) {
      // sick 30%, annual leave 20%, training 20%, court or appointment 30%.
      let kind = rng.weightedIndex([0.3, 0.2, 0.2, 0.3])
      if kind < 3 {
        let (days, reason) = wholeDays(kind)
        absences.append(Absence(officer: officer, days: days, interval: nil, reason: reason))
      } else {
        let (day, start, end, reason) = partial()
        absences.append(Absence(officer: officer, days: [day], interval: (start, end), reason: reason))
      }
    }
    // At least one absence of each kind when there are officers for them
    // (unless absences were turned off).
    guard options.absenceRate > 0 else { return }
    let free = officers.indices.filter { index in !absences.contains { $0.officer == index } }
    var spare = rng.shuffled(free)
    if officers.count >= 2 || absences.isEmpty, !spare.isEmpty,
      !absences.contains(where: { $0.interval == nil })
    {
      let (days, reason) = wholeDays(0)
      absences.append(Absence(officer: spare.removeFirst(), days: days, interval: nil, reason: reason))
    }
    if officers.count >= 2, !spare.isEmpty, !absences.contains(where: { $0.interval != nil }) {
      let (day, start, end, reason) = partial()
      absences.append(
        Absence(officer: spare.removeFirst(), days: [day], interval: (start, end), reason: reason))
    }
    absences.sort { $0.officer < $1.officer }
  }

  // MARK: - Closures

  private mutating func makeClosures() {
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

/// Draws school names without repeats: the plain names in random order,
/// then the same with "North", "South", … in front, then numbered.
struct SchoolNames {
  private var rng: SplitMix64
  private var queue: [String] = []
  private var round = 0

  init(rng: SplitMix64) { self.rng = rng }

  mutating func next() -> String {
    if queue.isEmpty {
      let quarters = NamePools.quarters
      queue = rng.shuffled(NamePools.schools).map { name in
        if round == 0 { return name }
        if round <= quarters.count { return "\(quarters[round - 1]) \(name)" }
        return "\(name) \(round - quarters.count + 1)"
      }
      round += 1
    }
    return queue.removeLast()
  }
}

/// Draws officer names (`A. Rivera`): surnames in random order, each used
/// once before any is used again, with a random initial; never the same
/// name twice while the pool lasts.
struct OfficerNames {
  private var rng: SplitMix64
  private var surnames: [String] = []
  private var used: Set<String> = []

  init(rng: SplitMix64) { self.rng = rng }

  mutating func next() -> String {
    let letters = Array("ABCDEFGHJKLMNPRSTVWY")
    if surnames.isEmpty { surnames = rng.shuffled(NamePools.surnames) }
    let surname = surnames.removeLast()
    var name = ""
    for attempt in 0..<100 {
      name = "\(rng.pick(letters)). \(surname)"
      if used.insert(name).inserted || attempt == 99 { break }
    }
    return name
  }
}
