import CaseRecords
import Demo
import Domain
import FluentKit
import FluentSQL
import Foundation
import NoticeReader
import Storage
import Testing

@Suite("Storage, on SQLite and on PostgreSQL", .serialized)
struct StorageTests {
    @Test("migrations run from nothing, revert to nothing, and run again", arguments: Backend.allCases)
    func migrationsRoundTrip(_ backend: Backend) async throws {
        try await withStore(backend) { store, database in
            // setup
            _ = try await store.createCouncil(laCode: "885", name: "Worcestershire", by: .system)
            // MUT
            try await database.revertAll()
            try await database.migrate()
            // validate
            #expect(try await store.councils().isEmpty)
            _ = try await store.createCouncil(laCode: "885", name: "Worcestershire", by: .system)
            #expect(try await store.councils().map(\.laCode) == ["885"])
        }
    }

    @Test("a council scope never returns another council's notice, target or import, whatever id is asked for", arguments: Backend.allCases)
    func scopesKeepCouncilsApart(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            // setup
            let worcs = try await store.createCouncil(laCode: "885", name: "Worcestershire", by: .system)
            let notts = try await store.createCouncil(laCode: "891", name: "Nottinghamshire", by: .system)
            let draft = try NoticeReader.read(bytes: Array(SeedNotice.text.utf8))
            let notice = try await store.scope(worcs.requireID()).createNotice(
                sourceText: draft.text, encoding: draft.encoding, noticeJSON: CouncilFigures.encode(draft.notice), warningsJSON: "[]",
                noticeDate: nil, targets: try draft.notice.targets.map { ($0.indicatorID.rawValue, try CouncilFigures.encode($0)) }, by: Actor("officer@worcs"))
            let own = store.scope(try worcs.requireID())
            let other = store.scope(try notts.requireID())
            let targets = try await own.targets(of: notice)
            // validate
            #expect(targets.count == draft.notice.targets.count)
            #expect(try await own.notice(id: notice.requireID()) != nil)
            #expect(try await other.notice(id: notice.requireID()) == nil)
            #expect(try await other.notices().isEmpty)
            #expect(try await other.target(id: targets[0].requireID()) == nil)
            #expect(try await own.target(id: targets[0].requireID())?.indicator == targets[0].indicator)
            await #expect(throws: StorageError.self) {
                try await other.setNoticeState(notice, to: "confirmed", by: Actor("officer@notts"))
            }
            // The structured notice comes back exactly as it went in.
            #expect(CouncilFigures.decodeNotice(notice.noticeJSON) == draft.notice)
        }
    }

    @Test("every change is in the audit trail, and an edited or deleted entry breaks the chain", arguments: Backend.allCases)
    func auditTrailIsTamperEvident(_ backend: Backend) async throws {
        try await withStore(backend) { store, database in
            // setup
            let council = try await store.createCouncil(laCode: "885", name: "Worcestershire", by: .system)
            let user = try await store.createUser(email: "Officer@Worcs.example", displayName: "Officer", role: .councilOfficer,
                                                  council: council.requireID(), passwordHash: "x", by: .system)
            _ = try await store.scope(council.requireID()).addHandFigure(indicator: "sw_vacancy_rate", basis: "snapshot",
                                                                         month: "2011-03", value: 14.5, note: "from HR", by: Actor(user.email))
            // validate: three changes, three entries, in order
            let entries = try await store.auditEntries()
            #expect(entries.map(\.action) == ["figure.entered", "user.created", "council.created"])
            #expect(entries.first?.actor == "officer@worcs.example")
            let verification = try await store.verifyAuditTrail()
            #expect(verification.entries == 3 && verification.intact)
            // MUT: someone edits entry 2 in the database
            let sql = try #require(database.database as? any SQLDatabase)
            try await sql.raw("UPDATE audit_events SET after = 'someone else' WHERE id = 2").run()
            let edited = try await store.verifyAuditTrail()
            #expect(edited.firstBreak?.id == 2)
            #expect(edited.firstBreak?.reason == "its content does not match its hash")
            // MUT: and deletes it
            try await sql.raw("DELETE FROM audit_events WHERE id = 2").run()
            #expect(try await store.verifyAuditTrail().firstBreak?.reason == "entry 2 is missing")
        }
    }

    @Test("accounts: a council role needs a council, failed sign-ins lock the account, sessions expire", arguments: Backend.allCases)
    func accountsAndSessions(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let council = try await store.createCouncil(laCode: "885", name: "Worcestershire", by: .system)
            await #expect(throws: StorageError.self) {
                _ = try await store.createUser(email: "a@b", displayName: "A", role: .councilOfficer, council: nil, passwordHash: "x", by: .system)
            }
            await #expect(throws: StorageError.self) {
                _ = try await store.createUser(email: "d@b", displayName: "D", role: .dfeOfficial, council: council.requireID(), passwordHash: "x", by: .system)
            }
            let user = try await store.createUser(email: "chair@worcs", displayName: "Chair", role: .independentChair, council: council.requireID(),
                                                  passwordHash: "x", by: .system)
            let now = Date()
            for _ in 0..<4 { try await store.recordFailedSignIn(user, limit: 5, lockFor: 900, now: now) }
            #expect(try await store.user(email: "CHAIR@worcs")?.lockedUntil == nil)
            try await store.recordFailedSignIn(user, limit: 5, lockFor: 900, now: now)
            let locked = try #require(try await store.user(email: "chair@worcs")?.lockedUntil)
            #expect(abs(locked.timeIntervalSince(now) - 900) < 1)

            try await store.createSession(user: user, tokenHash: "h1", csrfToken: "c1", expiresAt: now.addingTimeInterval(60))
            #expect(try await store.session(tokenHash: "h1", now: now)?.1.email == "chair@worcs")
            #expect(try await store.session(tokenHash: "h1", now: now.addingTimeInterval(61)) == nil)
            #expect(try await store.session(tokenHash: "h1", now: now) == nil, "an expired session is deleted")
        }
    }

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

    @Test("the seed notice in Demo is the published Worcestershire notice the reader's tests use")
    func seedNoticeIsTheFixture() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("NoticeReaderTests/Fixtures/notices/worcestershire-2010.txt")
        #expect(try String(contentsOf: fixture, encoding: .utf8) == SeedNotice.text)
    }
}

extension StorageTests {
    @Test("correcting a notice keeps its targets' ids", arguments: Backend.allCases)
    func correctionsKeepTargetIDs(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let council = try await store.createCouncil(laCode: "885", name: "Worcestershire", by: .system)
            let draft = try NoticeReader.read(bytes: Array(SeedNotice.text.utf8))
            let scope = store.scope(try council.requireID())
            let rows = { (notice: Notice) in try notice.targets.map { ($0.indicatorID.rawValue, try CouncilFigures.encode($0)) } }
            let notice = try await scope.createNotice(sourceText: draft.text, encoding: draft.encoding, noticeJSON: CouncilFigures.encode(draft.notice),
                                                      warningsJSON: "[]", noticeDate: nil, targets: try rows(draft.notice), by: .system)
            let before = try await scope.targets(of: notice).map(\.id)
            var changed = draft.notice
            changed.targets[1].milestones[0].value = 72
            try await scope.reviewField(of: notice, field: "targets[1].milestones[0].value", verdict: "corrected", valueBefore: "70", valueAfter: "72",
                                        newNoticeJSON: CouncilFigures.encode(changed), targets: try rows(changed), by: Actor("officer"))
            let after = try await scope.targets(of: notice)
            #expect(after.map(\.id) == before)
            #expect(CouncilFigures.decodeTarget(after[1].targetJSON)?.milestones[0].value == 72)
        }
    }
}

/// A council's picture, kept between changes. In the same suite as the rest: the suites share one PostgreSQL database.
extension StorageTests {
    @Test("a council's picture is computed once however many ask at once; computed again after each change, and it shows the change", arguments: Backend.allCases)
    func picturesFollowChanges(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            // setup: the Worcestershire notice, judged on 31 October 2011
            let council = try await store.createCouncil(laCode: "885", name: "Worcestershire", asOf: "2011-10-31", by: .system)
            let scope = store.scope(try council.requireID())
            let draft = try NoticeReader.read(bytes: Array(SeedNotice.text.utf8))
            _ = try await scope.createNotice(sourceText: draft.text, encoding: draft.encoding, noticeJSON: CouncilFigures.encode(draft.notice), warningsJSON: "[]",
                                             noticeDate: "2011-02-21", targets: try draft.notice.targets.map { ($0.indicatorID.rawValue, try CouncilFigures.encode($0)) },
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
}
