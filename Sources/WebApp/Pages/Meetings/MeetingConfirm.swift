import Domain
import Plot

extension MeetingView {
    /// "Check your answers" before the board agrees a revised timescale: the action, its date now and the date it
    /// would move to, and the choice to agree or go back without deciding.
    static func confirmTimescale(_ data: BoardData, meeting: MeetingNumber, request: RequestID, action: PlanAction,
                                 asked: TimescaleRequest, user: CurrentUser) -> HTML {
        let council = data.council
        let weeks = (asked.requestedDue.dayNumber - action.dueDate.dayNumber) / 7
        let shift = weeks == 0 ? "less than a week" : "\(abs(weeks)) week\(abs(weeks) == 1 ? "" : "s") \(weeks > 0 ? "later" : "earlier")"
        func row(_ key: String, _ value: String) -> Node<HTML.DescriptionListContext> {
            .div(.class("govuk-summary-list__row"), .dt(.class("govuk-summary-list__key"), .text(key)), .dd(.class("govuk-summary-list__value"), .text(value)))
        }
        return Layout.page(title: "Check the date that will move", user: user,
                           breadcrumbs: BoardViews.crumbs(data, user) + [("Meetings", council.url(.meetings)), ("Meeting \(meeting)", council.url(.meeting(meeting)))],
                           content: .group(
            .h1(.class("govuk-heading-l"), "Check the date that will move"),
            .p(.class("govuk-body"), .text("Agreeing this request moves the action's due date \(shift). The board's decision is recorded against meeting \(meeting).")),
            .dl(.class("govuk-summary-list"), .id("timescale-check"),
                row("Action", action.title),
                row("Due now", Format.date(action.dueDate)),
                row("Due if agreed", Format.date(asked.requestedDue)),
                row("Why", asked.reason),
                row("Asked for by", asked.requestedBy)),
            .form(.action(council.url(.request(meeting, request))), .method(.post), Layout.csrf(user),
                  .input(.type(.hidden), .name("decision"), .value("agreed")),
                  .input(.type(.hidden), .name("confirm"), .value("yes")),
                  .div(.class("govuk-button-group"),
                       .button(.type(.submit), .class("govuk-button"), .id("agree-move"), "Agree and move the date"),
                       .a(.class("govuk-link"), .href(council.url(.meeting(meeting)).with(fragment: "requests")), "Go back without deciding")))
        ))
    }
}
