import Demo
import Domain
import Foundation
import NoticeReader
import Published
import Storage
import Vapor

/// The demonstration: Worcestershire under its 2010 notice, with a synthetic council's returns that start poor and
/// improve, judged as at October 2011 so that the June milestones have been judged and the December ones are
/// coming; and one account per role.
public enum DemoSeed {
    public static let asOf = "2011-10-31"

    public struct Account: Sendable {
        public var email: String
        public var password: String
        public var role: Role

        /// The demonstration's account for a role (there is one for each).
        public static func of(_ role: Role) -> Account { DemoSeed.accounts.first { $0.role == role }! }
    }

    public static let accounts: [Account] = [
        Account(email: "admin@demo.example", password: "demo-admin-2011", role: .administrator),
        Account(email: "officer@worcestershire.example", password: "demo-officer-2011", role: .councilOfficer),
        Account(email: "board@worcestershire.example", password: "demo-board-2011", role: .boardMember),
        Account(email: "chair@worcestershire.example", password: "demo-chair-2011", role: .independentChair),
        Account(email: "dfe@education.example", password: "demo-dfe-2011", role: .dfeOfficial),
        Account(email: "adviser@education.example", password: "demo-adviser-2011", role: .improvementAdviser),
    ]

    /// Creates the demonstration unless it is there already; returns what it did, for printing.
    @discardableResult
    /// - Parameter boardWork: also the board's own work (the plan from its spreadsheet, a board target, commentary); the
    ///   tests' shared council leaves it out, so that each test writes the board's work it checks.
    public static func seed(_ app: Application, childrenPerYear: Int = 1_200, boardWork: Bool = true, log: (String) -> Void = { _ in }) async throws -> Bool {
        let store = Store(app.storeDatabase)
        try await seedPublished(store, log: log)
        if try await store.council(laCode: SeedNotice.laCode) != nil { return false }
        let settings = app.services.settings
        log("creating the demonstration council")
        let council = try await store.createCouncil(laCode: SeedNotice.laCode, name: SeedNotice.councilName, asOf: asOf, by: .system)
        for account in accounts {
            let hash = try Bcrypt.hash(account.password, cost: settings.bcryptCost)
            let user = try await store.createUser(email: account.email, displayName: account.role.label, role: account.role,
                                                  council: account.role.needsCouncil ? council.requireID() : nil, passwordHash: hash, by: .system)
            // DfE appoints the improvement adviser to the council.
            if account.role == .improvementAdviser { try await store.appointAdviser(user, to: try council.requireID(), by: .system) }
        }
        log("reading the notice")
        let draft = try NoticeReader.read(bytes: Array(SeedNotice.text.utf8))
        let scope = store.scope(try council.requireID())
        _ = try await scope.createNotice(sourceText: draft.text, encoding: draft.encoding, notice: draft.notice,
                                         warnings: draft.warnings, noticeDate: nil, by: .system)
        log("generating the council's returns")
        let generator = SyntheticCouncil(laCode: SeedNotice.laCode, from: YearMonth(year: 2009, month: 4)!, to: YearMonth(year: 2011, month: 10)!,
                                         childrenPerYear: childrenPerYear, seed: 2010, trend: .improving)
        var uploads = generator.censusFiles(plantFaults: true).map { ReturnImport.Upload(name: "cin-885-\($0.year).xml", content: Data($0.bytes)) }
        uploads += (generator.bundleFiles() + generator.lookedAfterFiles()).map { ReturnImport.Upload(name: $0.name, content: Data($0.bytes)) }
        uploads.append(.init(name: "annex-a-885.xlsx", content: try generator.annexAWorkbook()))
        log("importing \(uploads.count) files")
        let outcome = try await ReturnImport(today: CalendarDate(iso: asOf)!).run(uploads, council: council, store: store, by: .system)
        if case .accepted = outcome, boardWork {
            try await seedBoardWork(app, council: try await store.council(id: council.requireID()) ?? council, log: log)
        }
        guard case .accepted = outcome else {
            if case .rejected(let report) = outcome {
                let reasons = report.files.filter { !$0.accepted }.flatMap { file in file.faults.prefix(1).map { "\(file.name): \($0.message)" } }
                throw Abort(.internalServerError, reason: "the demonstration's own files were rejected: \(reasons.joined(separator: "; "))")
            }
            return false
        }
        return true
    }
}

extension DemoSeed {
    /// DfE's published statistics shipped with the product (Resources/published), loaded when none are: the
    /// comparison pages and the view of every council in England have real figures from the start.
    static func seedPublished(_ store: Store, log: (String) -> Void) async throws {
        guard try await PublishedStatistics.list(on: store.database).isEmpty else { return }
        guard let folder = publishedFolder() else {
            log("the published statistics (Resources/published) were not found; load them on the published statistics page")
            return
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") || $0.hasSuffix(".ods") }.sorted()
        log("loading \(names.count) published tables")
        for name in names {
            let checked = try PublishedStatistics.check(Array(try Data(contentsOf: folder.appendingPathComponent(name))), name: name)
            try await PublishedStatistics.store(checked, by: .system, on: store.database)
        }
    }

    /// $PUBLISHED_DIR, else Resources/published under the working folder, else beside the build folder the
    /// executable runs from (.build/debug/improve).
    public static func publishedFolder() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [URL] = environment["PUBLISHED_DIR"].map { [URL(fileURLWithPath: $0)] } ?? []
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Resources/published"))
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("Resources/published"))
            folder = folder.deletingLastPathComponent()
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("sn_model_2025_wide.csv").path) }
    }
}

/// Serving: `improve serve` and `improve demo` both come here.
public enum WebServer {
    /// From the command line: logging and settings from the environment, then serve.
    public static func start(hostname: String, port: Int, demo: Bool) async throws {
        var environment = try Environment.detect(arguments: [CommandLine.arguments.first ?? "improve"])
        if environment.name == Environment.development.name { environment = .production }
        try LoggingSystem.bootstrap(from: &environment)
        let settings = try Settings.fromEnvironment()
        try await run(settings: settings, hostname: hostname, port: port, demo: demo, environment: &environment)
    }

    public static func run(settings: Settings, hostname: String, port: Int, demo: Bool, environment: inout Environment) async throws {
        environment.arguments = [environment.arguments.first ?? "improve", "serve", "--hostname", hostname, "--port", String(port)]
        let app = try await Application.make(environment)
        do {
            try await configure(app, settings: settings)
            if demo {
                let created = try await DemoSeed.seed(app) { print("demo: \($0)") }
                print(created ? "demo: ready" : "demo: using the demonstration already in \(settings.storage.description)")
                print("")
                print("Improvement notice monitor: http://\(hostname):\(port)/")
                print("Demonstration accounts (figures as at \(DemoSeed.asOf)):")
                for account in DemoSeed.accounts {
                    print("  \(account.role.label.padding(toLength: 26, withPad: " ", startingAt: 0)) \(account.email)  password: \(account.password)")
                }
                print("")
            }
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
