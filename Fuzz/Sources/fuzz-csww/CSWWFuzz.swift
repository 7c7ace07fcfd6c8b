import CaseRecords
import FuzzSupport

/// Any bytes into `CSWWImporter().read(bytes:file:)`: the XML scanner, the header and each CSWWWorker's fields, and
/// the tally to the census totals. The totals feed rates, so an accepted census must hold finite, non-negative figures.
func run(_ bytes: [UInt8]) -> String {
    let file = "fuzz-csww.xml"
    _ = CSWWImporter.recognises(bytes)
    do {
        let result = try CSWWImporter().read(bytes: bytes, file: file)
        let c = result.census
        let figures = [c.inPostFTE, c.agencyFTE, c.leaversFTE, c.workingDaysLost, c.cases, c.caseHoldingFTE] + (c.vacanciesFTE.map { [$0] } ?? [])
        expect(figures.allSatisfy { $0.isFinite && $0 >= 0 }, "the census holds a figure that is not a finite count: \(figures)")
        expect(c.inPostHeadcount >= 0 && c.leaversHeadcount >= 0, "a negative headcount")
        return "accepted: \(result.report.counts.sorted { $0.key < $1.key }), \(result.report.faults.count) faults"
    } catch {
        expect(error.file == file && !error.reason.isEmpty, "a rejection must name the file and a reason: \(error)")
        return "rejected: \(error)"
    }
}

@main struct Main {
    static func main() { fuzzMain("fuzz-csww", run) }
}
