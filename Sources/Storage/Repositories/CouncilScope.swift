import Domain
import FluentKit
import FluentSQL
import Foundation

/// One council's data. Made only by `Store.scope(_:)` with the council's id; every query here filters on it, so a
/// record of another council is never returned, whatever id is asked for.
public struct CouncilScope: Sendable {
    public let council: UUID
    let database: any Database

    init(council: UUID, database: any Database) {
        self.council = council
        self.database = database
    }

    /// Marks the council's data as changed (inside the transaction that changes it).
    func bumpVersion(on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.update(CouncilModel.schema).set(SQLIdentifier("data_version"), to: SQLRaw("data_version + 1"))
            .where(SQLIdentifier("id"), .equal, SQLBind(council)).run()
    }

    // MARK: notices

    public func notices() async throws -> [NoticeModel] {
        try await NoticeModel.query(on: database).filter(\.$councilID == council).sort(\.$createdAt, .descending).all()
    }

    public func notice(id: UUID) async throws -> NoticeModel? {
        try await NoticeModel.query(on: database).filter(\.$id == id).filter(\.$councilID == council).first()
    }

    /// The notice the council is under now: the newest one.
    public func currentNotice() async throws -> NoticeModel? {
        try await NoticeModel.query(on: database).filter(\.$councilID == council).sort(\.$createdAt, .descending).first()
    }

    /// Stores a notice read from text, with a row per target, milestone and warning, as a draft for a person to confirm.
    public func createNotice(sourceText: String, encoding: String, notice content: Notice, warnings: [String], noticeDate: String?,
                             by actor: Actor) async throws -> NoticeModel {
        let notice = NoticeModel(councilID: council, sourceText: sourceText, encoding: encoding, noticeJSON: try Self.bareJSON(content),
                                 noticeDate: noticeDate, createdBy: actor.name)
        let council = self.council
        try await database.write { tx in
            try await bumpVersion(on: tx)
            try await notice.create(on: tx)
            let id = try notice.requireID()
            try await replaceTargets(of: notice, with: content.targets, on: tx)
            for (position, text) in warnings.enumerated() {
                try await NoticeWarningModel(noticeID: id, councilID: council, position: position, text: text).create(on: tx)
            }
            try await AuditTrail.append(.init(council: council, action: "notice.created", entity: "notice", entityID: notice.id?.uuidString,
                                              after: "\(sourceText.count) characters, \(content.targets.count) targets"), by: actor, on: tx)
        }
        return notice
    }

    /// The notice as JSON without its targets, which are rows of their own.
    static func bareJSON(_ notice: Notice) throws -> String {
        var bare = notice
        bare.targets = []
        return try StoredJSON.encode(bare)
    }

    /// The stored notice, its targets read back from their rows; nil when its JSON no longer reads.
    public func storedNotice(_ notice: NoticeModel) async throws -> Notice? {
        guard notice.councilID == council, var content = StoredJSON.decodeNotice(notice.noticeJSON) else { return nil }
        content.targets = try await targets(of: notice).map(\.target)
        return content
    }

    /// The reader's warnings about the notice, in the order it gave them.
    public func warnings(of notice: NoticeModel) async throws -> [String] {
        try await NoticeWarningModel.query(on: database).filter(\.$noticeID == notice.requireID()).filter(\.$councilID == council)
            .sort(\.$position).all().map(\.text)
    }

    /// Records a person's verdict on one field; a correction also replaces the structured notice (and brings its target
    /// rows in line with it).
    public func reviewField(of notice: NoticeModel, field: String, verdict: String, valueBefore: String?, valueAfter: String?,
                            newNotice: Notice?, by actor: Actor) async throws {
        guard notice.councilID == council else { throw StorageError.notFound("notice") }
        try await database.write { tx in
            try await bumpVersion(on: tx)
            let review = FieldReviewModel(noticeID: try notice.requireID(), councilID: council, field: field, verdict: verdict,
                                          valueBefore: valueBefore, valueAfter: valueAfter, reviewer: actor.name)
            try await review.create(on: tx)
            if let newNotice {
                notice.noticeJSON = try Self.bareJSON(newNotice)
                try await notice.save(on: tx)
                try await replaceTargets(of: notice, with: newNotice.targets, on: tx)
            }
            try await AuditTrail.append(.init(council: council, action: "notice.field_\(verdict)", entity: "notice", entityID: notice.id?.uuidString,
                                              before: valueBefore.map { "\(field) = \($0)" }, after: valueAfter.map { "\(field) = \($0)" }),
                                        by: actor, on: tx)
        }
    }

    /// Marks the notice confirmed (every field looked at) or back to draft.
    public func setNoticeState(_ notice: NoticeModel, to state: String, by actor: Actor) async throws {
        guard notice.councilID == council else { throw StorageError.notFound("notice") }
        let before = notice.state
        try await database.write { tx in
            try await bumpVersion(on: tx)
            notice.state = state
            try await notice.save(on: tx)
            try await AuditTrail.append(.init(council: council, action: "notice.state", entity: "notice", entityID: notice.id?.uuidString,
                                              before: before, after: state), by: actor, on: tx)
        }
    }

    public func fieldReviews(of notice: NoticeModel) async throws -> [FieldReviewModel] {
        try await FieldReviewModel.query(on: database).filter(\.$noticeID == notice.requireID()).filter(\.$councilID == council)
            .sort(\.$reviewedAt, .ascending).all()
    }

    /// Brings the target rows in line with the notice's targets, position by position: a row keeps its id when its
    /// target is corrected, so links to it and figures about it stay good.
    private func replaceTargets(of notice: NoticeModel, with targets: [Target], on tx: any Database) async throws {
        let id = try notice.requireID()
        let rows = try await TargetModel.query(on: tx).filter(\.$noticeID == id).filter(\.$councilID == council).sort(\.$position).all()
        let stored = Dictionary(try await StoredTargets.read(rows, council: council, on: tx).map { ($0.id, $0.target) }, uniquingKeysWith: { a, _ in a })
        // Rows are matched to targets by position: with a row that no longer reads (an indicator since withdrawn) left
        // out of the notice, every later target would land in its neighbour's row. Refuse rather than move them.
        guard stored.count == rows.count else {
            throw StorageError.invalid("a target of this notice no longer reads in this version; it cannot be corrected until that is put right")
        }
        for (position, target) in targets.enumerated() {
            let row = position < rows.count ? rows[position] : TargetModel()
            if let rowID = row.id, stored[rowID] == target { continue }
            if row.id == nil {
                row.noticeID = id
                row.councilID = council
                row.position = position
            }
            StoredTargets.fill(row, from: target)
            try await row.save(on: tx)
            try await StoredTargets.replaceRows(of: try row.requireID(), with: target, council: council, on: tx)
        }
        for row in rows.dropFirst(targets.count) {
            let rowID = try row.requireID()
            try await MilestoneModel.query(on: tx).filter(\.$targetID == rowID).filter(\.$councilID == council).delete()
            try await TargetMatchModel.query(on: tx).filter(\.$targetID == rowID).filter(\.$councilID == council).delete()
            try await row.delete(on: tx)
        }
    }

    // MARK: targets

    /// The notice's targets in its order, each with the id of its row.
    public func targets(of notice: NoticeModel) async throws -> [StoredTarget] {
        try await StoredTargets.read(notice: notice.requireID(), council: council, on: database)
    }

    public func target(id: UUID) async throws -> StoredTarget? {
        guard let row = try await TargetModel.query(on: database).filter(\.$id == id).filter(\.$councilID == council).first() else { return nil }
        return try await StoredTargets.read([row], council: council, on: database).first
    }

    // MARK: imports and figures

    public struct IncomingFile: Sendable {
        public var name: String
        public var kind: String
        public var replacesKey: String
        public var content: Data
        public init(name: String, kind: String, replacesKey: String, content: Data) {
            self.name = name
            self.kind = kind
            self.replacesKey = replacesKey
            self.content = content
        }
    }

    public struct ComputedValue: Sendable {
        public var indicator: String, basis: String, month: String, periodStart: String, periodEnd: String
        public var numerator: Double, denominator: Double, scale: Double, value: Double?
        public init(indicator: String, basis: String, month: String, periodStart: String, periodEnd: String, numerator: Double, denominator: Double,
                    scale: Double, value: Double?) {
            self.scale = scale
            self.indicator = indicator
            self.basis = basis
            self.month = month
            self.periodStart = periodStart
            self.periodEnd = periodEnd
            self.numerator = numerator
            self.denominator = denominator
            self.value = value
        }
    }

    public func imports() async throws -> [ImportModel] {
        try await ImportModel.query(on: database).filter(\.$councilID == council).sort(\.$importedAt, .descending).all()
    }

    public func importRecord(id: UUID) async throws -> ImportModel? {
        try await ImportModel.query(on: database).filter(\.$id == id).filter(\.$councilID == council).first()
    }

    /// The files the council's figures are computed from: every stored file no later one has replaced.
    public func currentFiles() async throws -> [ImportFileModel] {
        try await ImportFileModel.query(on: database).filter(\.$councilID == council).filter(\.$superseded == false)
            .sort(\.$name).all()
    }

    /// The ids of those files, without their contents: enough to tell whether the council's records have changed.
    public func currentFileIDs() async throws -> [UUID] {
        try await ImportFileModel.query(on: database).filter(\.$councilID == council).filter(\.$superseded == false)
            .all(\.$id)
    }

    /// Stores an import whole or not at all: its files (replacing earlier files with the same key), its report, the
    /// figures recomputed from the council's files as they now stand, and the audit entry, in one transaction.
    /// `audits`, when given, replaces the audits that earlier imports brought (audits recorded in the application stay).
    public func recordImport(files: [IncomingFile], reportJSON: String, values: [ComputedValue], audits: [CaseAuditRecord]? = nil,
                             by actor: Actor) async throws -> ImportModel {
        let auditBodies = try audits?.map { try Self.json($0) }
        let record = ImportModel(councilID: council, importedBy: actor.name, fileCount: files.count, reportJSON: reportJSON)
        try await database.write { tx in
            try await bumpVersion(on: tx)
            try await record.create(on: tx)
            let importID = try record.requireID()
            for file in files {
                try await ImportFileModel.query(on: tx).filter(\.$councilID == council).filter(\.$replacesKey == file.replacesKey)
                    .filter(\.$superseded == false).set(\.$superseded, to: true).update()
                try await ImportFileModel(importID: importID, councilID: council, name: file.name, kind: file.kind, replacesKey: file.replacesKey,
                                          sha256: sha256Hex(file.content), content: file.content).create(on: tx)
            }
            try await IndicatorValueModel.query(on: tx).filter(\.$councilID == council).delete()
            let models = values.map {
                IndicatorValueModel(councilID: council, importID: importID, indicator: $0.indicator, basis: $0.basis, month: $0.month,
                                    periodStart: $0.periodStart, periodEnd: $0.periodEnd, numerator: $0.numerator, denominator: $0.denominator, scale: $0.scale, value: $0.value)
            }
            var start = 0
            while start < models.count {
                let end = min(start + 500, models.count)
                try await Array(models[start..<end]).create(on: tx)
                start = end
            }
            if let auditBodies {
                try await CaseAuditModel.query(on: tx).filter(\.$councilID == council).filter(\.$source == "import").delete()
                var start = 0
                while start < auditBodies.count {
                    let end = min(start + 500, auditBodies.count)
                    try await auditBodies[start..<end].map { CaseAuditModel(councilID: council, source: "import", body: $0, createdBy: actor.name) }.create(on: tx)
                    start = end
                }
            }
            try await AuditTrail.append(.init(council: council, action: "import.accepted", entity: "import", entityID: importID.uuidString,
                                              after: files.map { "\($0.name) (\($0.kind), \($0.content.count) bytes)" }.joined(separator: "; ")),
                                        by: actor, on: tx)
        }
        return record
    }

    public func indicatorValues(indicator: String? = nil) async throws -> [IndicatorValueModel] {
        var query = IndicatorValueModel.query(on: database).filter(\.$councilID == council)
        if let indicator { query = query.filter(\.$indicator == indicator) }
        return try await query.sort(\.$month).all()
    }

    /// How many imports the council has had: its indicator values change only with this.
    public func importCount() async throws -> Int {
        try await ImportModel.query(on: database).filter(\.$councilID == council).count()
    }

    public func handFigureCount() async throws -> Int {
        try await HandFigureModel.query(on: database).filter(\.$councilID == council).count()
    }

    public func handFigures() async throws -> [HandFigureModel] {
        try await HandFigureModel.query(on: database).filter(\.$councilID == council).sort(\.$month).all()
    }

    public func addHandFigure(indicator: String, measure: String? = nil, basis: String, month: String, value: Double, note: String?, by actor: Actor) async throws -> HandFigureModel {
        let figure = HandFigureModel(councilID: council, indicator: indicator, basis: basis, month: month, value: value, enteredBy: actor.name, note: note,
                                     measure: measure)
        try await database.write { tx in
            try await bumpVersion(on: tx)
            try await figure.create(on: tx)
            try await AuditTrail.append(.init(council: council, action: "figure.entered", entity: "hand_figure", entityID: figure.id?.uuidString,
                                              after: "\(measure.map { "\(indicator) (\($0))" } ?? indicator) \(basis) \(month) = \(value)"), by: actor, on: tx)
        }
        return figure
    }

    public func auditEntries(limit: Int = 200) async throws -> [AuditEventModel] {
        try await AuditEventModel.query(on: database).filter(\.$councilID == council).sort(\.$id, .descending).limit(limit).all()
    }
}

// MARK: background imports

extension CouncilScope {
    /// A running job that has said nothing for this long is taken to have lost its server.
    public static let importJobSilence: TimeInterval = 600

    /// Records an upload about to be imported; jobs of the council older than a week go.
    public func startImportJob(user: UUID, files: [String], now: Date = Date()) async throws -> UUID {
        let job = ImportJobModel(councilID: council, userID: user, files: files, now: now)
        let council = self.council
        try await database.write { tx in
            try await ImportJobModel.query(on: tx).filter(\.$councilID == council).filter(\.$startedAt < now.addingTimeInterval(-7 * 86_400)).delete()
            try await job.create(on: tx)
        }
        return try job.requireID()
    }

    /// What a running job is doing now (ignored once it has finished: a late message does not undo its outcome).
    public func setImportJobProgress(_ id: UUID, _ message: String) async throws {
        let council = self.council
        try await database.write { tx in
            try await ImportJobModel.query(on: tx).filter(\.$id == id).filter(\.$councilID == council).filter(\.$state == .running)
                .set(\.$progress, to: message).set(\.$updatedAt, to: Date()).update()
        }
    }

    public func finishImportJob(_ id: UUID, _ state: ImportJobModel.State, importID: UUID? = nil, reportJSON: String? = nil, message: String? = nil) async throws {
        let council = self.council
        try await database.write { tx in
            try await ImportJobModel.query(on: tx).filter(\.$id == id).filter(\.$councilID == council)
                .set(\.$state, to: state).set(\.$progress, to: "done").set(\.$importID, to: importID).set(\.$reportJSON, to: reportJSON)
                .set(\.$message, to: message).set(\.$updatedAt, to: Date()).update()
        }
    }

    /// The import's report, completed once its figures are known (what changed in the targets' figures).
    public func setImportReport(_ id: UUID, reportJSON: String) async throws {
        let council = self.council
        try await database.write { tx in
            try await ImportModel.query(on: tx).filter(\.$id == id).filter(\.$councilID == council).set(\.$reportJSON, to: reportJSON).update()
        }
    }

    public func importJob(id: UUID) async throws -> ImportJobModel? {
        try await ImportJobModel.query(on: database).filter(\.$id == id).filter(\.$councilID == council).first()
    }
}
