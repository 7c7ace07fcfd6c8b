import CaseRecords
import Domain
import Foundation
import FuzzSupport

/// Any bytes into `ReturnLoader.load(sources:)` over in-memory files: the input is split into files at each line
/// `--8<--` (so one input can be two CIN censuses, merged newest first), each file's kind is told from its content and
/// it goes to its importer. Every file must come back accepted or rejected with a report, never lost.
let loader = ReturnLoader(today: CalendarDate(year: 2025, month: 3, day: 31)!)
let separator = Array("\n--8<--\n".utf8)

func split(_ bytes: [UInt8]) -> [[UInt8]] {
    var files: [[UInt8]] = []
    var start = 0, i = 0
    while i + separator.count <= bytes.count {
        if bytes[i] == separator[0], bytes[i..<(i + separator.count)].elementsEqual(separator) {
            files.append(Array(bytes[start..<i]))
            i += separator.count
            start = i
        } else {
            i += 1
        }
    }
    files.append(Array(bytes[start...]))
    return Array(files.prefix(8))
}

func run(_ bytes: [UInt8]) {
    let files = split(bytes)
    let sources = files.enumerated().map { ReturnLoader.Source.bytes(Data($1), name: "file-\($0)") }
    do {
        let loaded = try loader.load(sources: sources)
        let reported = Set(loaded.reports.map(\.file))
        expect(reported == Set(sources.map(\.name)), "a file has no report: \(reported.sorted()) of \(sources.count)")
    } catch {
        expect(!"\(error)".isEmpty, "the loader failed without a reason")
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
@main struct Reproducer {
    static func main() { reproduce("fuzz-return-loader", run) }
}
#endif
