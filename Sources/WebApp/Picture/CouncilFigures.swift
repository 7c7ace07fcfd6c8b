import CaseRecords
import Domain
import Foundation
import Storage
import Indicators
import Monitoring

enum CouncilFigures {
    /// The council's picture on `asOf` (the council's own date when it has one, else the date given), reading again
    /// only those of `inputs` that have changed since they were read. With `records`, the exceptions say what lies
    /// behind each figure, as `improve status` does from the same files.
    static func picture(of council: CouncilModel, store: Store, today: CalendarDate, inputs: inout PictureInputs,
                        records: CaseDataCache? = nil, comparators: ComparatorLevels = .none) async throws -> CouncilPicture {
        let scope = store.scope(try council.requireID())
        let asOf = council.asOf.flatMap(CalendarDate.init(iso:)) ?? today
        try await inputs.refresh(from: scope)
        var board = inputs.board
        board.audits = inputs.audits
        // Audits come from the audit records (recorded here or brought by uploads), not from the stored values.
        let results = inputs.values.filter { !AuditFigures.indicators.contains($0.indicator) || inputs.audits.isEmpty }
            + inputs.auditFigures(through: asOf)
        let manual = inputs.handFigures.compactMap { figure -> ManualFigure? in
            guard let indicator = IndicatorID(rawValue: figure.indicator), let basis = Basis(rawValue: figure.basis),
                  let month = YearMonth(iso: figure.month) else { return nil }
            let at = figure.entered_at.map { CalendarDate(dayNumber: Int(($0.timeIntervalSince1970 / 86_400).rounded(.down))) } ?? asOf
            return ManualFigure(indicator: indicator, basis: basis, month: month, value: figure.value, enteredBy: figure.entered_by, enteredAt: at,
                                measure: figure.measure)
        }
        guard let record = try await scope.currentNotice(), let notice = StoredJSON.decodeNotice(record.noticeJSON) else {
            return CouncilPicture(council: try CouncilRef(council), noticeRecord: nil, notice: nil, noticeDate: nil, asOf: asOf, targets: [], statuses: [],
                                  library: SeriesLibrary(results: results, manual: manual), calendar: nil, exceptions: ExceptionReport([]), notes: ["no notice has been loaded for this council"],
                                  board: board)
        }
        var notes: [String] = []
        var date = notice.noticeDate ?? record.noticeDate.flatMap(CalendarDate.init(iso:))
        if date == nil, let published = notice.inspection.published {
            date = published.latestDay
            notes.append("the notice carries no date; dates relative to it are counted from the inspection report's publication (\(published.inWords))")
        }
        // A stored target that no longer reads is left out with its id, so ids and statuses stay side by side.
        let targets = try await scope.targets(of: record)
        var stored = notice
        // The board's targets in force are tracked, rated and forecast beside the notice's, through the same road.
        let boardTargets = board.boardTargets.filter(\.target.isInForce)
        stored.targets = targets.map(\.target) + boardTargets.map(\.target.target)
        let caseData = try await records?.data(for: council.requireID(), store: store, today: today)?.data
        var input = NoticeMonitoring.Input(notice: stored, noticeDate: date, asOf: asOf, results: results, manual: manual, records: caseData,
                                           comparators: comparators)
        input.meetingsHeld = Set(board.meetings.filter(\.record.held).map(\.number))
        input.visits = board.visits.map(\.visit)
        let monitored = NoticeMonitoring.run(input)
        var picture = CouncilPicture(council: try CouncilRef(council), noticeRecord: try NoticeRef(record), notice: stored, noticeDate: date, asOf: asOf,
                                     targets: targets.map { TargetID($0.id) } + boardTargets.map { TargetID($0.id) },
                                     statuses: monitored.statuses, library: monitored.library, calendar: monitored.calendar,
                                     exceptions: monitored.exceptions, notes: notes, board: board)
        picture.comparators = comparators
        picture.agreedByBoard = Dictionary(boardTargets.compactMap { row in row.target.meeting.map { (TargetID(row.id), $0) } }, uniquingKeysWith: { a, _ in a })
        return picture
    }
}
