import CaseRecords
import Demo
import Domain
import Foundation
import NoticeReader
import Reports
import Storage
import Testing
import Vapor
@testable import WebApp
import Spreadsheet

/// The board's work through the application, on the demonstration council: the plan and its revised timescales,
/// meetings and their agendas, audits feeding the audit indicators, reviews, incidents reaching DfE, and the pack.
@Suite("The board's work", .serialized)
struct BoardTests {
    static func signedIn(_ world: WebFixture.World, _ role: Role) async throws -> WebClient {
        let client = WebClient(world.app)
        let account = DemoSeed.Account.of(role)
        try await client.signIn(account.email, account.password)
        return client
    }

    @Test("a partner asks to move a date; nothing moves until the board agrees it at a meeting", arguments: Backend.allCases)
    func revisedTimescales(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let base = "/councils/\(world.worcs.uuidString)"
        let officer = try await Self.signedIn(world, .councilOfficer)
        let created = try await officer.post("\(base)/plan", form: [("title", "Publish the supervision policy"), ("owner", "council"), ("lead", "Principal social worker"),
                                                                   ("due", "2011-09-30"), ("measure", "7"), ("indicator", "")], tokenFrom: "\(base)/plan")
        #expect(created.status == .seeOther)
        let actionPath = try #require(created.location)
        let actionID = try #require(UUID(uuidString: String(actionPath.split(separator: "/").last!)))
        let scope = Store(world.app.db).scope(world.worcs)
        #expect(try await scope.action(id: actionID)?.measure == 7)

        let board = try await Self.signedIn(world, .boardMember)
        let asked = try await board.post("\(actionPath)/timescale", form: [("due", "2011-12-31"), ("reason", "the policy waits for the new principal social worker")],
                                         tokenFrom: actionPath)
        #expect(asked.status == .seeOther)
        #expect(try await scope.action(id: actionID)?.dueDate == CalendarDate(iso: "2011-09-30"), "asking changes nothing")
        let request = try #require(try await scope.timescaleRequests().last { $0.action == actionID })

        // The board member cannot decide it; the chair decides it at meeting 12.
        let meeting = "\(base)/meetings/12"
        #expect(try await board.post("\(meeting)/requests/\(request.id)", form: [("decision", "agreed")], tokenFrom: meeting).status == .forbidden)
        let chair = try await Self.signedIn(world, .independentChair)
        let agenda = try await chair.get(meeting).body
        #expect(agenda.contains("Publish the supervision policy"), "the pending request is on the agenda")
        // Agreeing first shows what will move, and moves nothing until the chair confirms.
        let check = try await chair.post("\(meeting)/requests/\(request.id)", form: [("decision", "agreed")], tokenFrom: meeting)
        #expect(check.status == .ok)
        #expect(check.body.contains("Check the date that will move") && check.body.contains("30 September 2011") && check.body.contains("31 December 2011")
            && check.body.contains("13 weeks later"))
        #expect(try await scope.action(id: actionID)?.dueDate == CalendarDate(iso: "2011-09-30"), "seeing the check changes nothing")
        #expect(try await chair.post("\(meeting)/requests/\(request.id)", form: [("decision", "agreed"), ("confirm", "yes")], tokenFrom: meeting).status == .seeOther)
        let moved = try #require(try await scope.action(id: actionID))
        #expect(moved.dueDate == CalendarDate(iso: "2011-12-31") && moved.due == CalendarDate(iso: "2011-09-30"))
        // Deciding again is refused, and a second, refused request leaves the date where the board put it.
        #expect(try await chair.post("\(meeting)/requests/\(request.id)", form: [("decision", "refused")], tokenFrom: meeting).status == .unprocessableEntity)
        _ = try await board.post("\(actionPath)/timescale", form: [("due", "2012-03-31"), ("reason", "again")], tokenFrom: actionPath)
        let second = try #require(try await scope.timescaleRequests().last { $0.action == actionID && $0.request.decision == .pending })
        #expect(try await chair.post("\(meeting)/requests/\(second.id)", form: [("decision", "refused")], tokenFrom: meeting).status == .seeOther)
        #expect(try await scope.action(id: actionID)?.dueDate == CalendarDate(iso: "2011-12-31"))
        let trail = try await Store(world.app.db).auditEntries(council: world.worcs).map(\.action)
        #expect(trail.contains("plan.timescale_agreed") && trail.contains("plan.timescale_refused"))
    }

    @Test("audits recorded in the application feed the audit indicators", arguments: Backend.allCases)
    func auditsFeedIndicators(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let base = "/councils/\(world.notts.uuidString)"
        let officer = WebClient(world.app)
        try await officer.signIn(WebFixture.nottsOfficer, WebFixture.nottsPassword)
        for (reference, grade, oversight) in [("N-1", "good", "good"), ("N-2", "adequate", "inadequate"), ("N-3", "inadequate", "inadequate")] {
            let reply = try await officer.post("\(base)/audits", form: [("caseReference", reference), ("auditedOn", "2011-05-12"), ("auditor", "Practice lead"),
                                                                       ("grade", grade), ("oversightGrade", oversight), ("childViews", "yes"), ("themes", "drift, no chronology"),
                                                                       ("moderatedGrade", ""), ("action", reference == "N-3" ? "Re-audit N-3's file" : "")],
                                               tokenFrom: "\(base)/audits")
            #expect(reply.status == .seeOther)
        }
        let wrongScale = try await officer.post("\(base)/audits", form: [("caseReference", "N-4"), ("auditedOn", "2011-05-12"), ("grade", "requires improvement")],
                                                tokenFrom: "\(base)/audits")
        #expect(wrongScale.status == .unprocessableEntity, "requires improvement is not on the 2011 scale")
        let dfe = WebClient(world.app)
        let account = DemoSeed.Account.of(.dfeOfficial)
        try await dfe.signIn(account.email, account.password)
        let store = Store(world.app.db)
        let may = try await store.scope(world.notts).audits().map(\.audit).filter { YearMonth($0.countedOn) == YearMonth(iso: "2011-05")! }
        let expected = 100 * Double(may.filter { $0.countedGrade.rank <= 3 }.count) / Double(may.count)
        let picture = try await WebFixture.shared.world(backend).app.services.pictures.picture(of: try #require(try await store.council(id: world.notts)), store: store,
                                                                                               today: CalendarDate(iso: "2011-06-30")!)
        let value = try #require(picture.library.series(.caseAuditAdequateOrBetter, .inMonth)?.value(at: YearMonth(iso: "2011-05")!))
        #expect(abs(value - expected) < 1e-9)
        #expect(abs(expected - 200.0 / 3) < 1e-9)
        let oversight = try #require(picture.library.series(.supervisionRecordsAdequateOrBetter, .inMonth)?.value(at: YearMonth(iso: "2011-05")!))
        #expect(abs(oversight - 100.0 / 3) < 1e-9)
        // The finding's action went into the plan.
        #expect(try await store.scope(world.notts).actions().contains { $0.action.title == "Re-audit N-3's file" })
        // Pages show the case reference only as a pseudonym.
        #expect(!(try await dfe.get("\(base)/audits").body.contains(">N-3<")))
    }

    @Test("a serious incident reaches every DfE official at once and shows on the DfE view", arguments: Backend.allCases)
    func incidentsNotifyDfE(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let base = "/councils/\(world.worcs.uuidString)"
        let officer = try await Self.signedIn(world, .councilOfficer)
        let recorded = try await officer.post("\(base)/incidents", form: [("kind", "serious_harm"), ("occurredOn", "2011-10-20"),
                                                                          ("summary", "A child on a plan was admitted to hospital with injuries")], tokenFrom: "\(base)/incidents")
        #expect(recorded.status == .seeOther)
        let dfe = try await Self.signedIn(world, .dfeOfficial)
        let overview = try await dfe.get("/councils").body
        #expect(overview.contains("new notification"))
        #expect(overview.contains("latest 20 October 2011"))
        let notifications = try await dfe.get("/notifications").body
        #expect(notifications.contains("Worcestershire: serious harm to a child on 20 October 2011"))
        #expect(!(try await dfe.get("/councils").body.contains("new notification")), "read once seen")
        // DfE writes nothing, incidents included.
        #expect(try await dfe.post("\(base)/incidents", form: [("kind", "other"), ("occurredOn", "2011-10-21"), ("summary", "x")], tokenFrom: "/account").status == .forbidden)
    }

    @Test("a meeting's record: the chair's question joins the agenda; attendance, decisions and minutes are kept", arguments: Backend.allCases)
    func meetingRecord(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let meeting = "/councils/\(world.worcs.uuidString)/meetings/11"
        let chair = try await Self.signedIn(world, .independentChair)
        #expect(try await chair.post("\(meeting)/questions", form: [("question", "Why did core assessments fall in August?")], tokenFrom: meeting).status == .seeOther)
        #expect(try await chair.post("\(meeting)/attendees", form: [("name", "A. Chair"), ("capacity", "independent_chair"), ("organisation", "Independent"),
                                                                    ("present", "present")], tokenFrom: meeting).status == .seeOther)
        #expect(try await chair.post("\(meeting)/decisions", form: [("kind", "action"), ("text", "Report on core assessment timeliness by team"),
                                                                    ("owner", "Head of service"), ("due", "2011-11-29")], tokenFrom: meeting).status == .seeOther)
        #expect(try await chair.post("\(meeting)/minutes", form: [("minutes", "The board met and agreed the actions below."), ("held", "yes")],
                                     tokenFrom: meeting).status == .seeOther)
        let page = try await chair.get(meeting).body
        #expect(page.contains("Chair&apos;s question: Why did core assessments fall in August?") || page.contains("Chair's question: Why did core assessments fall in August?"))
        #expect(page.contains("Report on core assessment timeliness by team (Head of service), by 29 November 2011"))
        let stored = try #require(try await Store(world.app.db).scope(world.worcs).meeting(number: 11))
        let record = try JSONDecoder().decode(MeetingRecord.self, from: Data(stored.body.utf8))
        #expect(record.held && record.attendees.count == 1 && record.decisions.count == 1 && record.questions.count == 1)
        // A board member reads the meeting but cannot record it.
        let board = try await Self.signedIn(world, .boardMember)
        #expect(try await board.post("\(meeting)/minutes", form: [("minutes", "changed")], tokenFrom: meeting).status == .forbidden)
    }

    @Test("reviews are drafted from the data, edited, submitted, and then kept as submitted")
    func reviews() async throws {
        let world = try await WebFixture.shared.world(.sqlite)
        let base = "/councils/\(world.worcs.uuidString)"
        let officer = try await Self.signedIn(world, .councilOfficer)
        let list = try await officer.get("\(base)/reviews").body
        #expect(list.contains("Independent chair&apos;s assessment 1") || list.contains("Independent chair's assessment 1"))
        #expect(list.contains("The council&apos;s report to the minister") || list.contains("The council's report to the minister"))
        let drafted = try await officer.post("\(base)/reviews", form: [("kind", "report_to_minister"), ("title", "The council's report to the minister")],
                                             tokenFrom: "\(base)/reviews")
        #expect(drafted.status == .seeOther)
        let path = try #require(drafted.location)
        let page = try await officer.get(path).body
        #expect(page.contains("1. Performance against the notice"))
        #expect(page.contains("Initial assessments for children"))
        // The officer cannot write the chair's assessment; the chair can.
        #expect(try await officer.post("\(base)/assessments", form: [("kind", "chair_assessment"), ("title", "Independent chair's assessment 2")],
                                       tokenFrom: "\(base)/reviews").status == .forbidden)
        let chair = try await Self.signedIn(world, .independentChair)
        #expect(try await chair.post("\(base)/assessments", form: [("kind", "chair_assessment"), ("title", "Independent chair's assessment 2")],
                                     tokenFrom: "\(base)/reviews").status == .seeOther)
        #expect(try await officer.post(path, form: [("text", "Final text."), ("submit", "yes")], tokenFrom: path).status == .seeOther)
        #expect(try await officer.post(path, form: [("text", "Changed after."), ("submit", "no")], tokenFrom: "/account").status == .unprocessableEntity)
        let stored = try #require(try await Store(world.app.db).scope(world.worcs).reviews().first { $0.kind == "report_to_minister" })
        #expect(stored.status == "submitted" && stored.text == "Final text.")
    }

    @Test("the board pack: every section, the agenda monitoring drew up, each table as CSV and as XLSX read back cell by cell")
    func boardPackAndExports() async throws {
        let world = try await WebFixture.shared.world(.sqlite)
        let base = "/councils/\(world.worcs.uuidString)/meetings/12/pack"
        let board = try await Self.signedIn(world, .boardMember)
        let html = try await board.get(base)
        #expect(html.status == .ok)
        for section in ["agenda", "summary", "charts", "exceptions", "plan", "audits", "workforce", "calendar", "incidents"] {
            #expect(html.body.contains("id=\"\(section)\""), "section \(section)")
        }
        #expect(html.body.components(separatedBy: "<svg").count - 1 == 5, "one chart per target")
        let store = Store(world.app.db)
        let council = try #require(try await store.council(id: world.worcs))
        let data = try await BoardData.load(council, store: store, pictures: world.app.services.pictures, today: CalendarDate(iso: "2011-10-31")!)
        let pack = try #require(data.pack(meeting: 12))
        let agendaItems = html.body.components(separatedBy: "<ol class=\"govuk-list govuk-list--number\" id=\"agenda\">")[1].components(separatedBy: "</ol>")[0]
            .components(separatedBy: "<li>").count - 1
        #expect(agendaItems == pack.agenda.items.count + pack.questions.count + 3, "the standing items, the questions and what monitoring flags")

        // The workforce section: the council's returns include monthly workforce rows and the September census, so
        // every §3.15 measure and allocation to qualified workers is there, in plain English, at its latest month.
        #expect(pack.workforce.map(\.indicator) == IndicatorID.workforce + [.casesAllocatedToQualifiedSW])
        let section = try #require(html.body.components(separatedBy: "<section id=\"workforce\">").dropFirst().first?.components(separatedBy: "</section>").first)
        for line in pack.workforce {
            #expect(section.contains(line.indicator.info.title), "\(line.indicator)")
            #expect(!section.contains(line.indicator.rawValue), "no internal id for \(line.indicator) in the section")
        }
        // The vacancy rate at October 2011 worked out from the stored bundle row: vacancies over vacancies and posts filled.
        let cached = try #require(try await world.app.services.cache.data(for: world.worcs, store: store, today: CalendarDate(iso: "2011-10-31")!))
        let bundle = try #require(cached.data.bundle)
        let row = try #require(bundle.workforceMonth.firstIndex(of: YearMonth(iso: "2011-10")!))
        let vacancy = try #require(pack.workforce.first { $0.indicator == .swVacancyRate })
        #expect(vacancy.month == YearMonth(iso: "2011-10")! && vacancy.basis == .snapshot)
        #expect(abs(vacancy.value - 100 * bundle.vacanciesFTE[row] / (bundle.vacanciesFTE[row] + bundle.inPostFTE[row])) < 1e-9)

        for table in pack.tables {
            let csv = try await board.get("\(base)/\(table.name).csv")
            #expect(csv.status == .ok)
            #expect(csv.body == table.csv())
            let xlsx = try await world.app.testing().sendRequest(.GET, "\(base)/\(table.name).xlsx",
                                                                 headers: ["Cookie": board.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")])
            #expect(xlsx.status == .ok)
            let workbook = try XLSXWorkbook(data: Data(buffer: xlsx.body))
            let rows = try #require(try workbook.rows(ofSheet: table.name))
            #expect(rows.count == table.rows.count + 1, "\(table.name): header and every row")
            for (c, header) in table.header.enumerated() { #expect(rows[0].cells[c] == .text(header)) }
            for (r, row) in table.rows.enumerated() {
                for (c, cell) in row.enumerated() {
                    let read = rows[r + 1].cells[c]
                    switch cell {
                    case .text(let t), .date(let t, _): #expect(read == .text(t), "\(table.name) row \(r + 1) column \(c)")
                    case .number(let n), .figure(let n, _): #expect(read == .number(n), "\(table.name) row \(r + 1) column \(c)")
                    case .empty: #expect(read == nil)
                    }
                }
            }
        }
        #expect(try await board.get("\(base)/nothing.csv").status == .notFound)
    }

    @Test("the board pack printed to PDF by headless Chromium: a cover and one page or more for each of the eight sections")
    func boardPackPDF() async throws {
        let world = try await WebFixture.shared.world(.sqlite)
        let board = try await Self.signedIn(world, .independentChair)
        let reply = try await world.app.testing().sendRequest(.GET, "/councils/\(world.worcs.uuidString)/meetings/12/pack?format=pdf",
                                                              headers: ["Cookie": board.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")])
        #expect(reply.status == .ok)
        let pdf = Data(buffer: reply.body)
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        let text = String(decoding: pdf, as: UTF8.self)
        // Pages are objects of /Type /Page (the page tree is /Type /Pages).
        let pages = text.components(separatedBy: "/Type /Page").count - 1 - (text.components(separatedBy: "/Type /Pages").count - 1)
        #expect(pages >= 9, "\(pages) pages")
        #expect(pages <= 30, "\(pages) pages")
    }
}

extension BoardTests {
    @Test("many first requests at once for a new council's board pages all answer: the meetings are scheduled once", arguments: Backend.allCases)
    func meetingsScheduledOnceUnderConcurrency(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let store = Store(world.app.db)
        let council = try await store.createCouncil(laCode: backend == .sqlite ? "933" : "934", name: "Somerset \(backend.rawValue)", by: .system)
        let text = try String(contentsOf: WebFixture.fixtures.appendingPathComponent("NoticeReaderTests/Fixtures/notices/somerset-2013.txt"), encoding: .utf8)
        let draft = try NoticeReader.read(bytes: Array(text.utf8))
        _ = try await store.scope(council.requireID()).createNotice(sourceText: draft.text, encoding: draft.encoding, notice: draft.notice,
                                                                    warnings: [], noticeDate: "2013-09-01", by: .system)
        let dfe = try await Self.signedIn(world, .dfeOfficial)
        let path = "/councils/\(try council.requireID().uuidString)/plan"
        let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
            for _ in 0..<10 { group.addTask { try await dfe.get(path).status } }
            return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
        }
        #expect(statuses.allSatisfy { $0 == .ok }, "\(statuses.map(\.code))")
        let numbers = try await store.scope(council.requireID()).meetings().map(\.number)
        #expect(!numbers.isEmpty && numbers == Array(1...numbers.count))
    }
}

extension BoardTests {
    @Test("the plan is listed fifty actions a page, with every action reachable and the overdue ones on their own", arguments: Backend.allCases)
    func planPages(_ backend: Backend) async throws {
        // setup: a council of its own with 120 actions, the first 7 overdue on 31 October 2011
        let world = try await WebFixture.shared.world(backend)
        let store = Store(world.app.db)
        let council = try await store.createCouncil(laCode: backend == .sqlite ? "935" : "936", name: "Paged \(backend.rawValue)", asOf: "2011-10-31", by: .system)
        let scope = store.scope(try council.requireID())
        for n in 1...120 {
            let due = n <= 7 ? CalendarDate(iso: "2011-09-30")! : CalendarDate(iso: "2012-03-31")!
            _ = try await scope.createAction(PlanAction(title: "Action number \(n).", lead: "Lead", owner: .council, due: due), by: .system)
        }
        let dfe = try await Self.signedIn(world, .dfeOfficial)
        let base = "/councils/\(try council.requireID().uuidString)/plan"
        func rows(_ body: String) -> [String] {
            body.components(separatedBy: "Action number ").dropFirst().map { String($0.prefix { $0 != "." }) }
        }
        // MUT, validate: the first page, the last, one past the last, and the overdue ones
        let first = try await dfe.get(base)
        #expect(first.status == .ok)
        #expect(rows(first.body) == (1...50).map(String.init))
        #expect(first.body.contains("Actions 1 to 50 of 120"))
        #expect(first.body.contains("href=\"\(base)?show=all&amp;page=2\" rel=\"next\"") || first.body.contains("href=\"\(base)?show=all&page=2\" rel=\"next\""))
        let last = try await dfe.get("\(base)?show=all&page=3")
        #expect(rows(last.body) == (101...120).map(String.init))
        #expect(!last.body.contains("rel=\"next\""))
        #expect(rows(try await dfe.get("\(base)?show=all&page=99").body) == (101...120).map(String.init))
        let overdue = try await dfe.get("\(base)?show=overdue")
        #expect(rows(overdue.body) == (1...7).map(String.init))
        #expect(overdue.body.contains("120 actions, 0 complete, 7 overdue"))
    }
}
