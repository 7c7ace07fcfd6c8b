import Domain
import Monitoring
import Plot
import Reports
import Storage
import Vapor

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
                                      .p(.class("govuk-body"), .a(.class("govuk-link"), .href(.notifications),
                                                                  .text("\(unread) new notification\(unread == 1 ? "" : "s"): serious incidents")))))),
            .h1(.class("govuk-heading-l"), "Councils under a notice"),
            .nav(.attribute(named: "aria-label", value: "Across England"), .ul(.class("govuk-list"),
                .li(.a(.class("govuk-link"), .href(.england), "Every council in England on DfE's published figures")),
                .if(user.role == .administrator, .li(.a(.class("govuk-link"), .href(.published), "Published statistics: load and list"))))),
            .p(.class("govuk-body"), .text("\(rows.count) council\(rows.count == 1 ? "" : "s"). Each row shows the notice's state, how its targets stand, its next review and what is overdue.")),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "Councils and their notices"), .attribute(named: "tabindex", value: "0"),
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
                            .a(.class("govuk-link"), .href(row.picture.council.url), .text(row.picture.council.name))),
                        .td(.text(row.picture.noticeRecord.map { NoticeView.stateWords($0, row.picture.notice) } ?? "No notice loaded")),
                        .td(row.picture.overall.map(Format.rag) ?? .text("–")),
                        .td(.text("\(row.counts[.red] ?? 0) / \(row.counts[.amber] ?? 0) / \(row.counts[.green] ?? 0)")),
                        .td(.text(row.nextReview.map { "\($0.what), \(Format.date($0.date))" } ?? "none scheduled")),
                        .td(.text(row.overdue == 0 ? "nothing" : "\(row.overdue) item\(row.overdue == 1 ? "" : "s")")),
                        .td(row.incidents.isEmpty ? .text("none") : .a(.class("govuk-link"), .href(row.picture.council.url(.incidents)),
                            .text("\(row.incidents.count), latest \(row.incidents.map(\.occurredOn).max()!.iso)")))
                    )
                })
            ))
        ))
    }
}
