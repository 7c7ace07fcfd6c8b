import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
                    // The console (errors, Content-Security-Policy violations) for `consoleEntries()`.
                    "goog:loggingPrefs": ["browser": "ALL"],
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

    /// Runs an asynchronous script: it calls its last argument with its result.
    @discardableResult
    func executeAsync(_ script: String, _ arguments: [String] = []) async throws -> ScriptValue {
        ScriptValue(try await command("POST", "/execute/async", ["script": script, "args": arguments]))
    }

    /// The browser console's entries since the last call (level and message), Chromium's own errors among them.
    func consoleEntries() async throws -> [(level: String, message: String)] {
        let value = try await command("POST", "/se/log", ["type": "browser"])
        return (value as? [[String: Any]] ?? []).map { ($0["level"] as? String ?? "", $0["message"] as? String ?? "") }
    }

    /// A Chrome DevTools Protocol command, as chromedriver passes it on.
    @discardableResult
    func devTools(_ command: String, _ parameters: [String: Any] = [:]) async throws -> Any {
        try await self.command("POST", "/goog/cdp/execute", ["cmd": command, "params": parameters])
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
