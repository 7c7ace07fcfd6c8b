// A small, dependency-free W3C WebDriver client for browser tests: it launches `chromedriver`, opens a
// headless Chromium session and drives pages through the protocol's HTTP endpoints.
//
// Browser tests fail, never skip, when the browser is missing: `ChromeDriver.start()` and `Browser.launch()`
// throw `WebDriverError.notInstalled` naming the Debian packages to install.
//
//     let browser = try await Browser.launch()           // its own chromedriver; quit() ends both
//     try await browser.open("http://127.0.0.1:8080/sign-in")
//     try await browser.find(css: "input[name=email]").type("a@example.org")
//     try await browser.find(css: "button[type=submit]").click()
//     #expect(try await browser.find(css: "h1").text == "Dashboard")
//     try await browser.quit()                            // deinit also ends chromedriver and Chromium
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Errors

/// A failure reported by the WebDriver server (`error` is the W3C error code, such as "no such element"),
/// or found locally before or around a request (`error` then names the local problem).
struct WebDriverError: Error, CustomStringConvertible, Sendable {
    /// The W3C error code ("no such element", "invalid selector", "stale element reference", ...) or a local kind.
    let error: String
    /// The server's or the client's message.
    let message: String
    /// The HTTP status of the response, when there was one.
    let httpStatus: Int?
    /// The request, as "METHOD /path", when the error came from one.
    let request: String?

    init(error: String, message: String, httpStatus: Int? = nil, request: String? = nil) {
        self.error = error
        self.message = message
        self.httpStatus = httpStatus
        self.request = request
    }

    var description: String {
        if error == "not installed" { return message }
        var text = "WebDriver error \"\(error)\": \(message)"
        if let request { text += " [\(request)" + (httpStatus.map { " → HTTP \($0)" } ?? "") + "]" }
        return text
    }

    static let notInstalledMessage =
        "chromium/chromedriver not found: install the Debian packages chromium and chromium-driver (.ci/run does)"

    static func notInstalled(_ detail: String) -> WebDriverError {
        WebDriverError(error: "not installed", message: notInstalledMessage + ". " + detail)
    }
}

// MARK: - Locating the binaries

/// Where the binaries are, and a free port for chromedriver.
enum WebDriverHost {
    /// `$CHROMEDRIVER`, else `chromedriver` on the PATH, else /usr/bin/chromedriver.
    static func chromedriver() throws -> String {
        try locate(env: "CHROMEDRIVER", names: ["chromedriver"], fallbacks: ["/usr/bin/chromedriver"])
    }

    /// `$CHROMIUM`, else /usr/bin/chromium (then `chromium` on the PATH).
    static func chromium() throws -> String {
        try locate(env: "CHROMIUM", names: ["chromium"], fallbacks: ["/usr/bin/chromium"], fallbacksFirst: true)
    }

    private static func locate(env: String, names: [String], fallbacks: [String], fallbacksFirst: Bool = false) throws -> String {
        let fm = FileManager.default
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment[env], !explicit.isEmpty {
            guard fm.isExecutableFile(atPath: explicit) else {
                throw WebDriverError.notInstalled("$\(env) is \(explicit), which is not an executable file.")
            }
            return explicit
        }
        let onPath = (environment["PATH"] ?? "").split(separator: ":").flatMap { dir in
            names.map { "\(dir)/\($0)" }
        }
        let candidates = fallbacksFirst ? fallbacks + onPath : onPath + fallbacks
        if let found = candidates.first(where: { fm.isExecutableFile(atPath: $0) }) { return found }
        throw WebDriverError.notInstalled(
            "Looked at $\(env), then \(names.joined(separator: ", ")) on the PATH and \(fallbacks.joined(separator: ", ")).")
    }

    /// A TCP port on 127.0.0.1 that nothing listens on right now.
    static func freeLocalTCPPort() throws -> Int {
        #if canImport(Darwin)
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { throw WebDriverError(error: "no free port", message: "socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw WebDriverError(error: "no free port", message: "bind() failed: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw WebDriverError(error: "no free port", message: "getsockname() failed: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

// MARK: - HTTP

/// One WebDriver server's HTTP endpoint on 127.0.0.1. Requests and replies are the protocol's JSON, `{"value": ...}`.
///
/// Not URLSession: on Linux, FoundationNetworking (through Swift 6.3) rejects response headers without a space after
/// the colon (swift-corelibs-foundation PR #5527), and chromedriver sends exactly those (`Content-Length:249`), so every
/// request fails with "Failed writing header". `LoopbackHTTP` below is a minimal HTTP/1.1 client for the local driver.
struct WebDriverHTTP: Sendable {
    let port: Int
    /// Longest wait for one reply (a navigation waits for the page to load).
    let requestTimeout: TimeInterval

    init(port: Int, requestTimeout: TimeInterval = 120) {
        self.port = port
        self.requestTimeout = requestTimeout
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Sends one command and returns the reply's `value` (NSNull for JSON null). Throws `WebDriverError`.
    func send(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
        let label = "\(method) \(path)"
        let payload = method == "POST" ? try JSONSerialization.data(withJSONObject: body ?? [String: Any]()) : nil
        let reply: LoopbackHTTP.Reply
        do {
            reply = try await LoopbackHTTP.exchange(port: port, method: method, path: path, body: payload,
                                                    timeout: requestTimeout)
        } catch {
            throw WebDriverError(error: "connection failed", message: "\(error)", request: label)
        }
        let json = try? JSONSerialization.jsonObject(with: reply.body, options: [.fragmentsAllowed])
        guard let object = json as? [String: Any] else {
            let text = String(decoding: reply.body.prefix(500), as: UTF8.self)
            throw WebDriverError(error: "bad response", message: "not a WebDriver JSON reply: \(text)",
                                 httpStatus: reply.status, request: label)
        }
        let value = object["value"] ?? NSNull()
        if let failure = value as? [String: Any], let code = failure["error"] as? String {
            throw WebDriverError(error: code, message: failure["message"] as? String ?? "", httpStatus: reply.status,
                                 request: label)
        }
        guard (200..<300).contains(reply.status) else {
            throw WebDriverError(error: "unknown error", message: "HTTP \(reply.status): \(value)",
                                 httpStatus: reply.status, request: label)
        }
        return value
    }
}

/// A blocking HTTP/1.1 exchange with 127.0.0.1 (one connection per request, `Connection: close`), run on a
/// Dispatch thread so that a slow page load never holds one of Swift concurrency's few cooperative threads.
enum LoopbackHTTP {
    struct Reply: Sendable {
        let status: Int
        let body: Data
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func exchange(port: Int, method: String, path: String, body: Data?, timeout: TimeInterval) async throws -> Reply {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    try blockingExchange(port: port, method: method, path: path, body: body, timeout: timeout)
                })
            }
        }
    }

    static func blockingExchange(port: Int, method: String, path: String, body: Data?, timeout: TimeInterval) throws -> Reply {
        #if canImport(Darwin)
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket() failed: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        let sendFlags: Int32 = 0
        #else
        let sendFlags = Int32(MSG_NOSIGNAL)
        #endif
        var limit = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            throw Failure(description: "cannot connect to 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }

        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: application/json\r\nConnection: close\r\n"
        if let body {
            request += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n"
        }
        var bytes = Data((request + "\r\n").utf8)
        if let body { bytes.append(body) }
        try bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let sent = send(fd, buffer.baseAddress! + offset, buffer.count - offset, sendFlags)
                if sent < 0 {
                    if errno == EINTR { continue }
                    throw Failure(description: "send() failed: \(String(cString: strerror(errno)))")
                }
                offset += sent
            }
        }

        var received = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var expectedTotal: Int?   // header length + Content-Length, once the header is in
        while expectedTotal.map({ received.count < $0 }) ?? true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    throw Failure(description: "no reply from 127.0.0.1:\(port) within \(Int(timeout)) s")
                }
                throw Failure(description: "recv() failed: \(String(cString: strerror(errno)))")
            }
            received.append(contentsOf: chunk[0..<count])
            if expectedTotal == nil, let head = parseHead(received) {
                expectedTotal = head.contentLength.map { head.headerLength + $0 }
            }
        }
        guard let head = parseHead(received) else {
            throw Failure(description: "incomplete HTTP reply: \(String(decoding: received.prefix(200), as: UTF8.self))")
        }
        var payload = Data(received[(received.startIndex + head.headerLength)...])
        if let length = head.contentLength { payload = payload.prefix(length) }
        if head.chunked { payload = try dechunk(payload) }
        return Reply(status: head.status, body: payload)
    }

    private struct Head {
        let status: Int
        let headerLength: Int
        let contentLength: Int?
        let chunked: Bool
    }

    private static func parseHead(_ data: Data) -> Head? {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let text = String(decoding: data[data.startIndex..<end.lowerBound], as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        var contentLength: Int?
        var chunked = false
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-length" { contentLength = Int(value) }
            if name == "transfer-encoding", value.lowercased().contains("chunked") { chunked = true }
        }
        return Head(status: status, headerLength: end.upperBound - data.startIndex,
                    contentLength: chunked ? nil : contentLength, chunked: chunked)
    }

    private static func dechunk(_ data: Data) throws -> Data {
        var output = Data()
        var index = data.startIndex
        let crlf = Data("\r\n".utf8)
        while let lineEnd = data.range(of: crlf, in: index..<data.endIndex) {
            let sizeText = String(decoding: data[index..<lineEnd.lowerBound], as: UTF8.self)
                .split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw Failure(description: "bad chunk size \"\(sizeText)\"")
            }
            if size == 0 { break }
            let start = lineEnd.upperBound
            guard data.endIndex - start >= size else { throw Failure(description: "truncated chunk") }
            output.append(data[start..<(start + size)])
            index = min(start + size + 2, data.endIndex)
        }
        return output
    }
}

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

// MARK: - Browser

/// One headless Chromium session. Every method is one or a few WebDriver commands.
final class Browser: Sendable {
    /// The W3C key under which an element reference travels.
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    let sessionID: String
    let http: WebDriverHTTP
    /// Set when this browser launched its own chromedriver, which `quit()` then ends.
    private let ownedDriver: ChromeDriver?

    private init(sessionID: String, http: WebDriverHTTP, ownedDriver: ChromeDriver?) {
        self.sessionID = sessionID
        self.http = http
        self.ownedDriver = ownedDriver
    }

    /// Starts a chromedriver of its own and a headless Chromium session on it; `quit()` ends both.
    static func launch(extraArguments: [String] = []) async throws -> Browser {
        let chromium = try WebDriverHost.chromium()   // before chromedriver, so a missing browser is named first
        let driver = try await ChromeDriver.start()
        do {
            return try await newSession(http: driver.http, chromium: chromium, extraArguments: extraArguments, owning: driver)
        } catch {
            if let failure = error as? WebDriverError {
                throw WebDriverError(error: failure.error, message: failure.message + "\nchromedriver log:\n" + driver.logTail(),
                                     httpStatus: failure.httpStatus, request: failure.request)
            }
            throw error
        }
    }

    /// A new headless Chromium session on a shared chromedriver; `quit()` ends the session only.
    static func session(on driver: ChromeDriver, extraArguments: [String] = []) async throws -> Browser {
        try await newSession(http: driver.http, chromium: try WebDriverHost.chromium(),
                             extraArguments: extraArguments, owning: nil)
    }

    private static func newSession(http: WebDriverHTTP, chromium: String, extraArguments: [String],
                                   owning driver: ChromeDriver?) async throws -> Browser {
        let arguments = ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--window-size=1280,1024"] + extraArguments
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "goog:chromeOptions": ["binary": chromium, "args": arguments] as [String: Any],
                    "timeouts": ["implicit": 0, "pageLoad": 60_000, "script": 30_000],
                ] as [String: Any],
            ],
        ]
        let value = try await http.send("POST", "/session", capabilities)
        guard let reply = value as? [String: Any], let id = reply["sessionId"] as? String else {
            throw WebDriverError(error: "bad response", message: "POST /session gave no sessionId: \(value)")
        }
        return Browser(sessionID: id, http: http, ownedDriver: driver)
    }

    /// Sends a command under this session: `path` is relative to /session/{id}.
    @discardableResult
    func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
        try await http.send(method, "/session/\(sessionID)\(path)", body)
    }

    // MARK: Navigation and page

    /// Navigates and waits for the page to load.
    func open(_ url: String) async throws {
        try await command("POST", "/url", ["url": url])
    }

    func back() async throws { try await command("POST", "/back", [:]) }
    func refresh() async throws { try await command("POST", "/refresh", [:]) }

    var currentURL: String {
        get async throws { try await command("GET", "/url") as? String ?? "" }
    }

    var title: String {
        get async throws { try await command("GET", "/title") as? String ?? "" }
    }

    var pageSource: String {
        get async throws { try await command("GET", "/source") as? String ?? "" }
    }

    /// The page's visible text (`document.body.innerText`).
    var bodyText: String {
        get async throws {
            try await execute("return document.body ? document.body.innerText : '';").string ?? ""
        }
    }

    /// Runs a synchronous script (`arguments[0]`... are the strings given) and returns its JSON result.
    @discardableResult
    func execute(_ script: String, _ arguments: [String] = []) async throws -> ScriptValue {
        ScriptValue(try await command("POST", "/execute/sync", ["script": script, "args": arguments]))
    }

    // MARK: Elements

    /// The first element matching `css`, waiting up to `timeout` for it to appear. If none appears, throws
    /// "no such element" naming the selector, the URL and the start of the page's text.
    func find(css selector: String, timeout: Duration = .seconds(3)) async throws -> Element {
        try await find(css: selector, timeout: timeout, under: nil)
    }

    /// Every element matching `css` now (possibly none); never waits.
    func findAll(css selector: String) async throws -> [Element] {
        try await findAll(css: selector, under: nil)
    }

    fileprivate func find(css selector: String, timeout: Duration, under parent: Element?) async throws -> Element {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        let base = parent.map { "/element/\($0.id)" } ?? ""
        while true {
            do {
                let value = try await command("POST", base + "/element", ["using": "css selector", "value": selector])
                return try element(from: value, selector: selector)
            } catch let failure as WebDriverError where failure.error == "no such element" {
                if clock.now < deadline {
                    try await Task.sleep(for: .milliseconds(100))
                    continue
                }
                throw WebDriverError(error: "no such element",
                                     message: try await absenceReport(selector: selector, timeout: timeout, parent: parent),
                                     httpStatus: failure.httpStatus, request: failure.request)
            } catch let failure as WebDriverError {
                throw WebDriverError(error: failure.error, message: "find(css: \"\(selector)\"): \(failure.message)",
                                     httpStatus: failure.httpStatus, request: failure.request)
            }
        }
    }

    fileprivate func findAll(css selector: String, under parent: Element?) async throws -> [Element] {
        let base = parent.map { "/element/\($0.id)" } ?? ""
        let value = try await command("POST", base + "/elements", ["using": "css selector", "value": selector])
        guard let list = value as? [Any] else {
            throw WebDriverError(error: "bad response", message: "findAll(css: \"\(selector)\") gave \(value)")
        }
        return try list.map { try element(from: $0, selector: selector) }
    }

    private func element(from value: Any, selector: String) throws -> Element {
        guard let reference = value as? [String: Any], let id = reference[Browser.elementKey] as? String else {
            throw WebDriverError(error: "bad response", message: "not an element reference for \"\(selector)\": \(value)")
        }
        return Element(browser: self, id: id, selector: selector)
    }

    private func absenceReport(selector: String, timeout: Duration, parent: Element?) async throws -> String {
        let url = (try? await currentURL) ?? "?"
        var text = ((try? await bodyText) ?? "")
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " | ")
        if text.count > 600 { text = String(text.prefix(600)) + "…" }
        let scope = parent.map { " inside \"\($0.selector)\"" } ?? ""
        return "no element matches CSS selector \"\(selector)\"\(scope) on \(url) (waited \(timeout)). Page text: \"\(text)\""
    }

    // MARK: Cookies

    struct Cookie: Sendable, Equatable {
        let name: String
        let value: String
        let path: String?
        let domain: String?
        let secure: Bool
        let httpOnly: Bool
        /// Seconds since 1970, absent for a session cookie.
        let expiry: Int?
        let sameSite: String?
    }

    func cookies() async throws -> [Cookie] {
        let value = try await command("GET", "/cookie")
        return (value as? [[String: Any]] ?? []).map { c in
            Cookie(name: c["name"] as? String ?? "", value: c["value"] as? String ?? "",
                   path: c["path"] as? String, domain: c["domain"] as? String,
                   secure: c["secure"] as? Bool ?? false, httpOnly: c["httpOnly"] as? Bool ?? false,
                   expiry: (c["expiry"] as? NSNumber)?.intValue, sameSite: c["sameSite"] as? String)
        }
    }

    func cookie(named name: String) async throws -> Cookie? {
        try await cookies().first { $0.name == name }
    }

    func deleteCookies() async throws {
        try await command("DELETE", "/cookie")
    }

    // MARK: Screenshots, end

    /// A PNG of the viewport.
    func screenshotPNG() async throws -> Data {
        let value = try await command("GET", "/screenshot")
        guard let base64 = value as? String, let data = Data(base64Encoded: base64) else {
            throw WebDriverError(error: "bad response", message: "screenshot was not base64")
        }
        return data
    }

    /// Ends the session (closing Chromium) and, if this browser launched its own chromedriver, that too.
    func quit() async throws {
        defer { ownedDriver?.close() }
        try await command("DELETE", "")
    }

    // MARK: - Element

    /// A reference to one element of the page; stale once the page changes.
    struct Element: Sendable {
        let browser: Browser
        /// The WebDriver element id.
        let id: String
        /// The selector that found it, for messages.
        let selector: String

        @discardableResult
        private func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
            do {
                return try await browser.command(method, "/element/\(id)\(path)", body)
            } catch let failure as WebDriverError {
                throw WebDriverError(error: failure.error, message: "element \"\(selector)\": \(failure.message)",
                                     httpStatus: failure.httpStatus, request: failure.request)
            }
        }

        func click() async throws { try await command("POST", "/click", [:]) }

        /// Sends keystrokes to the element (appending to what is there).
        func type(_ text: String) async throws { try await command("POST", "/value", ["text": text]) }

        func clear() async throws { try await command("POST", "/clear", [:]) }

        /// Chooses a local file in an `<input type=file>`.
        func upload(_ file: URL) async throws {
            let path = file.standardizedFileURL.path
            guard file.isFileURL, FileManager.default.fileExists(atPath: path) else {
                throw WebDriverError(error: "invalid argument", message: "upload into \"\(selector)\": no file at \(path)")
            }
            try await type(path)
        }

        /// The rendered text.
        var text: String {
            get async throws { try await command("GET", "/text") as? String ?? "" }
        }

        /// The attribute's value, or nil when the element has no such attribute.
        func attribute(_ name: String) async throws -> String? {
            let value = try await command("GET", "/attribute/\(name)")
            return value as? String ?? (value as? NSNumber).map { "\($0)" }
        }

        /// The DOM property's value (for instance "value" or "checked").
        func property(_ name: String) async throws -> ScriptValue {
            ScriptValue(try await command("GET", "/property/\(name)"))
        }

        /// The current value of a form control (its `value` property).
        var value: String {
            get async throws { try await property("value").string ?? "" }
        }

        var isDisplayed: Bool {
            get async throws { try await command("GET", "/displayed") as? Bool ?? false }
        }

        var isEnabled: Bool {
            get async throws { try await command("GET", "/enabled") as? Bool ?? false }
        }

        var isSelected: Bool {
            get async throws { try await command("GET", "/selected") as? Bool ?? false }
        }

        var tagName: String {
            get async throws { try await command("GET", "/name") as? String ?? "" }
        }

        func find(css selector: String, timeout: Duration = .seconds(3)) async throws -> Element {
            try await browser.find(css: selector, timeout: timeout, under: self)
        }

        func findAll(css selector: String) async throws -> [Element] {
            try await browser.findAll(css: selector, under: self)
        }
    }
}
