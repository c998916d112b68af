// swift-tools-version: 6.0
// The benchmarks of SpecModels, kept out of the root package so that its users and
// `make test` never build them. Run with `make bench` from the repository root.
import PackageDescription

let package = Package(
    name: "SpecModelsBenchmarks",
    dependencies: [
        .package(name: "SpecModels", path: ".."),
    ],
    targets: [
        // A hand-written harness (no benchmark framework): it times repeated runs itself
        // and reports medians, so it builds in seconds and needs nothing but the root package.
        .executableTarget(
            name: "specmodels-bench",
            dependencies: [.product(name: "SpecModelsKit", package: "SpecModels")]
        ),
        // The floor of `specmodels-bench compare`: list, read, parse and walk with cmark, in C,
        // so that the process it times starts as fast as a process can.
        .executableTarget(name: "cmark-floor", linkerSettings: [.linkedLibrary("cmark")]),
    ]
)
