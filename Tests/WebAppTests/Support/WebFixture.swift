import Demo
import Domain
import Foundation
import NoticeReader
import Storage
import Testing
import Vapor
import VaporTesting
@testable import WebApp

/// The databases the web tests run on: SQLite, and a real PostgreSQL (TEST_WEB_DATABASE_URL, set by
/// scripts/test-services.sh and .ci/run). Without it the PostgreSQL half fails, saying so.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres
    var testDescription: String { rawValue }
}

/// One application per backend, seeded once and shared by the tests: the demonstration (Worcestershire, small) and a
/// second council (Nottinghamshire) with its own officer, notice and import, so every test can ask for the other
/// council's records.
actor WebFixture {
    struct World: Sendable {
        var app: Application
        var worcs: UUID
        var notts: UUID
        var worcsNotice: UUID
        var nottsNotice: UUID
        var worcsTargets: [UUID]
        var nottsTargets: [UUID]
        var worcsImport: UUID
        var nottsImport: UUID
        /// One of each of the board's records, per council: [council: (action, evidence, request, review, assessment)].
        var board: [UUID: Board]
    }

    struct Board: Sendable {
        var action: UUID
        var evidence: UUID
        var request: UUID
        var review: UUID
        var assessment: UUID
        var visit: UUID
    }

    /// Adds one of each board record to a council, as its officer and chair would.
    static func boardRecords(_ scope: CouncilScope) async throws -> Board {
        let action = try await scope.createAction(PlanAction(title: "Agree the thresholds document with partners", lead: "Head of service", owner: .council,
                                                             measure: 2, due: CalendarDate(iso: "2011-03-31")!), by: Actor("officer"))
        try await scope.addEvidence(to: action, name: "thresholds.txt", link: nil, content: Data("Thresholds, version 2".utf8), by: Actor("officer"))
        let evidence = try #require(try await scope.evidence(for: action).first?.requireID())
        let request = try await scope.requestTimescale(for: action, TimescaleRequest(requestedDue: CalendarDate(iso: "2011-09-30")!, reason: "partners' sign-off",
                                                                                      requestedBy: "police@partner.example"), by: Actor("police"))
        let review = try await scope.createReview(kind: "notice_review", title: "Review of progress", due: CalendarDate(iso: "2011-06-30"), text: "Draft", by: Actor("officer"))
        let assessment = try await scope.createReview(kind: "chair_assessment", title: "Independent chair's assessment 1", due: CalendarDate(iso: "2011-01-31"),
                                                      text: "Draft", by: Actor("chair"))
        let visit = try await scope.recordVisit(OfstedVisit(kind: .monitoring, visitedOn: CalendarDate(iso: "2010-12-10")!, publishedOn: CalendarDate(iso: "2010-12-20")!,
                                                            theme: "The front door", findings: "Thresholds are not understood.", priorityActions: ["Agree thresholds"]),
                                                letterName: "letter.pdf", letter: Data("%PDF-1.4 a letter".utf8), by: Actor("officer"))
        return Board(action: action, evidence: evidence, request: request, review: review, assessment: assessment, visit: visit)
    }

    static let shared = WebFixture()
    private var worlds: [Backend: Task<World, any Error>] = [:]

    static let nottsOfficer = "officer@nottinghamshire.example"
    static let nottsPassword = "notts-officer-2010"

    func world(_ backend: Backend) async throws -> World {
        // One task per backend, so tests that ask at once share one application.
        if let task = worlds[backend] { return try await task.value }
        let task = Task { try await Self.make(backend) }
        worlds[backend] = task
        return try await task.value
    }

    static func settings(_ backend: Backend) throws -> Settings? {
        let storage: StorageConfiguration
        switch backend {
        case .sqlite:
            storage = .sqlite(path: NSTemporaryDirectory() + "web-test-\(UUID().uuidString).sqlite")
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment["TEST_WEB_DATABASE_URL"], !url.isEmpty else { return nil }
            storage = .postgres(url: url)
        }
        // A low bcrypt cost keeps sign-in fast in tests; the default (12) is for real use.
        return Settings(storage: storage, today: nil, secret: "test-secret", bcryptCost: 4, signInAttempts: 5, lockout: 900)
    }

    static func make(_ backend: Backend) async throws -> World {
        guard let settings = try settings(backend) else {
            throw FixtureError("TEST_WEB_DATABASE_URL is not set: start PostgreSQL with scripts/test-services.sh (as .ci/run does) and export what it prints")
        }
        if backend == .postgres {
            // Start from an empty database: revert whatever an earlier run left.
            let database = try StandaloneDatabase(settings.storage)
            do { try await database.revertAll() } catch { await database.shutdown(); throw error }
            await database.shutdown()
        }
        let app = try await Application.make(.testing)
        do {
            return try await populate(app, backend: backend, settings: settings)
        } catch {
            try? await app.asyncShutdown()
            throw FixtureError("setting up the \(backend.rawValue) application: \(String(reflecting: error))")
        }
    }

    static func populate(_ app: Application, backend: Backend, settings: Settings) async throws -> World {
        try await configure(app, settings: settings)
        try await DemoSeed.seed(app, childrenPerYear: 150, boardWork: false)
        let store = Store(app.db)
        let worcs = try #require(try await store.council(laCode: "885"))
        // The second council, its officer and notice, and a small census of its own.
        let notts = try await store.createCouncil(laCode: "891", name: "Nottinghamshire", asOf: "2011-06-30", by: .system)
        _ = try await store.createUser(email: nottsOfficer, displayName: "Notts officer", role: .councilOfficer, council: notts.requireID(),
                                       passwordHash: try Bcrypt.hash(nottsPassword, cost: 4), by: .system)
        let text = try String(contentsOf: fixtures.appendingPathComponent("NoticeReaderTests/Fixtures/notices/nottinghamshire-2010.txt"), encoding: .utf8)
        let draft = try NoticeReader.read(bytes: Array(text.utf8))
        let nottsScope = store.scope(try notts.requireID())
        let nottsNotice = try await nottsScope.createNotice(
            sourceText: draft.text, encoding: draft.encoding, notice: draft.notice, warnings: [], noticeDate: nil, by: .system)
        let generator = SyntheticCouncil(laCode: "891", from: YearMonth(year: 2010, month: 4)!, to: YearMonth(year: 2011, month: 3)!, childrenPerYear: 80, seed: 9)
        let uploads = generator.censusFiles(plantFaults: false).map { ReturnImport.Upload(name: "cin-891-\($0.year).xml", content: Data($0.bytes)) }
        guard case .accepted(let nottsImport, _) = try await ReturnImport(today: CalendarDate(iso: "2011-06-30")!).run(uploads, council: notts, store: store, by: .system) else {
            throw FixtureError("the Nottinghamshire census was rejected")
        }
        let worcsScope = store.scope(try worcs.requireID())
        let worcsNotice = try #require(try await worcsScope.currentNotice())
        let board = [try worcs.requireID(): try await boardRecords(worcsScope), try notts.requireID(): try await boardRecords(nottsScope)]
        return World(app: app, worcs: try worcs.requireID(), notts: try notts.requireID(), worcsNotice: try worcsNotice.requireID(),
                     nottsNotice: try nottsNotice.requireID(), worcsTargets: try await worcsScope.targets(of: worcsNotice).map(\.id),
                     nottsTargets: try await nottsScope.targets(of: nottsNotice).map(\.id),
                     worcsImport: try #require(try await worcsScope.imports().first?.requireID()), nottsImport: try nottsImport.requireID(),
                     board: board)
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A browser-like client over the in-memory application: keeps cookies, reads CSRF tokens from forms, follows
/// nothing by itself (so tests see each redirect).
final class WebClient: @unchecked Sendable {
    let app: Application
    private(set) var cookies: [String: String] = [:]

    init(_ app: Application) {
        self.app = app
    }

    struct Reply {
        var status: HTTPStatus
        var headers: HTTPHeaders
        var body: String
        /// The body as sent, for downloads (XLSX, PDF) that are not text.
        var bodyBytes: [UInt8] = []
        var location: String? { headers.first(name: .location) }
    }

    @discardableResult
    func request(_ method: HTTPMethod, _ path: String, form: [(String, String)]? = nil, headers: HTTPHeaders = [:],
                 body: ByteBuffer? = nil, contentType: HTTPMediaType? = nil) async throws -> Reply {
        var headers = headers
        if !cookies.isEmpty { headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        var buffer = body
        if let form {
            let encoded = form.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
            buffer = ByteBuffer(string: encoded)
            headers.contentType = .urlEncodedForm
        } else if let contentType {
            headers.contentType = contentType
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: buffer)
        for value in response.headers[.setCookie] {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if value.lowercased().contains("max-age=0") || pair[1].isEmpty { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
        }
        return Reply(status: response.status, headers: response.headers, body: String(buffer: response.body),
                     bodyBytes: Array(response.body.readableBytesView))
    }

    func get(_ path: String) async throws -> Reply { try await request(.GET, path) }

    /// The CSRF token of the first form on a page.
    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// Signs in through the form, as a person would.
    @discardableResult
    func signIn(_ email: String, _ password: String) async throws -> Reply {
        let page = try await get("/sign-in")
        let token = try #require(Self.csrf(in: page.body))
        return try await request(.POST, "/sign-in", form: [("email", email), ("password", password), ("_csrf", token), ("next", "/")])
    }

    /// Posts a form with the CSRF token of the page at `from`.
    func post(_ path: String, form: [(String, String)], tokenFrom page: String) async throws -> Reply {
        let token = try #require(Self.csrf(in: try await get(page).body))
        return try await request(.POST, path, form: form + [("_csrf", token)])
    }

    private func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

