import Domain
import Plot
import Storage
import Vapor

enum PlanView {
    /// A piece of evidence as the page lists it: a stored file (downloaded from the site) or a link elsewhere.
    struct Evidence: Sendable {
        var id: EvidenceID
        var name: String
        var link: String?
        var stored: Bool
        var addedBy: String

        init(_ model: ActionEvidenceModel) throws {
            id = EvidenceID(try model.requireID())
            name = model.name
            link = model.link
            stored = model.content != nil
            addedBy = model.addedBy
        }
    }

    /// Which actions the list shows, a page at a time: a plan runs to hundreds of actions over a notice's life.
    struct Listing {
        enum Show: String, CaseIterable {
            case all, open, overdue

            var label: String {
                switch self {
                case .all: "All"
                case .open: "Not complete"
                case .overdue: "Overdue"
                }
            }
        }

        static let pageSize = 50
        var show: Show = .all
        var page: Int = 1
        /// How many actions an import just brought, to say so once.
        var imported: Int?

        func link(_ plan: SiteURL, show: Show? = nil, page: Int? = nil) -> String {
            plan.with(query: ["show": (show ?? self.show).rawValue, "page": String(page ?? self.page)])
        }
    }

    static func list(_ data: BoardData, user: CurrentUser, listing: Listing = Listing()) -> HTML {
        let council = data.council
        let chosen = data.actions.filter { item in
            switch listing.show {
            case .all: true
            case .open: item.action.status != .complete
            case .overdue: item.action.isOverdue(on: data.asOf)
            }
        }
        let pages = max(1, (chosen.count + Listing.pageSize - 1) / Listing.pageSize)
        let page = min(listing.page, pages)
        let shown = chosen.dropFirst((page - 1) * Listing.pageSize).prefix(Listing.pageSize)
        let mayEdit = Access.roles(for: .editCouncil).contains(user.role)
        let pending = Set(data.requests.filter { $0.request.decision == .pending }.map(\.action))
        let measures = data.picture.notice?.measures ?? []
        let indicators = data.picture.statuses.map { ($0.target.indicatorID.rawValue, $0.target.indicator) }
        return Layout.page(title: "Improvement Plan", user: user, breadcrumbs: BoardViews.crumbs(data, user), wide: true, content: .group(
            .unwrap(listing.imported) { count in
                .div(.class("govuk-notification-banner govuk-notification-banner--success"), .attribute(named: "role", value: "alert"), .id("imported"),
                     .div(.class("govuk-notification-banner__header"), .h2(.class("govuk-heading-s"), "Imported")),
                     .div(.class("govuk-notification-banner__content"), .p(.class("govuk-body"), .text("\(count) action\(count == 1 ? " was" : "s were") imported from the spreadsheet."))))
            },
            .h1(.class("govuk-heading-l"), .text("Improvement Plan: \(data.council.name)")),
            .p(.class("govuk-body"), .text("\(data.actions.count) actions, \(data.actions.filter { $0.action.status == .complete }.count) complete, \(data.actions.filter { $0.action.isOverdue(on: data.asOf) }.count) overdue as at \(Format.date(data.asOf)).")),
            .p(.class("govuk-body"), .id("plan-filter"), .text("Show: "), .forEach(Listing.Show.allCases) { show in
                show == listing.show ? .group(.strong(.text(show.label)), .text(" ")) : .group(.a(.class("govuk-link"), .href(listing.link(council.url(.plan), show: show, page: 1)), .text(show.label)), .text(" "))
            }),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: chosen.count > shown.count
                    ? "Actions \((page - 1) * Listing.pageSize + 1) to \((page - 1) * Listing.pageSize + shown.count) of \(chosen.count)" : "Actions"), .attribute(named: "tabindex", value: "0"),
.table(
                .class("govuk-table"), .id("actions"),
                .caption(.class("govuk-table__caption"), .text(chosen.count > shown.count
                    ? "Actions \((page - 1) * Listing.pageSize + 1) to \((page - 1) * Listing.pageSize + shown.count) of \(chosen.count)" : "Actions")),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Action"), .th(.attribute(named: "scope", value: "col"), "Owner"),
                           .th(.attribute(named: "scope", value: "col"), "Due"), .th(.attribute(named: "scope", value: "col"), "Status"))),
                .tbody(.forEach(Array(shown)) { item in
                    .tr(.th(.attribute(named: "scope", value: "row"), .unwrap(item.action.reference) { .span(.class("app-reference"), .text("\($0) ")) },
                        .a(.class("govuk-link"), .href(council.url(.action(ActionID(item.id)))), .text(item.action.title))),
                        .td(.text("\(item.action.owner.label)\(item.action.lead.isEmpty ? "" : ": \(item.action.lead)")")),
                        .td(.text(Format.date(item.action.dueDate)), .if(item.action.agreedDue != nil, .text(" (revised)")),
                            .if(pending.contains(item.id), .text(" (revision asked)"))),
                        .td(item.action.isOverdue(on: data.asOf) ? Layout.tag("Overdue", colour: "red")
                            : Layout.tag(item.action.status.label, colour: item.action.status == .complete ? "green" : item.action.status == .blocked ? "amber" : "blue")))
                })
            )),
            .if(pages > 1, BoardViews.pagination(page: page, of: pages) { listing.link(council.url(.plan), page: $0) }),
            spreadsheet(council, user: user, mayEdit: mayEdit),
            .if(mayEdit, .group(
                .h2(.class("govuk-heading-m"), "Add an action"),
                .form(
                    .action(council.url(.plan)), .method(.post), Layout.csrf(user),
                    Field.text(form: "action", id: "title", name: "title", label: "What is to be done"),
                    Field.select(form: "action", id: "owner", name: "owner", label: "Owner", options: PlanAction.Owner.allCases.map { ($0.rawValue, $0.label) }),
                    Field.text(form: "action", id: "lead", name: "lead", label: "Lead (service, team or person)"),
                    Field.text(form: "action", id: "due", name: "due", label: "Due by", hint: "For example, 30 6 2011", width: "narrow"),
                    Field.select(form: "action", id: "measure", name: "measure", label: "The notice's measure it answers", options: [("", "None")] + measures.enumerated().map { (String($0.offset), "\($0.offset + 1). " + String($0.element.text.prefix(90))) }),
                    Field.select(form: "action", id: "indicator", name: "indicator", label: "The target it is meant to move", options: [("", "None")] + indicators.map { ($0.0, String($0.1.prefix(90))) }),
                    Field.text(form: "action", id: "recommendation", name: "recommendation", label: "The inspection's recommendation it answers, in its words"),
                    .button(.type(.submit), .class("govuk-button"), .id("add-action"), "Add the action")
                )
            ))
        ))
    }

    static func action(_ data: BoardData, id: UUID, action: PlanAction, evidence: [Evidence], user: CurrentUser) -> HTML {
        let council = data.council, actionID = ActionID(id)
        let mayEdit = Access.roles(for: .editCouncil).contains(user.role)
        let mayPropose = Access.roles(for: .proposeChange).contains(user.role)
        let requests = data.requests.filter { $0.action == id }
        let measure = action.measure.flatMap { i in data.picture.notice?.measures.indices.contains(i) == true ? data.picture.notice!.measures[i].text : nil }
        return Layout.page(title: action.title, user: user, breadcrumbs: BoardViews.crumbs(data, user) + [("Improvement Plan", council.url(.plan))], content: .group(
            .h1(.class("govuk-heading-l"), .text(action.title)),
            .table(.class("govuk-summary-list"), .id("action"),
                   BoardViews.row("Owner", "\(action.owner.label)\(action.lead.isEmpty ? "" : ": \(action.lead)")"),
                   BoardViews.row("Due", Format.date(action.dueDate) + (action.agreedDue != nil ? " (revised by the board; first set for \(Format.date(action.due)))" : "")),
                   BoardViews.row("Status", action.status.label + (action.isOverdue(on: data.asOf) ? " (overdue)" : "")),
                   BoardViews.row("The notice's measure", measure ?? "–"),
                   BoardViews.row("Target", action.indicator.map { id in
                       data.picture.statuses.first { $0.target.indicatorID == id }?.target.indicator.capitalizingFirst ?? id.info.title } ?? "–"),
                   BoardViews.row("Inspection recommendation", action.recommendation ?? "–")),
            .if(mayEdit, .form(
                .action(council.url(.actionStatus(actionID))), .method(.post), Layout.csrf(user),
                Field.select(form: "status", id: "status", name: "status", label: "Status", options: PlanAction.Status.allCases.map { ($0.rawValue, $0.label) }, selected: action.status.rawValue),
                .button(.type(.submit), .class("govuk-button govuk-button--secondary"), .id("set-status"), "Update the status")
            )),
            .h2(.class("govuk-heading-m"), .id("evidence"), "Evidence"),
            .ul(.class("govuk-list govuk-list--bullet"), .forEach(evidence) { item in
                .li(item.stored ? .a(.class("govuk-link"), .href(council.url(.evidence(item.id))), .text(item.name))
                    : .a(.class("govuk-link"), .href(item.link ?? "#"), .attribute(named: "rel", value: "noreferrer noopener"), .text(item.name)),
                    .text(" (added by \(item.addedBy))"))
            }),
            .if(evidence.isEmpty, .p(.class("govuk-body"), "None yet.")),
            .if(mayEdit, .form(
                .action(council.url(.actionEvidence(actionID))), .method(.post), .enctype(.multipartData), Layout.csrf(user),
                Field.text(form: "evidence", id: "evidence-name", name: "name", label: "What it is"),
                Field.text(form: "evidence", id: "evidence-link", name: "link", label: "A link (https://…)"),
                .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("evidence-file"), "Or a file"),
                     .input(.class("govuk-file-upload"), .id("evidence-file"), .name("file"), .type(.file))),
                .button(.type(.submit), .class("govuk-button govuk-button--secondary"), "Add the evidence")
            )),
            .h2(.class("govuk-heading-m"), .id("timescale"), "Revised timescales"),
            .p(.class("govuk-body"), "A new date takes effect only when the board agrees it at a meeting."),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "Requests"), .attribute(named: "tabindex", value: "0"),
.table(.class("govuk-table"), .id("requests"),
                   .caption(.class("govuk-table__caption"), "Requests"),
                   .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Date asked for"), .th(.attribute(named: "scope", value: "col"), "Why"),
                              .th(.attribute(named: "scope", value: "col"), "Asked by"), .th(.attribute(named: "scope", value: "col"), "Decision"))),
                   .tbody(.forEach(requests) { r in
                       .tr(.td(.text(Format.date(r.request.requestedDue))), .td(.text(r.request.reason)), .td(.text(r.request.requestedBy)),
                           .td(.text(r.request.decision == .pending ? "Waiting for the board"
                                     : "\(r.request.decision.rawValue.capitalizingFirst) at meeting \(r.request.meeting ?? 0) by \(r.request.decidedBy ?? "")")))
                   }))),
            .if(mayPropose && action.status != .complete, .form(
                .action(council.url(.actionTimescale(actionID))), .method(.post), Layout.csrf(user),
                Field.text(form: "timescale", id: "timescale-due", name: "due", label: "New date asked for", hint: "For example, 30 9 2011", width: "narrow"),
                Field.text(form: "timescale", id: "timescale-reason", name: "reason", label: "Why"),
                .button(.type(.submit), .class("govuk-button govuk-button--secondary"), .id("ask-timescale"), "Ask the board")
            ))
        ))
    }
}
