// swift-tools-version: 6.1
// libFuzzer harnesses for the notice reader and every importer. A package of its own, nested in the repository and
// ignored by the root build: it depends on the main package by path and uses only Domain, NoticeReader,
// CaseRecords, Published and PlanSheet, so it never builds the web stack. See README.md for how to build with the
// fuzzer sanitizer.
import PackageDescription

let targets: [(name: String, products: [String])] = [
    ("fuzz-notice-reader", ["NoticeReader"]),
    ("fuzz-notice-pdf", ["NoticeReader"]),
    ("fuzz-cin-census", ["CaseRecords"]),
    ("fuzz-ssda903", ["CaseRecords"]),
    ("fuzz-csww", ["CaseRecords"]),
    ("fuzz-annex-a", ["CaseRecords"]),
    ("fuzz-annex-a-parts", ["CaseRecords"]),
    ("fuzz-bundle", ["CaseRecords"]),
    ("fuzz-return-loader", ["CaseRecords"]),
    ("fuzz-published", ["Published"]),
    ("fuzz-plan-sheet", ["PlanSheet"]),
]

let package = Package(
    name: "improvement-monitor-fuzz",
    platforms: [.macOS(.v14)],
    products: targets.map { .executable(name: $0.name, targets: [$0.name]) },
    dependencies: [
        .package(name: "improvement-monitor", path: ".."),
    ],
    targets: [
        // What the harnesses share: the reproducer, the checks, libFuzzer's driver, the splitter for multi-file inputs
        // and a stored-zip writer.
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"]),
        // The declaration of libFuzzer's `LLVMFuzzerRunDriver`, called only in a `-DFUZZING` build.
        .target(name: "CFuzzDriver"),
    ] + targets.map { target in
        .executableTarget(
            name: target.name,
            dependencies: ["FuzzSupport", .product(name: "Domain", package: "improvement-monitor")]
                + target.products.map { .product(name: $0, package: "improvement-monitor") }
        )
    },
    swiftLanguageModes: [.v6]
)
