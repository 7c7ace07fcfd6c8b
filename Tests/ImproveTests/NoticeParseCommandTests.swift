import Foundation
import Testing

/// `improve notice parse` run as a user runs it: the built executable, real files, its output and exit status.
@Suite("improve notice parse")
struct NoticeParseCommandTests {
    static let improve: URL = {
        // The test bundle sits in the same build folder as the executable it depends on.
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("improve")
    }()

    static let notices = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("NoticeReaderTests/Fixtures/notices")

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = Self.improve
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temporaryFile(_ name: String, _ data: Data) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("improve-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    @Test func jsonFollowsTheContract() throws {
        let result = try run(["notice", "parse", Self.notices.appendingPathComponent("worcestershire-2010.txt").path, "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["council", "address", "service", "inspection", "notice_date", "duration_months", "measures", "targets", "deadlines", "reviews", "board", "warnings"] {
            #expect(json.keys.contains(key), "missing \(key)")
        }
        #expect(json["council"] as? String == "Worcestershire County Council")
        let inspection = try #require(json["inspection"] as? [String: Any])
        #expect(inspection["published"] as? String == "2010-11")
        #expect(inspection["inspectorates"] as? [String] == ["Ofsted"])
        let targets = try #require(json["targets"] as? [[String: Any]])
        let ia = try #require(targets.first { $0["indicator_id"] as? String == "initial_assessment_timeliness" })
        #expect(ia["indicator"] as? String == "initial assessments for children's social care carried out within timescale")
        let baseline = try #require(ia["baseline"] as? [String: Any])
        #expect(baseline["value"] as? Int == 62)
        #expect(baseline["period"] as? String == "2009-10")
        let milestones = try #require(ia["milestones"] as? [[String: Any]])
        #expect(milestones.map { $0["due"] as? String } == ["2011-06", "2011-12"])
        #expect(milestones.map { $0["basis"] as? String } == ["in_month", "cumulative_ytd"])
        #expect(milestones.map { $0["value"] as? Int } == [70, 80])
        let board = try #require(json["board"] as? [String: Any])
        #expect(board["cadence_weeks"] as? Int == 4)
        #expect(board["independent_chair"] as? Bool == false)
        #expect(board["dfe_observer"] as? Bool == false)
        // The contract's documented keys come first, in the documented order.
        #expect(result.stdout.range(of: "\"council\"")!.lowerBound < result.stdout.range(of: "\"address\"")!.lowerBound)
    }

    @Test func textIsASummaryForAPerson() throws {
        let result = try run(["notice", "parse", Self.notices.appendingPathComponent("nottinghamshire-2010.txt").path, "--format", "text"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Nottinghamshire County Council (LA 891)"))
        #expect(result.stdout.contains("    60% due 2010-09, in month"))
        #expect(result.stdout.contains("- '31 September 2010' is not a date; read as 2010-09-30"))
    }

    @Test func everyNoticeParses() throws {
        for name in ["cumbria-2012", "gloucestershire-2011", "nottinghamshire-2010", "somerset-2013", "worcestershire-2010"] {
            let result = try run(["notice", "parse", Self.notices.appendingPathComponent("\(name).txt").path])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil)
        }
    }

    @Test func badInputGetsOneClearLineAndAFailingStatus() throws {
        let empty = try temporaryFile("empty.txt", Data())
        let blank = try temporaryFile("blank.txt", Data("   \n\n\t \n".utf8))
        let junk = try temporaryFile("junk.bin", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }))
        let huge = try temporaryFile("huge.txt", Data())
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 50 * 1024 * 1024)  // 50 MB, sparse
        try handle.close()
        let cases: [(String, String)] = [
            ("/no/such/notice.txt", "no such file"),
            (FileManager.default.temporaryDirectory.path, "is a directory"),
            (empty.path, "holds no text"),
            (blank.path, "holds no text"),
            (junk.path, "neither text nor a PDF"),
            (huge.path, "a notice is at most"),
        ]
        for (path, words) in cases {
            let result = try run(["notice", "parse", path])
            #expect(result.status != 0, "\(path) should fail")
            #expect(result.stdout.isEmpty)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(path): \(result.stderr)")
            #expect(result.stderr.contains(words), "\(path): \(result.stderr)")
            #expect(result.stderr.contains(path), "the error names the file")
        }
    }

    @Test("a notice as a PDF is read through its text layer; a scanned one is refused in one line naming the file, status 1")
    func pdfNotices() throws {
        let pdfs = Self.notices.deletingLastPathComponent().appendingPathComponent("pdf")
        let read = try run(["notice", "parse", pdfs.appendingPathComponent("worcestershire-2010.pdf").path, "--format", "json"])
        #expect(read.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any])
        #expect(json["council"] as? String == "Worcestershire County Council")
        #expect((json["targets"] as? [[String: Any]])?.compactMap { $0["indicator_id"] as? String }
                == ["referrer_informed_of_outcome", "initial_assessment_timeliness", "core_assessment_timeliness", "cases_allocated_to_qualified_sw",
                    "sw_vacancy_rate"])
        let scanned = pdfs.appendingPathComponent("scanned-no-text.pdf").path
        let refused = try run(["notice", "parse", scanned])
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        let lines = refused.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains(scanned) && lines[0].contains("no text layer"), "\(refused.stderr)")
    }
}
