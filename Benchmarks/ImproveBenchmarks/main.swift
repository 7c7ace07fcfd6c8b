// improve-benchmarks: speed of the product's hot paths, measured against a reference in the same run.
//
//     swift run -c release improve-benchmarks notices [iterations]
//     swift run -c release improve-benchmarks cin-import FILE...           (used by Benchmarks/scripts/bench_cin.sh)
//     swift run -c release improve-benchmarks cin-indicators FILE...
//
// Figures go in the README. A benchmark is never a test: timings depend on the machine, so tests assert behaviour
// and this program reports time, with ratios to a reference that runs on the same machine (in the same process here,
// or in the same script run for the Python and DuckDB references).
import CaseRecords
import Domain
import Foundation
import Indicators
import NoticeReader

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Peak resident memory of this process so far, in bytes (Linux reports kilobytes).
func peakMemory() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(0), &usage)  // RUSAGE_SELF
    return Int(usage.ru_maxrss) * 1024
}

var arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.first.map { Int($0) == nil ? arguments.removeFirst() : "notices" } ?? "notices"

switch command {
case "notices":
    try benchmarkNotices(iterations: arguments.first.flatMap(Int.init) ?? 200)
case "cin-import":
    try benchmarkImport(arguments)
case "cin-indicators":
    try benchmarkIndicators(arguments)
default:
    print("usage: improve-benchmarks notices [iterations] | cin-import FILE... | cin-indicators FILE...")
    exit(2)
}

// MARK: Notices

func benchmarkNotices(iterations: Int) throws {
    let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/NoticeReaderTests/Fixtures/notices")
    let names = (try FileManager.default.contentsOfDirectory(atPath: fixtures.path)).filter { $0.hasSuffix(".txt") }.sorted()
    let notices: [(String, [UInt8])] = try names.map { ($0, [UInt8](try Data(contentsOf: fixtures.appendingPathComponent($0)))) }

    /// The reference: decode the bytes and count the words, the least any reader of the text must do.
    func reference(_ bytes: [UInt8]) -> Int {
        let text = String(decoding: bytes, as: UTF8.self)
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let letter = scalar.properties.isAlphabetic
            if letter && !inWord { words += 1 }
            inWord = letter
        }
        return words
    }

    // Warm up both paths once so the first run's page faults are not timed.
    var sink = 0
    for (_, bytes) in notices {
        sink &+= reference(bytes)
        sink &+= try NoticeReader.read(bytes: bytes).notice.targets.count
    }
    print("Notice reading: \(notices.count) notices x \(iterations) iterations")
    print("notice                         per notice (ms)   reference (ms)   ratio")
    var totalParse = 0.0, totalReference = 0.0
    for (name, bytes) in notices {
        let parse = try seconds { for _ in 0..<iterations { sink &+= try NoticeReader.read(bytes: bytes).notice.targets.count } } / Double(iterations)
        let ref = seconds { for _ in 0..<iterations { sink &+= reference(bytes) } } / Double(iterations)
        totalParse += parse
        totalReference += ref
        let padded = name.padding(toLength: 30, withPad: " ", startingAt: 0)
        print("\(padded) \(String(format: "%15.3f", parse * 1000))   \(String(format: "%14.3f", ref * 1000))   \(String(format: "%5.1fx", parse / ref))")
    }
    let meanParse = totalParse / Double(notices.count) * 1000
    print(String(format: "mean: %.3f ms per notice (goal: under 5 ms), %.1fx the reference scan", meanParse, totalParse / totalReference))
    if sink == 42 { print("") }  // keeps the optimiser from discarding the work
}

// MARK: CIN census

/// Reads every file with the importer, as `improve indicators` does, and prints `swift-import <s> <bytes> <referrals>`.
func benchmarkImport(_ files: [String]) throws {
    var bytes = 0
    var referrals = 0
    let time = try seconds {
        for file in files {
            let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
            bytes += data.count
            referrals += try CINCensusImporter().read(bytes: data, file: file).tables.episodeCount
        }
    }
    print("swift-import \(String(format: "%.3f", time)) \(bytes) \(referrals)")
    print("swift-import-peak-memory \(peakMemory())")
}

/// Loads and merges the files, then computes the indicators for every month and basis; prints the times, the bytes
/// of the column tables, and peak memory. `--from`/`--to` set the months (default: those the referrals span);
/// `--only a,b` limits the indicators, for a like-for-like comparison with a reference that computes fewer.
func benchmarkIndicators(_ arguments: [String]) throws {
    var files: [String] = []
    var from: YearMonth?, to: YearMonth?
    var only: Set<String>?
    var i = 0
    while i < arguments.count {
        switch arguments[i] {
        case "--from": from = YearMonth(iso: arguments[i + 1]); i += 2
        case "--to": to = YearMonth(iso: arguments[i + 1]); i += 2
        case "--only": only = Set(arguments[i + 1].split(separator: ",").map(String.init)); i += 2
        default: files.append(arguments[i]); i += 1
        }
    }
    var loaded: ReturnLoader.Loaded?
    let loadTime = try seconds { loaded = try ReturnLoader().load(files) }
    guard let cin = loaded?.cin else { print("no CIN data"); return }
    let data = CaseData(cin: cin)
    let days = cin.referralDate.filter { $0 != noDate }
    var months: [YearMonth] = []
    var m = from ?? YearMonth(CalendarDate(column: days.min()!)!)
    let last = to ?? YearMonth(CalendarDate(column: days.max()!)!)
    while m <= last { months.append(m); m = m.adding(months: 1) }
    let engine = IndicatorEngine(definitions: IndicatorCatalogue.all.filter { only?.contains($0.id.rawValue) ?? true })
    var rows = 0
    let computeTime = seconds { rows = engine.evaluate(data, .init(months: months)).count }
    print("swift-load \(String(format: "%.3f", loadTime)) referrals \(cin.episodeCount) assessments \(cin.assessmentCount) plans \(cin.planCount)")
    print("swift-indicators \(String(format: "%.3f", computeTime)) rows \(rows) months \(months.count) indicators \(engine.definitions.count)")
    print("column-bytes \(cin.columnBytes)")
    print("peak-memory \(peakMemory())")
}
