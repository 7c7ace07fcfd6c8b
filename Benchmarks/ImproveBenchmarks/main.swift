// improve-benchmarks: speed of the product's hot paths, measured against a reference in the same run.
//
//     swift run -c release improve-benchmarks [iterations]
//
// Figures go in the README. A benchmark is never a test: timings depend on the machine, so tests assert behaviour
// and this program reports time, with a ratio to a reference that runs on the same machine in the same process.
import Foundation
import NoticeReader

let iterations = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 200
let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Tests/NoticeReaderTests/Fixtures/notices")
let names = (try FileManager.default.contentsOfDirectory(atPath: fixtures.path)).filter { $0.hasSuffix(".txt") }.sorted()
let notices: [(String, [UInt8])] = try names.map { ($0, [UInt8](try Data(contentsOf: fixtures.appendingPathComponent($0)))) }

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

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
