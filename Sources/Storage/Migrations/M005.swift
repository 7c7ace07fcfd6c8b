import FluentKit
import FluentSQL

// Migration 005: a council's changes read in order. A council's picture reads the audit-trail entries made since it
// was last computed and re-reads only the rows they name, so the index covers the council and the entry's number.

struct M005IndexChanges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "audit_events_council_id_id_idx").on(AuditEventModel.schema).column("council_id").column("id").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "audit_events_council_id_id_idx").run()
    }
}
