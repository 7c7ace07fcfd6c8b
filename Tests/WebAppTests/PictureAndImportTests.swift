import CaseRecords
import Demo
import Domain
import FluentKit
import Foundation
import NoticeReader
import Storage
import Testing
@testable import WebApp

/// What the application does with the store: imports of returns, and a council's picture kept between changes. On
/// SQLite and PostgreSQL (a database of its own, TEST_PICTURE_DATABASE_URL, so that it never meets another suite's).
@Suite("Imports and pictures, on SQLite and on PostgreSQL", .serialized)
struct PictureAndImportTests {
    @Test("an import is stored whole with its figures, and a bad upload changes nothing", arguments: Backend.allCases)
    func importsAreAllOrNothing(_ backend: Backend) async throws {
        try await withStore(backend) { store, database in
            // setup: a small synthetic Worcestershire, two census years and its bundle
            let council = try await store.createCouncil(laCode: "885", name: "Worcestershire", by: .system)
            let generator = SyntheticCouncil(laCode: "885", from: YearMonth(year: 2009, month: 4)!, to: YearMonth(year: 2011, month: 3)!, childrenPerYear: 150, seed: 3)
            let census = generator.censusFiles(plantFaults: true).map { ReturnImport.Upload(name: "cin-\($0.year).xml", content: Data($0.bytes)) }
            let importer = ReturnImport(today: CalendarDate(iso: "2011-06-30")!)
            let scope = store.scope(try council.requireID())

            // MUT 1: the good files
            guard case .accepted(let first, let report) = try await importer.run(census, council: council, store: store, by: Actor("officer")) else {
                Issue.record("the synthetic census was rejected")
                return
            }
            #expect(report.files.count == 2)
            #expect(report.files.allSatisfy { $0.accepted })
            #expect(report.files.allSatisfy { $0.faults.count >= 3 }, "the planted faults are reported")
            let values = try await scope.indicatorValues()
            #expect(values.count == report.figures)
            #expect(values.contains { $0.indicator == "single_assessment_timeliness" && $0.month == "2011-03" && $0.value != nil })
            #expect(try await scope.currentFiles().count == 2)
            #expect(first.fileCount == 2)

            // MUT 2: a good file and a broken one together
            var broken = Array(census[1].content)
            broken.removeLast(broken.count / 2)
            let outcome = try await importer.run([census[0], .init(name: "broken.xml", content: Data(broken))], council: council, store: store, by: Actor("officer"))
            guard case .rejected(let rejected) = outcome else {
                Issue.record("a truncated census was accepted")
                return
            }
            #expect(rejected.files.first { $0.name == "broken.xml" }?.accepted == false)
            // validate: nothing changed
            #expect(try await scope.imports().count == 1)
            #expect(try await scope.currentFiles().count == 2)
            #expect(try await scope.indicatorValues().count == values.count)

            // MUT 3: another council's census
            let other = SyntheticCouncil(laCode: "891", from: YearMonth(year: 2010, month: 4)!, to: YearMonth(year: 2011, month: 3)!, childrenPerYear: 50, seed: 4)
            let foreign = other.censusFiles(plantFaults: false).map { ReturnImport.Upload(name: "notts.xml", content: Data($0.bytes)) }
            guard case .rejected(let wrongCouncil) = try await importer.run(foreign, council: council, store: store, by: Actor("officer")) else {
                Issue.record("another council's census was accepted")
                return
            }
            #expect(wrongCouncil.files.flatMap(\.faults).contains { $0.field == "LEA" && $0.rule == "other-council" })
            #expect(try await scope.imports().count == 1)

            // MUT 4: the same census year again replaces the stored file rather than adding to it
            guard case .accepted = try await importer.run([census[1]], council: council, store: store, by: Actor("officer")) else {
                Issue.record("re-importing a census was rejected")
                return
            }
            #expect(try await scope.currentFiles().count == 2)
            #expect(try await ImportFileModel.query(on: database.database).count() == 3)
            let actions = try await store.auditEntries().map(\.action)
            #expect(actions.filter { $0 == "import.accepted" }.count == 2)
            #expect(actions.filter { $0 == "import.rejected" }.count == 2)
            #expect(try await store.verifyAuditTrail().intact)
        }
    }

    @Test("a council's picture is computed once however many ask at once; computed again after each change, and it shows the change", arguments: Backend.allCases)
    func picturesFollowChanges(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            // setup: the Worcestershire notice, judged on 31 October 2011
            let council = try await store.createCouncil(laCode: "885", name: "Worcestershire", asOf: "2011-10-31", by: .system)
            let scope = store.scope(try council.requireID())
            let draft = try NoticeReader.read(bytes: Array(SeedNotice.text.utf8))
            _ = try await scope.createNotice(sourceText: draft.text, encoding: draft.encoding, notice: draft.notice, warnings: [],
                                             noticeDate: "2011-02-21",
                                             by: Actor("officer@worcs"))
            let cache = PictureCache()
            let today = CalendarDate(year: 2026, month: 11, day: 23)!
            let seen = try await store.council(id: council.requireID())!
            // MUT: twenty requests at once, none with a picture to find
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 { group.addTask { try await cache.picture(of: seen, store: store, today: today).targets.count } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            // validate
            #expect(counts == Array(repeating: draft.notice.targets.count, count: 20))
            #expect(await cache.computations == 1)

            // MUT: a plan action
            _ = try await scope.createAction(PlanAction(title: "Audit 50 referrals a month", lead: "Head of safeguarding", owner: .council,
                                                        due: CalendarDate(year: 2011, month: 11, day: 30)!), by: Actor("officer@worcs"))
            // validate: a request that read the council before the change may have the picture it saw; one after it may not
            #expect(try await cache.picture(of: seen, store: store, today: today).board.actions.isEmpty)
            #expect(await cache.computations == 1)
            let afterAction = try await cache.picture(of: try await store.council(id: council.requireID())!, store: store, today: today)
            #expect(afterAction.board.actions.map(\.action.title) == ["Audit 50 referrals a month"])
            #expect(await cache.computations == 2)

            // MUT: an audit and a hand-entered figure
            try await scope.recordAudit(CaseAuditRecord(caseReference: "C-1", auditedOn: CalendarDate(year: 2011, month: 10, day: 3)!, auditor: "Auditor",
                                                        grade: .good), by: Actor("officer@worcs"))
            _ = try await scope.addHandFigure(indicator: "sw_vacancy_rate", basis: "snapshot", month: "2011-09", value: 14.5, note: nil,
                                              by: Actor("officer@worcs"))
            let afterAudit = try await cache.picture(of: try await store.council(id: council.requireID())!, store: store, today: today)
            // validate: both are in the picture, and the action is still there
            #expect(afterAudit.board.audits.map(\.audit.caseReference) == ["C-1"])
            #expect(afterAudit.library.series(.caseAuditAdequateOrBetter, .inMonth)?.value(at: YearMonth(year: 2011, month: 10)!) == 100)
            #expect(afterAudit.library.series(.swVacancyRate, .snapshot)?.value(at: YearMonth(year: 2011, month: 9)!) == 14.5)
            #expect(afterAudit.board.actions.count == 1)
            #expect(await cache.computations == 3)
        }
    }

    @Test("a picture brought up to date by the council's changes is the picture read afresh", arguments: Backend.allCases)
    func changesReadLikeAFreshRead(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            // setup: the Worcestershire notice and a kept picture
            let council = try await store.createCouncil(laCode: "885", name: "Worcestershire", asOf: "2011-10-31", by: .system)
            let id = try council.requireID()
            let scope = store.scope(id)
            let draft = try NoticeReader.read(bytes: Array(SeedNotice.text.utf8))
            _ = try await scope.createNotice(sourceText: draft.text, encoding: draft.encoding, notice: draft.notice, warnings: [],
                                             noticeDate: "2011-02-21", by: .system)
            let cache = PictureCache()
            let today = CalendarDate(year: 2026, month: 11, day: 23)!
            let officer = Actor("officer@worcs")
            func kept() async throws -> CouncilPicture { try await cache.picture(of: try await store.council(id: id)!, store: store, today: today) }
            _ = try await kept()
            // MUT: every kind of change the picture holds, a picture computed between some of them
            try await scope.scheduleMeetings([CalendarDate(iso: "2011-03-21")!, CalendarDate(iso: "2011-04-18")!], by: .system)
            let first = try await scope.createAction(PlanAction(title: "Audit referrals", lead: "Head of service", owner: .council,
                                                                due: CalendarDate(iso: "2011-06-30")!), by: officer)
            _ = try await kept()
            let second = try await scope.createAction(PlanAction(title: "Recruit team managers", lead: "HR", owner: .council,
                                                                 due: CalendarDate(iso: "2011-09-30")!), by: officer)
            try await scope.updateAction(id: first, { $0.status = .complete }, by: officer)
            let request = try await scope.requestTimescale(for: second, TimescaleRequest(requestedDue: CalendarDate(iso: "2011-12-31")!, reason: "sign-off",
                                                                                         requestedBy: "officer@worcs"), by: officer)
            _ = try await kept()
            try await scope.decide(request: request, .agreed, atMeeting: 2, by: Actor("chair@worcs"))
            try await scope.saveMeeting(number: 1, { $0.held = true; $0.minutes = "Met." }, by: Actor("chair@worcs"))
            for day in ["2011-09-05", "2011-10-03"] {
                try await scope.recordAudit(CaseAuditRecord(caseReference: "C-\(day)", auditedOn: CalendarDate(iso: day)!, auditor: "Auditor", grade: .good),
                                            by: officer)
            }
            _ = try await kept()
            _ = try await scope.addHandFigure(indicator: IndicatorID.swVacancyRate.rawValue, basis: Basis.snapshot.rawValue, month: "2011-09", value: 14.5,
                                              note: nil, by: officer)
            _ = try await scope.recordIncident(Incident(kind: .seriousHarm, occurredOn: CalendarDate(iso: "2011-10-10")!, summary: "A review"),
                                               councilName: "Worcestershire", link: SiteURL.council(CouncilID(id), .incidents).path, by: officer)
            let updated = try await kept()
            let fresh = try await PictureCache().picture(of: try await store.council(id: id)!, store: store, today: today)
            // validate: read by change, and the same as a fresh read
            let reads = await cache.reads(of: id)
            #expect(reads.whole == 1 && reads.byChange == 4)
            #expect(updated.board.actions.map(\.id) == fresh.board.actions.map(\.id))
            #expect(updated.board.actions.map(\.action) == fresh.board.actions.map(\.action))
            #expect(updated.board.actions.first?.action.status == .complete)
            #expect(updated.board.requests.map(\.request) == fresh.board.requests.map(\.request))
            #expect(updated.board.meetings.map(\.record) == fresh.board.meetings.map(\.record))
            #expect(updated.board.audits.map(\.id) == fresh.board.audits.map(\.id))
            #expect(updated.board.incidents.map(\.incident) == fresh.board.incidents.map(\.incident))
            #expect(updated.statuses.map(\.rag) == fresh.statuses.map(\.rag))
            #expect(updated.statuses.map(\.reasons) == fresh.statuses.map(\.reasons))
            #expect(updated.library.series(.swVacancyRate, .snapshot)?.value(at: YearMonth(year: 2011, month: 9)!) == 14.5)
            #expect(updated.library.series(.caseAuditGoodOrBetter, .inMonth)?.value(at: YearMonth(year: 2011, month: 10)!) == 100)
        }
    }
}

/// Runs `body` against a fresh, migrated database of the given kind, then removes what it made. PostgreSQL is a real
/// server (TEST_PICTURE_DATABASE_URL); without it the PostgreSQL half fails, saying so.
private func withStore(_ backend: Backend, _ body: (Store, StandaloneDatabase) async throws -> Void) async throws {
    let configuration: StorageConfiguration
    var file: String?
    switch backend {
    case .sqlite:
        let path = NSTemporaryDirectory() + "picture-test-\(UUID().uuidString).sqlite"
        file = path
        configuration = .sqlite(path: path)
    case .postgres:
        guard let url = ProcessInfo.processInfo.environment["TEST_PICTURE_DATABASE_URL"], !url.isEmpty else {
            Issue.record("TEST_PICTURE_DATABASE_URL is not set: start PostgreSQL with scripts/test-services.sh (as .ci/run does) and export what it prints")
            return
        }
        configuration = .postgres(url: url)
    }
    let database = try StandaloneDatabase(configuration)
    defer { if let file { try? FileManager.default.removeItem(atPath: file) } }
    do {
        if backend == .postgres { try await database.revertAll() }
        try await database.migrate()
        try await body(database.store, database)
        if backend == .postgres { try await database.revertAll() }
    } catch {
        await database.shutdown()
        throw error
    }
    await database.shutdown()
}
