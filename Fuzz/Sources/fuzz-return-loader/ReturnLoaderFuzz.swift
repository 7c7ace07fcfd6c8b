import CaseRecords
import Domain
import Foundation
import FuzzSupport

/// Any bytes into `ReturnLoader.load(sources:)` over in-memory files: the input is split into files at each line
/// `--8<-- NAME` (so one input can be two CIN censuses, merged newest first, or a census beside 903 tables and a bundle
/// table), each file's kind is told from its content and it goes to its importer. An input without such a line is one
/// file. Every file must come back with a report, accepted or not.
let today = CalendarDate(year: 2025, month: 3, day: 31)!

func run(_ bytes: [UInt8]) -> String {
    let loader = ReturnLoader(today: today)
    let parts = namedParts(bytes, limit: 8)
    let files = parts.isEmpty ? [bytes] : parts.map(\.bytes)
    // Names key the reports and must be unique; the name in the input is only a label.
    let sources = files.enumerated().map { ReturnLoader.Source.bytes(Data($1), name: "file-\($0)") }
    do {
        let loaded = try loader.load(sources: sources)
        let reported = Set(loaded.reports.map(\.file))
        expect(reported == Set(sources.map(\.name)), "a file has no report: \(reported.sorted()) of \(sources.count)")
        return loaded.reports.map { "\($0.file) \($0.accepted ? "accepted" : "rejected") \($0.counts.filter { $0.value > 0 }.sorted { $0.key < $1.key })" }.joined(separator: "; ")
    } catch {
        expect(!"\(error)".isEmpty, "the loader failed without a reason")
        return "failed: \(error)"
    }
}

@main struct Main {
    static func main() { fuzzMain("fuzz-return-loader", run) }
}
