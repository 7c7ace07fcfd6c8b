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
                sourceText: draft.text, encoding: draft.encoding, notice: draft.notice, warnings: [],
                noticeDate: nil, by: Actor("officer@worcs"))
            let own = store.scope(try worcs.requireID())
            let other = store.scope(try notts.requireID())
            let targets = try await own.targets(of: notice)
            // validate
            #expect(targets.count == draft.notice.targets.count)
            #expect(try await own.notice(id: notice.requireID()) != nil)
            #expect(try await other.notice(id: notice.requireID()) == nil)
            #expect(try await other.notices().isEmpty)
            #expect(try await other.target(id: targets[0].id) == nil)
            #expect(try await own.target(id: targets[0].id) == targets[0])
            await #expect(throws: StorageError.self) {
                try await other.setNoticeState(notice, to: "confirmed", by: Actor("officer@notts"))
            }
            // The structured notice comes back exactly as it went in, to its own council only.
            #expect(try await own.storedNotice(notice) == draft.notice)
            #expect(try await other.storedNotice(notice) == nil)
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
            let notice = try await scope.createNotice(sourceText: draft.text, encoding: draft.encoding, notice: draft.notice,
                                                      warnings: [], noticeDate: nil, by: .system)
            let before = try await scope.targets(of: notice).map(\.id)
            var changed = draft.notice
            changed.targets[1].milestones[0].value = 72
            try await scope.reviewField(of: notice, field: "targets[1].milestones[0].value", verdict: "corrected", valueBefore: "70", valueAfter: "72",
                                        newNotice: changed, by: Actor("officer"))
            let after = try await scope.targets(of: notice)
            #expect(after.map(\.id) == before)
            #expect(after[1].target.milestones[0].value == 72)
            #expect(after.map(\.target) == changed.targets)
        }
    }
}
