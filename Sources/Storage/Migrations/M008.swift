import FluentKit

// Migration 008: the council's commentary on its targets' figures and the chair's answers; the board's own targets;
// Ofsted's visits and their letters; DfE's decision at each review of progress; improvement advisers' appointments
// and notes.

struct M008Commentaries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CommentaryModel.schema)
            .id()
            .field("written_at", .datetime)
            .field("council_id", .uuid, .required, .references(CouncilModel.schema, "id"))
            .field("target_key", .string, .required)
            .field("month", .string, .required)
            .field("kind", .string, .required)
            .field("body", .string, .required)
            .field("written_by", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CommentaryModel.schema).delete()
    }
}

struct M008BoardTargets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BoardTargetModel.schema)
            .id()
            .field("proposed_at", .datetime)
            .field("council_id", .uuid, .required, .references(CouncilModel.schema, "id"))
            .field("body", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BoardTargetModel.schema).delete()
    }
}

struct M008OfstedVisits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OfstedVisitModel.schema)
            .id()
            .field("recorded_at", .datetime)
            .field("council_id", .uuid, .required, .references(CouncilModel.schema, "id"))
            .field("body", .string, .required)
            .field("letter_name", .string)
            .field("letter", .data)
            .field("recorded_by", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OfstedVisitModel.schema).delete()
    }
}

struct M008ReviewOutcomes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReviewReportModel.schema).field("outcome", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReviewReportModel.schema).deleteField("outcome").update()
    }
}

struct M008Advisers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AdviserAppointmentModel.schema)
            .id()
            .field("appointed_at", .datetime)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("council_id", .uuid, .required, .references(CouncilModel.schema, "id"))
            .unique(on: "user_id", "council_id")
            .create()
        try await database.schema(AdviceNoteModel.schema)
            .id()
            .field("written_at", .datetime)
            .field("council_id", .uuid, .required, .references(CouncilModel.schema, "id"))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("text", .string, .required)
            .field("written_by", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AdviceNoteModel.schema).delete()
        try await database.schema(AdviserAppointmentModel.schema).delete()
    }
}
