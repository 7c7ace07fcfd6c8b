import Domain
import Monitoring
import Plot

extension BoardPack {
    /// The month an exception's latest figure is for: the commentary is on that figure.
    func latestMonth(of target: Target) -> YearMonth? {
        targets.first { $0.status.target == target }?.status.latest?.month
    }

    /// The council's latest commentary on an exception's latest figure, with the chair's answers, or a line saying
    /// there is none.
    func commentaryNode(_ item: ExceptionReport.Item) -> Node<HTML.BodyContext> {
        guard let month = latestMonth(of: item.target) else { return .empty }
        let key = item.target.commentaryKey
        let entries = commentaries.filter { $0.target == key && $0.month == month }
        guard let latest = entries.last(where: { $0.kind == .commentary }), let c = latest.commentary else {
            return .p(.class("govuk-body pack-no-commentary"), .text("The council has written no commentary on the figure for \(month.label)."))
        }
        let answers = entries.filter { $0.kind == .response && $0.writtenAt >= latest.writtenAt }
        func row(_ key: String, _ value: String) -> Node<HTML.DescriptionListContext> {
            .div(.class("govuk-summary-list__row"), .dt(.class("govuk-summary-list__key"), .text(key)), .dd(.class("govuk-summary-list__value"), .text(value)))
        }
        return .div(.class("pack-commentary"),
                    .h4(.class("govuk-heading-s"), .text("The council's commentary on \(month.label), by \(latest.writtenBy)")),
                    .dl(.class("govuk-summary-list"),
                        row("What the figure shows", c.shows), row("Why", c.why), row("What is being done", c.actions),
                        row("By whom", c.owner), row("By when", c.due?.inWords ?? "not given")),
                    .forEach(answers) { answer in
                        .p(.class("govuk-body"), .strong(.text("The chair's answer (\(answer.writtenBy)): ")), .text(answer.response ?? ""))
                    })
    }
}
