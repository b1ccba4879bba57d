/// The words generated districts are named with. All fictional
/// combinations; any resemblance to a real district is a coincidence.
enum NamePools {
  /// Cities the district is named after.
  static let cities = [
    "Ashford", "Bellmont", "Brookfield", "Cedar Springs", "Clearfield", "Crestwood", "Eastbrook",
    "Fairhaven", "Glenwood", "Granite Falls", "Harmony", "Hollister", "Kingsley", "Lakeside",
    "Linden", "Maple Grove", "Marlow", "Millbrook", "Northgate", "Oakdale", "Pine Hollow",
    "Prairie City", "Red Hill", "Riverton", "Rockport", "Silver Creek", "Springdale", "Stillwell",
    "Sutton", "Westbury", "Willow Bend", "Woodhaven",
  ]

  /// Counties the sheriff's office is named after.
  static let counties = [
    "Benton", "Caddo", "Carroll", "Custer", "Dawson", "Garvin", "Grady", "Hardin", "Jasper",
    "Kiowa", "Logan", "Madison", "Marion", "Osage", "Pawnee", "Payne", "Pike", "Pratt", "Putnam",
    "Rush", "Sequoyah", "Sumner", "Warren", "Wayne",
  ]

  /// Names schools are named after: people, trees, landmarks.
  static let schools = [
    "Adams", "Addams", "Alcott", "Anthony", "Armstrong", "Arthur", "Audubon", "Baldwin",
    "Banneker", "Barton", "Bell", "Bethune", "Bryant", "Carver", "Chavez", "Clark", "Coolidge",
    "Curie", "Dewey", "Dickinson", "Douglass", "Earhart", "Edison", "Eisenhower", "Ellison",
    "Emerson", "Franklin", "Frost", "Fulton", "Garfield", "Glenn", "Goddard", "Grant", "Hale",
    "Hamilton", "Harrison", "Hawthorne", "Hayes", "Hoover", "Hughes", "Irving", "Jackson", "Jay",
    "Jefferson", "Keller", "Kennedy", "Lewis", "Lincoln", "Longfellow", "Madison", "Mann",
    "Marshall", "McKinley", "Monroe", "Morse", "Muir", "Parks", "Pasteur", "Pierce", "Polk",
    "Revere", "Ride", "Rogers", "Roosevelt", "Sacagawea", "Salk", "Sandburg", "Sequoyah",
    "Shepard", "Stanton", "Steinbeck", "Taft", "Thoreau", "Truman", "Tubman", "Twain", "Tyler",
    "Washington", "Webster", "Whitman", "Whittier", "Wilson", "Wright", "Aspen", "Birch",
    "Bluebonnet", "Brookside", "Canyon", "Cedar Ridge", "Chestnut", "Clear Creek", "Cottonwood",
    "Crestview", "Cross Timbers", "Deer Creek", "Dogwood", "Eagle Ridge", "Eastwood", "Fairview",
    "Fox Run", "Frontier", "Greenbriar", "Heritage", "Hickory Hills", "Highland", "Hillcrest",
    "Horizon", "Independence", "Juniper", "Lakeview", "Liberty", "Magnolia", "Maplewood",
    "Meadowbrook", "Mesa", "Northridge", "Oakwood", "Parkview", "Pine Grove", "Pioneer",
    "Prairie View", "Quail Creek", "Red Oak", "Redbud", "Ridgeview", "Riverside", "Rolling Hills",
    "Southgate", "Spring Creek", "Stonegate", "Summit", "Sunflower", "Sunnyside", "Sycamore",
    "Timberline", "Valley View", "Walnut Grove", "Westwood", "White Oak", "Wildwood",
    "Willow Creek", "Windsor",
  ]

  /// Prefixes that make more school names once the plain ones run out.
  static let quarters = ["North", "South", "East", "West", "Central"]

  /// Towns visiting teams come from.
  static let rivals = [
    "Ardmore", "Bartlett", "Blanchard", "Bristow", "Chandler", "Chickasha", "Clinton", "Coweta",
    "Duncan", "El Reno", "Elgin", "Guthrie", "Harrah", "Jenks", "Lawton", "Mustang", "Newcastle",
    "Perry", "Piedmont", "Sapulpa", "Shawnee", "Tecumseh", "Tuttle", "Weatherford", "Yukon",
  ]

  /// Officers' surnames.
  static let surnames = [
    "Abernathy", "Acosta", "Alvarez", "Bearpaw", "Begay", "Bishop", "Brennan", "Bui", "Castillo",
    "Chen", "Coleman", "Cruz", "Dawson", "Delgado", "Duarte", "Ellis", "Escobar", "Fairchild",
    "Fields", "Fitzgerald", "Flores", "Garcia", "Goldberg", "Grant", "Greer", "Guerrero", "Harjo",
    "Hayes", "Hernandez", "Holloway", "Hughes", "Ibarra", "Jensen", "Johnson", "Kaur", "Kim",
    "Kimball", "Kowalski", "Lam", "Larsen", "Lindqvist", "Little Bear", "Lopez", "Mahoney",
    "Martinez", "McAllister", "Mendoza", "Moore", "Morales", "Moss", "Murphy", "Nakamura",
    "Nguyen", "Novak", "Ocampo", "Okafor", "Olson", "Ortiz", "Osei", "Park", "Patel", "Pearson",
    "Petrov", "Quinn", "Ramirez", "Redbird", "Redcorn", "Reyes", "Rivera", "Robinson", "Rojas",
    "Salazar", "Sandoval", "Schmidt", "Shah", "Simmons", "Singh", "Soto", "Sullivan", "Tahsuda",
    "Thompson", "Tran", "Underwood", "Vargas", "Vasquez", "Walker", "Washington", "Whitaker",
    "Williams", "Wolfe", "Yazzie", "Young", "Zamora",
  ]

  /// A lowercase id made of the name's letters and digits, words joined by `-`.
  static func slug(_ name: String) -> String {
    var words: [String] = []
    var word = ""
    for character in name.lowercased() {
      if character.isASCII && (character.isLetter || character.isNumber) {
        word.append(character)
      } else if character == "'" {
        continue
      } else if !word.isEmpty {
        words.append(word)
        word = ""
      }
    }
    if !word.isEmpty { words.append(word) }
    return words.joined(separator: "-")
  }

  /// The capitals of the name's words (`Cedar Springs` → `CS`).
  static func initials(_ name: String) -> String {
    String(name.split(separator: " ").compactMap(\.first)).uppercased()
  }
}

/// Draws school names without repeats: the plain names in random order,
/// then the same with "North", "South", … in front, then numbered.
struct SchoolNames {
  private var rng: SplitMix64
  private var queue: [String] = []
  private var round = 0

  init(rng: SplitMix64) { self.rng = rng }

  /// The next name.
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

  /// The next name.
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
