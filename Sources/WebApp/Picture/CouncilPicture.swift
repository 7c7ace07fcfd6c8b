import Domain
import Foundation
import Indicators
import Monitoring
import Storage

/// A council as pages name and link it.
struct CouncilRef: Sendable, Hashable {
    var id: CouncilID
    /// The id the store knows it by.
    var key: UUID
    var name: String
    /// The council's LA code: in file names and the API, never on a page.
    var laCode: String

    init(_ model: CouncilModel) throws {
        key = try model.requireID()
        id = CouncilID(key)
        name = model.name
        laCode = model.laCode
    }

    var url: SiteURL { .council(id, .dashboard) }
    func url(_ page: CouncilPage) -> SiteURL { .council(id, page) }
}

/// The stored notice behind a picture: which version it is, and whether its reading has been confirmed.
struct NoticeRef: Sendable, Hashable {
    var id: NoticeID
    var key: UUID
    /// "draft" or "confirmed".
    var state: String
    var confirmed: Bool { state == "confirmed" }

    init(_ model: NoticeModel) throws {
        key = try model.requireID()
        id = NoticeID(key)
        state = model.state
    }
}

/// Everything the pages and the API show about one council on one date: its notice, each target's status, the
/// exceptions and the calendar. Computed from stored figures; it computes no indicator of its own.
struct CouncilPicture: Sendable {
    var council: CouncilRef
    var noticeRecord: NoticeRef?
    var notice: Notice?
    var noticeDate: CalendarDate?
    var asOf: CalendarDate
    /// The stored targets' ids, one for each status.
    var targets: [TargetID]
    var statuses: [TargetStatus]
    var library: SeriesLibrary
    var calendar: NoticeCalendar?
    var exceptions: ExceptionReport
    var notes: [String]
    /// The plan, its timescale requests, the meetings, audits and incidents, as they stood with the figures.
    var board: BoardRecords
    /// The board's own targets among `targets`, with the meeting that agreed each.
    var agreedByBoard: [TargetID: Int] = [:]
    /// The published England, regional and neighbours' figures for the targets' indicators (charts draw them).
    var comparators: ComparatorLevels = .none
    /// What pages draw from this picture (its charts), drawn once and kept as long as the picture is.
    let drawings = Memo()

    /// The worst RAG among the targets, for a one-word summary.
    var overall: RAG? { statuses.map(\.rag).max() }

    func status(of target: TargetID) -> TargetStatus? {
        guard let i = targets.firstIndex(of: target), i < statuses.count else { return nil }
        return statuses[i]
    }

    /// Each target's id beside its status.
    var rows: [(id: TargetID, status: TargetStatus)] { zip(targets, statuses).map { ($0, $1) } }
}

/// Text made once per key and kept: shared by every copy of the picture that owns it.
final class Memo: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: String] = [:]

    init() {}

    func value(_ key: String, make: () -> String) -> String {
        lock.lock()
        if let hit = values[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let made = make()
        lock.lock()
        values[key] = made
        lock.unlock()
        return made
    }
}

