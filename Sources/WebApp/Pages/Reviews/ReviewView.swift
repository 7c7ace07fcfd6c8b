import Domain
import Monitoring
import Plot
import Reports
import Storage
import Vapor

enum ReviewView {
    /// A review or report as its pages show it.
    struct Report: Sendable {
        var id: ReviewID
        var kind: String
        var title: String
        var text: String
        var submitted: Bool
        var writtenBy: String
        /// DfE's decision, for a review of progress that has one.
        var outcome: ReviewOutcome?

        init(_ model: ReviewReportModel) throws {
            id = ReviewID(try model.requireID())
            kind = model.kind
            title = model.title
            text = model.text
            submitted = model.status == "submitted"
            writtenBy = model.writtenBy
            outcome = model.outcome.flatMap { try? JSONDecoder().decode(ReviewOutcome.self, from: Data($0.utf8)) }
        }

        /// A chair's assessment is read and written under /assessments, everything else under /reviews.
        func url(_ council: CouncilRef) -> SiteURL {
            council.url(kind == "chair_assessment" ? .assessment(id) : .review(id))
        }
    }

    static func list(_ data: BoardData, schedule: [ReviewController.Due], reports: [Report], user: CurrentUser) -> HTML {
        let council = data.council
        let written = Dictionary(reports.map { ("\($0.kind)|\($0.title)", $0) }, uniquingKeysWith: { a, _ in a })
        return Layout.page(title: "Reviews and reports", user: user, breadcrumbs: BoardViews.crumbs(data, user), content: .group(
            .h1(.class("govuk-heading-l"), .text("Reviews and reports: \(data.council.name)")),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "Due under the notice"), .attribute(named: "tabindex", value: "0"),
.table(.class("govuk-table"), .id("reviews"),
                   .caption(.class("govuk-table__caption"), "Due under the notice"),
                   .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Due"), .th(.attribute(named: "scope", value: "col"), "What"),
                              .th(.attribute(named: "scope", value: "col"), "State"))),
                   .tbody(.forEach(schedule) { due in
                       let report = written["\(due.kind)|\(due.title)"]
                       // Past its date and not submitted: overdue, whether or not a draft was started.
                       let overdue = report?.submitted != true && (due.date.map { $0 < data.asOf } ?? false)
                       return .tr(.td(.text(Format.date(due.date))), .td(.text(due.title)),
                                  .td(.if(overdue, .group(Layout.tag("Overdue", colour: "red"), .text(" "))),
                                      .unwrap(report) { r in
                                      .a(.class("govuk-link"), .href(council.url(.review(r.id))),
                                         .text(r.submitted ? "Submitted" : "Draft"))
                                  }, .if(report == nil && ReviewController.mayWrite(due.kind, user.role), .form(
                                      .action(council.url(due.kind == "chair_assessment" ? .assessments : .reviews)), .method(.post), Layout.csrf(user),
                                      .input(.type(.hidden), .name("kind"), .value(due.kind)), .input(.type(.hidden), .name("title"), .value(due.title)),
                                      .button(.type(.submit), .class("govuk-button govuk-button--small govuk-button--secondary"), "Draft it"))),
                                  .if(report == nil && !ReviewController.mayWrite(due.kind, user.role), .text("Not started"))))
                   })))
        ))
    }

    static func report(_ data: BoardData, report: Report, user: CurrentUser) -> HTML {
        let council = data.council
        let mayWrite = ReviewController.mayWrite(report.kind, user.role) && !report.submitted
        return Layout.page(title: report.title, user: user, breadcrumbs: BoardViews.crumbs(data, user) + [("Reviews and reports", council.url(.reviews))], content: .group(
            .span(.class("govuk-caption-l"), .text(report.submitted ? "Submitted" : "Draft, by \(report.writtenBy)")),
            .h1(.class("govuk-heading-l"), .text(report.title)),
            .if(!mayWrite, .div(.class("notice-text"), .id("report-text"), .text(report.text))),
            .if(mayWrite, .form(.action(report.url(council)), .method(.post), Layout.csrf(user),
                                Field.textarea(form: "review", id: "text", name: "text", label: "Text", value: report.text, rows: 30),
                                .button(.type(.submit), .class("govuk-button govuk-button--secondary"), .name("submit"), .value("no"), "Save the draft"),
                                .button(.type(.submit), .class("govuk-button"), .name("submit"), .value("yes"), .id("submit-report"), "Submit it"))),
            .if(report.kind == "notice_review", outcome(report, council: council, user: user))
        ))
    }

    /// DfE's decision at a review of progress: shown once made; before that, the form for DfE to record it.
    static func outcome(_ report: Report, council: CouncilRef, user: CurrentUser) -> Node<HTML.BodyContext> {
        let mayDecide = Access.roles(for: .intervene).contains(user.role)
        return .group(
            .h2(.class("govuk-heading-m"), .id("outcome"), "DfE's decision"),
            .unwrap(report.outcome) { o in
                .dl(.class("govuk-summary-list"), .id("outcome-record"),
                    .div(.class("govuk-summary-list__row"), .dt(.class("govuk-summary-list__key"), "Decision"), .dd(.class("govuk-summary-list__value"), .text(o.decision.label))),
                    .div(.class("govuk-summary-list__row"), .dt(.class("govuk-summary-list__key"), "Decided on"), .dd(.class("govuk-summary-list__value"), .text(Format.date(o.decidedOn)))),
                    .div(.class("govuk-summary-list__row"), .dt(.class("govuk-summary-list__key"), "Why"), .dd(.class("govuk-summary-list__value"), .text(o.reason))),
                    .div(.class("govuk-summary-list__row"), .dt(.class("govuk-summary-list__key"), "Recorded by"), .dd(.class("govuk-summary-list__value"), .text(o.decidedBy))))
            },
            .if(report.outcome == nil && !mayDecide, .p(.class("govuk-body"), "Not yet recorded.")),
            .if(report.outcome == nil && mayDecide, .form(.action(council.url(.reviewOutcome(report.id))), .method(.post), Layout.csrf(user),
                Field.select(form: "outcome", id: "decision", name: "decision", label: "Decision",
                             options: [("", "Choose")] + ReviewOutcome.Decision.allCases.map { ($0.rawValue, $0.label) }),
                Field.text(form: "outcome", id: "decidedOn", name: "decidedOn", label: "Decided on", hint: "For example, 30 6 2011", width: "narrow"),
                Field.textarea(form: "outcome", id: "outcome-reason", name: "reason", label: "Why", rows: 3),
                .button(.type(.submit), .class("govuk-button"), .id("record-outcome"), "Record the decision"))))
    }
}
