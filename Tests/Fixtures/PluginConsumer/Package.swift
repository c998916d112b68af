// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "PluginConsumer",
    dependencies: [
        // In your package: .package(url: "<SpecModels' git URL>", from: "<version>"). The `name:` keeps
        // the package referable as "SpecModels" whatever the folder of a path dependency is called.
        .package(name: "SpecModels", path: "../../.."),
    ],
    targets: [
        .executableTarget(
            name: "Consumer",
            // The docs and the configuration are the plugin's inputs, not sources or resources.
            exclude: ["spec", "specmodels.yml"],
            plugins: [.plugin(name: "SpecModelsPlugin", package: "SpecModels")]
        ),
    ]
)
