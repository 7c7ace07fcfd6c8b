import Domain
import Monitoring
import Reports
import Spreadsheet
import Testing

/// The board pack's plan section: the actions the board most needs to see, and every action in the export.
@Suite("Board pack")
struct BoardPackTests {
    @Test("on screen the pack shows the forty most pressing of fifty actions, overdue first, and says where the rest are; printed and exported, all fifty")
    func planSectionIsBounded() throws {
        let d = { CalendarDate(iso: $0)! }
        let meeting = d("2011-07-05")
        // Fifty actions: the first twenty due after the meeting, the last thirty overdue.
        let actions = (0..<50).map { n in
            PlanAction(title: "Action \(n)", lead: "Lead", owner: .council, due: n < 20 ? d("2011-08-01").adding(days: n) : d("2011-05-01").adding(days: n))
        }
        let agenda = BoardAgenda(meetingDate: meeting, previousMeeting: nil, nextMeeting: nil, statuses: [], actions: actions, pendingRequests: [],
                                 calendar: nil, audits: [], incidents: [])
        let pack = BoardPack(councilName: "Worcestershire", meetingNumber: 8, meetingDate: meeting, asOf: meeting, targets: [],
                             exceptions: ExceptionReport([]), agenda: agenda, actions: actions, audits: [], workforce: [], calendar: [], incidents: [],
                             questions: [])
        let html = pack.html(styles: .inline("")) { table, format in "/pack/\(table).\(format)" }
        let plan = try #require(html.range(of: "id=\"table-plan\"").map { html[$0.lowerBound...] })
        let table = plan[..<plan.range(of: "</table>")!.upperBound]
        #expect(table.components(separatedBy: "<tr>").count - 2 == BoardPack.planRowsShown, "a header row and forty actions")
        #expect(html.contains("The first 40 of 50 are shown; the plan's page and the export list every one."))
        #expect(table.contains("Action 20"), "the longest overdue comes first")
        #expect(!table.contains("Action 19<"), "the latest due of those not overdue is left for the export")
        let export = try #require(pack.table(named: "plan"))
        #expect(export.rows.count == 50)
        #expect(export.csv().split(whereSeparator: \.isNewline).count == 51, "a header and fifty actions")
        #expect(html.contains("50 actions: 0 complete, 30 overdue."))
        // Printed (no links to follow), the pack lists every action.
        let printed = pack.html(styles: .inline(""))
        let printedPlan = try #require(printed.range(of: "id=\"table-plan\"").map { printed[$0.lowerBound...] })
        #expect(printedPlan[..<printedPlan.range(of: "</table>")!.upperBound].components(separatedBy: "<tr>").count - 2 == 50)
        #expect(!printed.contains("are shown;"))
    }
}
