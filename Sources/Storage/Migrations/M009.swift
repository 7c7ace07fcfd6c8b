import FluentKit

/// Figures entered by hand for a measure no return computes (indicator `other`) carry the measure's name, so a board's
/// own hand-counted measure and a notice's "other" target never read each other's figures. Rows entered before this
/// have no name and stay readable as before.
struct M009HandMeasures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(HandFigureModel.schema).field("measure", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(HandFigureModel.schema).deleteField("measure").update()
    }
}
