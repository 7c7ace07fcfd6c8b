import Domain
import Monitoring
import Plot
import Reports
import Storage
import Vapor

enum DashboardView {
    static func page(_ picture: CouncilPicture, user: CurrentUser) -> HTML {
        let mayEdit = Access.roles(for: .editCouncil).contains(user.role)
        // The page's body depends on the picture and on whether the user may edit: drawn once for each.
        let body = picture.drawings.value("dashboard \(mayEdit)") { content(picture, mayEdit: mayEdit).render() }
        return Layout.page(title: picture.council.name, user: user, breadcrumbs: user.role.seesEveryCouncil ? [("Councils", .councils)] : [], wide: true,
                           content: .raw(body))
    }

    static func content(_ picture: CouncilPicture, mayEdit: Bool) -> Node<HTML.BodyContext> {
        let council = picture.council
        return .group(
            .span(.class("govuk-caption-l"), .text("Figures as at \(Format.date(picture.asOf))"
                + (FigureChange.runsTo(picture).map { "; the latest month with figures is \($0.label)" } ?? ""))),
            .h1(.class("govuk-heading-l"), .text(picture.council.name)),
            .nav(.attribute(named: "aria-label", value: "Council pages"), .ul(.class("govuk-list"),
                .li(.a(.class("govuk-link"), .href(council.url(.notice)), "The notice, its fields and calendar")),
                .li(.a(.class("govuk-link"), .href(council.url(.dataQuality)), "Data quality of the loaded returns")),
                .li(.a(.class("govuk-link"), .href(council.url(.compare)), "How the council compares with England and similar councils")),
                .li(.a(.class("govuk-link"), .href(council.url(.plan)), "Improvement Plan")),
                .li(.a(.class("govuk-link"), .href(council.url(.boardTargets)), "The board's own targets")),
                .li(.a(.class("govuk-link"), .href(council.url(.meetings)), "Board meetings, agendas and board packs")),
                .li(.a(.class("govuk-link"), .href(council.url(.audits)), "Case-file audits")),
                .li(.a(.class("govuk-link"), .href(council.url(.reviews)), "Reviews and reports")),
                .li(.a(.class("govuk-link"), .href(council.url(.incidents)), "Serious incidents")),
                .li(.a(.class("govuk-link"), .href(council.url(.visits)), "Ofsted's visits")),
                .li(.a(.class("govuk-link"), .href(council.url(.advice)), "The improvement adviser's notes")),
                .if(mayEdit, .li(.a(.class("govuk-link"), .href(council.url(.uploads)), "Upload returns"))),
                .if(mayEdit, .li(.a(.class("govuk-link"), .href(council.url(.newNotice)), "Load a notice")))
            )),
            .forEach(picture.notes) { .div(.class("govuk-inset-text"), .text($0.capitalizingFirst + ($0.hasSuffix(".") ? "" : "."))) },
            .if(picture.statuses.isEmpty && picture.notice != nil, .p(.class("govuk-body"), "The notice sets no numeric targets.")),
            .if(!picture.statuses.isEmpty, .group(
                .h2(.class("govuk-heading-m"), "Targets"),
                .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "Each target of the notice"), .attribute(named: "tabindex", value: "0"),
.table(
                    .class("govuk-table"), .id("targets"),
                    .caption(.class("govuk-table__caption"), .text(picture.agreedByBoard.isEmpty ? "Each target of the notice" : "Each target of the notice and of the board")),
                    .thead(.tr(
                        .th(.attribute(named: "scope", value: "col"), "Target"),
                        .th(.attribute(named: "scope", value: "col"), "Latest"),
                        .th(.attribute(named: "scope", value: "col"), "Next milestone"),
                        .th(.attribute(named: "scope", value: "col"), "Status")
                    )),
                    .tbody(.forEach(picture.rows) { target, status in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"),
                                .a(.class("govuk-link"), .href(council.url(.target(target))), .text(status.target.indicator.capitalizingFirst)),
                                .unwrap(picture.agreedByBoard[target]) { .span(.class("govuk-body-s app-board-target"), .text(" The board's target, agreed at meeting \($0).")) }),
                            .td(.text(status.latest.map { "\(Format.figure($0.value, unit: status.target.unit)) (\($0.month.label))" } ?? "no figures")),
                            .td(.text(nextMilestone(status))),
                            .td(Format.rag(status.rag))
                        )
                    })
                )),
                .h2(.class("govuk-heading-m"), "Progress"),
                .div(.class("app-card-grid"), .forEach(picture.rows) { target, status in
                    .div(.class("app-card target-chart"),
                         .h3(.class("govuk-heading-s"), .a(.class("govuk-link"), .href(council.url(.target(target))), .text(status.target.indicator.capitalizingFirst))),
                         .p(.class("app-card__figure"), Format.rag(status.rag), .text(" "),
                            .unwrap(status.latest) { latest in
                                .group(.strong(.class("app-card__value"), .text(Format.figure(latest.value, unit: status.target.unit))),
                                       .text(" in \(latest.month.label)"),
                                       .unwrap(movement(status, picture: picture)) { move in
                                           .span(.class("app-move app-move--\(move.better ? "better" : move.worse ? "worse" : "same")"),
                                                 .span(.attribute(named: "aria-hidden", value: "true"), .text(" \(move.arrow) ")), .text(move.words))
                                       })
                            }),
                         .raw(chart(status, picture: picture, card: true)),
                         .ul(.class("govuk-list govuk-list--bullet govuk-body-s"), .forEach(status.reasons) { .li(.text($0)) }))
                })
            )),
            .if(!picture.exceptions.items.isEmpty, .group(
                .h2(.class("govuk-heading-m"), "Exceptions for the board"),
                .ul(.class("govuk-list govuk-list--bullet"), .forEach(picture.exceptions.items) { item in
                    .li(.strong(.text(item.target.indicator.capitalizingFirst + ": ")), .text(item.summary))
                })
            )),
            .unwrap(picture.calendar) { calendar in
                .group(
                    .h2(.class("govuk-heading-m"), "Coming up and overdue"),
                    CalendarView.table(calendar, asOf: picture.asOf, upcomingOnly: true)
                )
            }
        )
    }

    static func nextMilestone(_ status: TargetStatus) -> String {
        guard let next = status.milestones.first(where: { $0.state == .dueSoon || $0.state == .notYetDue }) ?? status.milestones.last else { return "none" }
        return "\(Format.figure(next.level, unit: status.target.unit)) by \(Format.date(next.dueDate))"
    }

    /// The month-on-month change of the figure the target is judged on, and whether it is the way the target wants.
    static func movement(_ status: TargetStatus, picture: CouncilPicture) -> (arrow: String, words: String, better: Bool, worse: Bool)? {
        guard let latest = status.latest, let series = picture.library.series(for: status.target, basis: status.basis) else { return nil }
        let before = latest.month.adding(months: -1)
        guard let previous = series.value(at: before) else { return nil }
        let unit = status.target.unit
        // Compared as shown, so "no change" is what the two figures on the page say.
        let change = ShownFigure.rounded(latest.value) - ShownFigure.rounded(previous)
        let size = unit == .percent ? "\(Format.amount(abs(change))) point\(abs(change) == 1 ? "" : "s")" : Format.figure(abs(change), unit: unit)
        if change == 0 { return ("→", "no change on \(before.label)", false, false) }
        let up = change > 0
        // A target held at a level is neither helped nor hurt by a small move either way.
        let better = status.target.direction != .maintain && up == (status.target.direction == .increase)
        let worse = status.target.direction != .maintain && !better
        return (up ? "↑" : "↓", "\(up ? "up" : "down") \(size) on \(before.label)", better, worse)
    }

    /// England's and the statistical neighbours' latest published figures for the target's indicator, where DfE
    /// publishes one, for the chart to draw beside the council's own.
    static func comparators(_ status: TargetStatus, picture: CouncilPicture) -> [ChartComparator] {
        let indicator = status.target.indicatorID
        let levels = picture.comparators.levels[indicator] ?? [:]
        // The latest year published by the date the figures stand at: a 2011 chart is not compared with 2025.
        guard let current = picture.comparators.year(of: indicator, covering: picture.asOf) else { return [] }
        return [(Comparator.england, "England"), (.neighbours, "Similar councils")].compactMap { comparator, name in
            guard let latest = levels[comparator]?.filter({ $0.key <= current }).max(by: { $0.key < $1.key })?.value else { return nil }
            return ChartComparator(label: "\(name) \(latest.yearLabel)", value: latest.value)
        }
    }

    static func chart(_ status: TargetStatus, picture: CouncilPicture, card: Bool = false) -> String {
        let position = picture.statuses.firstIndex { $0.target == status.target } ?? -1
        return picture.drawings.value("chart \(position) \(card)") {
            let target = status.target
            let monthly = picture.library.series(of: target, .inMonth) ?? picture.library.series(for: target, basis: status.basis)
            let ytd = picture.library.series(of: target, .cumulativeYearToDate)
            return TargetChart(status: status, monthly: monthly, yearToDate: ytd, title: status.target.indicator.capitalizingFirst,
                               size: card ? .card : .full, comparators: comparators(status, picture: picture)).svg()
        }
    }
}
