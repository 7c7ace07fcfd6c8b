import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - chromedriver

/// A `chromedriver` process on a free local port. `close()` (or deinit) ends it together with any browser it started.
///
/// chromedriver runs under a small `sh` watchdog in its own process group: the watchdog holds the read end of a pipe
/// whose write end only this process holds, and kills the group when it reads end-of-file, so chromedriver and
/// Chromium die with the test process even when it crashes and no deinit runs.
final class ChromeDriver: Sendable {
    let port: Int
    let baseURL: URL
    /// chromedriver's and Chromium's TMPDIR (profiles, sockets) and chromedriver's log; removed on `close()`.
    let workDirectory: URL
    /// chromedriver's stdout and stderr.
    var logURL: URL { workDirectory.appendingPathComponent("chromedriver.log") }
    let http: WebDriverHTTP
    private let process: Process
    /// Its write end stays open for as long as this object lives (see the watchdog above).
    private let lifeline: Pipe

    private init(port: Int, process: Process, lifeline: Pipe, workDirectory: URL) {
        self.port = port
        self.baseURL = URL(string: "http://127.0.0.1:\(port)")!
        self.process = process
        self.lifeline = lifeline
        self.workDirectory = workDirectory
        self.http = WebDriverHTTP(port: port)
    }

    /// `$0` is chromedriver, `$1` its work directory, the rest its arguments. Signals other than KILL may be blocked in processes
    /// spawned from Swift's threads (the mask is inherited), so the watchdog uses KILL.
    private static let watchdog = """
        dir=$1; shift
        exec 3<&0 </dev/null
        ( read -r _ <&3; rm -rf "$dir"; kill -KILL 0 ) &
        watch=$!
        exec 3<&-
        "$0" "$@"
        status=$?
        kill -KILL "$watch" 2>/dev/null
        exit $status
        """

    /// Launches chromedriver and waits (up to `timeout`) until `GET /status` reports it ready.
    static func start(timeout: Duration = .seconds(30)) async throws -> ChromeDriver {
        let binary = try WebDriverHost.chromedriver()
        var lastError: (any Error)?
        for _ in 0..<3 {   // a free port can be taken between finding it and chromedriver binding it
            let port = try WebDriverHost.freeLocalTCPPort()
            let workDirectory = FileManager.default.temporaryDirectory
                .appendingPathComponent("chromedriver-\(port)-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
            let logURL = workDirectory.appendingPathComponent("chromedriver.log")
            _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
            let log = try FileHandle(forWritingTo: logURL)
            let lifeline = Pipe()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", watchdog, binary, workDirectory.path, "--port=\(port)", "--allowed-ips=127.0.0.1"]
            process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": workDirectory.path]) { $1 }
            process.standardInput = lifeline
            process.standardOutput = log
            process.standardError = log
            do {
                try process.run()
            } catch {
                try? log.close()
                try? FileManager.default.removeItem(at: workDirectory)
                throw WebDriverError(error: "driver failed to start", message: "cannot run \(binary): \(error)")
            }
            try? log.close()
            try? lifeline.fileHandleForReading.close()   // the child has its copy
            let driver = ChromeDriver(port: port, process: process, lifeline: lifeline, workDirectory: workDirectory)
            do {
                try await driver.waitUntilReady(timeout: timeout)
                return driver
            } catch {
                lastError = error
                driver.close()
                if (error as? WebDriverError)?.error != "driver exited" { break }
            }
        }
        throw lastError ?? WebDriverError(error: "driver failed to start", message: "chromedriver did not start")
    }

    private func waitUntilReady(timeout: Duration) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var lastProblem = "no reply yet"
        while clock.now < deadline {
            if !process.isRunning {
                throw WebDriverError(error: "driver exited",
                                     message: "chromedriver exited with status \(process.terminationStatus) before it was ready. Log:\n\(logTail())")
            }
            do {
                let value = try await http.send("GET", "/status")
                if let status = value as? [String: Any], status["ready"] as? Bool == true { return }
                lastProblem = "status: \(value)"
            } catch {
                lastProblem = "\(error)"
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw WebDriverError(error: "driver not ready",
                             message: "chromedriver on port \(port) was not ready within \(timeout) (\(lastProblem)). Log:\n\(logTail())")
    }

    /// The last lines of chromedriver's output, for error messages.
    func logTail(maxCharacters: Int = 2_000) -> String {
        guard let data = FileManager.default.contents(atPath: logURL.path) else { return "(no log)" }
        return String(decoding: data.suffix(maxCharacters), as: UTF8.self)
    }

    var isRunning: Bool { process.isRunning }

    /// Ends chromedriver and everything it launched: asks it to shut down (which closes its browsers), then kills
    /// its process group. Blocks for at most a few seconds. Safe to call twice.
    func close() {
        if process.isRunning {
            _ = try? LoopbackHTTP.blockingExchange(port: port, method: "GET", path: "/shutdown", body: nil, timeout: 5)
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            let group = process.processIdentifier
            kill(-group, SIGKILL)   // whatever is left: chromedriver if it hung, browser processes that outlived it
            process.waitUntilExit()
        }
        try? lifeline.fileHandleForWriting.close()
        try? FileManager.default.removeItem(at: workDirectory)
    }

    deinit { close() }
}

// MARK: - JSON values from scripts

/// A JSON value, as returned by `Browser.execute(_:_:)`.
enum ScriptValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ScriptValue])
    case object([String: ScriptValue])

    init(_ any: Any) {
        switch any {
        case let string as String: self = .string(string)
        case let number as NSNumber:
            // JSONSerialization gives booleans as NSNumbers of ObjC type "c" (char).
            self = String(cString: number.objCType) == "c" ? .bool(number.boolValue) : .number(number.doubleValue)
        case let array as [Any]: self = .array(array.map(ScriptValue.init))
        case let object as [String: Any]: self = .object(object.mapValues(ScriptValue.init))
        default: self = .null
        }
    }

    var string: String? { if case .string(let s) = self { s } else { nil } }
    var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    var number: Double? { if case .number(let n) = self { n } else { nil } }
}
