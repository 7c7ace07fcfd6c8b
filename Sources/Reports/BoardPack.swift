import Domain
import Foundation
import Indicators
import Monitoring
import Plot

/// The board pack for one meeting: everything the chair and partners need to read before it, in one document that
/// prints on A4. A pure function of the values given: the web application and `improve report` build the same pack.
public struct BoardPack: Sendable {
    public struct TargetLine: Sendable {
        public var status: TargetStatus
        public var chartSVG: String
        public init(status: TargetStatus, chartSVG: String) {
            self.status = status
            self.chartSVG = chartSVG
        }
    }

    public var councilName: String
    public var meetingNumber: Int
    public var meetingDate: CalendarDate
    public var asOf: CalendarDate
    public var targets: [TargetLine]
    public var exceptions: ExceptionReport
    public var agenda: BoardAgenda
    public var actions: [PlanAction]
    public var audits: [CaseAuditRecord]
    /// Workforce figures: indicator id, its latest value and month.
    public var workforce: [WorkforceLine]

    /// A workforce measure at its latest month.
    public struct WorkforceLine: Sendable, Equatable {
        public var indicator: IndicatorID
        public var basis: Basis
        public var month: YearMonth
        public var value: Double

        public init(indicator: IndicatorID, basis: Basis, month: YearMonth, value: Double) {
            self.indicator = indicator
            self.basis = basis
            self.month = month
            self.value = value
        }
    }
    public var calendar: [NoticeCalendar.Entry]
    public var incidents: [Incident]
    public var questions: [String]
    /// The council's commentary on its targets and the chair's answers: the exception report shows each
    /// exception's latest.
    public var commentaries: [CommentaryEntry] = []

    public init(councilName: String, meetingNumber: Int, meetingDate: CalendarDate, asOf: CalendarDate, targets: [TargetLine],
                exceptions: ExceptionReport, agenda: BoardAgenda, actions: [PlanAction], audits: [CaseAuditRecord],
                workforce: [WorkforceLine], calendar: [NoticeCalendar.Entry], incidents: [Incident],
                questions: [String]) {
        self.councilName = councilName
        self.meetingNumber = meetingNumber
        self.meetingDate = meetingDate
        self.asOf = asOf
        self.targets = targets
        self.exceptions = exceptions
        self.agenda = agenda
        self.actions = actions
        self.audits = audits
        self.workforce = workforce
        self.calendar = calendar
        self.incidents = incidents
        self.questions = questions
    }

    // MARK: the tables (each exported as CSV and XLSX)

    public var tables: [ReportTable] {
        [targetTable, actionTable, auditTable, workforceTable, calendarTable, incidentTable]
    }

    public func table(named name: String) -> ReportTable? { tables.first { $0.name == name } }

    static func figure(_ value: Double?, _ unit: TargetUnit) -> ReportTable.Cell {
        guard let value else { return .empty }
        return .figure(ShownFigure.rounded(value), shown: ShownFigure.text(value, unit: unit))
    }

    public var targetTable: ReportTable {
        ReportTable(name: "targets", caption: "Every target: where it stands and where it is heading",
                    header: ["Target", "RAG", "Latest figure", "Month", "Next milestone", "Due", "Milestone state", "Forecast at due date"],
                    rows: targets.map { line in
                        let s = line.status
                        let next = s.milestones.first { $0.state == .dueSoon || $0.state == .notYetDue } ?? s.milestones.last
                        return [.text(s.target.indicator.prefix(1).uppercased() + s.target.indicator.dropFirst()), .text(s.rag == .none ? "Grey" : s.rag.rawValue.capitalized),
                                Self.figure(s.latest?.value, s.target.unit), s.latest.map { .month($0.month) } ?? .empty,
                                Self.figure(next?.level, s.target.unit), next?.dueDate.map { .day($0) } ?? .empty,
                                next.map { .text($0.state.rawValue.replacingOccurrences(of: "_", with: " ")) } ?? .empty,
                                Self.figure(next?.forecast?.value, s.target.unit)]
                    })
    }

    public var actionTable: ReportTable {
        ReportTable(name: "plan", caption: "The Improvement Plan: every action, overdue ones first",
                    header: ["Action", "Owner", "Lead", "Due", "Status", "Overdue"],
                    rows: actions.sorted { ($0.isOverdue(on: meetingDate) ? 0 : 1, $0.dueDate) < ($1.isOverdue(on: meetingDate) ? 0 : 1, $1.dueDate) }.map { a in
                        [.text(a.title), .text(a.owner.label), .text(a.lead), .day(a.dueDate), .text(a.status.label),
                         .text(a.isOverdue(on: meetingDate) ? "yes" : "no")]
                    })
    }

    public var auditTable: ReportTable {
        let byMonth = Dictionary(grouping: audits.filter { $0.countedOn <= meetingDate }) { YearMonth($0.countedOn) }
        return ReportTable(name: "audits", caption: "Case-file audits by month",
                           header: ["Month", "Audited", "Adequate or better", "Good or better", "Inadequate", "Adequate or better (%)"],
                           rows: byMonth.keys.sorted().suffix(12).map { month in
                               let a = byMonth[month]!
                               let adequate = a.filter { $0.countedGrade.rank <= 3 }.count
                               let good = a.filter { $0.countedGrade.rank <= 2 }.count
                               return [.month(month), .number(Double(a.count)), .number(Double(adequate)), .number(Double(good)),
                                       .number(Double(a.count - adequate)), Self.figure(100 * Double(adequate) / Double(a.count), .percent)]
                           })
    }

    public var workforceTable: ReportTable {
        ReportTable(name: "workforce", caption: "Workforce", header: ["Measure", "Month", "Figure"],
                    rows: workforce.map { line in
                        let title = line.indicator.info.title + (line.basis == .rolling12Months ? " (twelve months to the month's end)" : "")
                        return [.text(title), .text(line.month.iso), .number((line.value * 10).rounded() / 10)]
                    })
    }

    public var calendarTable: ReportTable {
        let horizon = meetingDate.adding(months: 3)
        return ReportTable(name: "calendar", caption: "Deadlines and reviews: overdue, and the next three months", header: ["Date", "What", "Kind", "Overdue"],
                           rows: calendar.filter { $0.kind != .meeting && !$0.done && ($0.overdue || ($0.date.map { $0 >= meetingDate && $0 <= horizon } ?? false)) }
                               .map { [$0.date.map { .day($0) } ?? .empty, .text($0.what), .text($0.kind.rawValue.prefix(1).uppercased() + $0.kind.rawValue.dropFirst()), .text($0.overdue ? "yes" : "no")] })
    }

    public var incidentTable: ReportTable {
        ReportTable(name: "incidents", caption: "Serious incidents", header: ["Date", "Kind", "Summary"],
                    rows: incidents.sorted { $0.occurredOn > $1.occurredOn }.map { [.day($0.occurredOn), .text($0.kind.label), .text($0.summary)] })
    }

    // MARK: the document

    /// The pack as a complete HTML document, styled for the screen and for A4 paper; `exportLink` gives the address
    /// of a table's CSV or XLSX (nil: no links, as in a PDF).
    /// How the pack carries its styles: inline in a file that travels alone (the PDF, `improve report`), or linked to
    /// the site's stylesheet when the site serves it, whose Content-Security-Policy allows no inline style.
    public enum Styles: Sendable {
        case inline(String)
        case linked([String])
    }

    public func html(styles: Styles, back: String? = nil, exportLink: ((String, String) -> String)? = nil) -> String {
        let title = "Board pack: \(councilName), meeting \(meetingNumber), \(Self.date(meetingDate))"
        func tableNode(_ table: ReportTable, limit: Int? = nil) -> Node<HTML.BodyContext> {
            let shown = limit.map { Array(table.rows.prefix($0)) } ?? table.rows
            return .group(
                .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: table.caption), .attribute(named: "tabindex", value: "0"),
.table(
                    .class("govuk-table"), .id("table-\(table.name)"),
                    .caption(.class("govuk-table__caption"), .text(table.caption)),
                    .thead(.tr(.forEach(table.header) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                    .tbody(.forEach(shown) { row in .tr(.forEach(row) { .td(.text($0.shown)) }) })
                )),
                .if(table.rows.isEmpty, .p(.class("govuk-body-s"), "None.")),
                .if(shown.count < table.rows.count, .p(.class("govuk-body-s"), .text(
                    "The first \(shown.count) of \(table.rows.count) are shown; the plan's page and the export list every one."))),
                .unwrap(exportLink) { link in
                    .p(.class("govuk-body-s export-links"), .text("Export: "), .a(.href(link(table.name, "csv")), "CSV"), .text(" "),
                       .a(.href(link(table.name, "xlsx")), "XLSX"))
                }
            )
        }
        let overdue = actions.filter { $0.isOverdue(on: meetingDate) }
        let complete = actions.filter { $0.status == .complete }.count
        let document = HTML(
            .lang(.english),
            .head(
                .element(named: "meta", attributes: [.attribute(named: "charset", value: "utf-8")]),
                .element(named: "title", text: title),
                { () -> Node<HTML.HeadContext> in
                    switch styles {
                    case .inline(let stylesheet): return .element(named: "style", text: stylesheet + BoardPack.printCSS)
                    case .linked(let hrefs): return .forEach(hrefs) { .link(.rel(.stylesheet), .href($0)) }
                    }
                }()
            ),
            .body(
                .class("govuk-template__body board-pack"),
                .main(
                    .class("govuk-width-container"),
                    .p(.class("pack-marking"), "OFFICIAL-SENSITIVE"),
                    .unwrap(back) { .a(.class("govuk-back-link"), .href($0), "Back to the meeting") },
                    .section(.class("pack-cover"),
                             .p(.class("govuk-caption-l"), .text("Improvement Board, meeting \(meetingNumber)")),
                             .h1(.class("govuk-heading-xl"), .text(councilName)),
                             .p(.class("govuk-body"), .text("Meeting on \(Self.date(meetingDate)). Figures as at \(Self.date(asOf)).")),
                             .h2(.class("govuk-heading-m"), "Agenda"),
                             .ol(.class("govuk-list govuk-list--number"), .id("agenda"),
                                 .li("Welcome, apologies and declarations"),
                                 .li("Minutes and actions of the last meeting"),
                                 .forEach(agenda.items) { item in .li(.strong(.text(item.title)), .text(": \(item.detail)")) },
                                 .forEach(questions) { .li(.text("Chair's question: \($0)")) },
                                 .li("Any other business")),
                             .h2(.class("govuk-heading-m"), "Contents"),
                             .ol(.class("govuk-list govuk-list--number"), .id("contents"),
                                 .forEach(Self.sections) { section in .li(.a(.class("govuk-link"), .href("#\(section.id)"), .text(section.title))) })),
                    .section(.id("summary"), .h2(.class("govuk-heading-l"), "1. Targets"), tableNode(targetTable)),
                    .section(.id("charts"), .h2(.class("govuk-heading-l"), "2. Each target"),
                             .forEach(targets) { line in
                                 .div(.class("pack-chart"),
                                      .h3(.class("govuk-heading-s"), .text(line.status.target.indicator.prefix(1).uppercased() + line.status.target.indicator.dropFirst())),
                                      .raw(line.chartSVG),
                                      .ul(.class("govuk-list govuk-body-s"), .forEach(line.status.reasons) { .li(.text($0)) }))
                             }),
                    .section(.id("exceptions"), .h2(.class("govuk-heading-l"), "3. Exceptions"),
                             .if(exceptions.items.isEmpty, .p(.class("govuk-body"), "No target is off track.")),
                             .forEach(exceptions.items) { item in
                                 .div(.h3(.class("govuk-heading-s"), .text(item.target.indicator.prefix(1).uppercased() + item.target.indicator.dropFirst())),
                                      .p(.class("govuk-body"), .text(item.summary)),
                                      .ul(.class("govuk-list govuk-list--bullet govuk-body-s"), .forEach(item.drivers) { .li(.text($0)) }),
                                      commentaryNode(item))
                             }),
                    .section(.id("plan"), .h2(.class("govuk-heading-l"), "4. The Improvement Plan"),
                             .p(.class("govuk-body"), .text("\(actions.count) actions: \(complete) complete, \(overdue.count) overdue.")),
                             tableNode(actionTable, limit: exportLink == nil ? nil : Self.planRowsShown)),
                    .section(.id("audits"), .h2(.class("govuk-heading-l"), "5. Case-file audits"), tableNode(auditTable)),
                    .section(.id("workforce"), .h2(.class("govuk-heading-l"), "6. Workforce"), tableNode(workforceTable)),
                    .section(.id("calendar"), .h2(.class("govuk-heading-l"), "7. Deadlines and reviews"), tableNode(calendarTable)),
                    .section(.id("incidents"), .h2(.class("govuk-heading-l"), "8. Serious incidents"), tableNode(incidentTable))
                )
            )
        )
        return document.render()
    }

    /// The pack's numbered sections, in order: their anchors and titles (the contents list and the headings agree).
    public static let sections: [(id: String, title: String)] = [
        ("summary", "Targets"), ("charts", "Each target"), ("exceptions", "Exceptions"), ("plan", "The Improvement Plan"),
        ("audits", "Case-file audits"), ("workforce", "Workforce"), ("calendar", "Deadlines and reviews"), ("incidents", "Serious incidents"),
    ]

    /// On the screen the pack lists the plan's actions the board most needs to see (overdue first, then by due date)
    /// up to this many, beside links to the plan and the export, which have every one; printed, it lists them all.
    public static let planRowsShown = 40

    static func date(_ d: CalendarDate) -> String { d.inWords }

    /// The pack's own styles, scoped to it (the site serves them in its stylesheet, so they must not touch other
    /// pages): A4 pages with the protective marking at the head of each and "Page n of m" at its foot, each numbered
    /// section on a new page, charts and table rows unsplit, links printed as text.
    public static let printCSS = """
    .pack-marking{font-weight:700;font-size:16px;letter-spacing:1px;margin:15px 0;padding:5px 10px;border:2px solid #0b0c0c;display:table}
    .board-pack .pack-chart svg{max-width:100%;height:auto}
    @page{size:A4;margin:18mm 15mm 18mm;@top-center{content:"OFFICIAL-SENSITIVE";font:700 9pt Arial,sans-serif}@bottom-right{content:"Page " counter(page) " of " counter(pages);font:9pt Arial,sans-serif}}
    @media print{
    .board-pack{font-size:10.5pt}
    .board-pack .govuk-heading-xl{font-size:26pt;margin-bottom:12pt}
    .board-pack .govuk-heading-l{font-size:17pt}
    .board-pack section{break-before:page}
    .board-pack section.pack-cover{break-before:auto}
    .board-pack .pack-chart{break-inside:avoid}
    .board-pack .govuk-table tr{break-inside:avoid}
    .board-pack .govuk-table{font-size:9.5pt}
    .board-pack .export-links,.board-pack .govuk-back-link,.board-pack .pack-marking{display:none}
    .board-pack .table-scroll{overflow:visible}
    .board-pack a{color:#0b0c0c;text-decoration:none}
    }
    """
}
