import ArgumentParser
import CaseRecords
import Foundation

/// `improve tables`: a CIN census file as the community validator's CSV tables (eleven, and from 2026-27 the pre-proceedings table), for side-by-side comparison.
struct TablesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tables",
        abstract: "Write a CIN census file as the CIN validator's CSV tables."
    )

    @Option(help: "A CIN census XML file.")
    var input: String

    @Option(help: "The folder to write the tables into (created if needed).")
    var out: String

    func run() throws {
        let bytes = try InputFile.read(input, limit: 1 << 34)  // a census file is large; 16 GiB is past any real one
        let tables: [String: [[String]]]
        do {
            tables = try CINValidatorTables.tables(bytes: bytes, file: input)
        } catch {
            throw CommandFailure(error.description)
        }
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let written = CINValidatorTables.written(tables)
        for table in written {
            let csv = CINValidatorTables.csv(table, rows: tables[table] ?? [])
            try Data(csv.utf8).write(to: folder.appendingPathComponent("\(table).csv"))
        }
        print("wrote \(written.count) tables to \(out): " + written.map { "\($0) \(tables[$0]?.count ?? 0)" }.joined(separator: ", "))
    }
}
