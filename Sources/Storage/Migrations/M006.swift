import FluentKit

// Migration 006: how sure the reader was of each target's indicator, so the notice page can put the doubtful ones
// first. Targets stored before it have no row: nothing is known of how they were matched.

struct M006TargetMatches: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TargetMatchModel.schema)
            .id()
            .field("target_id", .uuid, .required, .references("targets", "id"))
            .field("council_id", .uuid, .required)
            .field("confidence", .double, .required)
            .field("words", .string, .required)
            .field("doubt", .string)
            .unique(on: "target_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TargetMatchModel.schema).delete()
    }
}
