import CaseRecords
import Foundation
import FuzzSupport

/// The workbook's XML parts, not its zip: the input is a text of parts, each after a line `--8<-- PATH`
/// (`--8<-- xl/workbook.xml`, `--8<-- xl/worksheets/sheet5.xml` …), packed here into a stored zip with correct
/// checksums and read by `AnnexAImporter().read(data:file:)`. Mutating a real xlsx rarely gets past its deflate
/// streams and CRCs (that is `fuzz-annex-a`'s job); this reaches the relationships, shared strings, cell references,
/// rows and list 5's dates.
func run(_ bytes: [UInt8]) -> String {
    let file = "fuzz-annex-a-parts.xlsx"
    let zip = storedZip(namedParts(bytes).map { (path: $0.name, bytes: $0.bytes) })
    do {
        let result = try AnnexAImporter().read(data: Data(zip), file: file)
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
    static func main() { fuzzMain("fuzz-annex-a-parts", run) }
}
