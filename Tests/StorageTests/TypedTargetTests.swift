import Domain
import FluentKit
import FluentSQL
import Foundation
import NoticeReader
import Storage
import Testing

/// Targets, milestones and warnings in typed columns (migration 004): every notice the reader is tested on goes in
/// and comes back the same, and rows stored before the migration are moved into the columns and back out again.
extension StorageTests {
    static func fixtureNotices() throws -> [(name: String, draft: NoticeDraft)] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("NoticeReaderTests/Fixtures/notices")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            (name, try NoticeReader.read(bytes: Array(try Data(contentsOf: folder.appendingPathComponent(name)))))
        }
    }

    @Test("each notice's targets, milestones and warnings come back from their rows exactly as they went in", arguments: Backend.allCases)
    func typedTargetsRoundTrip(_ backend: Backend) async throws {
        let notices = try Self.fixtureNotices()
        #expect(notices.count == 5, "the five seed notices")
        try await withStore(backend) { store, _ in
            for (n, (name, draft)) in notices.enumerated() {
                let council = try await store.createCouncil(laCode: String(800 + n), name: name, by: .system)
                let scope = store.scope(try council.requireID())
                let notice = try await scope.createNotice(sourceText: draft.text, encoding: draft.encoding, notice: draft.notice,
                                                          warnings: draft.warnings, noticeDate: nil, by: .system)
                #expect(try await scope.storedNotice(notice) == draft.notice, "\(name)")
                #expect(try await scope.warnings(of: notice) == draft.warnings, "\(name)")
                #expect(try await scope.targets(of: notice).map(\.target) == draft.notice.targets, "\(name)")
                // The notice's JSON no longer carries the targets: the rows are the one copy.
                #expect(StoredJSON.decodeNotice(notice.noticeJSON)?.targets.isEmpty == true, "\(name)")
            }
        }
    }

    private struct OldTargetRow: Decodable {
        var target_json: String
    }

    private struct OldNoticeRow: Decodable {
        var notice_json: String
        var warnings_json: String
    }

    @Test("migration 004 moves targets and warnings stored as JSON into rows, and its revert moves them back", arguments: Backend.allCases)
    func migrationMovesStoredRows(_ backend: Backend) async throws {
        var (_, draft) = try #require(try Self.fixtureNotices().first { $0.name.hasPrefix("worcestershire") })
        // Targets stored before migration 006 carry no record of how sure the reader was of their indicator.
        draft.notice.targets = draft.notice.targets.map { var t = $0; t.match = nil; return t }
        try await withStore(backend) { store, database in
            // setup: the schema as it was before migration 004, with a notice stored the way it was then
            try await database.revertAll()
            try await database.migrate(through: 6)
            let council = try await store.createCouncil(laCode: "885", name: "Worcestershire", by: .system)
            let sql = try #require(database.database as? any SQLDatabase)
            let noticeID = UUID(), councilID = try council.requireID()
            try await sql.insert(into: "notices")
                .columns("id", "council_id", "source_text", "encoding", "notice_json", "warnings_json", "state", "created_by", "created_at", "updated_at")
                .values(SQLBind(noticeID), SQLBind(councilID), SQLBind(draft.text), SQLBind(draft.encoding), SQLBind(try StoredJSON.encode(draft.notice)),
                        SQLBind(try StoredJSON.encode(draft.warnings)), SQLBind("draft"), SQLBind("system"), SQLBind(Date()), SQLBind(Date()))
                .run()
            var targetIDs: [UUID] = []
            for (position, target) in draft.notice.targets.enumerated() {
                let id = UUID()
                targetIDs.append(id)
                try await sql.insert(into: "targets").columns("id", "notice_id", "council_id", "position", "indicator", "target_json")
                    .values(SQLBind(id), SQLBind(noticeID), SQLBind(councilID), SQLBind(position), SQLBind(target.indicatorID.rawValue),
                            SQLBind(try StoredJSON.encode(target)))
                    .run()
            }
            // MUT: the migration
            try await database.migrate()
            // validate: the same notice, targets (with the same ids) and warnings, read from the rows
            let scope = store.scope(councilID)
            let notice = try #require(try await scope.notice(id: noticeID))
            #expect(try await scope.storedNotice(notice) == draft.notice)
            #expect(try await scope.targets(of: notice).map(\.id) == targetIDs)
            #expect(try await scope.warnings(of: notice) == draft.warnings)

            // MUT: the revert
            try await database.revertLastBatch()
            // validate: the JSON columns hold what they held before
            let targets = try await sql.select().column("target_json").from("targets").orderBy("position").all(decoding: OldTargetRow.self)
            #expect(targets.map { StoredJSON.decodeTarget($0.target_json) } == draft.notice.targets)
            let notices = try await sql.select().columns("notice_json", "warnings_json").from("notices").all(decoding: OldNoticeRow.self)
            #expect(notices.count == 1)
            #expect(notices.first.map { StoredJSON.decodeNotice($0.notice_json) } == draft.notice)
            #expect(notices.first.map { StoredJSON.decode([String].self, $0.warnings_json) } == draft.warnings)
            try await database.migrate()
        }
    }

    @Test("qualifiers of any text round-trip, and a correction is refused rather than move targets when a row no longer reads", arguments: Backend.allCases)
    func awkwardTargets(_ backend: Backend) async throws {
        let (_, draft) = try #require(try Self.fixtureNotices().first { $0.name.hasPrefix("worcestershire") })
        try await withStore(backend) { store, database in
            let council = try await store.createCouncil(laCode: "885", name: "Worcestershire", by: .system)
            let scope = store.scope(try council.requireID())
            var notice = draft.notice
            notice.targets[0].baseline = Baseline(value: 54, period: "2009-10", qualifiers: ["", "in 10 days\nrevised", "provisional"])
            let record = try await scope.createNotice(sourceText: draft.text, encoding: draft.encoding, notice: notice, warnings: [""],
                                                      noticeDate: nil, by: .system)
            #expect(try await scope.storedNotice(record) == notice)
            #expect(try await scope.warnings(of: record) == [""])

            // A row whose indicator this version no longer knows: left out of the notice, and no correction moves the rest.
            let sql = try #require(database.database as? any SQLDatabase)
            try await sql.update("targets").set("indicator", to: "withdrawn_indicator").where("position", .equal, 0).run()
            let readable = try #require(try await scope.storedNotice(record))
            #expect(readable.targets == Array(notice.targets.dropFirst()))
            var changed = readable
            changed.targets[0].milestones[0].value = 99
            await #expect(throws: StorageError.self) {
                try await scope.reviewField(of: record, field: "targets[0].milestones[0].value", verdict: "corrected", valueBefore: nil,
                                            valueAfter: "99", newNotice: changed, by: Actor("officer"))
            }
            #expect(try await scope.storedNotice(record) == readable, "nothing changed")
        }
    }
}
