// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "SpecModels",
    products: [
        .executable(name: "specmodels", targets: ["specmodels"]),
        .library(name: "SpecModelsKit", targets: ["SpecModelsKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // libcmark from the system: `apt-get install libcmark-dev` (the Makefile does it).
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // The generator: markdown → spec documents → type graph → Swift text.
        .target(name: "SpecModelsKit", dependencies: ["CCMark"]),
        // The command-line tool, a thin wrapper over SpecModelsKit.
        .executableTarget(
            name: "specmodels",
            dependencies: [
                "SpecModelsKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The committed output for `spec/`, compiled so that a broken generator breaks the build.
        .target(name: "GeneratedModels", path: "Generated"),
        // The support file every generated model set carries, tested through Generated/.
        .testTarget(name: "SupportLibraryTests", dependencies: ["GeneratedModels"]),
        .testTarget(
            name: "SpecModelsKitTests",
            dependencies: ["SpecModelsKit"],
            exclude: ["Fixtures"]
        ),
    ]
)
