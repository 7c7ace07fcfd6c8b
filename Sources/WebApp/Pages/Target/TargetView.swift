import Domain
import Indicators
import Monitoring
import Plot
import Storage
import Vapor

enum TargetView {
    static func page(picture: CouncilPicture, status: TargetStatus, target: TargetID, drill: FigureRecords?, user: CurrentUser) -> HTML {
        let council = picture.council
        let bases: [Basis] = [.inMonth, .cumulativeYearToDate, .rolling12Months, .snapshot]
        let series = bases.compactMap { basis in picture.library.series(of: status.target, basis).map { (basis, $0) } }
        let months = Array(Set(series.flatMap { $0.1.points.keys })).sorted().reversed()
        let unit = status.target.unit
        let mayEdit = Access.roles(for: .editCouncil).contains(user.role)
        // What does not depend on the user or the month asked for is drawn once per picture.
        let position = picture.statuses.firstIndex { $0.target == status.target } ?? -1
        let head = picture.drawings.value("target \(position) head") { Node<HTML.BodyContext>.group(
            .span(.class("govuk-caption-l"), .text("\(picture.council.name), figures as at \(Format.date(picture.asOf))")),
            .h1(.class("govuk-heading-l"), .text(status.target.indicator.capitalizingFirst)),
            .unwrap(picture.agreedByBoard[target]) { meeting in
                .p(.class("govuk-body"), .id("board-target"), .text("The board's own target, agreed at meeting \(meeting). "),
                   .a(.class("govuk-link"), .href(council.url(.boardTargets)), "The board's targets and their history"))
            },
            .p(.class("govuk-body"), .text("Status: "), Format.rag(status.rag)),
            .ul(.class("govuk-list govuk-list--bullet"), .forEach(status.reasons) { .li(.text($0)) }),
            .div(.class("target-chart"), .raw(DashboardView.chart(status, picture: picture))),
            .h2(.class("govuk-heading-m"), "Milestones"),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: status.target.baseline?.value.map { "Baseline \(Format.figure($0, unit: unit))" + (status.target.baseline?.period.map { " (\($0))" } ?? "") } ?? "The notice gives no baseline"), .attribute(named: "tabindex", value: "0"),
.table(
                .class("govuk-table"), .id("milestones"),
                .caption(.class("govuk-table__caption"), .text(status.target.baseline?.value.map { "Baseline \(Format.figure($0, unit: unit))" + (status.target.baseline?.period.map { " (\($0))" } ?? "") } ?? "The notice gives no baseline")),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Level"), .th(.attribute(named: "scope", value: "col"), "Due"),
                           .th(.attribute(named: "scope", value: "col"), "Judged on"), .th(.attribute(named: "scope", value: "col"), "Figure"),
                           .th(.attribute(named: "scope", value: "col"), "Forecast"), .th(.attribute(named: "scope", value: "col"), "State"))),
                .tbody(.group(status.milestones.map { milestoneRow($0, unit: unit, usual: status.basis) }))
            ))
        ).render() }
        let figures = picture.drawings.value("target \(position) figures") { Node<HTML.BodyContext>.group(
            .h2(.class("govuk-heading-m"), "Figures by month"),
            .p(.class("govuk-body"), "Choose a figure to see the records behind it."),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "Numerator / denominator and figure, by month and basis"), .attribute(named: "tabindex", value: "0"),
.table(
                .class("govuk-table"), .id("figures"),
                .caption(.class("govuk-table__caption"), "Numerator / denominator and figure, by month and basis"),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Month"), .forEach(series) { basis, _ in
                    .th(.attribute(named: "scope", value: "col"), .class("numeric"), .text(Format.basis(basis).capitalizingFirst))
                })),
                .tbody(.forEach(months) { month in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text(month.label)), .forEach(series) { basis, s in
                        .td(.class("numeric"), .unwrap(s.points[month]) { point in
                            point.enteredBy == nil
                                ? .a(.class("govuk-link"), .href(council.url(.target(target)).with(query: ["month": month.iso, "basis": basis.rawValue], fragment: "records")),
                                     .attribute(named: "aria-label", value: "\(Format.basis(basis)) \(month.label): \(Format.figure(point.value, unit: unit)), see the records"),
                                     .text("\(Format.figure(point.value, unit: unit)) (\(Format.amount(point.numerator))/\(Format.amount(point.denominator)))"))
                                : .text("\(Format.figure(point.value, unit: unit)) entered by \(point.enteredBy!)")
                        })
                    })
                })
            ))
        ).render() }
        return Layout.page(title: status.target.indicator.capitalizingFirst, user: user,
                           breadcrumbs: Layout.crumbs(user, council), wide: true, content: .group(
            .raw(head),
            CommentaryView.section(picture: picture, status: status, target: target, user: user),
            .unwrap(drill) { drill in drill.section(unit: unit, council: council, target: target) },
            .if(mayEdit, .details(
                .class("govuk-details"),
                .summary("Enter a figure by hand"),
                .div(.class("govuk-details__text"),
                     .p(.class("govuk-body-s"), "For a month no loaded return covers. A figure computed from the returns is always shown instead of one entered by hand."),
                     .form(
                        .action(council.url(.targetFigures(target))), .method(.post),
                        Layout.csrf(user),
                        Field.text(form: "figure", id: "figure-month", name: "month", label: "Month", hint: "For example, June 2011 or 6 2011", width: "narrow"),
                        Field.select(form: "figure", id: "figure-basis", name: "basis", label: "Basis", options: bases.map { ($0.rawValue, Format.basis($0).capitalizingFirst) }),
                        Field.text(form: "figure", id: "figure-value", name: "value", label: "Figure", hint: "A number, like 72.5", width: "narrow"),
                        Field.text(form: "figure", id: "figure-note", name: "note", label: "Where it comes from"),
                        .button(.type(.submit), .class("govuk-button govuk-button--secondary"), "Enter the figure")
                     ))
            )),
            .raw(figures)
        ))
    }

    static func milestoneRow(_ m: MilestoneStatus, unit: TargetUnit, usual: Basis) -> Node<HTML.TableContext> {
        var figure = "–"
        if let value = m.figure {
            figure = Format.figure(value, unit: unit)
            if let period = m.figurePeriod { figure += " (\(Format.period(period)))" }
            if let who = m.enteredBy { figure += ", entered by \(who)" }
        }
        var forecast = "–"
        if let f = m.forecast {
            let low = Format.figure(f.low, unit: unit), high = Format.figure(f.high, unit: unit)
            forecast = "about \(Format.figure(f.value, unit: unit)) (likely between \(low) and \(high))"
        }
        return .tr(.td(.text(Format.figure(m.level, unit: unit))), .td(.text(Format.date(m.dueDate))), .td(.text(Format.basis(m.milestone.basis == .unspecified ? usual : m.milestone.basis).capitalizingFirst)),
                   .td(.text(figure)), .td(.text(forecast)), .td(Format.state(m.state)))
    }
}
