import CaseRecords
import Foundation
import FuzzSupport

/// Any bytes into `AnnexAImporter().read(data:file:)`: the zip archive (ZIPFoundation, in memory), the workbook's XML
/// parts (shared strings, sheet names, cells) and list 4's rows. Seeded with real workbooks, so the mutations reach
/// past the zip directory into the parts.
func run(_ bytes: [UInt8]) -> String {
    let file = "fuzz-annex-a.xlsx"
    _ = AnnexAImporter.recognises(bytes)
    do {
        let result = try AnnexAImporter().read(data: Data(bytes), file: file)
        let t = result.tables
        expect([t.s47StrategyDate.count, t.s47ICPCDate.count, t.s47ICPCNotRequired.count, t.s47Team.count].allSatisfy { $0 == t.s47Child.count },
               "list 5 columns differ in length")
        return "accepted: \(result.report.counts.sorted { $0.key < $1.key }), \(result.report.faults.count) faults"
    } catch {
        expect(error.file == file && !error.reason.isEmpty, "a rejection must name the file and a reason: \(error)")
        return "rejected: \(error)"
    }
}

@main struct Main {
    static func main() { fuzzMain("fuzz-annex-a", run) }
}
