import SROCore
import Testing

@testable import SROReports

/// An assignment on 2024-10-07 (a Monday), or a later day of that week.
func duty(
  _ officer: String, _ school: String, _ start: String, _ end: String, day: String = "mon",
  event: String? = nil
) -> Roster.Assignment {
  let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
  let date = CivilDate(parsing: "2024-10-07")!.adding(days: days.firstIndex(of: day)!)
  return Roster.Assignment(
    officer: officer, school: school, day: day, date: date.description, start: start, end: end,
    kind: event == nil ? .coverage : .event, event: event)
}

@Suite struct DutyStretchTests {
  @Test func adjacentBlocksAtOneSchoolAreJoined() {
    let stretches = DutyStretch.stretches(of: [
      duty("o1", "s1", "08:30", "11:30"), duty("o1", "s1", "07:15", "08:30"),
      duty("o1", "s1", "11:30", "14:30"),
    ])
    #expect(stretches.count == 1)
    #expect(stretches[0].start == "07:15" && stretches[0].end == "14:30")
    #expect(stretches[0].assignments.map(\.start) == ["07:15", "08:30", "11:30"])
  }

  @Test func aGapAnotherSchoolAnotherDayOrAnEventStartsANewStretch() {
    let stretches = DutyStretch.stretches(of: [
      duty("o1", "s1", "07:15", "08:30"), duty("o1", "s1", "09:00", "10:00"),
      duty("o1", "s2", "10:00", "11:00"), duty("o1", "s1", "11:00", "12:00"),
      duty("o1", "s1", "12:00", "18:00", event: "game"), duty("o1", "s1", "07:15", "08:30", day: "tue"),
      duty("o2", "s1", "07:15", "08:30"),
    ])
    #expect(
      stretches.map { "\($0.officer) \($0.day) \($0.school) \($0.start)-\($0.end) #\($0.ordinal)" } == [
        "o1 mon s1 07:15-08:30 #1", "o1 mon s1 09:00-10:00 #2", "o1 mon s2 10:00-11:00 #1",
        "o1 mon s1 11:00-12:00 #3", "o1 mon s1 12:00-18:00 #1", "o1 tue s1 07:15-08:30 #1",
        "o2 mon s1 07:15-08:30 #1",
      ])
    #expect(stretches[4].event == "game")
  }

  @Test func uidsNameWeekDayPlaceOrdinalAndOfficerOnly() {
    let before = DutyStretch.stretches(of: [duty("o1", "s1", "07:15", "08:30")])[0]
    let after = DutyStretch.stretches(of: [
      duty("o1", "s1", "07:15", "08:30"), duty("o1", "s1", "08:30", "11:30"),
    ])[0]
    #expect(before.uid(week: "2024-10-07") == "2024-10-07-mon-s1-1-o1@sro")
    #expect(after.uid(week: "2024-10-07") == before.uid(week: "2024-10-07"))
    let game = DutyStretch.stretches(of: [duty("o1", "s1", "18:00", "21:00", event: "game")])[0]
    #expect(game.uid(week: "2024-10-07") == "2024-10-07-mon-event-game-1-o1@sro")
  }
}
