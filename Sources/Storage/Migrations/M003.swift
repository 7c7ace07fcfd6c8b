import FluentKit
import FluentSQL

// Migration 003: background imports' progress, shared by every server.

struct M003CreateImportJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportJobModel.schema).id()
            .field("council_id", .uuid, .required, .references(CouncilModel.schema, "id"))
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("started_at", .datetime, .required).field("updated_at", .datetime, .required)
            .field("files", .string, .required).field("progress", .string, .required).field("state", .string, .required)
            .field("import_id", .uuid).field("report_json", .string).field("message", .string)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "import_jobs_council_id_idx").on(ImportJobModel.schema).column("council_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportJobModel.schema).delete()
    }
}
