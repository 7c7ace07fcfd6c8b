// swift-tools-version: 6.1
// improvement-monitor: the package. Targets follow ARCHITECTURE.md (../shared/ARCHITECTURE.md in the workspace):
// a pure core (Domain, NoticeReader, Spreadsheet, CaseRecords, Indicators, Monitoring, Reports, Demo) with storage
// (Storage: FluentKit repositories) and the application (WebApp: Vapor; a council's picture, imports, pages, the API)
// at the edge, and one executable `improve`. Only Storage and WebApp import the web stack, so the core builds and
// tests in seconds. docs/architecture.md describes each.
import PackageDescription

let package = Package(
    name: "improvement-monitor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "improve", targets: ["improve"]),
        .library(name: "Domain", targets: ["Domain"]),
        .library(name: "NoticeReader", targets: ["NoticeReader"]),
        .library(name: "Spreadsheet", targets: ["Spreadsheet"]),
        .library(name: "CaseRecords", targets: ["CaseRecords"]),
        .library(name: "Indicators", targets: ["Indicators"]),
        .library(name: "Demo", targets: ["Demo"]),
        .library(name: "Monitoring", targets: ["Monitoring"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Published", targets: ["Published"]),
        .library(name: "Storage", targets: ["Storage"]),
        .library(name: "WebApp", targets: ["WebApp"]),
        .library(name: "PlanSheet", targets: ["PlanSheet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // Annex A workbooks are zip archives of XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Storage and WebApp only: the web stack takes most of a clean build, so nothing else imports it.
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // Pure values of the notice regime. Foundation only, no I/O.
        .target(name: "Domain"),
        // Notice text in, a NoticeDraft out: every field traced to its words.
        .target(name: "NoticeReader", dependencies: ["Domain"]),
        // Outside files' containers: a streaming XML scanner, and reading and writing xlsx workbooks (zip archives of
        // XML parts). Used by the importers and by the exports, which need nothing else of each other.
        .target(name: "Spreadsheet", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Case-level records as column tables, and the importers that fill them from councils' returns.
        .target(name: "CaseRecords", dependencies: ["Domain", "Spreadsheet"]),
        // One definition per indicator, and the engine that evaluates them over the column tables.
        .target(name: "Indicators", dependencies: ["Domain", "CaseRecords"]),
        // Targets against figures: status, trajectory, forecast, RAG, exceptions and the notice's calendar.
        .target(name: "Monitoring", dependencies: ["Domain", "Indicators"]),
        // DfE's and Ofsted's published statistics: the explore-education-statistics reader, statistical neighbours, the
        // mapping of published measures to indicators, and a council beside England, its region and its neighbours.
        .target(name: "Published", dependencies: ["Domain", "Spreadsheet"]),
        // Pure functions from monitoring values to bytes: SVG charts, CSV and XLSX exports.
        .target(name: "Reports", dependencies: ["Domain", "Indicators", "Monitoring", "Spreadsheet", .product(name: "Plot", package: "Plot")]),
        // The Improvement Plan as a spreadsheet: a board's existing plan read in bulk (all or nothing) and written back.
        .target(name: "PlanSheet", dependencies: ["Domain", "Spreadsheet"]),
        // Fluent models, one set of migrations for SQLite and PostgreSQL, repositories scoped by council, the audit trail:
        // repositories only, no orchestration and no HTML.
        // FluentKit and the drivers, not Vapor: storage tests build without the web framework.
        .target(
            name: "Storage",
            dependencies: [
                "Domain", "Indicators", "Published",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                // SHA-256 for session tokens, API tokens and the audit trail's hash chain.
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["README.md"]
        ),
        // Vapor: configuration, sign-in, roles, typed URLs, a council's picture (through Monitoring's one pipeline),
        // imports of returns, pages (controller, page model and Plot view each), the JSON API. The only target that
        // imports Vapor.
        .target(
            name: "WebApp",
            dependencies: [
                "Domain", "NoticeReader", "CaseRecords", "Spreadsheet", "Indicators", "Monitoring", "Reports", "Storage", "Demo", "Published", "PlanSheet",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["README.md"]
        ),
        // A deterministic synthetic council for demonstrations, tests and benchmarks.
        .target(name: "Demo", dependencies: ["Domain", "CaseRecords", "Spreadsheet"]),
        // The one executable: argument parsing only, each command a thin call into the libraries.
        .executableTarget(
            name: "improve",
            dependencies: [
                "Domain", "NoticeReader", "CaseRecords", "Indicators", "Demo", "Monitoring", "WebApp", "Storage", "Published",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks are a program, never a test: `swift run -c release improve-benchmarks`.
        .executableTarget(
            name: "improve-benchmarks",
            dependencies: ["Domain", "NoticeReader", "CaseRecords", "Indicators"],
            path: "Benchmarks/ImproveBenchmarks"
        ),
        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        // Writes small CIN census files for tests, so every figure can be counted by hand.
        .target(name: "TestSupport", dependencies: ["CaseRecords"], path: "Tests/TestSupport"),
        .testTarget(name: "CaseRecordsTests", dependencies: ["Domain", "CaseRecords", "Spreadsheet", "Demo", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "IndicatorsTests", dependencies: ["Domain", "CaseRecords", "Spreadsheet", "Indicators", "Demo", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Domain", "Monitoring", "NoticeReader", "Reports", "TestSupport", "Spreadsheet"], exclude: ["__Snapshots__"]),
        .testTarget(name: "StorageTests", dependencies: ["Domain", "Storage", "CaseRecords", "Demo", "TestSupport", "NoticeReader", "Published", .product(name: "FluentKit", package: "fluent-kit"), .product(name: "FluentSQL", package: "fluent-kit")]),
        .testTarget(
            name: "WebAppTests",
            dependencies: [
                "WebApp", "Storage", "Domain", "Demo", "NoticeReader", "CaseRecords", "Spreadsheet", "TestSupport", "Published", "PlanSheet",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "PublishedTests", dependencies: ["Domain", "Spreadsheet", "Published"]),
        .testTarget(name: "PlanSheetTests", dependencies: ["Domain", "Spreadsheet", "PlanSheet"]),
        .testTarget(name: "MonitoringTests", dependencies: ["Domain", "Indicators", "Monitoring", "NoticeReader"]),
        // Runs the built `improve` executable as a user would.
        .testTarget(name: "ImproveTests", dependencies: ["improve"]),
        .testTarget(
            name: "NoticeReaderTests",
            dependencies: [
                "Domain", "NoticeReader",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
