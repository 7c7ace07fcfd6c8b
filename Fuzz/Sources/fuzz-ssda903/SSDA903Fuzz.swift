import CaseRecords
import Domain
import FuzzSupport

/// Any bytes into both forms of the SSDA903 return, as `ReturnLoader` calls them: `SSDA903Importer.read(bytes:file:)`
/// (a CSV table told by its header row: the CSV reader and the per-row checks) and `readXML(bytes:file:)` (the XML
/// scanner and the HEADER / EPISODE / AREVIEW records), plus the two recognisers. `today` is fixed so that a run
/// replays the same.
let today = CalendarDate(year: 2025, month: 3, day: 31)!

func run(_ bytes: [UInt8]) -> String {
    let file = "fuzz-903"
    let importer = SSDA903Importer(today: today)
    _ = SSDA903Importer.recognises(bytes)
    _ = SSDA903Importer.recognisesXML(bytes)
    var outcome: [String] = []
    do {
        let result = try importer.read(bytes: bytes, file: file)
        check(result.tables)
        outcome.append("CSV accepted as \(result.table.rawValue): \(result.report.counts.sorted { $0.key < $1.key })")
    } catch {
        expect(error.file == file && !error.reason.isEmpty, "a rejection must name the file and a reason: \(error)")
        outcome.append("CSV rejected: \(error.reason.prefix(80))")
    }
    do {
        let result = try importer.readXML(bytes: bytes, file: file)
        check(result.tables)
        outcome.append("XML accepted: \(result.report.counts.sorted { $0.key < $1.key })")
    } catch {
        expect(error.file == file && !error.reason.isEmpty, "a rejection must name the file and a reason: \(error)")
        outcome.append("XML rejected: \(error.reason.prefix(80))")
    }
    return outcome.joined(separator: "; ")
}

func check(_ t: SSDA903Tables) {
    expect(t.childID.count == t.childBirth.count, "header columns differ in length")
    expect([t.episodeChild.count, t.episodeEnd.count, t.episodeReason.count, t.episodeLegalStatus.count, t.episodePlacement.count]
        .allSatisfy { $0 == t.episodeCount }, "episode columns differ in length")
    expect(t.reviewChild.count == t.reviewDate.count, "review columns differ in length")
}

@main struct Main {
    static func main() { fuzzMain("fuzz-ssda903", run) }
}
