import Domain
import FluentKit
import FluentSQL
import Foundation

// Migration 004: targets, their milestones and a notice's warnings leave JSON text for typed columns and rows of their
// own, so that they can be queried and shown without decoding. Existing rows are moved, on SQLite and PostgreSQL alike,
// and moved back by the revert. The old JSON columns are read through SQLKit with row types of the migration's own.

struct M004TypedTargets: AsyncMigration {
    private static let targetColumns: [(name: String, type: DatabaseSchema.DataType, default: String?)] = [
        ("words", .string, "''"), ("unit", .string, "''"), ("direction", .string, "''"),
        ("source_start", .int, nil), ("source_end", .int, nil),
        ("has_baseline", .bool, "false"), ("baseline_value", .double, nil), ("baseline_period", .string, nil),
        ("baseline_qualifiers", .string, "'[]'"), ("baseline_source_start", .int, nil), ("baseline_source_end", .int, nil),
    ]

    /// All or nothing: a stored target or notice that does not read stops the migration with nothing changed (schema
    /// changes are transactional on PostgreSQL and SQLite alike), so it can be run again once the row is put right.
    func prepare(on database: any Database) async throws {
        try await database.transaction { tx in try await Self.prepare(tx) }
    }

    func revert(on database: any Database) async throws {
        try await database.transaction { tx in try await Self.revert(tx) }
    }

    private static func prepare(_ database: any Database) async throws {
        try await database.schema(MilestoneModel.schema).id()
            .field("target_id", .uuid, .required, .references("targets", "id", onDelete: .cascade))
            .field("council_id", .uuid, .required, .references("councils", "id"))
            .field("position", .int, .required).field("value", .double)
            .field("due_kind", .string).field("due_on", .string).field("due_months_after_notice", .int).field("due_meeting", .string)
            .field("basis", .string, .required).field("judged", .string, .required).field("reference_period", .string)
            .field("words", .string, .required).field("source_start", .int).field("source_end", .int)
            .create()
        try await database.schema(NoticeWarningModel.schema).id()
            .field("notice_id", .uuid, .required, .references("notices", "id", onDelete: .cascade))
            .field("council_id", .uuid, .required, .references("councils", "id"))
            .field("position", .int, .required).field("text", .string, .required)
            .create()
        // SQLite alters one column per statement.
        for column in targetColumns {
            let key = FieldKey.string(column.name)
            if let value = column.default {
                try await database.schema("targets").field(key, column.type, .required, .sql(.default(SQLRaw(value)))).update()
            } else {
                try await database.schema("targets").field(key, column.type).update()
            }
        }
        guard let sql = database as? any SQLDatabase else { throw StorageError.invalid("the database does not speak SQL") }
        try await sql.create(index: "target_milestones_target_id_idx").on(MilestoneModel.schema).column("target_id").run()
        try await sql.create(index: "notice_warnings_notice_id_idx").on(NoticeWarningModel.schema).column("notice_id").run()
        try await Self.moveToColumns(sql)
        try await database.schema("targets").deleteField("target_json").update()
        try await database.schema("notices").deleteField("warnings_json").update()
    }

    private static func revert(_ database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StorageError.invalid("the database does not speak SQL") }
        try await database.schema("targets").field("target_json", .string, .required, .sql(.default(SQLRaw("''")))).update()
        try await database.schema("notices").field("warnings_json", .string, .required, .sql(.default(SQLRaw("'[]'")))).update()
        try await Self.moveToJSON(sql)
        try await database.schema(MilestoneModel.schema).delete()
        try await database.schema(NoticeWarningModel.schema).delete()
        for column in targetColumns.reversed() {
            try await database.schema("targets").deleteField(FieldKey.string(column.name)).update()
        }
    }

    private struct OldTarget: Decodable {
        var id: UUID
        var council_id: UUID
        var target_json: String
    }

    private struct OldNotice: Decodable {
        var id: UUID
        var council_id: UUID
        var notice_json: String
        var warnings_json: String
    }

    /// Each target's JSON into its columns and milestone rows; each notice's warnings into rows, and its JSON without
    /// the targets (they are the rows now). A target whose JSON does not read stops the migration: nothing is lost.
    static func moveToColumns(_ sql: any SQLDatabase) async throws {
        let decoder = JSONDecoder()
        for old in try await sql.select().columns("id", "council_id", "target_json").from("targets").all(decoding: OldTarget.self) {
            let target: Target
            do { target = try decoder.decode(Target.self, from: Data(old.target_json.utf8)) } catch {
                throw StorageError.invalid("target \(old.id) does not read: \(error)")
            }
            let row = TargetModel()
            StoredTargets.fill(row, from: target)
            try await sql.update("targets")
                .set("words", to: row.words).set("unit", to: row.unit).set("direction", to: row.direction)
                .set("source_start", to: row.sourceStart).set("source_end", to: row.sourceEnd)
                .set("has_baseline", to: row.hasBaseline).set("baseline_value", to: row.baselineValue)
                .set("baseline_period", to: row.baselinePeriod).set("baseline_qualifiers", to: row.baselineQualifiers)
                .set("baseline_source_start", to: row.baselineSourceStart).set("baseline_source_end", to: row.baselineSourceEnd)
                .where("id", .equal, old.id).run()
            for m in StoredTargets.milestoneRows(target, targetID: old.id, council: old.council_id) {
                try await sql.insert(into: MilestoneModel.schema)
                    .columns("id", "target_id", "council_id", "position", "value", "due_kind", "due_on", "due_months_after_notice", "due_meeting",
                             "basis", "judged", "reference_period", "words", "source_start", "source_end")
                    .values(SQLBind(UUID()), SQLBind(old.id), SQLBind(old.council_id), SQLBind(m.position), SQLBind(m.value), SQLBind(m.dueKind),
                            SQLBind(m.dueOn), SQLBind(m.dueMonthsAfterNotice), SQLBind(m.dueMeeting), SQLBind(m.basis), SQLBind(m.judged),
                            SQLBind(m.referencePeriod), SQLBind(m.words), SQLBind(m.sourceStart), SQLBind(m.sourceEnd))
                    .run()
            }
        }
        for old in try await sql.select().columns("id", "council_id", "notice_json", "warnings_json").from("notices").all(decoding: OldNotice.self) {
            guard let warnings = try? decoder.decode([String].self, from: Data(old.warnings_json.utf8)) else {
                throw StorageError.invalid("the warnings of notice \(old.id) do not read")
            }
            for (position, text) in warnings.enumerated() {
                try await sql.insert(into: NoticeWarningModel.schema).columns("id", "notice_id", "council_id", "position", "text")
                    .values(SQLBind(UUID()), SQLBind(old.id), SQLBind(old.council_id), SQLBind(position), SQLBind(text)).run()
            }
            guard let notice = try? decoder.decode(Notice.self, from: Data(old.notice_json.utf8)) else {
                throw StorageError.invalid("notice \(old.id) does not read")
            }
            try await sql.update("notices").set("notice_json", to: try CouncilScope.bareJSON(notice)).where("id", .equal, old.id).run()
        }
    }

    private struct NewNotice: Decodable {
        var id: UUID
        var council_id: UUID
        var notice_json: String
    }

    /// The way back: each target's rows into its JSON, each notice's warnings and targets into its JSON.
    static func moveToJSON(_ sql: any SQLDatabase) async throws {
        let database = sql as! any Database
        for old in try await sql.select().columns("id", "council_id", "notice_json").from("notices").all(decoding: NewNotice.self) {
            let targets = try await StoredTargets.read(notice: old.id, council: old.council_id, on: database, matches: false)
            for stored in targets {
                try await sql.update("targets").set("target_json", to: try StoredJSON.encode(stored.target)).where("id", .equal, stored.id).run()
            }
            let warnings = try await NoticeWarningModel.query(on: database).filter(\.$noticeID == old.id).sort(\.$position).all().map(\.text)
            guard var notice = StoredJSON.decodeNotice(old.notice_json) else { throw StorageError.invalid("notice \(old.id) does not read") }
            notice.targets = targets.map(\.target)
            try await sql.update("notices").set("notice_json", to: try StoredJSON.encode(notice))
                .set("warnings_json", to: try StoredJSON.encode(warnings)).where("id", .equal, old.id).run()
        }
    }
}
