// swift-tools-version: 6.2
// The benchmark suite of `sro`, a package of its own: package-benchmark's
// plugin looks for benchmark targets under a folder named `Benchmarks`.
// Run from this folder: `swift package benchmark` (see README.md).
import PackageDescription

/// SwiftPM names a path dependency after its folder, and the folder of a
/// clone is anyone's choice (`main` here, something else in CI).
let root = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "sro"

let package = Package(
  name: "sro-benchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.1",
      traits: ["MallocInterposer"]),
  ],
  targets: [
    // Load, build, solve and plan the Norman week and generated districts.
    .executableTarget(
      name: "SolveTime",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "SROCore", package: root),
        .product(name: "GLPKSolver", package: root),
      ],
      path: "Benchmarks/SolveTime",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ],
  swiftLanguageModes: [.v6]
)
