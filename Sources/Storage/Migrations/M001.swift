import FluentKit
import FluentSQL

// Migration 001. Only portable column types (string, int, double, bool, datetime, uuid, data), so that SQLite and
// PostgreSQL hold the same schema from the same code.

struct M001CreateCouncilsAndUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CouncilModel.schema)
            .id()
            .field("la_code", .string, .required)
            .field("name", .string, .required)
            .field("as_of", .string)
            .field("data_version", .int, .required)
            .field("created_at", .datetime)
            .unique(on: "la_code")
            .create()
        try await database.schema(UserModel.schema)
            .id()
            .field("council_id", .uuid, .references(CouncilModel.schema, "id"))
            .field("email", .string, .required)
            .field("display_name", .string, .required)
            .field("role", .string, .required)
            .field("password_hash", .string, .required)
            .field("failed_sign_ins", .int, .required)
            .field("locked_until", .datetime)
            .field("api_token_hash", .string)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()
        try await database.schema(SessionModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("csrf_token", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SessionModel.schema).delete()
        try await database.schema(UserModel.schema).delete()
        try await database.schema(CouncilModel.schema).delete()
    }
}

struct M001CreateNotices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NoticeModel.schema)
            .id()
            .field("council_id", .uuid, .required, .references(CouncilModel.schema, "id"))
            .field("source_text", .string, .required)
            .field("encoding", .string, .required)
            .field("notice_json", .string, .required)
            .field("warnings_json", .string, .required)
            .field("state", .string, .required)
            .field("notice_date", .string)
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(FieldReviewModel.schema)
            .id()
            .field("notice_id", .uuid, .required, .references(NoticeModel.schema, "id", onDelete: .cascade))
            .field("council_id", .uuid, .required, .references(CouncilModel.schema, "id"))
            .field("field", .string, .required)
            .field("verdict", .string, .required)
            .field("value_before", .string)
            .field("value_after", .string)
            .field("reviewer", .string, .required)
            .field("reviewed_at", .datetime)
            .create()
        try await database.schema(TargetModel.schema)
            .id()
            .field("notice_id", .uuid, .required, .references(NoticeModel.schema, "id", onDelete: .cascade))
            .field("council_id", .uuid, .required, .references(CouncilModel.schema, "id"))
            .field("position", .int, .required)
            .field("indicator", .string, .required)
            .field("target_json", .string, .required)
            .create()
        try await index(database, NoticeModel.schema, "council_id")
        try await index(database, TargetModel.schema, "notice_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TargetModel.schema).delete()
        try await database.schema(FieldReviewModel.schema).delete()
        try await database.schema(NoticeModel.schema).delete()
    }
}

struct M001CreateImports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportModel.schema)
            .id()
            .field("council_id", .uuid, .required, .references(CouncilModel.schema, "id"))
            .field("imported_by", .string, .required)
            .field("file_count", .int, .required)
            .field("report_json", .string, .required)
            .field("imported_at", .datetime)
            .create()
        try await database.schema(ImportFileModel.schema)
            .id()
            .field("import_id", .uuid, .required, .references(ImportModel.schema, "id"))
            .field("council_id", .uuid, .required, .references(CouncilModel.schema, "id"))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("replaces_key", .string, .required)
            .field("sha256", .string, .required)
            .field("size", .int, .required)
            .field("content", .data, .required)
            .field("superseded", .bool, .required)
            .create()
        try await database.schema(IndicatorValueModel.schema)
            .id()
            .field("council_id", .uuid, .required, .references(CouncilModel.schema, "id"))
            .field("import_id", .uuid, .required, .references(ImportModel.schema, "id"))
            .field("indicator", .string, .required)
            .field("basis", .string, .required)
            .field("month", .string, .required)
            .field("period_start", .string, .required)
            .field("period_end", .string, .required)
            .field("numerator", .double, .required)
            .field("denominator", .double, .required)
            .field("scale", .double, .required)
            .field("value", .double)
            .create()
        try await database.schema(HandFigureModel.schema)
            .id()
            .field("council_id", .uuid, .required, .references(CouncilModel.schema, "id"))
            .field("indicator", .string, .required)
            .field("basis", .string, .required)
            .field("month", .string, .required)
            .field("value", .double, .required)
            .field("entered_by", .string, .required)
            .field("note", .string)
            .field("entered_at", .datetime)
            .create()
        try await index(database, ImportFileModel.schema, "council_id")
        try await index(database, IndicatorValueModel.schema, "council_id")
        try await index(database, HandFigureModel.schema, "council_id")
    }

    func revert(on database: any Database) async throws {
        for schema in [HandFigureModel.schema, IndicatorValueModel.schema, ImportFileModel.schema, ImportModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}

struct M001CreateAuditTrail: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEventModel.schema)
            .field("id", .int, .identifier(auto: false))
            .field("at", .string, .required)
            .field("actor", .string, .required)
            .field("council_id", .uuid)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string)
            .field("before", .string)
            .field("after", .string)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
        try await index(database, AuditEventModel.schema, "council_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEventModel.schema).delete()
    }
}

/// An index on one column, through SQLKit (Fluent's schema builder has none).
private func index(_ database: any Database, _ table: String, _ column: String) async throws {
    guard let sql = database as? any SQLDatabase else { return }
    try await sql.create(index: "\(table)_\(column)_idx").on(table).column(column).run()
}
