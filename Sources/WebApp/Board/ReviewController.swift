import Domain
import Monitoring
import Plot
import Reports
import Storage
import Vapor

/// Reviews and reports: the notice's reviews, the independent chair's assessments (within two months of the notice,
/// then every six months), and the council's report to the minister at the end of the notice, each drafted from what
/// the application holds, edited, then submitted.
enum ReviewController {
    struct Due: Sendable {
        var kind: String
        var title: String
        var date: CalendarDate?
    }

    /// What is due, from the notice's calendar and dates.
    static func schedule(_ data: BoardData) -> [Due] {
        var due: [Due] = (data.picture.calendar?.entries ?? []).filter { $0.kind == .review }.map { Due(kind: "notice_review", title: $0.what.capitalizingFirst, date: $0.date) }
        if let start = data.picture.noticeDate {
            let end = data.picture.calendar?.entries.compactMap(\.date).max() ?? start.adding(months: 12)
            var date = start.adding(months: 2), n = 1
            while date <= end && n <= 12 {
                due.append(Due(kind: "chair_assessment", title: "Independent chair's assessment \(n)", date: date))
                date = date.adding(months: 6)
                n += 1
            }
            due.append(Due(kind: "report_to_minister", title: "The council's report to the minister", date: end))
        }
        return due.sorted { ($0.date ?? .init(dayNumber: 0)) < ($1.date ?? .init(dayNumber: 0)) }
    }

    /// Who may write a kind of report: the chair writes the chair's assessments (under /assessments), the council the
    /// rest (under /reviews).
    static func mayWrite(_ kind: String, _ role: Role) -> Bool {
        Access.roles(for: kind == "chair_assessment" ? .assessCouncil : .editCouncil).contains(role)
    }

    static func collection(_ kind: String) -> String { kind == "chair_assessment" ? "assessments" : "reviews" }

    /// The route's collection must be the kind's: a chair's assessment is written only under /assessments.
    static func checkCollection(_ req: Request, kind: String) throws {
        let posted = req.url.path.contains("/assessments") ? "assessments" : "reviews"
        guard posted == collection(kind) else { throw Abort(.notFound) }
    }

    @Sendable static func list(req: Request) async throws -> HTML {
        let (user, data) = try await MeetingController.load(req)
        let reports = try await req.store.scope(data.council.requireID()).reviews()
        return ReviewView.list(data, schedule: schedule(data), reports: reports, user: user)
    }

    struct CreateForm: Content { var kind: String; var title: String; var due: String? }

    @Sendable static func create(req: Request) async throws -> Response {
        let (user, data) = try await MeetingController.load(req)
        let form = try req.content.decode(CreateForm.self)
        guard let due = schedule(data).first(where: { $0.kind == form.kind && $0.title == form.title }) else { throw Abort(.unprocessableEntity, reason: "There is no such review due.") }
        try checkCollection(req, kind: due.kind)
        let decisions = data.meetings.flatMap { m in m.record.decisions.filter { $0.kind == .decision }.map { (m.number, $0) } }
        let text = ReviewDraft.text(kind: due.kind, title: due.title, councilName: data.council.name, asOf: data.asOf, statuses: data.picture.statuses,
                                    actions: data.actions.map(\.action), audits: data.audits.map(\.audit), decisions: decisions, incidents: data.incidents.map(\.incident))
        let id = try await req.store.scope(data.council.requireID()).createReview(kind: due.kind, title: due.title, due: due.date, text: text, by: user.actor)
        return req.redirect(to: "/councils/\(try data.council.requireID())/reviews/\(id)")
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let (user, data) = try await MeetingController.load(req)
        guard let report = try await req.store.scope(data.council.requireID()).review(id: try req.uuidParameter("review")) else { throw Abort(.notFound) }
        return ReviewView.report(data, report: report, user: user)
    }

    struct SaveForm: Content { var text: String?; var submit: String? }

    @Sendable static func save(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let scope = req.store.scope(try council.requireID())
        guard let report = try await scope.review(id: try req.uuidParameter("review")) else { throw Abort(.notFound) }
        try checkCollection(req, kind: report.kind)
        let form = try req.content.decode(SaveForm.self)
        do {
            try await scope.saveReview(id: try report.requireID(), text: form.text ?? report.text, submit: form.submit == "yes", by: user.actor)
        } catch StorageError.invalid(let why) {
            throw Abort(.unprocessableEntity, reason: why.capitalizingFirst + ".")
        }
        return req.redirect(to: "/councils/\(try council.requireID())/reviews/\(try report.requireID())")
    }
}

enum ReviewView {
    static func list(_ data: BoardData, schedule: [ReviewController.Due], reports: [ReviewReportModel], user: CurrentUser) -> HTML {
        let base = "/councils/\(data.council.id?.uuidString ?? "")"
        let written = Dictionary(reports.map { ("\($0.kind)|\($0.title)", $0) }, uniquingKeysWith: { a, _ in a })
        return Layout.page(title: "Reviews and reports", user: user, breadcrumbs: BoardViews.crumbs(data, user), content: .group(
            .h1(.class("govuk-heading-l"), .text("Reviews and reports: \(data.council.name)")),
            .table(.class("govuk-table"), .id("reviews"),
                   .caption(.class("govuk-table__caption"), "Due under the notice"),
                   .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Due"), .th(.attribute(named: "scope", value: "col"), "What"),
                              .th(.attribute(named: "scope", value: "col"), "State"))),
                   .tbody(.forEach(schedule) { due in
                       let report = written["\(due.kind)|\(due.title)"]
                       return .tr(.td(.text(Format.date(due.date))), .td(.text(due.title)),
                                  .td(.unwrap(report) { r in
                                      .a(.class("govuk-link"), .href("\(base)/reviews/\(r.id?.uuidString ?? "")"),
                                         .text(r.status == "submitted" ? "Submitted" : "Draft"))
                                  }, .if(report == nil && ReviewController.mayWrite(due.kind, user.role), .form(
                                      .action("\(base)/\(ReviewController.collection(due.kind))"), .method(.post), Layout.csrf(user),
                                      .input(.type(.hidden), .name("kind"), .value(due.kind)), .input(.type(.hidden), .name("title"), .value(due.title)),
                                      .button(.type(.submit), .class("govuk-button govuk-button--small govuk-button--secondary"), "Draft it"))),
                                  .if(report == nil && !ReviewController.mayWrite(due.kind, user.role), .text("Not started"))))
                   }))
        ))
    }

    static func report(_ data: BoardData, report: ReviewReportModel, user: CurrentUser) -> HTML {
        let base = "/councils/\(data.council.id?.uuidString ?? "")"
        let path = "\(base)/\(ReviewController.collection(report.kind))/\(report.id?.uuidString ?? "")"
        let mayWrite = ReviewController.mayWrite(report.kind, user.role) && report.status == "draft"
        return Layout.page(title: report.title, user: user, breadcrumbs: BoardViews.crumbs(data, user) + [("Reviews and reports", "\(base)/reviews")], content: .group(
            .span(.class("govuk-caption-l"), .text(report.status == "submitted" ? "Submitted" : "Draft, by \(report.writtenBy)")),
            .h1(.class("govuk-heading-l"), .text(report.title)),
            .if(!mayWrite, .div(.class("notice-text"), .id("report-text"), .text(report.text))),
            .if(mayWrite, .form(.action(path), .method(.post), Layout.csrf(user),
                                .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("text"), "Text"),
                                     .textarea(.class("govuk-textarea"), .id("text"), .name("text"), .rows(30), .text(report.text))),
                                .button(.type(.submit), .class("govuk-button govuk-button--secondary"), .name("submit"), .value("no"), "Save the draft"),
                                .button(.type(.submit), .class("govuk-button"), .name("submit"), .value("yes"), .id("submit-report"), "Submit it")))
        ))
    }
}

/// Serious incidents: recorded by the council, DfE officials told at once in the application.
enum IncidentController {
    @Sendable static func list(req: Request) async throws -> HTML {
        let (user, data) = try await MeetingController.load(req)
        return IncidentView.page(data, user: user)
    }

    struct IncidentForm: Content { var kind: String?; var occurredOn: String?; var summary: String? }

    @Sendable static func record(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let form = try req.content.decode(IncidentForm.self)
        guard let kind = Incident.Kind(rawValue: form.kind ?? ""), let date = CalendarDate(iso: form.occurredOn ?? "") else {
            throw Abort(.unprocessableEntity, reason: "Choose the kind of incident and give its date as 2011-06-30.")
        }
        let summary = (form.summary ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !summary.isEmpty else { throw Abort(.unprocessableEntity, reason: "Say what happened in a sentence, without the child's name.") }
        let link = "/councils/\(try council.requireID())/incidents"
        _ = try await req.store.scope(council.requireID()).recordIncident(Incident(kind: kind, occurredOn: date, summary: summary), councilName: council.name,
                                                                          link: link, by: user.actor)
        return req.redirect(to: link)
    }
}

enum IncidentView {
    static func page(_ data: BoardData, user: CurrentUser) -> HTML {
        let base = "/councils/\(data.council.id?.uuidString ?? "")"
        return Layout.page(title: "Serious incidents", user: user, breadcrumbs: BoardViews.crumbs(data, user), content: .group(
            .h1(.class("govuk-heading-l"), .text("Serious incidents: \(data.council.name)")),
            .table(.class("govuk-table"), .id("incidents"),
                   .caption(.class("govuk-table__caption"), "Recorded incidents, newest first"),
                   .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Date"), .th(.attribute(named: "scope", value: "col"), "Kind"),
                              .th(.attribute(named: "scope", value: "col"), "What happened"), .th(.attribute(named: "scope", value: "col"), "Recorded by"))),
                   .tbody(.forEach(data.incidents) { i in
                       .tr(.td(.text(i.incident.occurredOn.iso)), .td(.text(i.incident.kind.label)), .td(.text(i.incident.summary)), .td(.text(i.reportedBy)))
                   })),
            .if(Access.roles(for: .editCouncil).contains(user.role), .group(
                .h2(.class("govuk-heading-m"), "Record an incident"),
                .p(.class("govuk-body"), "DfE officials are told at once. Do not name the child or give any identifier."),
                .form(.action("\(base)/incidents"), .method(.post), Layout.csrf(user),
                      .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("kind"), "Kind"),
                           Layout.select(id: "kind", name: "kind", options: Incident.Kind.allCases.map { ($0.rawValue, $0.label) })),
                      .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("occurredOn"), "Date (2011-06-30)"),
                           .input(.class("govuk-input govuk-input--narrow"), .id("occurredOn"), .name("occurredOn"), .type(.text))),
                      .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("summary"), "What happened, in a sentence"),
                           .input(.class("govuk-input"), .id("summary"), .name("summary"), .type(.text))),
                      .button(.type(.submit), .class("govuk-button"), .id("record-incident"), "Record the incident"))))
        ))
    }
}

/// The signed-in user's notifications (DfE officials: serious incidents).
enum NotificationController {
    @Sendable static func list(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let notifications = try await req.store.notifications(for: user.id)
        try await req.store.markNotificationsRead(for: user.id)
        return Layout.page(title: "Notifications", user: user, content: .group(
            .h1(.class("govuk-heading-l"), "Notifications"),
            .if(notifications.isEmpty, .p(.class("govuk-body"), "None.")),
            .ul(.class("govuk-list govuk-list--bullet"), .id("notifications"), .forEach(notifications) { n in
                .li(.a(.class("govuk-link"), .href(n.link), .text(n.text)), .if(n.readAt == nil, .text(" (new)")))
            })
        ))
    }
}
