// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "BatchFix",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "batchfix", targets: ["batchfix"]),
        .library(name: "BatchFixCore", targets: ["BatchFixCore"]),
        .library(name: "PythonSyntax", targets: ["PythonSyntax"]),
        .library(name: "BatchFixPython", targets: ["BatchFixPython"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .target(
            name: "PythonSyntax",
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
        .target(name: "BatchFixCore"),
        .target(
            name: "BatchFixPython",
            dependencies: ["PythonSyntax", "BatchFixCore", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .executableTarget(
            name: "batchfix",
            dependencies: [
                "BatchFixCore", "BatchFixPython", "PythonSyntax",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "batchfix-bench", dependencies: ["BatchFixCore"], path: "Benchmarks/batchfix-bench"),
        .testTarget(name: "PythonSyntaxTests", dependencies: ["PythonSyntax"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BatchFixCoreTests", dependencies: ["BatchFixCore"]),
        .testTarget(name: "BatchFixPythonTests", dependencies: ["BatchFixPython", "BatchFixCore", "PythonSyntax"], resources: [.copy("Fixtures")]),
        .testTarget(name: "EndToEndTests", dependencies: ["BatchFixCore"], resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
