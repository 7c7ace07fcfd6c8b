import CaseRecords
import Domain
import Foundation
import Indicators
import Monitoring

/// Everything the pages and the API show about one council on one date: its notice, each target's status, the
/// exceptions and the calendar. Computed from stored figures; it computes no indicator of its own.
public struct CouncilPicture: Sendable {
    public var council: CouncilModel
    public var noticeRecord: NoticeModel?
    public var notice: Notice?
    public var noticeDate: CalendarDate?
    public var asOf: CalendarDate
    public var targets: [TargetModel]
    public var statuses: [TargetStatus]
    public var library: SeriesLibrary
    public var calendar: NoticeCalendar?
    public var exceptions: ExceptionReport
    public var notes: [String]
    /// The plan, its timescale requests, the meetings, audits and incidents, as they stood with the figures.
    public var board: BoardRecords
    /// What pages draw from this picture (its charts), drawn once and kept as long as the picture is.
    public let drawings = Memo()

    /// The worst RAG among the targets, for a one-word summary.
    public var overall: RAG? { statuses.map(\.rag).max() }

    public func status(of target: TargetModel) -> TargetStatus? {
        guard let i = targets.firstIndex(where: { $0.id == target.id }), i < statuses.count else { return nil }
        return statuses[i]
    }
}

/// Text made once per key and kept: shared by every copy of the picture that owns it.
public final class Memo: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: String] = [:]

    public init() {}

    public func value(_ key: String, make: () -> String) -> String {
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

public enum CouncilFigures {
    /// The council's picture on `asOf` (the council's own date when it has one, else the date given), everything
    /// read afresh.
    /// The picture, reading again only those of `inputs` that have changed since they were read. With `records`, the
    /// exceptions say what lies behind each figure, as `improve status` does from the same files.
    static func picture(of council: CouncilModel, store: Store, today: CalendarDate, inputs: inout PictureInputs,
                        records: CaseDataCache? = nil) async throws -> CouncilPicture {
        let scope = store.scope(try council.requireID())
        let asOf = council.asOf.flatMap(CalendarDate.init(iso:)) ?? today
        try await inputs.refresh(from: scope)
        var board = try await scope.boardRecords()
        board.audits = inputs.audits
        // Audits come from the audit records (recorded here or brought by uploads), not from the stored values.
        let results = inputs.values.filter { !AuditFigures.indicators.contains($0.indicator) || inputs.audits.isEmpty }
            + inputs.auditFigures(through: asOf)
        let manual = inputs.handFigures.compactMap { figure -> ManualFigure? in
            guard let indicator = IndicatorID(rawValue: figure.indicator), let basis = Basis(rawValue: figure.basis),
                  let month = YearMonth(iso: figure.month) else { return nil }
            let at = figure.entered_at.map { CalendarDate(dayNumber: Int(($0.timeIntervalSince1970 / 86_400).rounded(.down))) } ?? asOf
            return ManualFigure(indicator: indicator, basis: basis, month: month, value: figure.value, enteredBy: figure.entered_by, enteredAt: at)
        }
        guard let record = try await scope.currentNotice(), let notice = decodeNotice(record.noticeJSON) else {
            return CouncilPicture(council: council, noticeRecord: nil, notice: nil, noticeDate: nil, asOf: asOf, targets: [], statuses: [],
                                  library: SeriesLibrary(results: results, manual: manual), calendar: nil, exceptions: ExceptionReport([]), notes: ["no notice has been loaded for this council"],
                                  board: board)
        }
        var notes: [String] = []
        var date = record.noticeDate.flatMap(CalendarDate.init(iso:)) ?? notice.noticeDate
        if date == nil, let published = notice.inspection.published {
            date = published.latestDay
            notes.append("the notice carries no date; dates relative to it are counted from the inspection report's publication (\(published.iso))")
        }
        let targets = try await scope.targets(of: record)
        var stored = notice
        stored.targets = targets.compactMap { decodeTarget($0.targetJSON) }
        let caseData = try await records?.data(for: council.requireID(), store: store, today: today)?.data
        let monitored = NoticeMonitoring.run(.init(notice: stored, noticeDate: date, asOf: asOf, results: results, manual: manual, records: caseData))
        return CouncilPicture(council: council, noticeRecord: record, notice: stored, noticeDate: date, asOf: asOf, targets: targets,
                              statuses: monitored.statuses, library: monitored.library, calendar: monitored.calendar,
                              exceptions: monitored.exceptions, notes: notes, board: board)
    }

    public static func decodeNotice(_ json: String) -> Notice? {
        try? JSONDecoder().decode(Notice.self, from: Data(json.utf8))
    }

    public static func decodeTarget(_ json: String) -> Target? {
        try? JSONDecoder().decode(Target.self, from: Data(json.utf8))
    }

    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
