import SROScenario

/// What identifies a block in a roster: school, day, times and event.
package struct BlockKey: Hashable {
  package let school: String
  package let day: String
  package let start: String
  package let end: String
  package let event: String?

  package init(_ block: Block) {
    school = block.school.rawValue
    day = block.day.code
    start = block.interval.start.description
    end = block.interval.end.description
    event = block.event?.rawValue
  }

  package init(_ assignment: Roster.Assignment) {
    school = assignment.school
    day = assignment.day
    start = assignment.start
    end = assignment.end
    event = assignment.event
  }

  /// The block an uncovered entry names.
  package init(_ entry: Roster.Uncovered) {
    school = entry.school
    day = entry.day
    start = entry.start
    end = entry.end
    event = entry.event
  }
}
