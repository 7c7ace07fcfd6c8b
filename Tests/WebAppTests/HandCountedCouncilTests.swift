import Domain
import Foundation
import NoticeReader
import Spreadsheet
import Storage
import Testing
import Vapor
import VaporTesting
@testable import WebApp

/// A council whose every figure was counted by hand (Fixtures/hand-counted: its inputs, `expected.csv` and the
/// reasoning behind each row in REASONING.md), uploaded through the web application as its officer would, and read
/// back on every surface: the API's series of every indicator and basis, the targets and their judgements, the
/// dashboard, each target's page and records, the board pack's tables (CSV and XLSX) and the pack printed to PDF. The
/// expected figures are the hand counts; what a page shows is the hand count rounded here, by integer arithmetic on
/// its written digits, never by the product's own rounding.
@Suite("A council counted by hand, on every surface", .serialized)
struct HandCountedCouncilTests {
    static let folder = WebFixture.fixtures.appendingPathComponent("WebAppTests/Fixtures/hand-counted")

    struct Row: Hashable {
        var indicator: String, basis: String, start: String, end: String
        var numerator: Decimal, denominator: Decimal, value: String
    }

    /// expected.csv, as written by hand.
    static func expected() throws -> [Row] {
        let text = try String(contentsOf: folder.appendingPathComponent("expected.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "indicator,basis,period_start,period_end,numerator,denominator,value")
        return lines.dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Row(indicator: f[0], basis: f[1], start: f[2], end: f[3], numerator: Decimal(string: f[4])!, denominator: Decimal(string: f[5])!,
                       value: f[6])
        }
    }

    /// A four-place figure as a page writes it: one place, a half rounded up, no trailing ".0" ("66.6667" → "66.7",
    /// "100.0000" → "100", "0.2914" → "0.3"). Done on the digits, so it cannot share a slip with the product's rounding.
    static func shown(_ fourPlaces: String) -> String {
        let parts = fourPlaces.split(separator: ".")
        let whole = Int(parts[0])!, fraction = Int(parts[1].padding(toLength: 4, withPad: "0", startingAt: 0))!
        let tenths = (whole * 10_000 + fraction + 500) / 1000
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    @Test("the rounding used here rounds as a person does")
    func roundingByHand() {
        #expect(Self.shown("66.6667") == "66.7")
        #expect(Self.shown("100.0000") == "100")
        #expect(Self.shown("0.2914") == "0.3")
        #expect(Self.shown("69.9500") == "70")
        #expect(Self.shown("16.6449") == "16.6")
    }

    /// The notice's six targets, and how each was judged by hand at 15 July 2026 (June is the last complete month):
    /// the basis each is read on (the indicator's usual one: none of the six says), its milestone, and the state.
    struct Judged {
        var indicator: String, basis: String, month: String, state: String
    }
    static let judged = [
        // 100% in June, in the month: 5 of 5 assessments within 45 working days (REASONING.md), at the level: met.
        Judged(indicator: "single_assessment_timeliness", basis: "in_month", month: "2026-06", state: "met"),
        // 25% in June, to fall to: 1 of 4 referrals, exactly at the level: met.
        Judged(indicator: "re_referral_12m", basis: "in_month", month: "2026-06", state: "met"),
        // At least 66.7% at 30 June: 2 of 3 plans, 66.6667%, shown as 66.7%: met (judged as shown).
        Judged(indicator: "cp_reviews_on_time", basis: "snapshot", month: "2026-06", state: "met"),
        // 10% by May, to fall to: 1 of 6 FTE vacant at 31 May, 16.7%: missed.
        Judged(indicator: "sw_vacancy_rate", basis: "snapshot", month: "2026-05", state: "missed"),
        // 80% in June: 1 of 2 children's reviews on time, 50%: missed.
        Judged(indicator: "lac_reviews_on_time", basis: "in_month", month: "2026-06", state: "missed"),
        // 85% by September 2026: not yet due on 15 July (eleven weeks ahead).
        Judged(indicator: "cases_allocated_to_qualified_sw", basis: "snapshot", month: "2026-09", state: "not_yet_due"),
    ]

    @Test("uploaded through the web, every hand-counted figure is the same in the API, the dashboard, the target pages, their records, the pack's tables and its PDF",
          arguments: Backend.allCases)
    func everySurface(_ backend: Backend) async throws {
        let app = try await Self.application(backend)
        do {
            try await check(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func application(_ backend: Backend) async throws -> Application {
        let storage: StorageConfiguration
        switch backend {
        case .sqlite:
            storage = .sqlite(path: NSTemporaryDirectory() + "hand-counted-\(UUID().uuidString).sqlite")
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment["TEST_HANDCOUNTED_DATABASE_URL"], !url.isEmpty else {
                throw FixtureError("TEST_HANDCOUNTED_DATABASE_URL is not set: start PostgreSQL with scripts/test-services.sh (as .ci/run does) and export what it prints")
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

    func check(_ app: Application) async throws {
        let store = Store(app.db)
        // The ONS estimates DfE's rates per 10,000 use, as an administrator loads them.
        let ons = "ons_mid-year_population_estimates_2012_to_2024.csv"
        let onsBytes = Array(try Data(contentsOf: WebFixture.fixtures.deletingLastPathComponent().appendingPathComponent("Resources/published/\(ons)")))
        _ = try await PublishedStatistics.store(try PublishedStatistics.check(onsBytes, name: ons), by: .system, on: app.db)
        let council = try await store.createCouncil(laCode: "891", name: "Nottinghamshire", asOf: "2026-07-15", by: .system)
        let id = try council.requireID()
        for (email, role) in [("officer@notts.example", Role.councilOfficer), ("chair@notts.example", .independentChair)] {
            _ = try await store.createUser(email: email, displayName: email, role: role, council: id,
                                           passwordHash: try Bcrypt.hash("hand-counted-2026", cost: 4), by: .system)
        }
        let draft = try NoticeReader.read(bytes: Array(try Data(contentsOf: Self.folder.appendingPathComponent("notice.txt"))))
        #expect(draft.notice.targets.map(\.indicatorID.rawValue) == Self.judged.map(\.indicator))
        _ = try await store.scope(id).createNotice(sourceText: draft.text, encoding: draft.encoding, notice: draft.notice, warnings: [],
                                                   noticeDate: nil, by: .system)

        // The officer uploads the seventeen files, as they would.
        let officer = WebClient(app)
        #expect(try await officer.signIn("officer@notts.example", "hand-counted-2026").status == .seeOther)
        let inputs = Self.folder.appendingPathComponent("inputs")
        let names = try FileManager.default.contentsOfDirectory(atPath: inputs.path).sorted()
        #expect(names.count == 17)
        let files = try names.map { ($0, Array(try Data(contentsOf: inputs.appendingPathComponent($0)))) }
        let report = try await WorkflowTests.upload(officer, council: id, files: files)
        #expect(report.status == .ok)
        #expect(report.body.contains("Import complete"), "\(report.body.prefix(2000))")

        let rows = try Self.expected()
        #expect(rows.count == 426)
        checkWhatChanged(report.body, rows: rows)
        try await checkAPI(officer, council: id, rows: rows)
        let targets = try await checkTargets(officer, council: id, rows: rows)
        try await checkPages(officer, council: id, rows: rows, targets: targets)
        try checkCommandLine()
        let chair = WebClient(app)
        #expect(try await chair.signIn("chair@notts.example", "hand-counted-2026").status == .seeOther)
        try await checkPack(chair, app: app, council: id, rows: rows)
    }

    /// The upload's report says what it changed: the council had no figures, so every hand-counted month of each
    /// target's basis went from no figure to its hand count, and the figures now run to June 2026.
    func checkWhatChanged(_ body: String, rows: [Row]) {
        #expect(body.contains("The targets' figures now run to June 2026; before this import there were none."))
        let months = ["April": "04", "May": "05", "June": "06"]
        for target in Self.judged {
            for row in rows where row.indicator == target.indicator && row.basis == target.basis && !row.value.isEmpty {
                let name = months.first { $0.value == row.end.dropFirst(5).prefix(2) }!.key
                let line = "<tr><th scope=\"row\">\(name) 2026</th><td class=\"numeric\">no figure</td><td class=\"numeric\">\(Self.shown(row.value))%</td></tr>"
                #expect(body.contains(line), "\(target.indicator) \(row.end): \(line)")
            }
        }
    }

    struct Point: Decodable { var month: String; var numerator: Double; var denominator: Double; var value: Double? }
    struct Series: Decodable { var indicator: String; var basis: String; var points: [Point] }

    /// Every row of expected.csv against the API's series of its indicator and basis.
    func checkAPI(_ client: WebClient, council: UUID, rows: [Row]) async throws {
        let groups = Dictionary(grouping: rows) { "\($0.indicator)|\($0.basis)" }
        var compared = 0
        for key in groups.keys.sorted() {
            let (indicator, basis) = (String(key.split(separator: "|")[0]), String(key.split(separator: "|")[1]))
            let reply = try await client.get("/api/v1/councils/\(council.uuidString)/indicators/\(indicator)?basis=\(basis)")
            #expect(reply.status == .ok, "\(key)")
            let series = try JSONDecoder().decode(Series.self, from: Data(reply.body.utf8))
            let byMonth = Dictionary(series.points.map { ($0.month, $0) }, uniquingKeysWith: { a, _ in a })
            for row in groups[key]! {
                compared += 1
                let month = String(row.end.prefix(7))
                guard let point = byMonth[month] else {
                    // A month with nothing to count may have no point; one with something must.
                    #expect(row.denominator == 0, "\(key) \(month): no point, hand count \(row.numerator)/\(row.denominator)")
                    continue
                }
                #expect(Decimal(point.numerator) == row.numerator && Decimal(point.denominator) == row.denominator,
                        "\(key) \(month): \(point.numerator)/\(point.denominator), hand count \(row.numerator)/\(row.denominator)")
                if row.value.isEmpty {
                    #expect(point.value == nil, "\(key) \(month)")
                } else {
                    let value = try #require(point.value, "\(key) \(month)")
                    #expect(abs(value - Double(row.value)!) < 0.00005, "\(key) \(month): \(value), hand count \(row.value)")
                }
            }
        }
        #expect(compared == 426)
    }

    struct Milestone: Decodable { var due: String?; var state: String; var figure: Double? }
    struct Target: Decodable { var id: UUID; var indicator: String; var latest_month: String?; var latest_value: Double?; var milestones: [Milestone] }

    /// The targets from the API: each judged as by hand, with the hand-counted figure.
    func checkTargets(_ client: WebClient, council: UUID, rows: [Row]) async throws -> [Target] {
        let reply = try await client.get("/api/v1/councils/\(council.uuidString)/targets")
        #expect(reply.status == .ok)
        let targets = try JSONDecoder().decode([Target].self, from: Data(reply.body.utf8))
        #expect(targets.map(\.indicator) == Self.judged.map(\.indicator))
        for (target, judged) in zip(targets, Self.judged) {
            let milestone = try #require(target.milestones.first)
            #expect(milestone.state == judged.state, "\(judged.indicator): \(milestone.state)")
            #expect(target.latest_month == "2026-06", "\(judged.indicator)")
            let june = try #require(Self.row(rows, judged.indicator, judged.basis, "2026-06"))
            #expect(abs(try #require(target.latest_value) - Double(june.value)!) < 0.00005, "\(judged.indicator) latest")
            if judged.state != "not_yet_due" {
                let row = try #require(Self.row(rows, judged.indicator, judged.basis, judged.month))
                #expect(abs(try #require(milestone.figure) - Double(row.value)!) < 0.00005, "\(judged.indicator) judged on")
            }
        }
        return targets
    }

    static func row(_ rows: [Row], _ indicator: String, _ basis: String, _ month: String) -> Row? {
        rows.first { $0.indicator == indicator && $0.basis == basis && $0.end.hasPrefix(month) }
    }

    /// The dashboard's latest figure for each target; each target's page, month by month, with its counts; the
    /// records behind June's figure, as CSV and XLSX, one row per record of the denominator.
    func checkPages(_ client: WebClient, council: UUID, rows: [Row], targets: [Target]) async throws {
        let dashboard = try await client.get("/councils/\(council.uuidString)")
        #expect(dashboard.status == .ok)
        for judged in Self.judged {
            let june = try #require(Self.row(rows, judged.indicator, judged.basis, "2026-06"))
            #expect(dashboard.body.contains("\(Self.shown(june.value))% (June 2026)"), "\(judged.indicator) on the dashboard")
        }
        for (target, judged) in zip(targets, Self.judged) {
            let page = try await client.get("/councils/\(council.uuidString)/targets/\(target.id.uuidString)")
            #expect(page.status == .ok)
            for month in ["2026-04", "2026-05", "2026-06"] {
                let row = try #require(Self.row(rows, judged.indicator, judged.basis, month))
                guard !row.value.isEmpty else { continue }
                let counts = "\(Self.amount(row.numerator))/\(Self.amount(row.denominator))"
                #expect(page.body.contains("\(Self.shown(row.value))% (\(counts))"), "\(judged.indicator) \(month) on its page")
            }
            let june = try #require(Self.row(rows, judged.indicator, judged.basis, "2026-06"))
            let path = "/councils/\(council.uuidString)/targets/\(target.id.uuidString)/records"
            let csv = try await client.get("\(path).csv?month=2026-06&basis=\(judged.basis)")
            #expect(csv.status == .ok)
            // The pack writes CRLF, one Character to Swift.
            let lines = Self.parseCSV(csv.body)
            if judged.indicator.hasPrefix("sw_") {
                // Workforce figures are sums of FTE, with no records behind them.
                continue
            }
            #expect(Decimal(lines.count - 1) == june.denominator, "\(judged.indicator): \(lines.count - 1) records for June, hand count \(june.denominator)")
            // The last column says whether the record is in the numerator.
            #expect(Decimal(lines.dropFirst().filter { $0.last == "Yes" }.count) == june.numerator, "\(judged.indicator): records counted")
            let xlsx = try await client.app.testing().sendRequest(.GET, "\(path).xlsx?month=2026-06&basis=\(judged.basis)",
                                                                  headers: ["Cookie": client.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")])
            #expect(xlsx.status == .ok)
            let workbook = try XLSXWorkbook(data: Data(buffer: xlsx.body))
            let sheet = try #require(workbook.sheets.first?.name)
            let records = try #require(try workbook.rows(ofSheet: sheet))
            #expect(Decimal(records.count - 1) == june.denominator, "\(judged.indicator): xlsx records")
        }
    }

    /// The pack for the board's fourth meeting (21 July 2026: every four weeks from four weeks after the notice of 31
    /// March), the first after June: its targets and audits tables as CSV and XLSX, and the pack printed to PDF, read
    /// back with poppler's pdftotext.
    func checkPack(_ client: WebClient, app: Application, council: UUID, rows: [Row]) async throws {
        let base = "/councils/\(council.uuidString)/meetings/4/pack"
        let cookie: HTTPHeaders = ["Cookie": client.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")]
        let csv = try await client.get("\(base)/targets.csv")
        #expect(csv.status == .ok)
        let table = Self.parseCSV(csv.body)
        #expect(table.count == Self.judged.count + 1, "a header and a row per target")
        let xlsx = try await app.testing().sendRequest(.GET, "\(base)/targets.xlsx", headers: cookie)
        #expect(xlsx.status == .ok)
        let sheet = try #require(try XLSXWorkbook(data: Data(buffer: xlsx.body)).rows(ofSheet: "targets"))
        for (n, judged) in Self.judged.enumerated() {
            let june = try #require(Self.row(rows, judged.indicator, judged.basis, "2026-06"))
            // The pack's figure is the figure as shown, in both forms.
            #expect(table[n + 1][2] == Self.shown(june.value), "\(judged.indicator) in targets.csv: \(table[n + 1])")
            #expect(table[n + 1][3] == "2026-06")
            #expect(sheet[n + 1].cells[2] == .number(Double(Self.shown(june.value))!), "\(judged.indicator) in targets.xlsx")
        }
        // Case-file audits by month, against the hand counts of the two audit indicators.
        let audits = Self.parseCSV(try await client.get("\(base)/audits.csv").body)
        for month in ["2026-04", "2026-05", "2026-06"] {
            let adequate = try #require(Self.row(rows, "case_audit_adequate_or_better", "in_month", month))
            let good = try #require(Self.row(rows, "case_audit_good_or_better", "in_month", month))
            let line = try #require(audits.first { $0.first == month }, "audits of \(month)")
            #expect(Decimal(string: line[1]) == adequate.denominator && Decimal(string: line[2]) == adequate.numerator
                    && Decimal(string: line[3]) == good.numerator, "\(month): \(line)")
        }
        // The printed pack: in the targets table (pdftotext keeps each row's first line together), the line that
        // starts with a target's name carries its rating and its figure as shown.
        let pdf = try await app.testing().sendRequest(.GET, "\(base)?format=pdf", headers: cookie)
        #expect(pdf.status == .ok)
        let lines = try PDFText.text(of: Array(Data(buffer: pdf.body))).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        for (n, judged) in Self.judged.enumerated() {
            let june = try #require(Self.row(rows, judged.indicator, judged.basis, "2026-06"))
            let name = String(table[n + 1][0].prefix(12)), rag = table[n + 1][1]
            let line = lines.first { $0.hasPrefix(name) && $0.contains("  \(rag)  ") }
            #expect(line?.contains("  \(Self.shown(june.value))%  ") == true, "\(judged.indicator) in the printed pack: \(line ?? "no line")")
        }
    }

    /// `improve status` on the same notice and files judges each target as the web does, and as by hand, with the
    /// hand-counted figure (it finds the shipped population as `improve indicators` does).
    func checkCommandLine() throws {
        let process = Process()
        process.executableURL = PipelineAgreementTests.improve
        process.arguments = ["status", "--notice", Self.folder.appendingPathComponent("notice.txt").path, "--input",
                             Self.folder.appendingPathComponent("inputs").path, "--as-of", "2026-07-15", "--format", "json"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let printed = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let status = try #require(try JSONSerialization.jsonObject(with: printed) as? [String: Any])
        let targets = try #require(status["targets"] as? [[String: Any]])
        #expect(targets.compactMap { $0["indicator_id"] as? String } == Self.judged.map(\.indicator))
        for (target, judged) in zip(targets, Self.judged) {
            let milestone = try #require((target["milestones"] as? [[String: Any]])?.first)
            #expect(milestone["state"] as? String == judged.state, "\(judged.indicator) from improve status")
        }
    }

    /// RFC 4180, as the pack writes it.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c.isNewline { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// 3 → "3", 0.5 → "0.5", as pages write counts.
    static func amount(_ value: Decimal) -> String {
        let text = "\(value)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
