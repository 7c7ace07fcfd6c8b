import Domain
import Monitoring
import Foundation
import PlanSheet
import Storage
import Vapor

/// The demonstration's board work, as a council a year into its notice would have it: the Improvement Plan brought
/// from its spreadsheet, a target the board set itself and agreed at a meeting, and the council's commentary on its
/// red target with the chair's answer. Made through the same code the pages use.
extension DemoSeed {
    /// The plan as the council keeps it in its spreadsheet (the columns of docs/plan-import.md).
    static let planCSV = """
    Reference,Action,Owner,Lead,Due,Status,Measure,Recommendation,Target,Completed
    1.1,Agree the threshold document with the Local Safeguarding Children Board and publish it to partners,The council,Head of Safeguarding,31/03/2011,Complete,3,,,28/03/2011
    1.2,Train every front-door social worker and partner referrer on the new thresholds,Safeguarding partnership,LSCB Business Manager,30/06/2011,Complete,3,,,24/06/2011
    2.1,Daily tracking of every initial assessment due within seven working days with the team managers,The council,"Service Manager, Assessment",30/04/2011,Complete,4,Ensure that initial assessments are completed within timescales,initial_assessment_timeliness,15/04/2011
    2.2,Recruit two more assessment team managers so that each manager oversees no more than eight workers,The council,Head of Children's Social Care,31/08/2011,In progress,4,,core_assessment_timeliness,
    2.3,Audit twenty section 47 enquiries a quarter with police and health and report the findings to the board,Police,"Detective Inspector, Public Protection Unit",30/09/2011,In progress,4,Ensure that child protection enquiries are thorough and multi-agency,,
    3.1,Publish the performance management and quality assurance framework with monthly case-file audits,The council,Head of Quality Assurance,31/05/2011,Complete,5,,case_audit_adequate_or_better,20/05/2011
    3.2,Hold monthly supervision for every child protection social worker and record it on the case file,The council,Principal Social Worker,31/07/2011,In progress,6,Ensure that supervision is regular and recorded,,
    4.1,Allocate every child protection case to a qualified social worker within one working day of the conference,The council,"Service Manager, Child Protection",30/09/2011,In progress,7,,cases_allocated_to_qualified_sw,
    4.2,Review every child protection plan open for more than fifteen months with the conference chair,The council,Conference and Review Manager,31/10/2011,Not started,7,,,
    5.1,Run a rolling recruitment campaign for experienced social workers with a market supplement,The council,Head of Human Resources,31/12/2011,In progress,8,,sw_vacancy_rate,
    5.2,Health visitors and school nurses attend or report to every initial child protection conference,Health,Designated Nurse for Safeguarding,30/11/2011,In progress,2,,,
    6.1,Induction and a protected caseload for every newly qualified social worker in their first year,The council,Workforce Development Manager,31/01/2012,Not started,9,,,
    """

    static func seedBoardWork(_ app: Application, council: CouncilModel, log: (String) -> Void) async throws {
        let store = Store(app.storeDatabase)
        let scope = store.scope(try council.requireID())
        let today = CalendarDate(iso: asOf)!
        let officer = Actor(Account.of(.councilOfficer).email), chair = Actor(Account.of(.independentChair).email)
        var data = try await BoardData.load(council, store: store, pictures: app.services.pictures, today: today)

        log("importing the Improvement Plan from its spreadsheet")
        let rows = try PlanSheet.read(bytes: Array(planCSV.utf8), fileName: "improvement-plan.csv", measureCount: data.picture.notice?.measures.count)
        _ = try await scope.createActions(rows.map { row in var action = row.action; action.reference = row.reference; return action }, by: officer)

        // The board's own target: re-referrals, set by the board at its last meeting before the figures' date.
        if let meeting = data.meetings.last(where: { $0.date <= today })?.number {
            log("the board's own target, agreed at meeting \(meeting)")
            let indicator = IndicatorID.reReferral12m
            let target = Target(indicator: "Re-referrals within 12 months of a previous referral", indicatorID: indicator, unit: indicator.info.unit,
                                direction: indicator.betterWhen ?? .decrease, baseline: Baseline(value: 28, period: "2011-03"),
                                milestones: [Milestone(value: 22, due: .day(CalendarDate(iso: "2012-01-31")!), basis: .rolling12Months, words: "22% by 31 January 2012")])
            let id = try await scope.proposeBoardTarget(BoardTarget(target: target, proposedBy: officer.name,
                                                                    reason: "Repeat referrals show children going round the system; the partners asked to track them."),
                                                        by: officer)
            try await scope.decideBoardTarget(id, agreed: true, atMeeting: meeting, by: chair)

            // And one on a measure no return holds, counted by hand from the case-file audits each month.
            log("the board's own measure counted by hand, with its monthly figures")
            let seenAlone = Target(indicator: "Children seen alone at their last visit", indicatorID: .other, unit: .percent, direction: .increase,
                                   baseline: Baseline(value: 45, period: "2011-03"),
                                   milestones: [Milestone(value: 75, due: .day(CalendarDate(iso: "2012-03-31")!), basis: .inMonth, words: "75% by 31 March 2012")])
            let measure = try await scope.proposeBoardTarget(BoardTarget(target: seenAlone, proposedBy: officer.name,
                                                                         reason: "The inspection found children's own views missing from their plans; the board asked to see that children are seen alone."),
                                                             by: officer)
            try await scope.decideBoardTarget(measure, agreed: true, atMeeting: meeting, by: chair)
            for (month, value) in [("2011-04", 47.0), ("2011-05", 51), ("2011-06", 50), ("2011-07", 56), ("2011-08", 58), ("2011-09", 61)] {
                _ = try await scope.addHandFigure(indicator: IndicatorID.other.rawValue, measure: seenAlone.handMeasure, basis: Basis.inMonth.rawValue, month: month,
                                                  value: value, note: "Monthly case-file audit", by: officer)
            }
        }

        log("Ofsted's monitoring visit")
        let visit = OfstedVisit(kind: .monitoring, visitedOn: CalendarDate(iso: "2011-09-14")!, publishedOn: CalendarDate(iso: "2011-09-30")!,
                                theme: "Child protection: allocation, visits and plans",
                                findings: "Most children on child protection plans are now seen within timescales, and plans are clearer.\nToo many cases still wait for allocation to a qualified social worker after the initial conference.",
                                priorityActions: ["Allocate every child protection case to a qualified social worker at the initial conference",
                                                  "Make sure core groups meet within ten working days of the conference"])
        _ = try await scope.recordVisit(visit, letterName: nil, letter: nil, by: officer)
        _ = try await scope.createAction(PlanAction(title: visit.priorityActions[0], lead: "Service Manager, Child Protection", owner: .council,
                                                    recommendation: visit.planWords(0), due: CalendarDate(iso: "2011-12-31")!), by: officer)

        log("the improvement adviser's first note")
        _ = try await scope.writeAdviceNote(kind: "advice", title: "The front door, after six weeks",
                                            text: "Referrals are now screened within a day, but the threshold document is not yet used by schools.\nI advise a short guide for designated safeguarding leads before the December meeting.",
                                            by: Actor(Account.of(.improvementAdviser).email))

        // The council's commentary on its red target's latest figure, and the chair's answer.
        data = try await BoardData.load(try await store.council(id: council.requireID()) ?? council, store: store, pictures: app.services.pictures, today: today)
        if let red = data.picture.statuses.first(where: { $0.rag == .red }), let month = red.latest?.month {
            log("commentary on \(red.target.indicator)")
            let key = red.target.commentaryKey
            try await scope.writeCommentary(target: key, month: month, Commentary(
                shows: "The figure has stayed below the level all year and fell in \(month.label).",
                why: "Agency social workers left the child protection teams in the summer, and their cases waited for reallocation.",
                actions: "Cases are reallocated at a daily meeting; two permanent posts were filled in October and three more are advertised.",
                owner: "Service Manager, Child Protection", due: CalendarDate(iso: "2011-12-31")), by: officer)
            try await scope.answerCommentary(target: key, month: month,
                                             "Bring the weekly allocation figures to the next meeting, with the recruitment plan.", by: chair)
        }
    }
}
