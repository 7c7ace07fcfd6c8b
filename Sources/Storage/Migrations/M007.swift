import FluentKit

// Migration 007: DfE's and Ofsted's published statistics, as loaded files (not any council's: no council_id).

struct M007PublishedFiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PublishedFileModel.schema)
            .id()
            .field("loaded_at", .datetime)
            .field("loaded_by", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("sha256", .string, .required)
            .field("size", .int, .required)
            .field("summary", .string, .required)
            .field("content", .data, .required)
            .unique(on: "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PublishedFileModel.schema).delete()
    }
}
