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
    .library(name: "SROCore", targets: ["SROCore"]),
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
    // Scenarios, blocks, the SRO model, rosters and their validator.
    .target(
      name: "SROCore",
      dependencies: ["LinearModel", "GLPKSolver", "Yams", .product(name: "Plot", package: "Plot")],
      swiftSettings: strictSwift
    ),
    .executableTarget(
      name: "sro",
      dependencies: [
        "SROCore",
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
    .testTarget(
      name: "SROCoreTests",
      dependencies: ["SROCore"],
      resources: [.copy("Fixtures")],
      swiftSettings: strictSwift
    ),
    // Runs the built `sro` binary on the bundled scenarios.
    .testTarget(
      name: "SROEndToEndTests",
      dependencies: ["SROCore", "GLPKSolver", "sro"],
      swiftSettings: strictSwift
    ),
  ],
  swiftLanguageModes: [.v6]
)
