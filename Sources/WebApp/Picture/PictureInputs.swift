import Domain
import Foundation
import Indicators
import Storage

/// What a council's picture is computed from, kept between computations and brought up to date by the council's
/// changes since: every write appends an audit-trail entry in its own transaction, numbered in commit order, naming
/// what it changed. A computation reads the entries after the last one it applied and re-reads only the rows they
/// name (an action, an audit, a hand-entered figure) or the short list they belong to (meetings, incidents, timescale
/// requests); an import reads its figures and audits afresh. So the cost of a computation follows what changed, not
/// how many actions, audits and figures the board has written over the notice's life.
struct PictureInputs: Sendable {
    /// The last change applied; nil before the first read.
    private var applied: Int?
    private(set) var values: [IndicatorResult] = []
    private(set) var audits: [(id: UUID, source: String, audit: CaseAuditRecord)] = []
    private var auditPlace: [UUID: Int] = [:]
    private(set) var handFigures: [CouncilScope.HandFigureRow] = []
    private var handSeen: Set<UUID> = []
    /// The plan, timescale requests, meetings and incidents (`audits` stays empty here: it is above).
    private(set) var board = BoardRecords()
    private var actionPlace: [UUID: Int] = [:]
    /// Counts changes to the audits, so the audit figures are recomputed only when they change.
    private var auditVersion = 0
    private var auditResultsKey = ""
    private var auditResults: [IndicatorResult] = []
    /// Reads made since the inputs were made, whole and by change (for the tests and /metrics).
    private(set) var wholeReads = 0
    private(set) var changeReads = 0

    /// Brings the inputs up to date with the council's changes.
    mutating func refresh(from scope: CouncilScope) async throws {
        guard let applied else {
            try await readAll(from: scope)
            return
        }
        let changes = try await scope.changes(after: applied)
        guard let last = changes.last else { return }
        changeReads += 1
        var whole = Set<String>()
        var auditIDs: [UUID] = [], figureIDs: [UUID] = [], actionIDs: [UUID] = []
        for change in changes {
            let id = change.entity_id.flatMap(UUID.init(uuidString:))
            switch change.entity {
            case "import": if change.action == "import.accepted" { whole.formUnion(["values", "audits"]) }
            case "case_audit": if let id { auditIDs.append(id) } else { whole.insert("audits") }
            case "hand_figure": if let id { figureIDs.append(id) } else { whole.insert("figures") }
            case "plan_action":
                if let id { actionIDs.append(id) } else { whole.insert("actions") }
                // Timescale requests are recorded against their action.
                whole.insert("requests")
            case "meeting": whole.insert("meetings")
            case "incident": whole.insert("incidents")
            case "commentary": whole.insert("commentaries")
            case "board_target": whole.formUnion(["boardTargets", "meetings"])
            case "ofsted_visit": whole.insert("visits")
            // Read with the picture itself (the notice), or not part of it.
            case "notice", "council", "user", "audit_programme", "review_report": break
            default: whole.formUnion(["values", "audits", "figures", "actions", "requests", "meetings", "incidents", "commentaries", "boardTargets", "visits"])
            }
        }
        // Rows changed after these entries may be read with them; their entries are applied next time, to the same end.
        self.applied = last.id
        if whole.contains("values") { values = try await scope.indicatorResults() }
        if whole.contains("audits") {
            setAudits(try await scope.audits())
        } else if !auditIDs.isEmpty {
            for row in try await scope.audits(ids: auditIDs) {
                if let place = auditPlace[row.id] { audits[place] = row } else {
                    auditPlace[row.id] = audits.count
                    audits.append(row)
                }
            }
            auditVersion += 1
        }
        if whole.contains("figures") {
            setFigures(try await scope.handFigureRows())
        } else if !figureIDs.isEmpty {
            for row in try await scope.handFigureRows(ids: figureIDs) where handSeen.insert(row.id).inserted { handFigures.append(row) }
        }
        if whole.contains("actions") {
            setActions(try await scope.actions())
        } else if !actionIDs.isEmpty {
            for row in try await scope.actions(ids: actionIDs) {
                if let place = actionPlace[row.id] { board.actions[place] = row } else {
                    actionPlace[row.id] = board.actions.count
                    board.actions.append(row)
                }
            }
        }
        if whole.contains("requests") { board.requests = try await scope.timescaleRequests() }
        if whole.contains("meetings") { board.meetings = try await scope.meetingRecords() }
        if whole.contains("incidents") { board.incidents = try await scope.incidents() }
        if whole.contains("commentaries") { board.commentaries = try await scope.commentaries() }
        if whole.contains("boardTargets") { board.boardTargets = try await scope.boardTargets() }
        if whole.contains("visits") { board.visits = try await scope.visits() }
    }

    private mutating func readAll(from scope: CouncilScope) async throws {
        wholeReads += 1
        // The number is read first: a change made while the rows are read is applied again next time, to the same end.
        let latest = try await scope.latestChange()
        values = try await scope.indicatorResults()
        setAudits(try await scope.audits())
        setFigures(try await scope.handFigureRows())
        board = try await scope.boardRecords()
        setActions(board.actions)
        applied = latest
    }

    private mutating func setAudits(_ rows: [(id: UUID, source: String, audit: CaseAuditRecord)]) {
        audits = rows
        auditPlace = Dictionary(rows.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        auditVersion += 1
    }

    private mutating func setFigures(_ rows: [CouncilScope.HandFigureRow]) {
        handFigures = rows
        handSeen = Set(rows.map(\.id))
    }

    private mutating func setActions(_ rows: [(id: UUID, action: PlanAction)]) {
        board.actions = rows
        actionPlace = Dictionary(rows.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The audit indicators, every month to `asOf`, from the audits as they now stand.
    mutating func auditFigures(through asOf: CalendarDate) -> [IndicatorResult] {
        let key = "\(auditVersion)@\(asOf.iso)"
        if key != auditResultsKey {
            auditResults = AuditFigures.results(audits.map(\.audit), through: asOf)
            auditResultsKey = key
        }
        return auditResults
    }
}
