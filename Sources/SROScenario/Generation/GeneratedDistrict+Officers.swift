/// The officers of a generated district, homed where coverage needs
/// them, and their absences.
extension GeneratedDistrict {
  // MARK: - Officers

  /// Draws the officers: each agency's share of the total by the hours its
  /// schools and events need, homed seat by seat (every school's first
  /// seat first), the rest relief; every needed skill held by someone; a
  /// few part-time.
  mutating func makeOfficers() {
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

  /// `value` with leading zeros to `width` digits.
  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }

  // MARK: - Absences

  /// Draws the week's absences (sick leave, annual leave, training, court,
  /// appointments) at the options' rate, with at least one whole-day and
  /// one partial absence when there are officers for them.
  mutating func makeAbsences() {
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

}
