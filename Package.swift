// swift-tools-version:5.10
// orbital: can gigawatt-scale AI compute in orbit beat a terrestrial cluster, and under which assumptions?
import PackageDescription

let package = Package(
    name: "orbital",
    products: [
        .library(name: "OrbitalCompute", targets: ["OrbitalCompute"]),
        .library(name: "OrbitalReport", targets: ["OrbitalReport"]),
        .executable(name: "orbital", targets: ["orbital"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // `orbital serve`: the what-if page and the JSON API.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // GSL headers (Debian libgsl-dev), found through pkg-config.
        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]),
        // The only module that calls GSL: a small, safe, throwing Swift API.
        .target(name: "GSL", dependencies: ["CGSL"]),
        // The engine: physics and economics sub-models, scenarios, analyses.
        .target(name: "OrbitalCompute", dependencies: ["GSL", "Yams"]),
        // Rendering over the engine: text tables, Markdown, the HTML report and its SVG charts.
        .target(name: "OrbitalReport", dependencies: ["OrbitalCompute"]),
        // Counts heap allocations per thread for `orbital bench` (allocations per draw).
        .target(name: "MallocCounter"),
        // The command-line tool: one file per verb, thin over the library.
        .executableTarget(name: "orbital", dependencies: [
            "OrbitalCompute", "OrbitalReport", "MallocCounter",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ], resources: [
            .embedInCode("Serve/Web/index.html"), .embedInCode("Serve/Web/app.js"),
            .embedInCode("Serve/Web/app.css"), .embedInCode("Serve/Web/openapi.yaml"),
        ]),
        .testTarget(name: "GSLTests", dependencies: ["GSL"]),
        .testTarget(name: "OrbitalComputeTests", dependencies: ["OrbitalCompute", "GSL"]),
        .testTarget(name: "OrbitalReportTests", dependencies: ["OrbitalReport", "OrbitalCompute"]),
        // Runs the built binary for the two test targets below.
        .target(name: "CLITestSupport", path: "Tests/CLITestSupport"),
        // Golden files are read from the source tree by path, not bundled.
        .testTarget(name: "CLITests", dependencies: ["orbital", "CLITestSupport"], exclude: ["Golden"]),
        // `orbital serve`'s routes through HummingbirdTesting, and its answers against the CLI's.
        .testTarget(name: "ServeTests", dependencies: [
            "orbital", "CLITestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
    ]
)
