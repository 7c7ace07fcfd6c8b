import Domain
import Plot
import Storage
import Vapor

/// The Improvement Plan: its actions, their evidence, and requests to revise their timescales.
enum PlanController {
    @Sendable static func list(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let data = try await BoardData.load(council, store: req.store, pictures: req.services.pictures, today: req.settings.today(for: council))
        let listing = PlanView.Listing(show: req.query[String.self, at: "show"].flatMap(PlanView.Listing.Show.init) ?? .all,
                                       page: max(1, req.query[Int.self, at: "page"] ?? 1))
        return PlanView.list(data, user: user, error: nil, listing: listing)
    }

    struct ActionForm: Content {
        var title: String?
        var lead: String?
        var owner: String?
        var due: String?
        var measure: String?
        var indicator: String?
        var recommendation: String?
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let form = try req.content.decode(ActionForm.self)
        let title = (form.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var problem: String?
        if title.isEmpty { problem = "Enter what is to be done" }
        let due = CalendarDate(iso: (form.due ?? "").trimmingCharacters(in: .whitespaces))
        if problem == nil, due == nil { problem = "Enter the due date as 2011-06-30" }
        guard let due, problem == nil, let owner = PlanAction.Owner(rawValue: form.owner ?? "council") else {
            let data = try await BoardData.load(council, store: req.store, pictures: req.services.pictures, today: req.settings.today(for: council))
            let response = try await PlanView.list(data, user: user, error: problem ?? "Choose who owns the action").encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
        let action = PlanAction(title: title, lead: (form.lead ?? "").trimmingCharacters(in: .whitespaces), owner: owner,
                                measure: form.measure.flatMap { Int($0) }, recommendation: form.recommendation.flatMap { $0.isEmpty ? nil : $0 },
                                indicator: form.indicator.flatMap(IndicatorID.init(rawValue:)), due: due)
        let id = try await req.store.scope(council.requireID()).createAction(action, by: user.actor)
        return req.redirect(to: "/councils/\(try council.requireID())/plan/\(id)")
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let scope = req.store.scope(try council.requireID())
        let id = try req.uuidParameter("action")
        guard let action = try await scope.action(id: id) else { throw Abort(.notFound) }
        let data = try await BoardData.load(council, store: req.store, pictures: req.services.pictures, today: req.settings.today(for: council))
        return PlanView.action(data, id: id, action: action, evidence: try await scope.evidence(for: id), user: user)
    }

    struct StatusForm: Content { var status: String }

    @Sendable static func setStatus(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let id = try req.uuidParameter("action")
        guard let status = PlanAction.Status(rawValue: try req.content.decode(StatusForm.self).status) else { throw Abort(.unprocessableEntity, reason: "Choose a status.") }
        let today = req.settings.today(for: council)
        do {
            try await req.store.scope(council.requireID()).updateAction(id: id, { action in
                action.status = status
                action.completedOn = status == .complete ? today : nil
            }, by: user.actor)
        } catch StorageError.notFound { throw Abort(.notFound) }
        return req.redirect(to: "/councils/\(try council.requireID())/plan/\(id)")
    }

    struct EvidenceForm: Content {
        var name: String?
        var link: String?
        var file: File?
    }

    @Sendable static func addEvidence(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let id = try req.uuidParameter("action")
        let form = try req.content.decode(EvidenceForm.self)
        let link = form.link?.trimmingCharacters(in: .whitespaces)
        let file = form.file.flatMap { $0.data.readableBytes > 0 ? $0 : nil }
        guard (link?.isEmpty == false) || file != nil else { throw Abort(.unprocessableEntity, reason: "Give a link or choose a file.") }
        if let link, !link.isEmpty, !(link.hasPrefix("https://") || link.hasPrefix("http://")) {
            throw Abort(.unprocessableEntity, reason: "A link starts with https://.")
        }
        let name = (form.name?.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : $0 } ?? file?.filename ?? link ?? "evidence"
        do {
            try await req.store.scope(council.requireID()).addEvidence(to: id, name: name, link: link?.isEmpty == false ? link : nil,
                                                                       content: file.map { Data($0.data.readableBytesView) }, by: user.actor)
        } catch StorageError.notFound { throw Abort(.notFound) }
        return req.redirect(to: "/councils/\(try council.requireID())/plan/\(id)#evidence")
    }

    @Sendable static func downloadEvidence(req: Request) async throws -> Response {
        let council = try await req.pathCouncil()
        guard let evidence = try await req.store.scope(council.requireID()).evidence(id: try req.uuidParameter("evidence")), let content = evidence.content else {
            throw Abort(.notFound)
        }
        var headers = HTTPHeaders()
        headers.contentType = .binary
        let safe = evidence.name.filter { $0.isLetter || $0.isNumber || ".-_ ".contains($0) }
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(safe.isEmpty ? "evidence" : safe)\"")
        return Response(status: .ok, headers: headers, body: .init(data: content))
    }

    struct TimescaleForm: Content {
        var due: String?
        var reason: String?
    }

    @Sendable static func requestTimescale(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let id = try req.uuidParameter("action")
        let form = try req.content.decode(TimescaleForm.self)
        guard let due = CalendarDate(iso: (form.due ?? "").trimmingCharacters(in: .whitespaces)) else {
            throw Abort(.unprocessableEntity, reason: "Enter the date asked for as 2011-09-30.")
        }
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw Abort(.unprocessableEntity, reason: "Say why the date should move.") }
        do {
            _ = try await req.store.scope(council.requireID()).requestTimescale(for: id, TimescaleRequest(requestedDue: due, reason: reason, requestedBy: user.email),
                                                                                by: user.actor)
        } catch StorageError.notFound { throw Abort(.notFound) }
        return req.redirect(to: "/councils/\(try council.requireID())/plan/\(id)#timescale")
    }
}

enum PlanView {
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

        func query(show: Show? = nil, page: Int? = nil) -> String {
            "?show=\((show ?? self.show).rawValue)&page=\(page ?? self.page)"
        }
    }

    static func list(_ data: BoardData, user: CurrentUser, error: String?, listing: Listing = Listing()) -> HTML {
        let base = "/councils/\(data.council.id?.uuidString ?? "")"
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
            BoardViews.error(error, field: "title"),
            .h1(.class("govuk-heading-l"), .text("Improvement Plan: \(data.council.name)")),
            .p(.class("govuk-body"), .text("\(data.actions.count) actions, \(data.actions.filter { $0.action.status == .complete }.count) complete, \(data.actions.filter { $0.action.isOverdue(on: data.asOf) }.count) overdue as at \(Format.date(data.asOf)).")),
            .p(.class("govuk-body"), .id("plan-filter"), .text("Show: "), .forEach(Listing.Show.allCases) { show in
                show == listing.show ? .group(.strong(.text(show.label)), .text(" ")) : .group(.a(.class("govuk-link"), .href("\(base)/plan\(listing.query(show: show, page: 1))"), .text(show.label)), .text(" "))
            }),
            .table(
                .class("govuk-table"), .id("actions"),
                .caption(.class("govuk-table__caption"), .text(chosen.count > shown.count
                    ? "Actions \((page - 1) * Listing.pageSize + 1) to \((page - 1) * Listing.pageSize + shown.count) of \(chosen.count)" : "Actions")),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Action"), .th(.attribute(named: "scope", value: "col"), "Owner"),
                           .th(.attribute(named: "scope", value: "col"), "Due"), .th(.attribute(named: "scope", value: "col"), "Status"))),
                .tbody(.forEach(Array(shown)) { item in
                    .tr(.th(.attribute(named: "scope", value: "row"), .a(.class("govuk-link"), .href("\(base)/plan/\(item.id)"), .text(item.action.title))),
                        .td(.text("\(item.action.owner.label)\(item.action.lead.isEmpty ? "" : ": \(item.action.lead)")")),
                        .td(.text(Format.date(item.action.dueDate)), .if(item.action.agreedDue != nil, .text(" (revised)")),
                            .if(pending.contains(item.id), .text(" (revision asked)"))),
                        .td(item.action.isOverdue(on: data.asOf) ? Layout.tag("Overdue", colour: "red")
                            : Layout.tag(item.action.status.label, colour: item.action.status == .complete ? "green" : item.action.status == .blocked ? "amber" : "blue")))
                })
            ),
            .if(pages > 1, BoardViews.pagination(page: page, of: pages) { "\(base)/plan\(listing.query(page: $0))" }),
            .if(mayEdit, .group(
                .h2(.class("govuk-heading-m"), "Add an action"),
                .form(
                    .action("\(base)/plan"), .method(.post), Layout.csrf(user),
                    .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("title"), "What is to be done"),
                         .input(.class("govuk-input"), .id("title"), .name("title"), .type(.text))),
                    .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("owner"), "Owner"),
                         Layout.select(id: "owner", name: "owner", options: PlanAction.Owner.allCases.map { ($0.rawValue, $0.label) })),
                    .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("lead"), "Lead (service, team or person)"),
                         .input(.class("govuk-input"), .id("lead"), .name("lead"), .type(.text))),
                    .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("due"), "Due (2011-06-30)"),
                         .input(.class("govuk-input govuk-input--narrow"), .id("due"), .name("due"), .type(.text))),
                    .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("measure"), "The notice's measure it answers"),
                         Layout.select(id: "measure", name: "measure", options: [("", "None")] + measures.enumerated().map { (String($0.offset), "\($0.offset + 1). " + String($0.element.text.prefix(90))) })),
                    .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("indicator"), "The target it is meant to move"),
                         Layout.select(id: "indicator", name: "indicator", options: [("", "None")] + indicators.map { ($0.0, String($0.1.prefix(90))) })),
                    .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("recommendation"), "The inspection's recommendation it answers, in its words"),
                         .input(.class("govuk-input"), .id("recommendation"), .name("recommendation"), .type(.text))),
                    .button(.type(.submit), .class("govuk-button"), .id("add-action"), "Add the action")
                )
            ))
        ))
    }

    static func action(_ data: BoardData, id: UUID, action: PlanAction, evidence: [ActionEvidenceModel], user: CurrentUser) -> HTML {
        let base = "/councils/\(data.council.id?.uuidString ?? "")"
        let path = "\(base)/plan/\(id)"
        let mayEdit = Access.roles(for: .editCouncil).contains(user.role)
        let mayPropose = Access.roles(for: .proposeChange).contains(user.role)
        let requests = data.requests.filter { $0.action == id }
        let measure = action.measure.flatMap { i in data.picture.notice?.measures.indices.contains(i) == true ? data.picture.notice!.measures[i].text : nil }
        return Layout.page(title: action.title, user: user, breadcrumbs: BoardViews.crumbs(data, user) + [("Improvement Plan", "\(base)/plan")], content: .group(
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
                .action("\(path)/status"), .method(.post), Layout.csrf(user),
                .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("status"), "Status"),
                     Layout.select(id: "status", name: "status", options: PlanAction.Status.allCases.map { ($0.rawValue, $0.label) }, selected: action.status.rawValue)),
                .button(.type(.submit), .class("govuk-button govuk-button--secondary"), .id("set-status"), "Update the status")
            )),
            .h2(.class("govuk-heading-m"), .id("evidence"), "Evidence"),
            .ul(.class("govuk-list govuk-list--bullet"), .forEach(evidence) { item in
                .li(item.content != nil ? .a(.class("govuk-link"), .href("\(base)/evidence/\(item.id?.uuidString ?? "")"), .text(item.name))
                    : .a(.class("govuk-link"), .href(item.link ?? "#"), .attribute(named: "rel", value: "noreferrer noopener"), .text(item.name)),
                    .text(" (added by \(item.addedBy))"))
            }),
            .if(evidence.isEmpty, .p(.class("govuk-body"), "None yet.")),
            .if(mayEdit, .form(
                .action("\(path)/evidence"), .method(.post), .enctype(.multipartData), Layout.csrf(user),
                .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("evidence-name"), "What it is"),
                     .input(.class("govuk-input"), .id("evidence-name"), .name("name"), .type(.text))),
                .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("evidence-link"), "A link (https://…)"),
                     .input(.class("govuk-input"), .id("evidence-link"), .name("link"), .type(.text))),
                .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("evidence-file"), "Or a file"),
                     .input(.class("govuk-file-upload"), .id("evidence-file"), .name("file"), .type(.file))),
                .button(.type(.submit), .class("govuk-button govuk-button--secondary"), "Add the evidence")
            )),
            .h2(.class("govuk-heading-m"), .id("timescale"), "Revised timescales"),
            .p(.class("govuk-body"), "A new date takes effect only when the board agrees it at a meeting."),
            .table(.class("govuk-table"), .id("requests"),
                   .caption(.class("govuk-table__caption"), "Requests"),
                   .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Date asked for"), .th(.attribute(named: "scope", value: "col"), "Why"),
                              .th(.attribute(named: "scope", value: "col"), "Asked by"), .th(.attribute(named: "scope", value: "col"), "Decision"))),
                   .tbody(.forEach(requests) { r in
                       .tr(.td(.text(Format.date(r.request.requestedDue))), .td(.text(r.request.reason)), .td(.text(r.request.requestedBy)),
                           .td(.text(r.request.decision == .pending ? "Waiting for the board"
                                     : "\(r.request.decision.rawValue.capitalizingFirst) at meeting \(r.request.meeting ?? 0) by \(r.request.decidedBy ?? "")")))
                   })),
            .if(mayPropose && action.status != .complete, .form(
                .action("\(path)/timescale"), .method(.post), Layout.csrf(user),
                .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("timescale-due"), "New date asked for (2011-09-30)"),
                     .input(.class("govuk-input govuk-input--narrow"), .id("timescale-due"), .name("due"), .type(.text))),
                .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("timescale-reason"), "Why"),
                     .input(.class("govuk-input"), .id("timescale-reason"), .name("reason"), .type(.text))),
                .button(.type(.submit), .class("govuk-button govuk-button--secondary"), .id("ask-timescale"), "Ask the board")
            ))
        ))
    }
}

enum BoardViews {
    /// GOV.UK pagination: previous and next, the first and last pages and those next to the current one.
    static func pagination(page: Int, of pages: Int, link: (Int) -> String) -> Node<HTML.BodyContext> {
        let numbers = Array(Set([1, page - 1, page, page + 1, pages]).filter { (1...pages).contains($0) }).sorted()
        // nil where pages are left out between two shown.
        let items: [Int?] = numbers.enumerated().flatMap { i, n in i > 0 && n - numbers[i - 1] > 1 ? [nil, n] : [n] }
        return .nav(.class("govuk-pagination"), .attribute(named: "aria-label", value: "Pages"),
            .if(page > 1, .div(.class("govuk-pagination__prev"), .a(.class("govuk-link"), .href(link(page - 1)), .attribute(named: "rel", value: "prev"),
                                                                  .text("Previous"), .span(.class("govuk-visually-hidden"), " page")))),
            .ul(.class("govuk-pagination__list"), .forEach(items) { item in
                guard let n = item else { return .li(.class("govuk-pagination__item govuk-pagination__item--ellipses"), "⋯") }
                return .li(.class("govuk-pagination__item" + (n == page ? " govuk-pagination__item--current" : "")),
                    .a(.class("govuk-link"), .href(link(n)), .attribute(named: "aria-label", value: "Page \(n)"),
                       .if(n == page, .attribute(named: "aria-current", value: "page")), .text(String(n))))
            }),
            .if(page < pages, .div(.class("govuk-pagination__next"), .a(.class("govuk-link"), .href(link(page + 1)), .attribute(named: "rel", value: "next"),
                                                                      .text("Next"), .span(.class("govuk-visually-hidden"), " page")))))
    }

    static func crumbs(_ data: BoardData, _ user: CurrentUser) -> [(String, String)] {
        (user.role.seesEveryCouncil ? [("Councils", "/councils")] : []) + [(data.council.name, "/councils/\(data.council.id?.uuidString ?? "")")]
    }

    static func row(_ key: String, _ value: String) -> Node<HTML.TableContext> {
        .tr(.class("govuk-summary-list__row"), .th(.class("govuk-summary-list__key"), .attribute(named: "scope", value: "row"), .text(key)),
            .td(.class("govuk-summary-list__value"), .text(value)))
    }

    static func error(_ message: String?, field: String) -> Node<HTML.BodyContext> {
        .unwrap(message) { message in
            .div(.class("govuk-error-summary"), .attribute(named: "role", value: "alert"),
                 .h2(.class("govuk-error-summary__title"), "There is a problem"),
                 .ul(.class("govuk-list"), .li(.a(.href("#\(field)"), .text(message)))))
        }
    }
}
