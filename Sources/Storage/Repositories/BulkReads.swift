import Domain
import FluentKit
import FluentSQL
import Foundation
import Indicators

/// The council's longest lists, read through SQLKit straight into plain values. FluentKit's model decoding (property
/// wrappers, key adjustment and a metadata lookup per column) cost several times the query itself for lists of
/// thousands of rows, and a picture reads these after the changes that touch them.
extension CouncilScope {
    private var sql: any SQLDatabase {
        get throws {
            guard let sql = database as? any SQLDatabase else { throw StorageError.invalid("the database does not speak SQL") }
            return sql
        }
    }

    private struct BodyRow: Decodable {
        var id: UUID
        var body: String
    }

    private struct AuditRow: Decodable {
        var id: UUID
        var source: String
        var body: String
    }

    /// A hand-entered figure as the picture needs it.
    public struct HandFigureRow: Decodable, Sendable {
        public var id: UUID
        public var indicator: String
        public var basis: String
        public var month: String
        public var value: Double
        public var entered_by: String
        public var entered_at: Date?
        public var measure: String?
    }

    private struct ValueRow: Decodable {
        var indicator: String
        var basis: String
        var period_start: String
        var period_end: String
        var numerator: Double
        var denominator: Double
        var scale: Double
    }

    /// The plan's actions in the order they were added.
    public func actions() async throws -> [(id: UUID, action: PlanAction)] {
        let rows = try await sql.select().column("id").column("body").from(PlanActionModel.schema)
            .where("council_id", .equal, council).orderBy("created_at").all(decoding: BodyRow.self)
        let decoder = JSONDecoder()
        return try rows.map { ($0.id, try decoder.decode(PlanAction.self, from: Data($0.body.utf8))) }
    }

    /// Every audit, recorded here or brought by an import, in the order they were stored.
    public func audits() async throws -> [(id: UUID, source: String, audit: CaseAuditRecord)] {
        let rows = try await sql.select().column("id").column("source").column("body").from(CaseAuditModel.schema)
            .where("council_id", .equal, council).orderBy("created_at").all(decoding: AuditRow.self)
        let decoder = JSONDecoder()
        return try rows.map { ($0.id, $0.source, try decoder.decode(CaseAuditRecord.self, from: Data($0.body.utf8))) }
    }

    public func handFigureRows() async throws -> [HandFigureRow] {
        try await sql.select().column("id").column("indicator").column("basis").column("month").column("value").column("entered_by").column("entered_at").column("measure")
            .from(HandFigureModel.schema).where("council_id", .equal, council).orderBy("month").orderBy("entered_at").orderBy("id")
            .all(decoding: HandFigureRow.self)
    }

    /// One change to the council's records, as its audit-trail entry names it. Entries are numbered in the order their
    /// transactions committed (`AuditTrail.append`), so the entries after a number are every change made since.
    public struct Change: Decodable, Sendable {
        public var id: Int
        public var action: String
        public var entity: String
        public var entity_id: String?
    }

    /// The council's changes after entry `number`, oldest first.
    public func changes(after number: Int) async throws -> [Change] {
        try await sql.select().column("id").column("action").column("entity").column("entity_id").from(AuditEventModel.schema)
            .where("council_id", .equal, council).where("id", .greaterThan, number).orderBy("id").all(decoding: Change.self)
    }

    private struct Latest: Decodable { var latest: Int? }

    /// The number of the council's latest change (0 before any).
    public func latestChange() async throws -> Int {
        try await sql.select().column(SQLFunction("MAX", args: SQLColumn("id")), as: "latest").from(AuditEventModel.schema)
            .where("council_id", .equal, council).first(decoding: Latest.self)?.latest ?? 0
    }

    /// The ids, each once, in lists short enough for one query's bound values on either database.
    private static func chunks(_ ids: [UUID]) -> [[UUID]] {
        var seen = Set<UUID>()
        let unique = ids.filter { seen.insert($0).inserted }
        return stride(from: 0, to: unique.count, by: 500).map { Array(unique[$0..<min($0 + 500, unique.count)]) }
    }

    /// The plan actions with these ids (those that are the council's).
    public func actions(ids: [UUID]) async throws -> [(id: UUID, action: PlanAction)] {
        var rows: [BodyRow] = []
        for chunk in Self.chunks(ids) {
            rows += try await sql.select().column("id").column("body").from(PlanActionModel.schema)
                .where("council_id", .equal, council).where(SQLIdentifier("id"), .in, SQLBind.group(chunk)).orderBy("created_at").all(decoding: BodyRow.self)
        }
        let decoder = JSONDecoder()
        return try rows.map { ($0.id, try decoder.decode(PlanAction.self, from: Data($0.body.utf8))) }
    }

    /// The audits with these ids (those that are the council's), in the order they were stored.
    public func audits(ids: [UUID]) async throws -> [(id: UUID, source: String, audit: CaseAuditRecord)] {
        var rows: [AuditRow] = []
        for chunk in Self.chunks(ids) {
            rows += try await sql.select().column("id").column("source").column("body").from(CaseAuditModel.schema)
                .where("council_id", .equal, council).where(SQLIdentifier("id"), .in, SQLBind.group(chunk)).orderBy("created_at").all(decoding: AuditRow.self)
        }
        let decoder = JSONDecoder()
        return try rows.map { ($0.id, $0.source, try decoder.decode(CaseAuditRecord.self, from: Data($0.body.utf8))) }
    }

    public func handFigureRows(ids: [UUID]) async throws -> [HandFigureRow] {
        var rows: [HandFigureRow] = []
        for chunk in Self.chunks(ids) {
            rows += try await sql.select().column("id").column("indicator").column("basis").column("month").column("value").column("entered_by")
                .column("entered_at").column("measure").from(HandFigureModel.schema).where("council_id", .equal, council).where(SQLIdentifier("id"), .in, SQLBind.group(chunk))
                .orderBy("month").orderBy("entered_at").orderBy("id").all(decoding: HandFigureRow.self)
        }
        return rows
    }

    /// The indicator values the council's last import computed, as results (a row that does not read is left out).
    public func indicatorResults() async throws -> [IndicatorResult] {
        let rows = try await sql.select().column("indicator").column("basis").column("period_start").column("period_end").column("numerator")
            .column("denominator").column("scale").from(IndicatorValueModel.schema).where("council_id", .equal, council).orderBy("month")
            .all(decoding: ValueRow.self)
        return rows.compactMap { row in
            guard let indicator = IndicatorID(rawValue: row.indicator), let basis = Basis(rawValue: row.basis),
                  let start = CalendarDate(iso: row.period_start), let end = CalendarDate(iso: row.period_end)
            else { return nil }
            return IndicatorResult(indicator: indicator, basis: basis, period: ReportingPeriod(basis: basis, start: start, end: end),
                                   numerator: row.numerator, denominator: row.denominator, scale: row.scale)
        }
    }
}
