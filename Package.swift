// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "motcua",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "motcua", targets: ["motcua"]),
        .library(name: "WorkCalendar", targets: ["WorkCalendar"]),
        .library(name: "MotCuaCore", targets: ["MotCuaCore"]),
        .library(name: "MotCuaStore", targets: ["MotCuaStore"]),
        .library(name: "MotCuaReports", targets: ["MotCuaReports"]),
        .library(name: "MotCuaWeb", targets: ["MotCuaWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // SHA-256 of session ids and API tokens. Already resolved through postgres-nio and hummingbird-auth;
        // the range admits the 4.x line they resolve to.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // Pure Foundation: lunar calendar, holidays, official schedules, working-time arithmetic.
        .target(
            name: "WorkCalendar",
            resources: [.process("Resources")]
        ),
        // Pure domain: agencies, procedures, dossiers, lifecycle, verdicts, statistics rules.
        .target(
            name: "MotCuaCore",
            dependencies: ["WorkCalendar"]
        ),
        // SQLKit storage shared by SQLite and PostgreSQL: migrations and stores.
        .target(
            name: "MotCuaStore",
            dependencies: [
                "MotCuaCore",
                "WorkCalendar",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // WordprocessingML (.docx) and SpreadsheetML (.xlsx) writers from a typed model.
        .target(
            name: "OfficeDocuments",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Statistics and documents (HTML, DOCX, XLSX, Markdown, JSON).
        .target(
            name: "MotCuaReports",
            dependencies: [
                "MotCuaCore",
                "MotCuaStore",
                "OfficeDocuments",
                "WorkCalendar",
                .product(name: "Plot", package: "Plot"),
            ]
        ),
        // Hummingbird application: routes, pages, JSON API, auth, middleware.
        .target(
            name: "MotCuaWeb",
            dependencies: [
                "MotCuaCore",
                "MotCuaStore",
                "MotCuaReports",
                "WorkCalendar",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Api/openapi.yaml")]
        ),
        .executableTarget(
            name: "motcua",
            dependencies: [
                "WorkCalendar",
                "MotCuaCore",
                "MotCuaStore",
                "MotCuaReports",
                "MotCuaWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Test helpers shared by the test targets: a clean SQLite or PostgreSQL database per test.
        .target(
            name: "MotCuaTestSupport",
            dependencies: ["MotCuaStore", "MotCuaCore", "WorkCalendar"],
            path: "Tests/MotCuaTestSupport"
        ),
        // `swift build -c release --product CalendarBenchmark`; driven by Benchmarks/calendar_vs_numpy.py.
        .executableTarget(
            name: "CalendarBenchmark",
            dependencies: ["WorkCalendar"],
            path: "Benchmarks/CalendarBenchmark"
        ),
        .testTarget(name: "WorkCalendarTests", dependencies: ["WorkCalendar"]),
        .testTarget(name: "MotCuaCoreTests", dependencies: ["MotCuaCore"]),
        .testTarget(
            name: "OfficeDocumentsTests",
            dependencies: ["OfficeDocuments", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "MotCuaStoreTests", dependencies: ["MotCuaStore", "MotCuaTestSupport"]),
        .testTarget(
            name: "MotCuaReportsTests",
            dependencies: [
                "MotCuaReports", "MotCuaTestSupport", "MotCuaCore", "WorkCalendar", "OfficeDocuments",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "MotCuaWebTests",
            dependencies: [
                "MotCuaWeb",
                "MotCuaTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
