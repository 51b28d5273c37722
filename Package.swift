// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "flightdeck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "flightdeck", targets: ["flightdeck"]),
        .executable(name: "flightdeck-bench", targets: ["flightdeck-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(
            name: "SimKernel",
            // Samplers and the portable exp/log are on the training path: optimised
            // in debug builds too (see Engine).
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .target(
            name: "Engine",
            dependencies: [
                "SimKernel",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            // The engine trains real models inside pipeline steps; unoptimised
            // it takes seconds per run and stalls the control room of a plain
            // `swift run flightdeck`. Optimise it in debug builds too.
            // Release builds skip the run-time exclusivity checks (debug builds
            // and so the tests keep them): on the scheduler's hot path (every
            // access to a run's step table is an access to a class property)
            // they were about 40% of the engine's instructions per step.
            swiftSettings: [
                .unsafeFlags(["-O"], .when(configuration: .debug)),
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
            ]
        ),
        .target(name: "TUICore"),
        .target(name: "TUITestSupport", dependencies: ["TUICore"], path: "Tests/TUITestSupport"),
        .target(name: "Terminal", dependencies: ["TUICore", "CNcurses"]),
        .target(name: "ControlRoom", dependencies: ["Engine", "TUICore"]),
        .executableTarget(
            name: "flightdeck",
            dependencies: [
                "Engine", "TUICore", "Terminal", "ControlRoom",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "flightdeck-bench",
            dependencies: ["Engine", "TUICore", "ControlRoom"],
            path: "Benchmarks/FlightdeckBench"
        ),
        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel"]),
        .testTarget(
            name: "EngineTests",
            dependencies: ["Engine"],
            // The SciPy reference sets for the drift statistics (copied from shared/reference/drift).
            resources: [.copy("Monitoring/Resources/drift")]
        ),
        .testTarget(
            name: "TUICoreTests",
            dependencies: ["TUICore", "TUITestSupport"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        .testTarget(
            name: "flightdeckTests",
            dependencies: ["flightdeck", "Engine", "TUICore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "ControlRoomTests",
            dependencies: ["ControlRoom", "TUICore", "Engine", "TUITestSupport"],
            exclude: ["__Snapshots__", "Pipelines/__Snapshots__", "Models/__Snapshots__", "Deployments/__Snapshots__", "Overview/__Snapshots__", "Events/__Snapshots__", "Monitors/__Snapshots__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
