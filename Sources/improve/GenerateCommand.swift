import ArgumentParser
import Demo
import Domain
import Foundation

/// `improve generate`: a deterministic synthetic council's CIN census files, one per collection year.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic council's CIN census files (same seed, same bytes)."
    )

    @Option(help: "The council's three-digit LA code.")
    var council: String

    @Option(help: "First month, YYYY-MM.")
    var from: String

    @Option(help: "Last month, YYYY-MM.")
    var to: String

    @Option(help: "Children referred for the first time each year.")
    var children: Int = 3_500

    @Option(help: "Seed for the generator.")
    var seed: UInt64 = 1

    @Option(help: "improving (starts poor, gets better) or steady.")
    var trend: String = "improving"

    @Flag(inversion: .prefixedNo, help: "Plant a few known faults in each file for `improve check` to find.")
    var plantFaults = true

    @Flag(inversion: .prefixedNo, help: "Also write the council's own records as the CSV bundle (docs/csv-bundle.md), its SSDA903 tables, a workforce census for each September and an Annex A workbook.")
    var bundle = true

    @Option(help: "The folder to write into (created if needed).")
    var out: String

    func run() throws {
        guard let first = YearMonth(iso: from) else { throw CommandFailure("--from '\(from)' is not a YYYY-MM month") }
        guard let last = YearMonth(iso: to) else { throw CommandFailure("--to '\(to)' is not a YYYY-MM month") }
        guard first <= last else { throw CommandFailure("--from \(from) is after --to \(to)") }
        guard council.count == 3, Int(council) != nil else { throw CommandFailure("--council '\(council)' is not a three-digit LA code") }
        guard children > 0 else { throw CommandFailure("--children must be at least 1") }
        guard let trend = SyntheticCouncil.Trend(rawValue: trend) else { throw CommandFailure("--trend must be improving or steady") }
        let generator = SyntheticCouncil(laCode: council, from: first, to: last, childrenPerYear: children, seed: seed, trend: trend)
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (year, bytes) in generator.censusFiles(plantFaults: plantFaults) {
            let file = folder.appendingPathComponent("cin-\(council)-\(year).xml")
            try Data(bytes).write(to: file)
            print("\(file.path) \(bytes.count) bytes")
        }
        if bundle {
            for (name, bytes) in generator.bundleFiles() + generator.lookedAfterFiles() {
                let file = folder.appendingPathComponent(name)
                try Data(bytes).write(to: file)
                print("\(file.path) \(bytes.count) bytes")
            }
            let workbook = try generator.annexAWorkbook()
            let file = folder.appendingPathComponent("annex-a-\(council).xlsx")
            try workbook.write(to: file)
            print("\(file.path) \(workbook.count) bytes")
        }
    }
}
