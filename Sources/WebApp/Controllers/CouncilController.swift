import Domain
import Monitoring
import Plot
import Reports
import Storage
import Vapor

/// The start page for each role, the DfE's view of every council, and a council's dashboard.
enum CouncilController {
    @Sendable static func home(req: Request) async throws -> Response {
        let user = try req.requireUser()
        if user.role.seesEveryCouncil { return req.redirect(to: "/councils") }
        guard let council = user.council else { throw Abort(.notFound) }
        return req.redirect(to: "/councils/\(council.uuidString)")
    }

    /// Every council, with where its notice stands: for DfE officials and administrators.
    @Sendable static func overview(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        var rows: [OverviewView.Row] = []
        for council in try await req.store.councils() {
            let picture = try await req.services.pictures.picture(of: council, store: req.store, today: req.settings.today(for: council))
            rows.append(OverviewView.Row(picture: picture, incidents: picture.board.incidents.map(\.incident)))
        }
        let unread = try await req.store.notifications(for: user.id, unreadOnly: true).count
        return OverviewView.page(rows: rows, user: user, unread: unread)
    }

    @Sendable static func dashboard(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let picture = try await req.services.pictures.picture(of: council, store: req.store, today: req.settings.today(for: council))
        return DashboardView.page(picture, user: user)
    }
}

enum OverviewView {
    struct Row {
        var picture: CouncilPicture
        var incidents: [Incident]
        var counts: [RAG: Int] { Dictionary(picture.statuses.map { ($0.rag, 1) }, uniquingKeysWith: +) }
        var nextReview: NoticeCalendar.Entry? {
            picture.calendar?.entries.filter { $0.kind == .review && !$0.done && ($0.date ?? picture.asOf) >= picture.asOf }
                .min { ($0.date ?? picture.asOf) < ($1.date ?? picture.asOf) }
        }
        var overdue: Int { picture.calendar?.overdue.count ?? 0 }
    }

    static func page(rows: [Row], user: CurrentUser, unread: Int) -> HTML {
        Layout.page(title: "Councils under a notice", user: user, wide: true, content: .group(
            .if(unread > 0, .div(.class("govuk-notification-banner"), .attribute(named: "role", value: "region"), .id("unread"),
                                 .div(.class("govuk-notification-banner__header"), .h2(.class("govuk-heading-s"), "Important")),
                                 .div(.class("govuk-notification-banner__content"),
                                      .p(.class("govuk-body"), .a(.class("govuk-link"), .href("/notifications"),
                                                                  .text("\(unread) new notification\(unread == 1 ? "" : "s"): serious incidents")))))),
            .h1(.class("govuk-heading-l"), "Councils under a notice"),
            .p(.class("govuk-body"), .text("\(rows.count) council\(rows.count == 1 ? "" : "s"). Each row shows the notice's state, how its targets stand, its next review and what is overdue.")),
            .table(
                .class("govuk-table"), .id("councils"),
                .caption(.class("govuk-table__caption"), "Councils and their notices"),
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), "Council"),
                    .th(.attribute(named: "scope", value: "col"), "Notice"),
                    .th(.attribute(named: "scope", value: "col"), "Overall"),
                    .th(.attribute(named: "scope", value: "col"), "Targets red / amber / green"),
                    .th(.attribute(named: "scope", value: "col"), "Next review"),
                    .th(.attribute(named: "scope", value: "col"), "Overdue"),
                    .th(.attribute(named: "scope", value: "col"), "Serious incidents")
                )),
                .tbody(.forEach(rows) { row in
                    .tr(
                        .th(.attribute(named: "scope", value: "row"),
                            .a(.class("govuk-link"), .href("/councils/\(row.picture.council.id?.uuidString ?? "")"), .text(row.picture.council.name))),
                        .td(.text(row.picture.noticeRecord.map { NoticeView.stateWords($0, row.picture.notice) } ?? "No notice loaded")),
                        .td(row.picture.overall.map(Format.rag) ?? .text("–")),
                        .td(.text("\(row.counts[.red] ?? 0) / \(row.counts[.amber] ?? 0) / \(row.counts[.green] ?? 0)")),
                        .td(.text(row.nextReview.map { "\($0.what), \(Format.date($0.date))" } ?? "none scheduled")),
                        .td(.text(row.overdue == 0 ? "nothing" : "\(row.overdue) item\(row.overdue == 1 ? "" : "s")")),
                        .td(row.incidents.isEmpty ? .text("none") : .a(.class("govuk-link"), .href("/councils/\(row.picture.council.id?.uuidString ?? "")/incidents"),
                            .text("\(row.incidents.count), latest \(row.incidents.map(\.occurredOn).max()!.iso)")))
                    )
                })
            )
        ))
    }
}

enum DashboardView {
    static func page(_ picture: CouncilPicture, user: CurrentUser) -> HTML {
        let id = picture.council.id?.uuidString ?? ""
        let base = "/councils/\(id)"
        let mayEdit = Access.roles(for: .editCouncil).contains(user.role)
        // The page's body depends on the picture and on whether the user may edit: drawn once for each.
        let body = picture.drawings.value("dashboard \(mayEdit)") { content(picture, base: base, mayEdit: mayEdit).render() }
        return Layout.page(title: picture.council.name, user: user, breadcrumbs: user.role.seesEveryCouncil ? [("Councils", "/councils")] : [], wide: true,
                           content: .raw(body))
    }

    static func content(_ picture: CouncilPicture, base: String, mayEdit: Bool) -> Node<HTML.BodyContext> {
        .group(
            .span(.class("govuk-caption-l"), .text("Figures as at \(Format.date(picture.asOf))")),
            .h1(.class("govuk-heading-l"), .text(picture.council.name)),
            .nav(.attribute(named: "aria-label", value: "Council pages"), .ul(.class("govuk-list"),
                .li(.a(.class("govuk-link"), .href("\(base)/notice"), "The notice, its fields and calendar")),
                .li(.a(.class("govuk-link"), .href("\(base)/data-quality"), "Data quality of the loaded returns")),
                .li(.a(.class("govuk-link"), .href("\(base)/plan"), "Improvement Plan")),
                .li(.a(.class("govuk-link"), .href("\(base)/meetings"), "Board meetings, agendas and board packs")),
                .li(.a(.class("govuk-link"), .href("\(base)/audits"), "Case-file audits")),
                .li(.a(.class("govuk-link"), .href("\(base)/reviews"), "Reviews and reports")),
                .li(.a(.class("govuk-link"), .href("\(base)/incidents"), "Serious incidents")),
                .if(mayEdit, .li(.a(.class("govuk-link"), .href("\(base)/uploads"), "Upload returns"))),
                .if(mayEdit, .li(.a(.class("govuk-link"), .href("\(base)/notices/new"), "Load a notice")))
            )),
            .forEach(picture.notes) { .div(.class("govuk-inset-text"), .text($0)) },
            .if(picture.statuses.isEmpty && picture.notice != nil, .p(.class("govuk-body"), "The notice sets no numeric targets.")),
            .if(!picture.statuses.isEmpty, .group(
                .h2(.class("govuk-heading-m"), "Targets"),
                .table(
                    .class("govuk-table"), .id("targets"),
                    .caption(.class("govuk-table__caption"), "Each target of the notice"),
                    .thead(.tr(
                        .th(.attribute(named: "scope", value: "col"), "Target"),
                        .th(.attribute(named: "scope", value: "col"), "Latest"),
                        .th(.attribute(named: "scope", value: "col"), "Next milestone"),
                        .th(.attribute(named: "scope", value: "col"), "Status")
                    )),
                    .tbody(.forEach(Array(zip(picture.targets, picture.statuses))) { target, status in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"),
                                .a(.class("govuk-link"), .href("\(base)/targets/\(target.id?.uuidString ?? "")"), .text(status.target.indicator.capitalizingFirst))),
                            .td(.text(status.latest.map { "\(Format.figure($0.value, unit: status.target.unit)) (\($0.month.label))" } ?? "no figures")),
                            .td(.text(nextMilestone(status))),
                            .td(Format.rag(status.rag))
                        )
                    })
                ),
                .h2(.class("govuk-heading-m"), "Progress"),
                .div(.class("app-card-grid"), .forEach(Array(zip(picture.targets, picture.statuses))) { target, status in
                    .div(.class("app-card target-chart"),
                         .h3(.class("govuk-heading-s"), .a(.class("govuk-link"), .href("\(base)/targets/\(target.id?.uuidString ?? "")"), .text(status.target.indicator.capitalizingFirst))),
                         .raw(chart(status, picture: picture, width: 560, height: 260)),
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

    static func chart(_ status: TargetStatus, picture: CouncilPicture, width: Int = 640, height: Int = 280) -> String {
        let position = picture.statuses.firstIndex { $0.target == status.target } ?? -1
        return picture.drawings.value("chart \(position) \(width)x\(height)") {
            let indicator = status.target.indicatorID
            let monthly = picture.library.series(indicator, .inMonth) ?? picture.library.series(for: indicator, basis: status.basis)
            let ytd = picture.library.series(indicator, .cumulativeYearToDate)
            return TargetChart(status: status, monthly: monthly, yearToDate: ytd, title: status.target.indicator.capitalizingFirst, width: width, height: height).svg()
        }
    }
}

enum CalendarView {
    static func table(_ calendar: NoticeCalendar, asOf: CalendarDate, upcomingOnly: Bool) -> Node<HTML.BodyContext> {
        let horizon = asOf.adding(months: 3)
        let entries = calendar.entries.filter { entry in
            guard upcomingOnly else { return true }
            if entry.overdue { return true }
            guard let date = entry.date else { return false }
            return date >= asOf && date <= horizon
        }
        return .table(
            .class("govuk-table"), .id("calendar"),
            .caption(.class("govuk-table__caption"), .text(upcomingOnly ? "Overdue, and due in the next three months" : "The notice's calendar")),
            .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Date"), .th(.attribute(named: "scope", value: "col"), "What"),
                       .th(.attribute(named: "scope", value: "col"), "Kind"), .th(.attribute(named: "scope", value: "col"), "State"))),
            .tbody(.forEach(entries) { entry in
                .tr(.td(.text(Format.date(entry.date))), .td(.text(entry.what)), .td(.text(entry.kind.rawValue.capitalizingFirst)),
                    .td(entry.overdue ? Layout.tag("Overdue", colour: "red") : entry.done ? Layout.tag("Done", colour: "green") : .text("")))
            })
        )
    }
}
