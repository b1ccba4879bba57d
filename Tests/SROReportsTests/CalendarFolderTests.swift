import Foundation
import Testing

@testable import SROReports

@Suite struct CalendarFolderTests {
  let root: URL

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("sro-folder-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  func contents(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  @Test func aNewFolderIsCreatedWithEveryFile() throws {
    let folder = root.appendingPathComponent("week")
    try CalendarFolder.write([("a.ics", "A"), ("b.ics", "B")], to: folder.path)
    #expect(try contents(folder) == ["a.ics", "b.ics"])
    #expect(try String(contentsOf: folder.appendingPathComponent("b.ics"), encoding: .utf8) == "B")
    #expect(try contents(root) == ["week"])
  }

  @Test func anExistingSetIsReplacedWhole() throws {
    let folder = root.appendingPathComponent("week")
    try CalendarFolder.write([("a.ics", "old"), ("gone.ics", "old")], to: folder.path)
    try CalendarFolder.write([("a.ics", "new")], to: folder.path)
    #expect(try contents(folder) == ["a.ics"])
    #expect(try String(contentsOf: folder.appendingPathComponent("a.ics"), encoding: .utf8) == "new")
    #expect(try contents(root) == ["week"])
  }

  @Test func aFolderOfOtherDocumentsIsLeftAlone() throws {
    let folder = root.appendingPathComponent("documents")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    #expect {
      try CalendarFolder.write([("a.ics", "A")], to: folder.path)
    } throws: { error in
      "\(error)".contains("documents: holds files other than calendars (notes.txt)")
    }
    #expect(try contents(folder) == ["notes.txt"])
    #expect(try contents(root) == ["documents"])
  }

  @Test func aFileInTheWayIsReported() throws {
    let file = root.appendingPathComponent("week")
    try Data("x".utf8).write(to: file)
    #expect {
      try CalendarFolder.write([("a.ics", "A")], to: file.path)
    } throws: { error in
      "\(error)".hasSuffix("week: exists and is not a folder")
    }
    #expect(try contents(root) == ["week"])
  }

  @Test func aMissingParentIsReportedAndNothingIsLeftBehind() throws {
    let folder = root.appendingPathComponent("no/such/week")
    #expect {
      try CalendarFolder.write([("a.ics", "A")], to: folder.path)
    } throws: { error in
      "\(error)".contains("no/such/week: cannot write:")
    }
    #expect(try contents(root) == [])
  }

  @Test func twoFilesOfOneNameFailWithoutTouchingTheOldSet() throws {
    let folder = root.appendingPathComponent("week")
    try CalendarFolder.write([("a.ics", "old")], to: folder.path)
    #expect(throws: CalendarError.self) {
      try CalendarFolder.write([("a.ics", "new"), ("a.ics", "again")], to: folder.path)
    }
    #expect(try String(contentsOf: folder.appendingPathComponent("a.ics"), encoding: .utf8) == "old")
    #expect(try contents(root) == ["week"])
  }
}
