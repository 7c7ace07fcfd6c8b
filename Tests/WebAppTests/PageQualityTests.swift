import Demo
import Domain
import Foundation
import Storage
import Testing
@testable import WebApp

/// Every page each role can reach, in a real headless Chromium, checked for what a person meets: WCAG 2.2 A and AA by
/// axe-core (4.12.1, from a pinned PyPI wheel that scripts/test-services.sh unpacks; nothing is fetched while testing),
/// nothing in the console (Content-Security-Policy violations included), no sideways scrolling at 320 px wide, and no
/// internal id or code in the visible text.
@Suite("Every page as every role, as a person meets it", .serialized)
struct PageQualityTests {
    /// axe-core's source, found where test-services.sh put it.
    static func axe() throws -> String {
        guard let path = ProcessInfo.processInfo.environment["AXE_JS"], !path.isEmpty,
              let source = try? String(contentsOfFile: path, encoding: .utf8), source.hasPrefix("/*! axe v4.12.1") else {
            throw FixtureError("AXE_JS does not name axe-core 4.12.1: run scripts/test-services.sh (as .ci/run does) and export what it prints")
        }
        return source
    }

    /// Internal words no page may show: ids of indicators, bases, states and roles as the code spells them, ids, and
    /// the notice editor's relative-date syntax.
    static let internalWords: [String] = IndicatorID.computed.map(\.rawValue)
        + Basis.allCases.map(\.rawValue).filter { $0.contains("_") }
        + ["not_yet_due", "due_soon", "no_data", "no_level", "not_yet_published", "councilOfficer", "independentChair", "dfeOfficial", "boardMember"]

    static let internalPatterns: [String] = [
        #"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"#,  // a UUID
        #"\bnotice\+\d+[mwd]\b"#,                                                          // notice+6m
        #"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"#,                                               // a raw timestamp
        #"\b\d{4}-\d{2}-\d{2}\b"#,                                                         // a date as the files write it
    ]

    /// Forms each role sends empty, by the page they live on and the end of their action.
    static let formsToSend: [Role: [(page: String, form: String)]] = [
        .councilOfficer: [("/plan", "/plan"), ("/incidents", "/incidents")],
        .independentChair: [("/meetings/:id", "/decisions")],
    ]

    /// Pages not to visit: downloads, the API, signing out, and what only a form reaches.
    static func skip(_ path: String) -> Bool {
        path.hasPrefix("/assets") || path.hasPrefix("/api") || path.hasSuffix(".csv") || path.hasSuffix(".xlsx")
            || path.contains("format=pdf") || path.contains("/evidence/") || path.contains("/pack/") || path == "/sign-out"
            || path.hasPrefix("/metrics") || path.hasPrefix("/healthz")
    }

    /// The route a path is an instance of: ids and numbers replaced, the query dropped.
    static func pattern(_ path: String) -> String {
        let bare = path.split(separator: "?").first.map(String.init) ?? path
        return bare.split(separator: "/").map { part in
            part.count >= 32 || Int(part) != nil ? ":id" : String(part)
        }.joined(separator: "/")
    }

    @Test("each role's pages: no axe-core WCAG 2.2 A/AA violation, no console error, no sideways scroll at 320 px, no internal id", arguments: Backend.allCases)
    func everyPageEveryRole(_ backend: Backend) async throws {
        let axe = try Self.axe()
        let (base, _) = try await BrowserTests.Server.shared.base(backend)
        let browser = try await Browser.launch()
        // axe-core goes into every document the browser opens, once for the session (the pages carry no script).
        try await browser.devTools("Page.enable")
        try await browser.devTools("Page.addScriptToEvaluateOnNewDocument", ["source": axe])
        var problems: [String] = []
        var visited = 0
        do {
            for account in DemoSeed.accounts {
                try await BrowserTests.signIn(browser, base: base, email: account.email, password: account.password)
                _ = try await browser.consoleEntries()
                var queue = ["/"], seen = Set(["/"]), perPattern: [String: Int] = [:]
                while let path = queue.first, visited < 400 {
                    queue.removeFirst()
                    let pattern = Self.pattern(path)
                    // Two of each kind of page are enough to meet its template; the first two found are taken.
                    guard perPattern[pattern, default: 0] < 2 else { continue }
                    perPattern[pattern, default: 0] += 1
                    try await browser.open(base + path)
                    visited += 1
                    let label = "\(account.role.label) \(path)"
                    problems += try await Self.check(browser, label: label)
                    let links = try await browser.execute("""
                        return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'));
                        """)
                    if case .array(let hrefs) = links {
                        for case .string(let href) in hrefs where href.hasPrefix("/") && !href.hasPrefix("//") {
                            let target = href.split(separator: "#").first.map(String.init) ?? href
                            guard !target.isEmpty, !Self.skip(target), seen.insert(target).inserted else { continue }
                            queue.append(target)
                        }
                    }
                }
                // A form sent empty comes back with its errors: that page is checked too.
                for (page, form) in Self.formsToSend[account.role] ?? [] {
                    guard let path = seen.first(where: { Self.pattern($0).hasSuffix(page) }) else {
                        problems.append("\(account.role.label): no page like \(page) was reached to send its form"); continue
                    }
                    try await browser.open(base + path)
                    _ = try await browser.execute("""
                        const f = Array.from(document.querySelectorAll('form')).find(f => f.getAttribute('action').endsWith('\(form)'));
                        f.querySelectorAll('input[type=text]').forEach(i => { i.value = ''; }); f.requestSubmit(); return '';
                        """)
                    var title = ""
                    for _ in 0..<100 where !title.hasPrefix("Error:") {
                        try await Task.sleep(for: .milliseconds(50))
                        title = try await browser.execute("return document.readyState === 'complete' ? document.title : '';").string ?? ""
                    }
                    visited += 1
                    if !title.hasPrefix("Error:") { problems.append("\(account.role.label) \(path): the empty form did not come back with its errors") }
                    problems += try await Self.check(browser, label: "\(account.role.label) \(path) (form sent empty)", answeredWith422: true)
                }
                // The pack is a document with no site header: sign out from the start page.
                try await browser.open(base + "/")
                try await BrowserTests.signOut(browser)
            }
        } catch {
            try? await browser.quit()
            throw error
        }
        try await browser.quit()
        #expect(visited >= 5 * 10, "each role reaches its pages (\(visited) visited)")
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.joined(separator: "\n"))")
    }

    /// The four checks on the page the browser shows.
    /// - Parameter answeredWith422: the page is a form sent back with its errors, answered 422 on purpose; Chromium
    ///   logs that status of the page itself as a console error, and only that entry is let through.
    static func check(_ browser: Browser, label: String, answeredWith422: Bool = false) async throws -> [String] {
        var problems: [String] = []
        // The console, since the last page: errors and CSP violations are SEVERE.
        for entry in try await browser.consoleEntries() where entry.level == "SEVERE" || entry.level == "WARNING" {
            if answeredWith422, entry.message.hasSuffix("Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)") { continue }
            problems.append("\(label): console \(entry.level.lowercased()): \(entry.message.prefix(200))")
        }
        // axe-core, WCAG 2.0, 2.1 and 2.2 at A and AA.
        let result = try await browser.executeAsync("""
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']}})
              .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
              .catch(e => done(['axe failed: ' + e]));
            """)
        if case .array(let violations) = result {
            for case .string(let v) in violations { problems.append("\(label): \(v)") }
        }
        // 320 px wide, as a phone held upright: nothing wider than the window.
        try await browser.devTools("Emulation.setDeviceMetricsOverride", ["width": 320, "height": 720, "deviceScaleFactor": 1, "mobile": false])
        let overflow = try await browser.execute("""
            const d = document.documentElement;
            if (d.scrollWidth <= d.clientWidth + 1) return '';
            const wide = Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > d.clientWidth + 1)
              .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''));
            return d.scrollWidth + ' px wide: ' + wide.slice(0, 4).join(', ');
            """).string ?? ""
        try await browser.devTools("Emulation.clearDeviceMetricsOverride")
        if !overflow.isEmpty { problems.append("\(label): scrolls sideways at 320 px (\(overflow))") }
        // Internal ids and codes in what a person reads.
        let text = try await browser.bodyText
        for word in internalWords where text.range(of: #"\b\#(word)\b"#, options: .regularExpression) != nil {
            problems.append("\(label): shows the internal code '\(word)'")
        }
        for pattern in internalPatterns {
            if let range = text.range(of: pattern, options: .regularExpression) {
                problems.append("\(label): shows '\(text[range])'")
            }
        }
        return problems
    }
}
