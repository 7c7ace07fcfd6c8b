import FluentKit
import FluentSQL

// Migration 002: the board's work: the plan, meetings, audits, reviews and reports, incidents, notifications.

struct M002CreateBoardRecords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let council = { (b: SchemaBuilder) in b.field("council_id", .uuid, .required, .references(CouncilModel.schema, "id")) }
        try await council(database.schema(PlanActionModel.schema).id())
            .field("body", .string, .required).field("created_by", .string, .required)
            .field("created_at", .datetime).field("updated_at", .datetime).create()
        try await council(database.schema(ActionEvidenceModel.schema).id())
            .field("action_id", .uuid, .required, .references(PlanActionModel.schema, "id", onDelete: .cascade))
            .field("name", .string, .required).field("link", .string).field("content", .data)
            .field("added_by", .string, .required).field("added_at", .datetime).create()
        try await council(database.schema(TimescaleRequestModel.schema).id())
            .field("action_id", .uuid, .required, .references(PlanActionModel.schema, "id", onDelete: .cascade))
            .field("body", .string, .required).field("created_at", .datetime).create()
        try await council(database.schema(MeetingModel.schema).id())
            .field("number", .int, .required).field("held_on", .string, .required).field("body", .string, .required)
            .field("updated_at", .datetime).unique(on: "council_id", "number").create()
        try await council(database.schema(CaseAuditModel.schema).id())
            .field("source", .string, .required).field("body", .string, .required).field("created_by", .string, .required)
            .field("created_at", .datetime).create()
        try await council(database.schema(AuditProgrammeModel.schema).id())
            .field("frequency_weeks", .int, .required).field("cases_per_round", .int, .required).field("starts_on", .string, .required)
            .field("agreed_at_meeting", .int).unique(on: "council_id").create()
        try await council(database.schema(ReviewReportModel.schema).id())
            .field("kind", .string, .required).field("title", .string, .required).field("due", .string).field("text", .string, .required)
            .field("status", .string, .required).field("written_by", .string, .required).field("submitted_at", .datetime)
            .field("updated_at", .datetime).create()
        try await council(database.schema(IncidentModel.schema).id())
            .field("body", .string, .required).field("reported_by", .string, .required).field("reported_at", .datetime).create()
        try await council(database.schema(NotificationModel.schema).id())
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("text", .string, .required).field("link", .string, .required).field("read_at", .datetime).field("created_at", .datetime).create()
        for table in [PlanActionModel.schema, CaseAuditModel.schema, MeetingModel.schema, IncidentModel.schema, ReviewReportModel.schema] {
            guard let sql = database as? any SQLDatabase else { break }
            try await sql.create(index: "\(table)_council_id_idx").on(table).column("council_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in [NotificationModel.schema, IncidentModel.schema, ReviewReportModel.schema, AuditProgrammeModel.schema, CaseAuditModel.schema,
                      MeetingModel.schema, TimescaleRequestModel.schema, ActionEvidenceModel.schema, PlanActionModel.schema] {
            try await database.schema(table).delete()
        }
    }
}
