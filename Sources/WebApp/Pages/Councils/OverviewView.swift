import Domain
import Monitoring
import Plot
import Reports
import Storage
import Vapor

/// Every council under a notice, for DfE officials watching many at once: how each stands, why in a sentence, and
/// what is overdue; sorted by concern unless asked otherwise, and filtered to the ones that need attention.
enum OverviewView {
    struct Row {
        var picture: CouncilPicture
        var incidents: [Incident]
        var counts: [RAG: Int] { Dictionary(picture.statuses.map { ($0.rag, 1) }, uniquingKeysWith: +) }
        var nextReview: NoticeCalendar.Entry? {
            picture.calendar?.entries.filter { $0.kind == .review && !$0.done && ($0.date ?? picture.asOf) >= picture.asOf }
                .min { ($0.date ?? picture.asOf) < ($1.date ?? picture.asOf) }
        }
        var overdueEntries: [NoticeCalendar.Entry] { picture.calendar?.overdue ?? [] }
        var overdue: Int { overdueEntries.count }

        /// Why the council stands where it does, in a sentence: its red targets, then the oldest thing overdue.
        var why: String {
            guard picture.notice != nil else { return "No notice has been loaded." }
            var parts: [String] = []
            let red = picture.statuses.filter { $0.rag == .red }.map { $0.target.indicator.lowercasedInitial }
            if let first = red.first {
                parts.append("Red: \(first)" + (red.count > 1 ? " and \(red.count - 1) other target\(red.count == 2 ? "" : "s")" : "") + ".")
            }
            if let oldest = overdueEntries.min(by: { ($0.date ?? .distantPast) < ($1.date ?? .distantPast) }) {
                parts.append("Overdue: \(oldest.what)" + (oldest.date.map { " since \(Format.date($0))" } ?? "") + ".")
            }
            if parts.isEmpty {
                let amber = counts[.amber] ?? 0
                parts.append(amber > 0 ? "No target red; \(amber) amber." : picture.statuses.isEmpty ? "The notice sets no numeric target." : "Every target on track.")
            }
            // Notices without numeric targets are judged at reviews and on Ofsted's visits: the latest one says much.
            if let visit = picture.board.visits.last?.visit {
                let areas = visit.priorityActions.count
                parts.append("Ofsted's latest: \(visit.name.lowercasedInitial)" + (areas == 0 ? "." : ", \(areas) area\(areas == 1 ? "" : "s") for priority action."))
            }
            return parts.joined(separator: " ")
        }
    }

    struct Listing {
        enum Sort: String, CaseIterable {
            case concern, council, review
            var label: String {
                switch self {
                case .concern: "Most concern first"
                case .council: "Council name"
                case .review: "Next review"
                }
            }
        }

        enum Show: String, CaseIterable {
            case all, red, overdue, incidents
            var label: String {
                switch self {
                case .all: "All"
                case .red: "Rated red"
                case .overdue: "With something overdue"
                case .incidents: "With serious incidents"
                }
            }
        }

        var sort: Sort = .concern
        var show: Show = .all

        func link(sort: Sort? = nil, show: Show? = nil) -> String {
            SiteURL.councils.with(query: ["sort": (sort ?? self.sort).rawValue, "show": (show ?? self.show).rawValue])
        }

        func apply(_ rows: [Row]) -> [Row] {
            let chosen = rows.filter { row in
                switch show {
                case .all: true
                case .red: row.picture.overall == .red
                case .overdue: row.overdue > 0
                case .incidents: !row.incidents.isEmpty
                }
            }
            switch sort {
            case .council:
                return chosen.sorted { $0.picture.council.name < $1.picture.council.name }
            case .review:
                return chosen.sorted { ($0.nextReview?.date ?? .distantFuture, $0.picture.council.name) < ($1.nextReview?.date ?? .distantFuture, $1.picture.council.name) }
            case .concern:
                // Red before amber before green, then more red targets, more overdue, more incidents, then by name.
                func key(_ r: Row) -> (Int, Int, Int, Int, String) {
                    (-(r.picture.overall.map { [.red: 3, .amber: 2, .green: 1][$0] ?? 0 } ?? 0), -(r.counts[.red] ?? 0), -r.overdue, -r.incidents.count,
                     r.picture.council.name)
                }
                return chosen.sorted { key($0) < key($1) }
            }
        }
    }

    static func page(rows all: [Row], listing: Listing, user: CurrentUser, unread: Int) -> HTML {
        let rows = listing.apply(all)
        return Layout.page(title: "Councils under a notice", user: user, wide: true, content: .group(
            .if(unread > 0, .div(.class("govuk-notification-banner"), .attribute(named: "role", value: "region"), .id("unread"),
                                 .attribute(named: "aria-labelledby", value: "unread-title"),
                                 .div(.class("govuk-notification-banner__header"), .h2(.class("govuk-heading-s"), .id("unread-title"), "Important")),
                                 .div(.class("govuk-notification-banner__content"),
                                      .p(.class("govuk-body"), .a(.class("govuk-link"), .href(.notifications),
                                                                  .text("\(unread) new notification\(unread == 1 ? "" : "s"): serious incidents")))))),
            .h1(.class("govuk-heading-l"), "Councils under a notice"),
            .nav(.attribute(named: "aria-label", value: "Across England"), .ul(.class("govuk-list"),
                .li(.a(.class("govuk-link"), .href(.england), "Every council in England on DfE's published figures")),
                .if(user.role == .administrator, .li(.a(.class("govuk-link"), .href(.published), "Published statistics: load and list"))))),
            .p(.class("govuk-body"), .text("\(all.count) council\(all.count == 1 ? "" : "s") under a notice"
                + (rows.count == all.count ? "" : ", \(rows.count) shown") + ". Each row says how the council stands and why, its next review and what is overdue.")),
            choices("Show", Listing.Show.allCases, chosen: listing.show, label: \.label) { listing.link(show: $0) },
            choices("Sort by", Listing.Sort.allCases, chosen: listing.sort, label: \.label) { listing.link(sort: $0) },
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "Councils and their notices"), .attribute(named: "tabindex", value: "0"),
.table(
                .class("govuk-table"), .id("councils"),
                .caption(.class("govuk-table__caption"), .text("Councils and their notices, \(listing.sort.label.lowercased())")),
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), "Council"),
                    .th(.attribute(named: "scope", value: "col"), "Overall"),
                    .th(.attribute(named: "scope", value: "col"), "Why"),
                    .th(.attribute(named: "scope", value: "col"), "Targets red / amber / green"),
                    .th(.attribute(named: "scope", value: "col"), "Notice"),
                    .th(.attribute(named: "scope", value: "col"), "Next review"),
                    .th(.attribute(named: "scope", value: "col"), "Overdue"),
                    .th(.attribute(named: "scope", value: "col"), "Serious incidents")
                )),
                .tbody(.forEach(rows) { row in
                    .tr(
                        .th(.attribute(named: "scope", value: "row"),
                            .a(.class("govuk-link"), .href(row.picture.council.url), .text(row.picture.council.name))),
                        .td(row.picture.overall.map(Format.rag) ?? .text("–")),
                        .td(.class("app-why"), .text(row.why)),
                        .td(.text("\(row.counts[.red] ?? 0) / \(row.counts[.amber] ?? 0) / \(row.counts[.green] ?? 0)")),
                        .td(.text(row.picture.noticeRecord.map { NoticeView.stateWords($0, row.picture.notice) } ?? "No notice loaded")),
                        .td(.text(row.nextReview.map { "\($0.what.capitalizingFirst), \(Format.date($0.date))" } ?? "None scheduled")),
                        .td(.text(row.overdue == 0 ? "Nothing" : "\(row.overdue) item\(row.overdue == 1 ? "" : "s")")),
                        .td(row.incidents.isEmpty ? .text("None") : .a(.class("govuk-link"), .href(row.picture.council.url(.incidents)),
                            .text("\(row.incidents.count), latest \(Format.date(row.incidents.map(\.occurredOn).max()!))")))
                    )
                })
            )),
            .if(rows.isEmpty, .p(.class("govuk-body"), .id("none-shown"), .text("No council is \(listing.show.label.lowercased()).")))
        ))
    }

    /// A row of links, the chosen one in bold: a filter or a sort order that needs no script.
    static func choices<T: Equatable>(_ heading: String, _ all: [T], chosen: T, label: KeyPath<T, String>, link: (T) -> String) -> Node<HTML.BodyContext> {
        .p(.class("govuk-body"), .id("\(heading.lowercased().replacingOccurrences(of: " ", with: "-"))-choices"), .text("\(heading): "),
           .forEach(Array(all.enumerated())) { i, option in
               .group(.if(i > 0, .text(" · ")),
                      option == chosen ? .strong(.text(option[keyPath: label])) : .a(.class("govuk-link"), .href(link(option)), .text(option[keyPath: label])))
           })
    }
}
