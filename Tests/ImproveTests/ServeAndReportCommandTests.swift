import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `improve demo` and `improve report` run as a person runs them: the demonstration created in a fresh folder and
/// served, then its board pack written from the same database.
@Suite("improve demo and improve report", .serialized)
struct ServeAndReportCommandTests {
    static func freePort() -> Int { 20_000 + Int.random(in: 0..<20_000) }

    func get(_ url: String) async -> (Int, String)? {
        guard let (data, response) = try? await URLSession.shared.data(from: URL(string: url)!) else { return nil }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test("demo creates the demonstration, prints the accounts and serves; report writes the pack as HTML and as PDF")
    func demoThenReport() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("improve-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = Self.freePort()
        let demo = Process()
        demo.executableURL = NoticeParseCommandTests.improve
        demo.arguments = ["demo", "--port", String(port)]
        demo.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = nil
        environment["SQLITE_PATH"] = nil
        demo.environment = environment
        let log = folder.appendingPathComponent("demo.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        demo.standardOutput = handle
        demo.standardError = handle
        try demo.run()
        var healthy = false
        for _ in 0..<600 where !healthy {
            if let (status, _) = await get("http://127.0.0.1:\(port)/healthz"), status == 200 { healthy = true } else { try await Task.sleep(for: .milliseconds(200)) }
        }
        let signIn = await get("http://127.0.0.1:\(port)/sign-in")
        demo.terminate()
        demo.waitUntilExit()
        try handle.close()
        let output = try String(contentsOf: log, encoding: .utf8)
        #expect(healthy, "the demonstration answered /healthz: \(output.suffix(2_000))")
        #expect(signIn?.0 == 200 && signIn?.1.contains("id=\"sign-in\"") == true)
        for email in ["admin@demo.example", "officer@worcestershire.example", "board@worcestershire.example", "chair@worcestershire.example", "dfe@education.example"] {
            #expect(output.contains(email), "the accounts are printed")
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("data/improvement-monitor.sqlite").path))
        #expect(!output.contains("885-0"), "no child identifier in the output or the log")

        func report(_ arguments: [String]) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = NoticeParseCommandTests.improve
            process.arguments = ["report"] + arguments
            process.currentDirectoryURL = folder
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        let html = try report(["--council", "885", "--meeting", "12", "--format", "html", "--out", "pack.html"])
        #expect(html.0 == 0, "\(html.1)")
        let page = try String(contentsOf: folder.appendingPathComponent("pack.html"), encoding: .utf8)
        for section in ["agenda", "summary", "charts", "exceptions", "plan", "audits", "workforce", "calendar", "incidents"] {
            #expect(page.contains("id=\"\(section)\""))
        }
        let pdf = try report(["--council", "885", "--format", "pdf"])
        #expect(pdf.0 == 0, "\(pdf.1)")
        let written = try #require(pdf.1.split(separator: " ").first.map(String.init))
        #expect(try Data(contentsOf: folder.appendingPathComponent(written)).starts(with: Array("%PDF".utf8)))
        let missing = try report(["--council", "999"])
        #expect(missing.0 == 1)
        #expect(missing.1.contains("no council with LA code 999"))
    }
}
