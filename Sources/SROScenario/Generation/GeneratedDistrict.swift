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
}
