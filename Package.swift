// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "fiscal",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "fiscal", targets: ["fiscal"]),
        .library(name: "FiscalCore", targets: ["FiscalCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // SHA-256 of the hash chain (DESIGN §9), from the system's OpenSSL like SQLite: no
        // source to build (swift-crypto would add its BoringSSL to every clean build).
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(
            name: "FiscalCore",
            dependencies: ["CSQLite", "CCrypto", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Domain/Codes/README.md"],
            resources: [.embedInCode("Storage/schema.sql"), .embedInCode("Reconcile/vocabulary.tsv"),
                        .embedInCode("Domain/Codes/econ-department.tsv"), .embedInCode("Domain/Codes/function.tsv")]
        ),
        .target(
            name: "FiscalCLI",
            dependencies: [
                "FiscalCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(name: "fiscal", dependencies: ["FiscalCLI"]),
        .testTarget(name: "FiscalCoreTests", dependencies: ["FiscalCore"]),
        .testTarget(name: "FiscalCLITests", dependencies: ["FiscalCLI", "FiscalCore"]),
        .testTarget(name: "GoldenTests", dependencies: ["FiscalCore"], exclude: ["Scenarios"]),
    ],
    swiftLanguageModes: [.v6]
)
