import Demo
import Domain
import Foundation
import NoticeReader
import Storage
import Testing
import Vapor
import VaporTesting
@testable import WebApp

/// The command line and the web application go through one pipeline (`NoticeMonitoring.run`): the same notice and
/// the same returns give the same statuses, milestones, forecasts, exceptions (with what lies behind them) and
/// calendar from `improve status --format json` as from the API, field by field.
@Suite("One pipeline for the command line and the web")
struct PipelineAgreementTests {
    static let improve = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("improve")

    @Test("improve status --format json and GET /api/v1/councils/{council}/status agree on the same notice and returns", arguments: Backend.allCases)
    func commandLineAndAPIAgree(_ backend: Backend) async throws {
        let app = try await Self.application(backend)
        do {
            try await compare(app, backend)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// An application of the test's own, on an empty database, so that no other test's councils or writes reach it
    /// (and this test's council reaches no other test).
    static func application(_ backend: Backend) async throws -> Application {
        let storage: StorageConfiguration
        switch backend {
        case .sqlite:
            storage = .sqlite(path: NSTemporaryDirectory() + "pipeline-\(UUID().uuidString).sqlite")
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment["TEST_PIPELINE_DATABASE_URL"], !url.isEmpty else {
                throw FixtureError("TEST_PIPELINE_DATABASE_URL is not set: start PostgreSQL with scripts/test-services.sh (as .ci/run does) and export what it prints")
            }
            storage = .postgres(url: url)
            let database = try StandaloneDatabase(storage)
            do { try await database.revertAll() } catch { await database.shutdown(); throw error }
            await database.shutdown()
        }
        let app = try await Application.make(.testing)
        do {
            try await configure(app, settings: Settings(storage: storage, today: nil, secret: "test-secret", bcryptCost: 4, signInAttempts: 5, lockout: 900))
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    func compare(_ app: Application, _ backend: Backend) async throws {
        let store = Store(app.db)
        // A council of the test's own (Somerset, under its 2013 notice), so no other test's writes reach it.
        let asOf = "2014-03-31"
        let council = try await store.createCouncil(laCode: "933", name: "Somerset", asOf: asOf, by: .system)
        let noticeFile = WebFixture.fixtures.appendingPathComponent("NoticeReaderTests/Fixtures/notices/somerset-2013.txt")
        let draft = try NoticeReader.read(bytes: Array(try Data(contentsOf: noticeFile)))
        let scope = store.scope(try council.requireID())
        _ = try await scope.createNotice(sourceText: draft.text, encoding: draft.encoding, notice: draft.notice, warnings: [],
                                         noticeDate: nil,
                                         by: .system)
        // Every kind of return the generator writes: census, bundle, looked-after tables, workforce census, Annex A.
        let generator = SyntheticCouncil(laCode: "933", from: YearMonth(year: 2012, month: 4)!, to: YearMonth(year: 2014, month: 3)!,
                                         childrenPerYear: 150, seed: 13)
        var files = generator.censusFiles(plantFaults: false).map { (name: "cin-933-\($0.year).xml", bytes: $0.bytes) }
        files += generator.bundleFiles() + generator.lookedAfterFiles()
        files.append((name: "annex-a-933.xlsx", bytes: [UInt8](try generator.annexAWorkbook())))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in files { try Data(file.bytes).write(to: folder.appendingPathComponent(file.name)) }
        let uploads = files.map { ReturnImport.Upload(name: $0.name, content: Data($0.bytes)) }
        guard case .accepted = try await ReturnImport(today: CalendarDate(iso: asOf)!).run(uploads, council: council, store: store, by: .system) else {
            Issue.record("the generated returns were rejected")
            return
        }

        // The API, as a DfE official with a token.
        let email = "pipeline-\(backend.rawValue)@demo.example"
        if try await store.user(email: email) == nil {
            _ = try await store.createUser(email: email, displayName: "Pipeline check", role: .dfeOfficial, council: nil,
                                           passwordHash: try Bcrypt.hash("pipeline-password", cost: 4), by: .system)
        }
        let client = WebClient(app)
        try await client.signIn(email, "pipeline-password")
        let page = try await client.post("/account/api-token", form: [], tokenFrom: "/account")
        let start = try #require(page.body.range(of: "id=\"api-token\">"))
        let token = String(page.body[start.upperBound...].prefix { $0 != "<" })
        let reply = try await app.testing().sendRequest(.GET, "/api/v1/councils/\(try council.requireID().uuidString)/status",
                                                              headers: ["Authorization": "Bearer \(token)"])
        #expect(reply.status == .ok)
        var api = try #require(try JSONSerialization.jsonObject(with: Data(buffer: reply.body)) as? [String: Any])

        // The command line, on the same files.
        let process = Process()
        process.executableURL = Self.improve
        process.arguments = ["status", "--notice", noticeFile.path, "--input", folder.path, "--as-of", asOf, "--format", "json"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let printed = out.fileHandleForReading.readDataToEndOfFile()
        let complaint = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(complaint)")
        var cli = try #require(try JSONSerialization.jsonObject(with: printed) as? [String: Any])

        // Notes speak to their reader (the command line names its --notice-date flag); everything else must match.
        #expect((cli["notes"] as? [String])?.isEmpty == false && (api["notes"] as? [String])?.isEmpty == false)
        cli["notes"] = nil
        api["notes"] = nil
        #expect(Set(cli.keys) == ["council", "as_of", "notice_date", "targets", "exceptions", "calendar"])
        for key in cli.keys.sorted() {
            #expect(NSDictionary(dictionary: [key: cli[key]!]).isEqual(to: [key: api[key] as Any]), "\(key) differs")
        }
        // Something to compare: targets with figures, milestones judged, and exceptions with what lies behind them.
        let targets = try #require(cli["targets"] as? [[String: Any]])
        #expect(targets.count == draft.notice.targets.count && targets.count >= 3)
        #expect(targets.contains { $0["latest"] is [String: Any] })
        let exceptions = try #require(cli["exceptions"] as? [[String: Any]])
        #expect(exceptions.contains { (($0["drivers"] as? [String]) ?? []).isEmpty == false }, "the web's exceptions carry their drivers too")
    }
}
