import Foundation
import SROCore
import SROTestSupport
import Testing

/// What headless Chromium makes of a report: the screenshot, the printed
/// PDF, the DOM after loading, and what it logged.
struct RenderedReport {
  var screenshot: Data
  var pdf: URL
  var dom: String
  var log: String

  /// Renders `html` with Chromium: a 1100×900 screenshot, a PDF print and
  /// the DOM, in one run with a profile of its own.
  static func render(_ html: URL, in folder: URL) throws -> RenderedReport {
    let chromium = try #require(
      Clients.chromium, "Chromium is not installed (scripts/install-deps installs it)")
    let shot = folder.appendingPathComponent("shot.png")
    let pdf = folder.appendingPathComponent("print.pdf")
    let result = try Clients.run(
      chromium,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-pdf-header-footer",
        "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--window-size=1100,900",
        "--enable-logging=stderr", "--v=0", "--screenshot=\(shot.path)", "--print-to-pdf=\(pdf.path)",
        "--dump-dom", html.absoluteString,
      ])
    #expect(result.status == 0, "chromium: \(result.stderr.suffix(2000))")
    return RenderedReport(
      screenshot: try Data(contentsOf: shot), pdf: pdf, dom: result.stdout, log: result.stderr)
  }

  /// The PDF's page count, from poppler's pdfinfo.
  func pages() throws -> Int {
    let info = try Clients.run("/usr/bin/env", ["pdfinfo", pdf.path])
    #expect(info.status == 0, "pdfinfo: \(info.stderr)")
    let line = try #require(info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") })
    return try #require(Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)))
  }

  /// The page size in points, from pdfinfo (`792 x 612` for Letter landscape).
  func pageSize() throws -> String {
    let info = try Clients.run("/usr/bin/env", ["pdfinfo", pdf.path])
    let line = try #require(info.stdout.split(separator: "\n").first { $0.hasPrefix("Page size:") })
    return line.dropFirst("Page size:".count).trimmingCharacters(in: .whitespaces)
  }

  /// The screenshot's width and height, from its PNG header.
  var screenshotSize: (width: Int, height: Int)? {
    let bytes = [UInt8](screenshot.prefix(24))
    guard bytes.count == 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
    func number(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (number(16), number(20))
  }

  /// Lines Chromium logged from the page's console (errors and warnings
  /// included).
  var consoleLines: [String] {
    log.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") }
  }
}

/// A page of a PDF as pixels, rendered by poppler's pdftoppm.
struct PageImage {
  var width = 0
  var height = 0
  /// RGB, row by row.
  var pixels: [UInt8] = []

  init(pdf: URL, page: Int, in folder: URL, resolution: Int = 30) throws {
    let prefix = folder.appendingPathComponent("page\(page)").path
    let result = try Clients.run(
      "/usr/bin/env",
      [
        "pdftoppm", "-r", String(resolution), "-f", String(page), "-l", String(page), "-singlefile", pdf.path,
        prefix,
      ])
    #expect(result.status == 0, "pdftoppm: \(result.stderr)")
    let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: prefix + ".ppm")))
    // P6 header: "P6", width, height, 255, each followed by one whitespace.
    var fields: [Int] = []
    var index = 2
    while fields.count < 3, index < data.count {
      while index < data.count, data[index] == 0x20 || data[index] == 0x0A { index += 1 }
      var value = 0
      while index < data.count, (0x30...0x39).contains(data[index]) {
        value = value * 10 + Int(data[index] - 0x30)
        index += 1
      }
      fields.append(value)
    }
    index += 1
    guard data.starts(with: [0x50, 0x36]), fields.count == 3, data.count - index == fields[0] * fields[1] * 3
    else {
      Issue.record("pdftoppm wrote no P6 image")
      return
    }
    (width, height, pixels) = (fields[0], fields[1], Array(data[index...]))
  }

  /// The share of pixels that are not (nearly) white.
  var inkedShare: Double {
    guard !pixels.isEmpty else { return 0 }
    var inked = 0
    for i in stride(from: 0, to: pixels.count, by: 3)
    where pixels[i] < 235 || pixels[i + 1] < 235 || pixels[i + 2] < 235 {
      inked += 1
    }
    return Double(inked) / Double(pixels.count / 3)
  }

  /// How many pixels are within `tolerance` of the colour `#rrggbb`.
  func count(of color: UInt32, tolerance: Int = 24) -> Int {
    let (r, g, b) = (Int(color >> 16 & 0xFF), Int(color >> 8 & 0xFF), Int(color & 0xFF))
    var found = 0
    for i in stride(from: 0, to: pixels.count, by: 3)
    where abs(Int(pixels[i]) - r) <= tolerance && abs(Int(pixels[i + 1]) - g) <= tolerance
      && abs(Int(pixels[i + 2]) - b) <= tolerance
    {
      found += 1
    }
    return found
  }
}

@Suite(
  .serialized, .tags(.slow),
  .enabled(
    if: (Clients.chromium != nil && Clients.hasPDFInfo) || Clients.isCI,
    "Chromium or poppler-utils is not installed (scripts/install-deps installs them)"))
struct ReportCommandTests {
  /// Checks what every rendered report must show: no console output, Letter
  /// landscape pages, a real screenshot, a first page with ink and coverage
  /// drawn in the home colour.
  static func checkRendering(_ rendered: RenderedReport, pages: Int, folder: URL) throws {
    #expect(rendered.consoleLines == [])
    #expect(try rendered.pages() == pages)
    #expect(try rendered.pageSize() == "792 x 612 pts (letter)")
    let size = try #require(rendered.screenshotSize)
    #expect(size.width == 1100 && size.height == 900)
    #expect(rendered.screenshot.count > 30_000, "a blank 1100×900 PNG is a few kilobytes")
    let first = try PageImage(pdf: rendered.pdf, page: 1, in: folder)
    #expect(first.inkedShare > 0.05)
  }

  @Test(arguments: plannedWeeks)
  func reportRendersInChromiumOnePagePerAgency(arguments: [String]) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let html = folder.appendingPathComponent("report.html")
    let (roster, same) = try solved(arguments, in: folder)
    let solve = try SRO.runArguments(["solve"] + same + ["--format", "html", "--output", html.path])
    #expect(solve.status == 0, "\(solve.stderr)")
    let scenario = try CalendarCommandTests.scenario(arguments)
    let rendered = try RenderedReport.render(html, in: folder)
    try Self.checkRendering(rendered, pages: scenario.agencies.count, folder: folder)
    for agency in scenario.agencies {
      #expect(rendered.dom.contains("data-agency=\"\(agency.id)\""))
    }
    for school in scenario.schools {
      #expect(rendered.dom.contains("data-school=\"\(school.id)\""), "\(school.id)")
      #expect(rendered.dom.contains(">\(school.name)<"), "\(school.name)")
    }
    // Every gap has its one-line reason under it.
    if !roster.uncovered.isEmpty {
      #expect(rendered.dom.contains("<div class=\"reason\">"))
      #expect(!rendered.dom.contains("<td><div class=\"reason\"></div>"))
    }
    for (number, agency) in scenario.agencies.enumerated() {
      let page = try PageImage(pdf: rendered.pdf, page: number + 1, in: folder)
      #expect(page.count(of: 0x2E7D4F) > 100, "page \(number + 1): no coverage at home drawn")
      let short = roster.uncovered.contains { u in
        scenario.school(SchoolID(u.school))?.agency == agency.id && u.event == nil
      }
      // Missing arrival and dismissal hours are drawn in the darkest red;
      // the legend's swatch alone is a few pixels at this resolution.
      let red = page.count(of: 0xA51D1D)
      #expect(short ? red > 30 : red < 20, "page \(number + 1): \(red) red pixels")
    }
  }

  @Test func comparisonPrintsASummaryPageThenEachCase() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let html = folder.appendingPathComponent("compare.html")
    let compare = try SRO.run(
      "compare", "scenarios/norman/training-week.yaml", "--variant",
      "relief=--with scenarios/norman/whatif/relief-deputy.yaml", "--format", "html", "--output", html.path)
    #expect(compare.status == 0, "\(compare.stderr)")
    let rendered = try RenderedReport.render(html, in: folder)
    try Self.checkRendering(rendered, pages: 1 + 2 * 2, folder: folder)
    #expect(rendered.dom.contains("What-if comparison"))
    #expect(rendered.dom.contains("relief (--with scenarios/norman/whatif/relief-deputy.yaml)"))
    #expect(rendered.dom.components(separatedBy: "data-agency=\"CCSO\"").count - 1 == 2)
  }
}

@Suite(.tags(.slow)) struct ReportCommandErrorTests {
  @Test func anUnwritableReportExits74() throws {
    let result = try SRO.run(
      "solve", "Tests/SROCoreTests/Fixtures/small.yaml", "--format", "html", "--output",
      "/no/such/folder/r.html")
    #expect(result.status == 74)
    #expect(result.stderr.contains("/no/such/folder/r.html: cannot write"))
  }

  @Test func theReportGoesToStdoutWithoutOutput() throws {
    let result = try SRO.run("solve", "Tests/SROCoreTests/Fixtures/small.yaml", "--format", "html")
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
    #expect(result.stdout.contains("data-school=\"lincoln-es\""))
  }
}
