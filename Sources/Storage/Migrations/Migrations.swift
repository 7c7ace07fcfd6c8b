import FluentKit

/// Every migration, in order. Released migrations are never edited: a change of schema is a new numbered one.
public enum StorageMigrations {
    public static var all: [any Migration] {
        [
            // 001: the first schema: councils, accounts, notices, imports, figures, the audit trail.
            M001CreateCouncilsAndUsers(),
            M001CreateNotices(),
            M001CreateImports(),
            M001CreateAuditTrail(),
            // 002: the board's work.
            M002CreateBoardRecords(),
            // 003: background imports' progress, in the database so every server can show it.
            M003CreateImportJobs(),
            // 004: targets, milestones and warnings in typed columns and rows of their own (existing rows moved).
            M004TypedTargets(),
            // 005: an index for reading a council's changes in order.
            M005IndexChanges(),
            // 006: how sure the reader was of each target's indicator.
            M006TargetMatches(),
            // 007: published statistics (DfE's tables, statistical neighbours), loaded by an administrator.
            M007PublishedFiles(),
            // 008: the council's commentary on its targets, and the chair's answers; the board's own targets.
            M008Commentaries(),
            M008BoardTargets(),
            M008OfstedVisits(),
            M008ReviewOutcomes(),
            M008Advisers(),
            // 009: each measure counted by hand keeps its own figures.
            M009HandMeasures(),
        ]
    }
}
