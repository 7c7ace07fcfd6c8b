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
