import Demo
import Domain
import FluentKit
import Foundation
import NoticeReader
import Storage
import Testing
import Vapor
@testable import WebApp

/// The application in a real headless Chromium, driven over WebDriver: what a person does with a mouse and a
/// keyboard, with no JavaScript on any page.
@Suite("In a real browser", .serialized)
struct BrowserTests {
    /// The shared application, listening on a loopback port for the browser.
    actor Server {
        static let shared = Server()
        /// One start per backend, however many suites ask at once: the first asker's task is recorded before it
        /// suspends, so a second asker (another suite, in parallel) waits for it instead of starting the server again.
        private var starts: [Backend: Task<(String, WebFixture.World), any Error>] = [:]

        func base(_ backend: Backend) async throws -> (String, WebFixture.World) {
            if let start = starts[backend] { return try await start.value }
            let start = Task { try await Self.listen(backend) }
            starts[backend] = start
            return try await start.value
        }

        private static func listen(_ backend: Backend) async throws -> (String, WebFixture.World) {
            let world = try await WebFixture.shared.world(backend)
            let port = try WebDriverHost.freeLocalTCPPort()
            try await world.app.server.start(address: .hostname("127.0.0.1", port: port))
            return ("http://127.0.0.1:\(port)", world)
        }
    }

    static func signIn(_ browser: Browser, base: String, email: String, password: String) async throws {
        try await browser.open("\(base)/sign-in")
        try await browser.find(css: "#email").type(email)
        try await browser.find(css: "#password").type(password)
        try await browser.find(css: "#sign-in").click()
        try await waitUntil(browser) { browser in
            let url = try await browser.currentURL
            let errors = try await browser.findAll(css: ".govuk-error-summary")
            return !url.hasSuffix("/sign-in") || !errors.isEmpty
        }
    }

    /// Clicking a submit button returns before the next page has loaded: wait for what the next page shows.
    static func waitUntil(_ browser: Browser, timeout: Duration = .seconds(10), _ condition: (Browser) async throws -> Bool) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if (try? await condition(browser)) == true { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw FixtureError("waited \(timeout) for the page; it is at \((try? await browser.currentURL) ?? "?")")
    }

    static func signOut(_ browser: Browser) async throws {
        try await browser.find(css: ".govuk-header__button").click()
        try await waitUntil(browser) { try await $0.currentURL.contains("/sign-in") }
    }

    @Test("every role signs in and lands where it should", arguments: Backend.allCases)
    func signInAsEachRole(_ backend: Backend) async throws {
        let (base, _) = try await Server.shared.base(backend)
        let browser = try await Browser.launch()
        do {
            for account in DemoSeed.accounts {
                try await Self.signIn(browser, base: base, email: account.email, password: account.password)
                let heading = try await browser.find(css: "h1").text
                if account.role.seesEveryCouncil {
                    #expect(heading == "Councils under a notice", "\(account.role)")
                    // The demonstration's two councils, and any other test of the shared application has added since.
                    let table = try await browser.find(css: "#councils tbody").text
                    #expect(table.contains("Worcestershire") && table.contains("Nottinghamshire"), "\(account.role)")
                    #expect(try await browser.findAll(css: "#councils tbody tr").count >= 2)
                } else {
                    #expect(heading == "Worcestershire", "\(account.role)")
                    #expect(try await browser.findAll(css: "#targets tbody tr").count == 5)
                    #expect(try await browser.findAll(css: ".target-chart svg[role=img]").count == 5)
                }
                #expect(try await browser.find(css: ".govuk-header__user").text.contains(account.role.label))
                try await Self.signOut(browser)
            }
            // A wrong password shows the error summary, linked to the field.
            try await Self.signIn(browser, base: base, email: "dfe@education.example", password: "not-the-password")
            #expect(try await browser.find(css: ".govuk-error-summary").text.contains("Enter a correct email address and password"))
        } catch {
            try? await browser.quit()
            throw error
        }
        try await browser.quit()
    }

    @Test("from the dashboard into a target, and from a figure to the records behind it", arguments: Backend.allCases)
    func drillIntoAFigure(_ backend: Backend) async throws {
        let (base, _) = try await Server.shared.base(backend)
        let browser = try await Browser.launch()
        do {
            let board = DemoSeed.Account.of(.boardMember)
            try await Self.signIn(browser, base: base, email: board.email, password: board.password)
            try await browser.find(css: "#targets tbody tr:nth-child(2) th a").click()
            try await Self.waitUntil(browser) { try await $0.currentURL.contains("/targets/") }
            #expect(try await browser.find(css: "h1").text.lowercased().contains("initial assessments"))
            #expect(try await browser.findAll(css: "#milestones tbody tr").count == 2)
            try await browser.find(css: "#figures tbody tr:nth-child(5) td a").click()
            try await Self.waitUntil(browser) { try await $0.currentURL.contains("month=") }
            let records = try await browser.find(css: "#records")
            #expect(try await records.find(css: "h2").text.hasPrefix("Records behind"))
            let rows = try await browser.findAll(css: "#record-table tbody tr")
            #expect(!rows.isEmpty)
            let first = try await rows[0].find(css: "td").text
            #expect(first.hasPrefix("C-"), "a pseudonym, not the council's own identifier: \(first)")
            #expect(try await browser.currentURL.contains("month="))
        } catch {
            try? await browser.quit()
            throw error
        }
        try await browser.quit()
    }

    @Test("an upload with a faulty file shows the report and imports nothing", arguments: Backend.allCases)
    func uploadWithAFault(_ backend: Backend) async throws {
        let (base, world) = try await Server.shared.base(backend)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("browser-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let generator = SyntheticCouncil(laCode: "891", from: YearMonth(year: 2010, month: 4)!, to: YearMonth(year: 2011, month: 3)!, childrenPerYear: 80, seed: 9)
        var bytes = try #require(generator.censusFiles(plantFaults: true).last).bytes
        bytes.removeLast(bytes.count / 2)
        let file = folder.appendingPathComponent("cut-short.xml")
        try Data(bytes).write(to: file)
        let before = try await Store(world.app.db).scope(world.notts).imports().count

        let browser = try await Browser.launch()
        do {
            try await Self.signIn(browser, base: base, email: WebFixture.nottsOfficer, password: WebFixture.nottsPassword)
            try await browser.open("\(base)/councils/\(world.notts.uuidString)/uploads")
            try await browser.find(css: "#files").upload(file)
            try await browser.find(css: "#upload").click()
            // The progress page refreshes itself until the report is there.
            let summary = try await browser.find(css: "#rejected", timeout: .seconds(60))
            #expect(try await summary.text.contains("Nothing was imported"))
            #expect(try await browser.bodyText.contains("cut-short.xml"))
            #expect(try await browser.bodyText.contains("Not read"))
        } catch {
            try? await browser.quit()
            throw error
        }
        try await browser.quit()
        // Nothing of this upload was stored. (Other tests upload for the same council at the same time, so the count of
        // imports is not the measure; the file's name is.)
        let stored = try await ImportFileModel.query(on: world.app.db).filter(\.$councilID == world.notts).filter(\.$name == "cut-short.xml").count()
        #expect(stored == 0)
        #expect(try await Store(world.app.db).scope(world.notts).imports().count >= before)
    }

    @Test("a council officer confirms a field of the notice", arguments: Backend.allCases)
    func confirmANoticeField(_ backend: Backend) async throws {
        let (base, world) = try await Server.shared.base(backend)
        let browser = try await Browser.launch()
        do {
            let officer = DemoSeed.Account.of(.councilOfficer)
            try await Self.signIn(browser, base: base, email: officer.email, password: officer.password)
            try await browser.open("\(base)/councils/\(world.worcs.uuidString)/notice")
            #expect(try await browser.findAll(css: "#notice-text mark").count >= 8)
            try await browser.find(css: "#confirm-durationMonths").click()
            try await Self.waitUntil(browser) { try await $0.currentURL.contains("done=confirmed") }
            #expect(try await browser.find(css: ".govuk-notification-banner").text.contains("The field has been confirmed"))
            #expect(try await browser.find(css: "#field-durationMonths").text.contains("Confirmed by \(officer.email)"))
        } catch {
            try? await browser.quit()
            throw error
        }
        try await browser.quit()
    }

    @Test("a notice published as a PDF is uploaded and read; a scanned one is refused and nothing is stored", arguments: Backend.allCases)
    func uploadANoticePDF(_ backend: Backend) async throws {
        let (base, world) = try await Server.shared.base(backend)
        // A council of its own, so that the other tests' councils keep their notices.
        let store = Store(world.app.db)
        let council = try await store.createCouncil(laCode: backend == .sqlite ? "909" : "910", name: "Cumbria County Council \(backend.rawValue)", by: .system)
        let id = try council.requireID()
        let pdfs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("NoticeReaderTests/Fixtures/pdf")
        let browser = try await Browser.launch()
        do {
            let admin = DemoSeed.Account.of(.administrator)
            try await Self.signIn(browser, base: base, email: admin.email, password: admin.password)
            // A scan: refused with the reason, and nothing stored.
            try await browser.open("\(base)/councils/\(id.uuidString)/notices/new")
            try await browser.find(css: "#file").upload(pdfs.appendingPathComponent("scanned-no-text.pdf"))
            try await browser.find(css: "#read-notice").click()
            let problem = try await browser.find(css: ".govuk-error-summary", timeout: .seconds(30))
            #expect(try await problem.text.contains("no text layer"))
            #expect(try await store.scope(id).notices().isEmpty)
            // The notice as published: read, stored as a draft, its fields beside its words.
            try await browser.find(css: "#file").upload(pdfs.appendingPathComponent("cumbria-2012.pdf"))
            try await browser.find(css: "#read-notice").click()
            try await Self.waitUntil(browser) { try await $0.currentURL.contains("done=read") }
            #expect(try await browser.find(css: "h1").text.contains("Cumbria County Council"))
            #expect(try await browser.findAll(css: "#notice-text mark").count >= 3)
            #expect(try await browser.bodyText.contains("(see the words, page 1)"), "a field read from a PDF names its page")
            let stored = try #require(try await store.scope(id).currentNotice())
            #expect(stored.encoding == "PDF")
            #expect(try await store.scope(id).targets(of: stored).count == 1)
        } catch {
            try? await browser.quit()
            throw error
        }
        try await browser.quit()
    }

    @Test("a notice's fields as a new user meets them: Confirm first, Correct opens the field, a refused correction keeps what was typed, a new notice date shows what moves before moving it", arguments: Backend.allCases)
    func correctANoticeAsANewUser(_ backend: Backend) async throws {
        let (base, world) = try await Server.shared.base(backend)
        // A council of its own, so that the other tests' notices keep their dates.
        let store = Store(world.app.db)
        let council = try await store.createCouncil(laCode: backend == .sqlite ? "921" : "922", name: "Nottinghamshire County Council \(backend.rawValue)", by: .system)
        let id = try council.requireID()
        let text = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("NoticeReaderTests/Fixtures/notices/nottinghamshire-2010.txt")
        let draft = try NoticeReader.read(bytes: Array(try Data(contentsOf: text)))
        let record = try await store.scope(id).createNotice(sourceText: draft.text, encoding: draft.encoding, notice: draft.notice, warnings: draft.warnings,
                                                            noticeDate: nil, by: .system)
        let page = "\(base)/councils/\(id.uuidString)/notices/\(try record.requireID().uuidString)"
        let browser = try await Browser.launch()
        do {
            let admin = DemoSeed.Account.of(.administrator)
            try await Self.signIn(browser, base: base, email: admin.email, password: admin.password)
            try await browser.open(page)
            // In each row the first button is Confirm; Correct is a closed disclosure until opened.
            let row = try await browser.find(css: "#field-targets-0--milestones-0--value")
            #expect(try await row.find(css: "button").text.hasPrefix("Confirm"))
            #expect(try await row.find(css: "details").attribute("open") == nil)
            // Correct with the value as read: refused, the field open and marked, what was typed kept.
            try await row.find(css: "summary").click()
            let input = try await browser.find(css: "#value-targets-0--milestones-0--value")
            let asRead = try #require(try await input.attribute("value"))
            try await input.type("\u{E007}")
            try await Self.waitUntil(browser) { try await $0.bodyText.contains("this is the value as read") }
            #expect(try await browser.find(css: ".govuk-error-summary").text.contains("Choose Confirm if it is right"))
            #expect(try await browser.find(css: "#field-targets-0--milestones-0--value details").attribute("open") != nil)
            let kept = try await browser.find(css: "#value-targets-0--milestones-0--value")
            #expect(try await kept.attribute("value") == asRead)
            #expect(try await browser.findAll(css: "#field-targets-0--milestones-0--value .govuk-form-group--error").count == 1)
            // A real correction, saved by Enter in the field.
            try await kept.clear()
            try await kept.type("66\u{E007}")
            try await Self.waitUntil(browser) { try await $0.currentURL.contains("done=corrected") }
            #expect(try await store.scope(id).targets(of: record).first?.target.milestones.first?.value == 66)

            // A new notice date: the dates it moves are listed, and nothing moves until the person says so.
            try await browser.open(page)
            try await browser.find(css: "#field-noticeDate summary").click()
            let date = try await browser.find(css: "#value-noticeDate")
            try await date.clear()
            try await date.type("2010-07-29\u{E007}")
            let moves = try await browser.find(css: "#moves", timeout: .seconds(10))
            #expect(try await browser.find(css: "h1").text == "Check the dates that will move")
            #expect(try await moves.findAll(css: "tbody tr").count >= 2)
            #expect(try await browser.bodyText.contains("from 29 June 2010 to 29 July 2010"))
            #expect(try await store.scope(id).storedNotice(record)?.noticeDate == CalendarDate(year: 2010, month: 6, day: 29), "nothing moved yet")
            try await browser.find(css: "#move-dates").click()
            try await Self.waitUntil(browser) { try await $0.currentURL.contains("done=corrected") }
            let moved = try #require(try await store.scope(id).notice(id: try record.requireID()))
            #expect(try await store.scope(id).storedNotice(moved)?.noticeDate == CalendarDate(year: 2010, month: 7, day: 29))
            // "See the words" goes to the words, and the words lead back to the field.
            let back = try await browser.findAll(css: "#notice-text a.notice-back")
            #expect(!back.isEmpty)
            #expect(try await back[0].attribute("href")?.hasPrefix("#field-") == true)
        } catch {
            try? await browser.quit()
            throw error
        }
        try await browser.quit()
    }
}

/// Published statistics in the browser: a council officer reads how the council compares; a DfE official chooses a
/// measure and a region among every council in England and follows a council through to its comparison.
extension BrowserTests {
    @Test("a council officer and a DfE official use the published comparisons", arguments: Backend.allCases)
    func publishedComparisons(_ backend: Backend) async throws {
        let (base, _) = try await Server.shared.base(backend)
        let browser = try await Browser.launch()
        do {
            let officer = DemoSeed.Account.of(.councilOfficer)
            try await Self.signIn(browser, base: base, email: officer.email, password: officer.password)
            try await browser.find(css: "a[href$='/compare']").click()
            try await Self.waitUntil(browser) { try await $0.currentURL.hasSuffix("/compare") }
            #expect(try await browser.find(css: "h1").text == "How Worcestershire compares")
            let first = try await browser.find(css: "#latest tbody tr").text
            #expect(first.contains("Re-referrals within 12 months") && first.contains("17.8%") && first.contains("5th of 11"))
            try await browser.find(css: "#latest tbody tr th a").click()
            try await Self.waitUntil(browser) { try await $0.currentURL.hasSuffix("#re_referral_12m") }
            try await Self.signOut(browser)

            let dfe = DemoSeed.Account.of(.dfeOfficial)
            try await Self.signIn(browser, base: base, email: dfe.email, password: dfe.password)
            try await browser.find(css: "a[href='/england']").click()
            try await Self.waitUntil(browser) { try await $0.currentURL.hasSuffix("/england") }
            try await browser.find(css: "#measure option[value='sw_agency_rate']").click()
            try await browser.find(css: "#region option[value='E12000005']").click()
            try await browser.find(css: "#choose button").click()
            try await Self.waitUntil(browser) { try await $0.currentURL.contains("region=E12000005") }
            #expect(try await browser.find(css: "h2").text == "Agency social workers, 30 September 2025")
            #expect(try await browser.find(css: "#england caption").text == "14 councils in West Midlands")
            try await browser.find(css: "#england a[href$='/compare']").click()
            try await Self.waitUntil(browser) { try await $0.currentURL.hasSuffix("/compare") }
            #expect(try await browser.find(css: "h1").text == "How Worcestershire compares")
        } catch {
            try? await browser.quit()
            throw error
        }
        try await browser.quit()
    }
}
