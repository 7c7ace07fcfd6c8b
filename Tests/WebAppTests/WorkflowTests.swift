import CaseRecords
import Demo
import Domain
import FluentKit
import Foundation
import Storage
import Testing
import Vapor
@testable import WebApp

/// What people do: upload returns and see the report, correct and confirm a notice, drill into a figure, read the
/// API with a token; on SQLite and PostgreSQL.
@Suite("Working with the application", .serialized)
struct WorkflowTests {
    static func multipart(_ parts: [(name: String, filename: String?, data: [UInt8])], boundary: String) -> ByteBuffer {
        var buffer = ByteBuffer()
        for part in parts {
            buffer.writeString("--\(boundary)\r\n")
            if let filename = part.filename {
                buffer.writeString("Content-Disposition: form-data; name=\"\(part.name)\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            } else {
                buffer.writeString("Content-Disposition: form-data; name=\"\(part.name)\"\r\n\r\n")
            }
            buffer.writeBytes(part.data)
            buffer.writeString("\r\n")
        }
        buffer.writeString("--\(boundary)--\r\n")
        return buffer
    }

    /// Uploads files as the signed-in client and follows the progress page until the import is done.
    static func upload(_ client: WebClient, council: UUID, files: [(String, [UInt8])]) async throws -> WebClient.Reply {
        let page = try await client.get("/councils/\(council.uuidString)/uploads")
        let token = try #require(WebClient.csrf(in: page.body))
        let boundary = "----improve-test-boundary"
        let body = multipart([("_csrf", nil, Array(token.utf8))] + files.map { ("files[]", $0.0, $0.1) }, boundary: boundary)
        let started = try await client.request(.POST, "/councils/\(council.uuidString)/uploads", body: body,
                                               contentType: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
        #expect(started.status == .seeOther)
        let job = try #require(started.location)
        for _ in 0..<600 {
            let reply = try await client.get(job)
            if reply.headers.first(name: "Refresh") == nil { return reply }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw FixtureError("the import did not finish in a minute")
    }

    @Test("an upload with a broken file imports nothing and says which file; a good one is imported", arguments: Backend.allCases)
    func uploadAllOrNothing(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let client = WebClient(world.app)
        try await client.signIn(WebFixture.nottsOfficer, WebFixture.nottsPassword)
        let scope = Store(world.app.db).scope(world.notts)
        let importsBefore = try await scope.imports().count
        let valuesBefore = try await scope.indicatorValues().count
        let generator = SyntheticCouncil(laCode: "891", from: YearMonth(year: 2010, month: 4)!, to: YearMonth(year: 2011, month: 3)!, childrenPerYear: 80, seed: 9)
        let census = try #require(generator.censusFiles(plantFaults: true).last)
        var broken = census.bytes
        broken.removeLast(broken.count / 3)

        let rejected = try await Self.upload(client, council: world.notts, files: [("good.xml", census.bytes), ("broken.xml", broken)])
        #expect(rejected.status == .unprocessableEntity)
        #expect(rejected.body.contains("Nothing was imported"))
        #expect(rejected.body.contains("broken.xml"))
        #expect(try await scope.imports().count == importsBefore)
        #expect(try await scope.indicatorValues().count == valuesBefore)

        let accepted = try await Self.upload(client, council: world.notts, files: [("cin-891-\(census.year).xml", census.bytes)])
        #expect(accepted.status == .ok)
        #expect(accepted.body.contains("Import complete"))
        #expect(accepted.body.contains("Faults by rule"), "the planted faults are reported")
        #expect(accepted.body.contains("Read as the 2010-11 census (by its reference date)."), "the report says which year's layout the file was read as")
        #expect(try await scope.imports().count == importsBefore + 1)
    }

    @Test("a council officer corrects a milestone and confirms fields; a value that does not read is refused with its field named", arguments: Backend.allCases)
    func correctAndConfirmNotice(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let client = WebClient(world.app)
        try await client.signIn(WebFixture.nottsOfficer, WebFixture.nottsPassword)
        let page = "/councils/\(world.notts.uuidString)/notices/\(world.nottsNotice.uuidString)"
        let shown = try await client.get(page)
        #expect(shown.status == .ok)
        #expect(shown.body.contains("<mark id=\"words-"), "the words behind fields are marked")
        let field = "targets[0].milestones[0].value"

        let bad = try await client.post("\(page)/fields", form: [("field", field), ("verdict", "corrected"), ("value", "seventy")], tokenFrom: page)
        #expect(bad.status == .unprocessableEntity)
        #expect(bad.body.contains("enter a number"))

        let good = try await client.post("\(page)/fields", form: [("field", field), ("verdict", "corrected"), ("value", "72.5")], tokenFrom: page)
        #expect(good.status == .seeOther)
        let scope = Store(world.app.db).scope(world.notts)
        let record = try #require(try await scope.notice(id: world.nottsNotice))
        let target = try #require(try await scope.targets(of: record).first)
        #expect(target.target.milestones.first?.value == 72.5)

        let confirm = try await client.post("\(page)/fields", form: [("field", "council.name"), ("verdict", "confirmed")], tokenFrom: page)
        #expect(confirm.status == .seeOther)
        let reviews = try await scope.fieldReviews(of: record)
        #expect(reviews.map(\.verdict).suffix(2) == ["corrected", "confirmed"])
        #expect(reviews.first { $0.verdict == "corrected" }?.valueAfter == "72.5")

        let state = try await client.post("\(page)/state", form: [("state", "confirmed")], tokenFrom: page)
        #expect(state.status == .seeOther)
        #expect(try await scope.notice(id: world.nottsNotice)?.state == "confirmed")
        let trail = try await Store(world.app.db).auditEntries(council: world.notts).map(\.action)
        #expect(trail.contains("notice.field_corrected") && trail.contains("notice.field_confirmed") && trail.contains("notice.state"))
        #expect(try await Store(world.app.db).verifyAuditTrail().intact)
    }

    @Test("a figure opens onto its records, children shown only by pseudonym", arguments: Backend.allCases)
    func drillDown(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let client = WebClient(world.app)
        let board = DemoSeed.Account.of(.boardMember)
        try await client.signIn(board.email, board.password)
        let scope = Store(world.app.db).scope(world.worcs)
        let notice = try #require(try await scope.currentNotice())
        let targets = try await scope.targets(of: notice)
        let initial = try #require(targets.first { $0.target.indicatorID == .initialAssessmentTimeliness })
        let page = try await client.get("/councils/\(world.worcs.uuidString)/targets/\(initial.id.uuidString)?month=2011-06&basis=in_month")
        #expect(page.status == .ok)
        #expect(page.body.contains("Records behind June 2011, in month"))
        #expect(page.body.contains("id=\"record-table\""))
        #expect(page.body.contains("<td class=\"govuk-table__cell\">C-"))
        // The list's rows are the figure's records, those late first; the download has every one.
        let rows = page.body.components(separatedBy: "<tr class=\"govuk-table__row\">").count - 1
        let csv = try await client.get("/councils/\(world.worcs.uuidString)/targets/\(initial.id.uuidString)/records.csv?month=2011-06&basis=in_month")
        #expect(csv.status == .ok)
        let lines = csv.body.split(whereSeparator: \.isNewline)
        #expect(lines.first == "Child (pseudonym),Record,Dates,Time taken,Worker,Met the standard")
        #expect(lines.count - 1 == rows && rows > 0)
        #expect(csv.body.range(of: #"885C\d{7}"#, options: .regularExpression) == nil, "no child identifier in the download")
        let xlsx = try await client.get("/councils/\(world.worcs.uuidString)/targets/\(initial.id.uuidString)/records.xlsx?month=2011-06&basis=in_month")
        #expect(xlsx.status == .ok)
        // None of the council's own child identifiers appears on the page.
        // None of the council's own child identifiers (885C0000001 and so on) appears on the page; workers keep their
        // staff numbers (885-W15), which are not a child's.
        #expect(page.body.range(of: #"885C\d{7}"#, options: .regularExpression) == nil)
        let bad = try await client.get("/councils/\(world.worcs.uuidString)/targets/\(initial.id.uuidString)?month=June&basis=in_month")
        #expect(bad.status == .badRequest)
    }

    @Test("the API answers a token with what its role may read, as the OpenAPI document describes", arguments: Backend.allCases)
    func api(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        func token(for account: DemoSeed.Account) async throws -> String {
            let client = WebClient(world.app)
            try await client.signIn(account.email, account.password)
            let page = try await client.post("/account/api-token", form: [], tokenFrom: "/account")
            let marker = "id=\"api-token\">"
            let start = try #require(page.body.range(of: marker))
            return String(page.body[start.upperBound...].prefix { $0 != "<" })
        }
        // Accounts of this test's own: a new token replaces the account's old one, and other tests take tokens too.
        let store = Store(world.app.db)
        var accounts: [DemoSeed.Account] = []
        for (role, council) in [(Role.councilOfficer, Optional(world.worcs)), (.dfeOfficial, nil)] {
            let email = "api-\(role.rawValue)-\(backend.rawValue)@demo.example"
            if try await store.user(email: email) == nil {
                _ = try await store.createUser(email: email, displayName: "API \(role.label)", role: role, council: council,
                                               passwordHash: try Bcrypt.hash("api-password", cost: 4), by: .system)
            }
            accounts.append(DemoSeed.Account(email: email, password: "api-password", role: role))
        }
        let officer = try await token(for: accounts[0])
        let dfe = try await token(for: accounts[1])
        func get(_ path: String, _ token: String) async throws -> (HTTPStatus, Any?) {
            let response = try await world.app.testing().sendRequest(.GET, path, headers: ["Authorization": "Bearer \(token)"])
            return (response.status, try? JSONSerialization.jsonObject(with: Data(buffer: response.body)))
        }
        let (_, officerCouncils) = try await get("/api/v1/councils", officer)
        #expect((officerCouncils as? [[String: Any]])?.compactMap { $0["la_code"] as? String } == ["885"])
        // Every council there is: those that existed before the call and at most those after it (other tests add
        // councils of their own at the same time; none is ever removed).
        let before = Set(try await Store(world.app.db).councils().map(\.laCode))
        let (_, dfeCouncils) = try await get("/api/v1/councils", dfe)
        let after = Set(try await Store(world.app.db).councils().map(\.laCode))
        let seen = Set((dfeCouncils as? [[String: Any]])?.compactMap { $0["la_code"] as? String } ?? [])
        #expect(before.isSubset(of: seen) && seen.isSubset(of: after) && seen.isSuperset(of: ["885", "891"]))
        #expect(try await get("/api/v1/councils/\(world.notts.uuidString)", officer).0 == .notFound)
        #expect(try await get("/api/v1/councils", "not-a-token").0 == .unauthorized)

        // Every documented path answers, with the documented required fields.
        let documentResponse = try await world.app.testing().sendRequest(.GET, "/api/v1/openapi.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(buffer: documentResponse.body)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: Any])
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        #expect(paths.count == 16)
        for (template, _) in paths {
            let path = template.replacingOccurrences(of: "{council}", with: world.worcs.uuidString)
                .replacingOccurrences(of: "{target}", with: world.worcsTargets[0].uuidString)
                .replacingOccurrences(of: "{indicator}", with: "initial_assessment_timeliness")
                + (template.hasSuffix("/records") ? "?month=2011-06" : "")
            let (status, body) = try await get(path, dfe)
            #expect(status == .ok, "\(path)")
            let schemaName: String? = template.hasSuffix("/councils") || template.hasSuffix("{council}") ? "Council"
                : template.hasSuffix("/notice") ? "Notice" : template.hasSuffix("/targets") || template.hasSuffix("{target}") ? "Target"
                : template.hasSuffix("/plan") ? "Action" : template.hasSuffix("/meetings") ? "Meeting" : template.hasSuffix("/audits") ? "Audit"
                : template.hasSuffix("/incidents") ? "Incident" : template.hasSuffix("/status") ? "Status"
                : template.hasSuffix("/board-targets") ? "BoardTarget" : template.hasSuffix("/commentary") ? "Commentary"
                : template.hasSuffix("/visits") ? "Visit" : template.hasSuffix("/reviews") ? "Review"
                : template.hasSuffix("/records") ? "Records" : "Series"
            // The document says so too: its 200 answer is that schema (the records once said they were a series).
            let answer = ((((paths[template] as? [String: Any])?["get"] as? [String: Any])?["responses"] as? [String: Any])?["200"] as? [String: Any])
            let schema = ((answer?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
            let reference = (schema?["$ref"] as? String) ?? ((schema?["items"] as? [String: Any])?["$ref"] as? String)
            #expect(reference == "#/components/schemas/\(schemaName!)", "\(template) documents \(reference ?? "no schema")")
            let required = ((schemas[schemaName!] as? [String: Any])?["required"] as? [String]) ?? []
            let objects = (body as? [[String: Any]]) ?? ((body as? [String: Any]).map { [$0] } ?? [])
            // What other tests may not have written yet can be empty; the rest the fixture has.
            #expect(!objects.isEmpty || template.hasSuffix("/incidents") || template.hasSuffix("/board-targets") || template.hasSuffix("/commentary"), "\(path)")
            for object in objects { for field in required { #expect(object[field] != nil, "\(path) has \(field)") } }
        }
        let (_, series) = try await get("/api/v1/councils/\(world.worcs.uuidString)/indicators/initial_assessment_timeliness?basis=cumulative_ytd", dfe)
        #expect(((series as? [String: Any])?["points"] as? [Any])?.isEmpty == false)
        #expect(try await get("/api/v1/councils/\(world.worcs.uuidString)/indicators/initial_assessment_timeliness?basis=weekly", dfe).0 == .badRequest)
        // The records behind June 2011's in-month figure: as many as the figure counts, children by pseudonym only.
        let (_, inMonth) = try await get("/api/v1/councils/\(world.worcs.uuidString)/indicators/initial_assessment_timeliness?basis=in_month", dfe)
        let june = try #require(((inMonth as? [String: Any])?["points"] as? [[String: Any]])?.first { $0["month"] as? String == "2011-06" })
        let (recordsStatus, records) = try await get("/api/v1/councils/\(world.worcs.uuidString)/indicators/initial_assessment_timeliness/records?basis=in_month&month=2011-06", dfe)
        #expect(recordsStatus == .ok)
        let listed = try #require(records as? [String: Any])
        let numerator = try #require(listed["numerator"] as? [[String: Any]]), denominator = try #require(listed["denominator"] as? [[String: Any]])
        #expect(numerator.count == (june["numerator"] as? Int) && denominator.count == (june["denominator"] as? Int) && !denominator.isEmpty)
        #expect(denominator.allSatisfy { ($0["child"] as? String)?.hasPrefix("C-") == true })
        #expect(try await get("/api/v1/councils/\(world.worcs.uuidString)/indicators/initial_assessment_timeliness/records?basis=in_month&month=June", dfe).0 == .badRequest)
    }

    @Test("DfE sees every council with its state; the data quality page and the metrics say what they should")
    func overviewQualityAndOperations() async throws {
        let world = try await WebFixture.shared.world(.sqlite)
        let client = WebClient(world.app)
        let dfe = DemoSeed.Account.of(.dfeOfficial)
        try await client.signIn(dfe.email, dfe.password)
        let overview = try await client.get("/councils")
        #expect(overview.body.contains("Worcestershire") && overview.body.contains("Nottinghamshire"))
        let quality = try await client.get("/councils/\(world.worcs.uuidString)/data-quality")
        #expect(quality.status == .ok)
        #expect(quality.body.contains("Faults by rule"))
        #expect(!quality.body.contains("885PLANTED"), "the planted faults' child is shown by pseudonym")
        #expect(try await client.get("/healthz").body == "ok\n")
        let metrics = try await client.get("/metrics").body
        #expect(metrics.contains("improve_http_requests_total{method=\"GET\",route=\"/councils/:council/data-quality\",status=\"200\"}"))
        #expect(!metrics.contains(world.worcs.uuidString), "metrics name route patterns, never ids")
        let computed = metrics.split(separator: "\n").first { $0.hasPrefix("improve_picture_computations_total ") }.flatMap { Int($0.split(separator: " ")[1]) }
        #expect((computed ?? 0) >= 1, "the pages above computed at least one council's picture")
    }
}

extension WorkflowTests {
    @Test("a figure entered by hand shows with who entered it; a lifted notice takes no further events", arguments: Backend.allCases)
    func handFigureAndLifecycle(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let client = WebClient(world.app)
        try await client.signIn(WebFixture.nottsOfficer, WebFixture.nottsPassword)
        let target = "/councils/\(world.notts.uuidString)/targets/\(world.nottsTargets[0].uuidString)"
        let refused = try await client.post("\(target)/figures", form: [("month", "Juno 2011"), ("basis", "in_month"), ("value", "70")], tokenFrom: target)
        #expect(refused.status == .unprocessableEntity)
        #expect(refused.body.contains("There is a problem") && refused.body.contains("href=\"#figure-month\">Enter the month, like June 2011</a>"))
        #expect(refused.body.contains("value=\"Juno 2011\"") && refused.body.contains("value=\"70\""), "what was typed is kept")
        let entered = try await client.post("\(target)/figures", form: [("month", "2009-02"), ("basis", "snapshot"), ("value", "71.5"), ("note", "HR return")],
                                            tokenFrom: target)
        #expect(entered.status == .seeOther)
        let figures = try await Store(world.app.db).scope(world.notts).handFigures()
        #expect(figures.contains { $0.month == "2009-02" && $0.value == 71.5 && $0.enteredBy == WebFixture.nottsOfficer })
        #expect(try await client.get(target).body.contains("entered by \(WebFixture.nottsOfficer)"))

        let notice = "/councils/\(world.notts.uuidString)/notices/\(world.nottsNotice.uuidString)"
        let lifted = try await client.post("\(notice)/lifecycle", form: [("state", "lifted"), ("date", "2012-03"), ("reason", "sustained improvement")],
                                           tokenFrom: notice)
        #expect(lifted.status == .seeOther)
        let page = try await client.get(notice)
        #expect(page.body.contains("Now: Lifted"))
        let again = try await client.post("\(notice)/lifecycle", form: [("state", "reviewed")], tokenFrom: notice)
        #expect(again.status == .unprocessableEntity)
    }
}

extension WorkflowTests {
    @Test("an upload's progress is kept in the database: a second server on it shows the job, a job whose server stopped says so, and only the uploader sees the council's own child ids", arguments: Backend.allCases)
    func importJobsAcrossServers(_ backend: Backend) async throws {
        // setup: a second server on the same database, as behind a load balancer, and a second officer of the council
        let world = try await WebFixture.shared.world(backend)
        let store = Store(world.app.db)
        let scope = store.scope(world.notts)
        let officer = try #require(try await store.user(email: WebFixture.nottsOfficer))
        let colleague = "colleague-\(backend.rawValue)@nottinghamshire.example"
        if try await store.user(email: colleague) == nil {
            _ = try await store.createUser(email: colleague, displayName: "Colleague", role: .councilOfficer, council: world.notts,
                                           passwordHash: try Bcrypt.hash("colleague-2010", cost: 4), by: .system)
        }
        let second = try await Application.make(.testing)
        do {
            try await configure(second, settings: world.app.services.settings)
            let uploader = WebClient(world.app)
            try await uploader.signIn(WebFixture.nottsOfficer, WebFixture.nottsPassword)
            let uploaderThere = WebClient(second)
            try await uploaderThere.signIn(WebFixture.nottsOfficer, WebFixture.nottsPassword)
            let other = WebClient(second)
            try await other.signIn(colleague, "colleague-2010")
            let base = "/councils/\(world.notts.uuidString)/uploads"

            // MUT: a job that has said nothing for eleven minutes, and one under way
            let stale = try await scope.startImportJob(user: officer.requireID(), files: ["cin-891-2011.xml"], now: Date().addingTimeInterval(-660))
            let running = try await scope.startImportJob(user: officer.requireID(), files: ["cin-891-2012.xml"])
            try await scope.setImportJobProgress(running, "reading cin-891-2012.xml")
            // validate
            let stopped = try await uploaderThere.get("\(base)/\(stale)")
            #expect(stopped.status == .ok && stopped.body.contains("stopped before it finished") && stopped.headers.first(name: "Refresh") == nil)
            let underWay = try await uploaderThere.get("\(base)/\(running)")
            #expect(underWay.body.contains("Reading cin-891-2012.xml") && underWay.headers.first(name: "Refresh") == "1")
            try await scope.finishImportJob(running, .failed, message: "The import could not be stored; nothing was changed.")
            try await scope.setImportJobProgress(running, "a late message")
            #expect(try await scope.importJob(id: running)?.progress == "done", "a late progress message does not undo the outcome")

            // MUT: a real upload through the first server, with faults planted
            let generator = SyntheticCouncil(laCode: "891", from: YearMonth(year: 2010, month: 4)!, to: YearMonth(year: 2011, month: 3)!, childrenPerYear: 80, seed: 9)
            let census = try #require(generator.censusFiles(plantFaults: true).last)
            let done = try await Self.upload(uploader, council: world.notts, files: [("cin-891-\(census.year).xml", census.bytes)])
            #expect(done.body.contains("Import complete"))
            let jobs = try await ImportJobModel.query(on: world.app.db).filter(\.$councilID == world.notts).filter(\.$state == .accepted).all()
            let job = try #require(jobs.max { $0.startedAt < $1.startedAt })
            let child = try #require(ImportJob(job).reportChildren.first, "the planted faults name a child")
            // validate: the second server shows the uploader the child's own id, and the colleague only its pseudonym
            let mine = try await uploaderThere.get("\(base)/\(try job.requireID())")
            #expect(mine.status == .ok && mine.body.contains("Import complete") && mine.body.contains(">\(child)<"))
            let theirs = try await other.get("\(base)/\(try job.requireID())")
            #expect(theirs.status == .ok && theirs.body.contains("Import complete") && !theirs.body.contains(">\(child)<"))
            #expect(theirs.body.contains(world.app.services.pseudonymiser.pseudonym(council: "891", child: child)))
        } catch {
            try await second.asyncShutdown()
            throw error
        }
        try await second.asyncShutdown()
    }
}
