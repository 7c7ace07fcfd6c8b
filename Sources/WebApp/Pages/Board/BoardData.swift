import Domain
import Foundation
import Monitoring
import Reports
import Storage

/// What the board's pages need of one council: its picture (targets, calendar) with the board's records read alongside
/// (the plan and its timescale requests, the meetings scheduled from the notice's cadence, the audits, the incidents).
struct BoardData: Sendable {
    var picture: CouncilPicture
    var council: CouncilRef { picture.council }

    var actions: [(id: UUID, action: PlanAction)] { picture.board.actions }
    var requests: [(id: UUID, action: UUID, request: TimescaleRequest)] { picture.board.requests }
    var meetings: [(number: Int, date: CalendarDate, record: MeetingRecord)] { picture.board.meetings }
    var audits: [(id: UUID, source: String, audit: CaseAuditRecord)] { picture.board.audits }
    var incidents: [(id: UUID, reportedBy: String, reportedAt: Date?, incident: Incident)] { picture.board.incidents }

    static func load(_ council: CouncilModel, store: Store, pictures: PictureCache, today: CalendarDate) async throws -> BoardData {
        var picture = try await pictures.picture(of: council, store: store, today: today)
        // The meetings the notice's cadence sets, numbered from the first; made once, then kept with what is recorded.
        let scheduled = picture.calendar?.meetings.compactMap(\.date) ?? []
        if picture.board.meetings.count < scheduled.count {
            let id = try council.requireID()
            var refused: (any Error)?
            do {
                try await store.scope(id).scheduleMeetings(scheduled, by: .system)
            } catch {
                // Another request scheduled them at the same moment (PostgreSQL's unique key on council and number
                // refused the second): what it made is what is read next.
                refused = error
            }
            picture = try await pictures.picture(of: try await store.council(id: id) ?? council, store: store, today: today)
            if let refused, picture.board.meetings.count < scheduled.count { throw refused }
        }
        return BoardData(picture: picture)
    }

    var asOf: CalendarDate { picture.asOf }

    /// The next meeting on or after the date the figures are judged on.
    var nextMeeting: Int? { meetings.first { $0.date >= asOf }?.number }

    func meeting(_ number: Int) -> (number: Int, date: CalendarDate, record: MeetingRecord)? { meetings.first { $0.number == number } }

    func agenda(for number: Int) -> BoardAgenda? {
        guard let index = meetings.firstIndex(where: { $0.number == number }) else { return nil }
        let meeting = meetings[index]
        let previous = index > 0 ? meetings[index - 1].date : nil
        let next = index + 1 < meetings.count ? meetings[index + 1].date : nil
        let byID = Dictionary(uniqueKeysWithValues: actions.map { ($0.id, $0.action) })
        let pending = requests.filter { $0.request.decision == .pending }.compactMap { r in byID[r.action].map { ($0, r.request) } }
        return BoardAgenda(meetingDate: meeting.date, previousMeeting: previous, nextMeeting: next, statuses: picture.statuses,
                           actions: actions.map(\.action), pendingRequests: pending, calendar: picture.calendar,
                           audits: audits.map(\.audit), incidents: incidents.map(\.incident), commentaries: picture.board.commentaries,
                           boardTargetProposals: picture.board.boardTargets.map(\.target), visits: picture.board.visits.map(\.visit))
    }

    /// The workforce indicators the council has figures for (§3.15, and allocation to qualified workers from §3.16), at
    /// their latest month, each on the basis it is reported on.
    var workforce: [BoardPack.WorkforceLine] {
        (IndicatorID.workforce + [.casesAllocatedToQualifiedSW]).compactMap { id in
            guard let basis = id.info.bases.first, let series = picture.library.series(id, basis), let month = series.months.last,
                  let value = series.value(at: month) else { return nil }
            return BoardPack.WorkforceLine(indicator: id, basis: basis, month: month, value: value)
        }
    }

    func pack(meeting number: Int) -> BoardPack? {
        guard let meeting = meeting(number), let agenda = agenda(for: number) else { return nil }
        let lines = picture.statuses.map { BoardPack.TargetLine(status: $0, chartSVG: DashboardView.chart($0, picture: picture)) }
        var pack = BoardPack(councilName: council.name, meetingNumber: number, meetingDate: meeting.date, asOf: asOf, targets: lines,
                             exceptions: picture.exceptions, agenda: agenda, actions: actions.map(\.action), audits: audits.map(\.audit),
                             workforce: workforce, calendar: picture.calendar?.entries ?? [], incidents: incidents.map(\.incident),
                             questions: meeting.record.questions)
        pack.commentaries = picture.board.commentaries
        return pack
    }
}
