import Domain
import Foundation

/// The board's records of one council as its pages show them, read with the rest of its picture so that every page
/// drawn from one picture agrees with every other.
public struct BoardRecords: Sendable {
    public var actions: [(id: UUID, action: PlanAction)] = []
    public var requests: [(id: UUID, action: UUID, request: TimescaleRequest)] = []
    public var meetings: [(number: Int, date: CalendarDate, record: MeetingRecord)] = []
    public var audits: [(id: UUID, source: String, audit: CaseAuditRecord)] = []
    public var incidents: [(id: UUID, reportedBy: String, reportedAt: Date?, incident: Incident)] = []
    /// The council's commentary on its targets and the chair's answers, oldest first.
    public var commentaries: [CommentaryEntry] = []
    /// The board's own targets, every version, oldest first.
    public var boardTargets: [(id: UUID, proposedAt: Date?, target: BoardTarget)] = []
    /// Ofsted's visits, earliest first (their letters are read only when asked for).
    public var visits: [(id: UUID, recordedBy: String, letterName: String?, visit: OfstedVisit)] = []

    public init() {}
}
