import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The demonstration run as a server, used as people use it, then its logs read; and the maintenance commands on its
/// database: backup, restore, and verifying the audit trail.
@Suite("Logs, backup, restore and the audit trail", .serialized)
struct MaintenanceCommandTests {
    /// A demonstration server in its own folder, with its output kept.
    final class DemoServer: @unchecked Sendable {
        let folder: URL
        let port = 20_000 + Int.random(in: 0..<20_000)
        let process = Process()
        let log: URL
        var environment: [String: String]

        init(extra: [String: String] = [:]) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("improve-maint-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            log = folder.appendingPathComponent("server.log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            environment = ProcessInfo.processInfo.environment
            environment["DATABASE_URL"] = nil
            environment["SQLITE_PATH"] = nil
            for (k, v) in extra { environment[k] = v }
        }

        func start() async throws {
            process.executableURL = NoticeParseCommandTests.improve
            process.arguments = ["demo", "--port", String(port)]
            process.currentDirectoryURL = folder
            process.environment = environment
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            for _ in 0..<600 {
                if let (status, _, _) = try? await request("/healthz"), status == 200 { return }
                try await Task.sleep(for: .milliseconds(200))
            }
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the demonstration did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")"])
        }

        func stop() {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
        }

        var cookies: [String: String] = [:]

        /// A request as a browser makes it, keeping cookies; redirects are not followed.
        func request(_ path: String, form: [String: String]? = nil, headers: [String: String] = [:]) async throws -> (Int, String, [String: String]) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            if !cookies.isEmpty { request.setValue(cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "), forHTTPHeaderField: "Cookie") }
            for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
            if let form {
                request.httpMethod = "POST"
                request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
                var allowed = CharacterSet.alphanumerics
                allowed.insert(charactersIn: "-._~")
                request.httpBody = Data(form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&").utf8)
            }
            let delegate = NoRedirects()
            let session = URLSession(configuration: .ephemeral, delegate: delegate, delegateQueue: nil)
            defer { session.finishTasksAndInvalidate() }
            let (data, response) = try await session.data(for: request)
            let http = response as! HTTPURLResponse
            var headers: [String: String] = [:]
            for (k, v) in http.allHeaderFields { headers[String(describing: k).lowercased()] = String(describing: v) }
            if let set = headers["set-cookie"] {
                for cookie in set.components(separatedBy: ", ") {
                    let pair = cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
                    if pair.count == 2 { cookies[pair[0]] = pair[1].isEmpty ? nil : pair[1] }
                }
            }
            return (http.statusCode, String(decoding: data, as: UTF8.self), headers)
        }

        func signIn(_ email: String, _ password: String) async throws {
            let (_, page, _) = try await request("/sign-in")
            let token = page.components(separatedBy: "name=\"_csrf\" value=\"")[1].components(separatedBy: "\"")[0]
            _ = try await request("/sign-in", form: ["email": email, "password": password, "_csrf": token, "next": "/"])
        }

        func improve(_ arguments: [String]) throws -> (Int32, String) {
            let command = Process()
            command.executableURL = NoticeParseCommandTests.improve
            command.arguments = arguments
            command.currentDirectoryURL = folder
            command.environment = environment
            let pipe = Pipe()
            command.standardOutput = pipe
            command.standardError = pipe
            try command.run()
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            command.waitUntilExit()
            return (command.terminationStatus, text)
        }

        deinit {
            stop()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
                        completionHandler: @escaping (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }

    @Test("no child identifier, name or date of birth reaches the log, whatever pages are asked for")
    func logsCarryNoChildData() async throws {
        let server = try DemoServer(extra: ["LOG_LEVEL": "debug"])
        try await server.start()
        try await server.signIn("officer@worcestershire.example", "demo-officer-2011")
        let (status, dashboard, _) = try await server.request("/")
        #expect(status == 303)
        _ = dashboard
        let (_, page, _) = try await server.request("/councils")
        _ = page
        let location = try await server.request("/").2["location"] ?? ""
        let (_, board, _) = try await server.request(location)
        let targets = board.components(separatedBy: "href=\"\(location)/targets/").dropFirst().map { $0.components(separatedBy: "\"")[0] }
        #expect(!targets.isEmpty)
        for target in targets {
            _ = try await server.request("\(location)/targets/\(target)?month=2011-06&basis=in_month")
            _ = try await server.request("\(location)/targets/\(target)?month=2011-06&basis=cumulative_ytd")
        }
        let (_, quality, _) = try await server.request("\(location)/data-quality")
        #expect(quality.contains("Faults by rule"))
        _ = try await server.request("\(location)/targets/not-a-target?month=<script>")
        _ = try await server.request("/councils/885C0000001")
        server.stop()
        let log = try String(contentsOf: server.log, encoding: .utf8)
        #expect(log.contains("route: /councils/:council/targets/:target"), "requests are logged by route pattern")
        #expect(!log.contains("885C0"), "no child identifier (the demonstration's are 885C0000001 …)")
        #expect(!log.contains("PLANTED"), "not even the planted fault's child")
        #expect(!log.contains("month="), "no query string")
        #expect(!log.lowercased().contains("dateofbirth") && !log.contains("PersonBirthDate"))
    }

    @Test("a backup taken while the server runs restores every record; the audit trail verifies, and a changed entry is found")
    func backupRestoreAndAuditChain() async throws {
        let server = try DemoServer()
        try await server.start()
        try await server.signIn("officer@worcestershire.example", "demo-officer-2011")
        let backup = server.folder.appendingPathComponent("backup.sqlite").path
        let taken = try server.improve(["backup", "--out", backup])
        #expect(taken.0 == 0, "\(taken.1)")
        #expect(taken.1.contains("1 councils, 6 accounts, 1 imports"))
        server.stop()
        #expect(try server.improve(["backup", "--out", backup]).0 == 1, "an existing file is not overwritten")
        // The live database loses its data; the backup brings every record back.
        let live = server.folder.appendingPathComponent("data/improvement-monitor.sqlite").path
        try FileManager.default.removeItem(atPath: live)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: live + suffix) }
        let restored = try server.improve(["restore", "--from", backup])
        #expect(restored.0 == 0, "\(restored.1)")
        #expect(restored.1.contains("1 councils, 6 accounts, 1 imports"))
        let verified = try server.improve(["audit", "verify"])
        #expect(verified.0 == 0, "\(verified.1)")
        let entries = try #require(verified.1.components(separatedBy: "holds: ").last?.split(separator: " ").first.flatMap { Int($0) })
        #expect(entries >= 8, "the sign-in and every seeding step are in the trail")
        // A file that is not a backup is refused, and the live database is left as it was.
        let junk = server.folder.appendingPathComponent("junk.sqlite")
        try Data("not a database".utf8).write(to: junk)
        let refused = try server.improve(["restore", "--from", junk.path])
        #expect(refused.0 == 1 && refused.1.contains("not a backup"))
        #expect(try server.improve(["audit", "verify"]).0 == 0)
        // Someone with the database file changes what an entry says: the chain no longer holds, and the command says
        // at which entry.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [live, "UPDATE audit_events SET action = 'notice.deleted' WHERE id = (SELECT id FROM audit_events ORDER BY rowid LIMIT 1 OFFSET 3)"]
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0, "sqlite3 changed the entry")
        let broken = try server.improve(["audit", "verify"])
        #expect(broken.0 == 1)
        #expect(broken.1.contains("the audit trail is broken at entry"), "\(broken.1)")
    }
}
