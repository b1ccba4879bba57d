// swift-tools-version: 6.2
import PackageDescription

/// Warnings are errors in every target of our own.
let strictSwift: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
  name: "sro",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "LinearModel", targets: ["LinearModel"]),
    .library(name: "GLPKSolver", targets: ["GLPKSolver"]),
    .library(name: "SROScenario", targets: ["SROScenario"]),
    .library(name: "SRORoster", targets: ["SRORoster"]),
    .library(name: "SROValidator", targets: ["SROValidator"]),
    .library(name: "SROFormulation", targets: ["SROFormulation"]),
    .library(name: "SROSearch", targets: ["SROSearch"]),
    .library(name: "SROExplain", targets: ["SROExplain"]),
    .library(name: "SROCore", targets: ["SROCore"]),
    .library(name: "SROReports", targets: ["SROReports"]),
    .library(name: "SROBench", targets: ["SROBench"]),
    .executable(name: "sro", targets: ["sro"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
  ],
  targets: [
    // GLPK 5 as installed by Debian's libglpk-dev.
    .systemLibrary(
      name: "CGLPK",
      providers: [.apt(["libglpk-dev"])]
    ),
    // Runs the GLPK calls that can reach GLPK's fatal-error path under
    // glp_error_hook + setjmp/longjmp, turning an abort into an error code.
    .target(
      name: "CGLPKGuard",
      dependencies: ["CGLPK"],
      cSettings: [.treatAllWarnings(as: .error)],
      linkerSettings: [.linkedLibrary("glpk")]
    ),
    // Variables, linear expressions, named constraint families; no C.
    .target(name: "LinearModel", swiftSettings: strictSwift),
    // The only module that imports CGLPK.
    .target(
      name: "GLPKSolver",
      dependencies: ["LinearModel", "CGLPK", "CGLPKGuard"],
      swiftSettings: strictSwift
    ),
    // Data flows one way, each arrow a module boundary:
    // scenario -> blocks -> formulation -> search -> roster -> renderers.
    // Scenarios: types, calendar, loading and layering, diagnostics, the
    // blocks of spec §2 and eligibility (§3), the district generator.
    .target(
      name: "SROScenario",
      dependencies: ["Yams"],
      swiftSettings: strictSwift
    ),
    // Rosters, published rosters, changes, merging, statistics and the
    // renderers (table, CSV, JSON, comparison).
    .target(
      name: "SRORoster",
      dependencies: ["SROScenario"],
      swiftSettings: strictSwift
    ),
    // The independent check of a roster against spec §2-§4: it sees the
    // scenario and the roster, never the model.
    .target(
      name: "SROValidator",
      dependencies: ["SROScenario", "SRORoster"],
      swiftSettings: strictSwift
    ),
    // The mixed-integer program of spec §4: rules, rows, objective; no solver.
    .target(
      name: "SROFormulation",
      dependencies: ["SROScenario", "SRORoster", "LinearModel"],
      swiftSettings: strictSwift
    ),
    // The search: stages over one part, decomposition, regions, bounds.
    .target(
      name: "SROSearch",
      dependencies: ["SROFormulation", "SROScenario", "SRORoster", "LinearModel", "GLPKSolver"],
      swiftSettings: strictSwift
    ),
    // Staffing studies: many sampled weeks planned at each relief level,
    // and their report (table, JSON, HTML with an SVG chart).
    .target(
      name: "SROStaffing",
      dependencies: [
        "SROScenario", "SRORoster", "SROFormulation", "SROSearch", .product(name: "Plot", package: "Plot"),
      ],
      swiftSettings: strictSwift
    ),
    // Why a block is uncovered (each officer against the rules, as the model
    // reads them) and which single changes cover it, checked by re-solving.
    .target(
      name: "SROExplain",
      dependencies: ["SROFormulation", "SROSearch", "SROScenario", "SRORoster"],
      swiftSettings: strictSwift
    ),
    // The facade: `import SROCore` re-exports every layer above.
    .target(
      name: "SROCore",
      dependencies: [
        "SROScenario", "SRORoster", "SROValidator", "SROFormulation", "SROSearch", "SROExplain",
        "SROStaffing",
        "LinearModel", "GLPKSolver",
      ],
      swiftSettings: strictSwift
    ),
    // What planners hand out: officers' calendars and the printable report.
    // Reads scenarios and rosters only, never the solver.
    .target(
      name: "SROReports",
      dependencies: ["SROScenario", "SRORoster", .product(name: "Plot", package: "Plot")],
      swiftSettings: strictSwift
    ),
    // A benchmark suite's figures: runs of both solvers per scenario, the
    // distribution over the suite (time to proof, gaps, head-to-head), the
    // table and JSON of `sro bench --suite`. No solver, no scenario.
    .target(name: "SROBench", swiftSettings: strictSwift),
    .executableTarget(
      name: "sro",
      dependencies: [
        "SROCore",
        "SROReports",
        "SROBench",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSwift
    ),
    .testTarget(
      name: "LinearModelTests",
      dependencies: ["LinearModel"],
      swiftSettings: strictSwift
    ),
    .testTarget(
      name: "GLPKSolverTests",
      dependencies: ["GLPKSolver", "LinearModel"],
      swiftSettings: strictSwift
    ),
    // What the test targets share: fixtures' folders, inline scenarios, the
    // `slow` tag.
    .target(
      name: "SROTestSupport",
      dependencies: ["SROCore"],
      path: "Tests/SROTestSupport",
      swiftSettings: strictSwift
    ),
    .testTarget(
      name: "SROCoreTests",
      dependencies: ["SROCore", "SROTestSupport"],
      resources: [.copy("Fixtures")],
      swiftSettings: strictSwift
    ),
    .testTarget(
      name: "SROBenchTests",
      dependencies: ["SROBench"],
      swiftSettings: strictSwift
    ),
    .testTarget(
      name: "SROReportsTests",
      dependencies: ["SROReports", "SROCore"],
      swiftSettings: strictSwift
    ),
    // Runs the built `sro` binary on the bundled scenarios; reads its
    // calendars and reports with real clients (Clients/: Python's
    // icalendar, headless Chromium).
    .testTarget(
      name: "SROEndToEndTests",
      dependencies: ["SROCore", "SROReports", "GLPKSolver", "SROTestSupport", "SROBench", "sro"],
      exclude: ["Clients"],
      swiftSettings: strictSwift
    ),
  ],
  swiftLanguageModes: [.v6]
)
