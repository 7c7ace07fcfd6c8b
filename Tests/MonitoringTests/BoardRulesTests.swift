import Domain
import Foundation
import Indicators
import Monitoring
import NoticeReader
import Testing

/// The board's rules, as pure values: a revised timescale changes nothing until the board agrees it at a meeting,
/// and the agenda holds exactly what monitoring flags.
@Suite("Board rules")
struct BoardRulesTests {
    func d(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test("a revised timescale takes effect only when the board agrees it, at a meeting, once")
    func revisedTimescaleRule() throws {
        let action = PlanAction(title: "Thresholds agreed with partners", lead: "LSCB", owner: .safeguardingPartnership, due: d("2011-03-31"))
        let request = TimescaleRequest(requestedDue: d("2011-06-30"), reason: "the police sign-off moved", requestedBy: "police@partner.example")
        // Asked, not decided: applying it is refused and the action keeps its date.
        #expect(throws: TimescaleRequest.Refusal.notAgreed) { try request.apply(to: action) }
        #expect(action.dueDate == d("2011-03-31"))
        #expect(action.isOverdue(on: d("2011-04-01")))
        // A decision needs a meeting.
        #expect(throws: TimescaleRequest.Refusal.noMeeting) { try request.decided(.agreed, by: "chair", atMeeting: nil) }
        // Refused at a meeting: still nothing changes.
        let refused = try request.decided(.refused, by: "chair", atMeeting: 5)
        #expect(throws: TimescaleRequest.Refusal.notAgreed) { try refused.apply(to: action) }
        #expect(throws: TimescaleRequest.Refusal.alreadyDecided) { try refused.decided(.agreed, by: "chair", atMeeting: 6) }
        // Agreed at a meeting: the date moves, the first date is kept, and the action is no longer overdue.
        let agreed = try request.decided(.agreed, by: "chair", atMeeting: 5)
        let moved = try agreed.apply(to: action)
        #expect(moved.dueDate == d("2011-06-30"))
        #expect(moved.due == d("2011-03-31"))
        #expect(!moved.isOverdue(on: d("2011-04-01")))
        #expect(agreed.decidedBy == "chair" && agreed.meeting == 5)
    }

    @Test("the agenda holds exactly the items monitoring flags: off-track targets, overdue actions, requests, deadlines and reviews, new audits, incidents")
    func agendaIsWhatMonitoringFlags() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("NoticeReaderTests/Fixtures/notices/worcestershire-2010.txt")
        let notice = try NoticeReader.read(bytes: [UInt8](Data(contentsOf: url))).notice
        let asOf = d("2011-07-05")
        // Initial assessments: June 2011 missed (65% against 70%); core assessments: no figures (no rating).
        let results = [("2011-04", 63.0), ("2011-05", 64.0), ("2011-06", 65.0)].map { month, value in
            IndicatorResult(indicator: .initialAssessmentTimeliness, basis: .inMonth, period: .of(.inMonth, month: YearMonth(iso: month)!),
                            numerator: value * 10, denominator: 1000)
        }
        let statuses = TargetMonitor(notice: notice, noticeDate: d("2010-11-30"), asOf: asOf, library: SeriesLibrary(results: results)).statuses()
        let flagged = statuses.filter { $0.rag == .red || $0.rag == .amber || $0.offTrajectorySince != nil }
        let calendar = NoticeCalendar(notice: notice, noticeDate: d("2010-11-30"), asOf: asOf)
        let overdueAction = PlanAction(title: "Induction programme", lead: "Workforce", owner: .council, due: d("2011-06-01"))
        let doneAction = PlanAction(title: "Thresholds", lead: "LSCB", owner: .safeguardingPartnership, due: d("2011-05-01"), status: .complete)
        let futureAction = PlanAction(title: "Supervision policy", lead: "Principal social worker", owner: .council, due: d("2011-09-01"))
        let request = TimescaleRequest(requestedDue: d("2011-09-30"), reason: "training dates", requestedBy: "officer")
        let audits = [
            CaseAuditRecord(caseReference: "A1", auditedOn: d("2011-06-10"), auditor: "x", grade: .inadequate, themes: ["drift"]),
            CaseAuditRecord(caseReference: "A2", auditedOn: d("2011-06-20"), auditor: "x", grade: .good, themes: ["drift"]),
            CaseAuditRecord(caseReference: "A3", auditedOn: d("2011-05-01"), auditor: "x", grade: .good),  // before the last meeting
        ]
        let incidents = [Incident(kind: .seriousHarm, occurredOn: d("2011-06-15"), summary: "a child seriously injured at home"),
                         Incident(kind: .other, occurredOn: d("2011-05-01"), summary: "earlier, already discussed")]
        let agenda = BoardAgenda(meetingDate: asOf, previousMeeting: d("2011-06-07"), nextMeeting: d("2011-08-02"), statuses: statuses,
                                 actions: [overdueAction, doneAction, futureAction], pendingRequests: [(futureAction, request)], calendar: calendar,
                                 audits: audits, incidents: incidents)
        // Written from the notice's words, not the agenda's filters. Of its five targets only initial assessments have
        // figures, and they missed June's 70% (65%): the one target off track.
        #expect(agenda.items.filter { $0.kind == .targetOffTrack }.map(\.title) == ["Initial assessments for children's social care carried out within timescale"])
        #expect(flagged.map(\.target.indicatorID) == [.initialAssessmentTimeliness])
        #expect(agenda.items.filter { $0.kind == .overdueAction }.map(\.title) == ["Induction programme"])
        #expect(agenda.items.filter { $0.kind == .timescaleRequest }.map(\.title) == ["Supervision policy"])
        // "A review of progress will take place in June 2011 and a final review at the end of January 2012": June's
        // has passed with no record of it by 5 July; January's is after the next meeting. The notice sets no deadline.
        #expect(agenda.items.filter { $0.kind == .deadline || $0.kind == .review }.map(\.title) == ["review of progress"])
        #expect(agenda.items.filter { $0.kind == .review }.map(\.title).contains("review of progress"), "June's review of progress is overdue")
        #expect(agenda.items.filter { $0.kind == .auditFindings }.map(\.detail) == ["2 audited, 1 adequate or better, 1 inadequate; themes: drift (2)"])
        #expect(agenda.items.filter { $0.kind == .incident }.map(\.detail) == ["15 June 2011: a child seriously injured at home"])
        // Nothing else: one target, one overdue action, one request, one review, the audits and one incident.
        #expect(agenda.items.count == 6)
    }

    @Test("an agenda names the ten longest-overdue actions and counts the rest in one item")
    func agendaNamesTenOverdueActions() {
        let d = { CalendarDate(iso: $0)! }
        let meeting = d("2011-07-05")
        // Twenty-five overdue actions due on successive days from 1 May, and one complete.
        let overdue = (0..<25).map { n in
            PlanAction(title: "Action \(n)", lead: "Lead", owner: .council, due: d("2011-05-01").adding(days: 24 - n))
        }
        let done = PlanAction(title: "Done", lead: "Lead", owner: .council, due: d("2011-04-01"), status: .complete)
        let agenda = BoardAgenda(meetingDate: meeting, previousMeeting: nil, nextMeeting: nil, statuses: [], actions: overdue + [done],
                                 pendingRequests: [], calendar: nil, audits: [], incidents: [])
        let items = agenda.items.filter { $0.kind == .overdueAction }
        #expect(items.count == BoardAgenda.overdueShown + 1)
        #expect(items.prefix(10).map(\.title) == (15..<25).reversed().map { "Action \($0)" }, "the longest overdue first")
        #expect(items.last?.title == "15 more overdue actions")
        #expect(items.last?.detail == "due between 11 May 2011 and 25 May 2011: see the Improvement Plan")
    }
}
