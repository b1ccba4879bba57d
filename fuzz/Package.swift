// swift-tools-version: 6.2
// The fuzzer of `sro`, a package of its own so that the main build never
// sees it: it is built with libFuzzer (`-sanitize=fuzzer`), which brings
// its own `main`. Run it with `fuzz/run.sh SECONDS` (see README.md).
import PackageDescription

/// SwiftPM names a path dependency after its folder, and the folder of a
/// clone is anyone's choice (`main` here, something else in CI).
let root = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "sro"

let package = Package(
  name: "sro-fuzz",
  platforms: [.macOS(.v15)],
  dependencies: [.package(path: "..")],
  targets: [
    // Feeds each input to the scenario loader, the quick-edit parser or
    // the published-roster reader, then builds the model of what loads.
    .executableTarget(
      name: "FuzzInput",
      dependencies: [.product(name: "SROCore", package: root)],
      swiftSettings: [.treatAllWarnings(as: .error)]
    )
  ],
  swiftLanguageModes: [.v6]
)
