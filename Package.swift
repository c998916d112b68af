// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "SpecModels",
    products: [
        .executable(name: "specmodels", targets: ["specmodels"]),
        .library(name: "SpecModelsKit", targets: ["SpecModelsKit"]),
        // Generates the models of a target's `spec/` folder while it builds.
        .plugin(name: "SpecModelsPlugin", targets: ["SpecModelsPlugin"]),
        // `swift package --allow-writing-to-package-directory generate-models`: writes them into the package.
        .plugin(name: "GenerateModelsCommand", targets: ["GenerateModelsCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Only the tool reads `specmodels.yml`; SpecModelsKit stays free of it.
        .package(url: "https://github.com/jpsim/Yams", "5.0.1"..<"7.0.0"),
    ],
    targets: [
        // libcmark from the system: `apt-get install libcmark-dev` (the Makefile does it).
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // The generator: markdown → spec documents → type graph → Swift text. It embeds the
        // support file's source, which it emits next to every model set.
        .target(
            name: "SpecModelsKit",
            dependencies: ["CCMark"],
            resources: [.embedInCode("../SpecModelsSupport/SpecModels+Support.swift")]
        ),
        // The support file, compiled and tested as ordinary Swift (not a product: generated
        // models carry their own copy, so users depend on nothing at run time).
        .target(name: "SpecModelsSupport"),
        // Reads `specmodels.yml` (YAML) into SpecModelsKit's `Configuration`.
        .target(
            name: "SpecModelsConfiguration",
            dependencies: ["SpecModelsKit", .product(name: "Yams", package: "Yams")]
        ),
        // The command-line tool, a thin wrapper over SpecModelsKit.
        .executableTarget(
            name: "specmodels",
            dependencies: [
                "SpecModelsKit",
                "SpecModelsConfiguration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build-tool plugin: runs `specmodels generate` for a target's `spec/` folder.
        .plugin(name: "SpecModelsPlugin", capability: .buildTool(), dependencies: ["specmodels"]),
        // Command plugin: writes the generated models into the package, for committing them.
        .plugin(
            name: "GenerateModelsCommand",
            capability: .command(
                intent: .custom(verb: "generate-models", description: "Writes the Swift models of spec/ folders into the package"),
                permissions: [.writeToPackageDirectory(reason: "writes the generated Swift models next to each spec/ folder")]
            ),
            dependencies: ["specmodels"]
        ),
        // The committed output for `spec/`, compiled so that a broken generator breaks the build.
        .target(name: "GeneratedModels", path: "Generated"),
        // The support file's own tests, against the SpecModelsSupport target.
        .testTarget(name: "SupportLibraryTests", dependencies: ["SpecModelsSupport"]),
        .testTarget(
            name: "SpecModelsKitTests",
            dependencies: ["SpecModelsKit", "SpecModelsConfiguration"],
            exclude: ["Fixtures"]
        ),
    ]
)
