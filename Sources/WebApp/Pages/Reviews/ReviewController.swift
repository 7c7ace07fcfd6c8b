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
        let reports = try await req.store.scope(data.council.key).reviews()
        return ReviewView.list(data, schedule: schedule(data), reports: try reports.map(ReviewView.Report.init), user: user)
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
        let id = try await req.store.scope(data.council.key).createReview(kind: due.kind, title: due.title, due: due.date, text: text, by: user.actor)
        return req.redirect(to: data.council.url(.review(ReviewID(id))))
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let (user, data) = try await MeetingController.load(req)
        guard let report = try await req.store.scope(data.council.key).review(id: try req.uuidParameter(ReviewKind.self)) else { throw Abort(.notFound) }
        return ReviewView.report(data, report: try ReviewView.Report(report), user: user)
    }

    struct SaveForm: Content { var text: String?; var submit: String? }

    @Sendable static func save(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let scope = req.store.scope(try council.requireID())
        guard let report = try await scope.review(id: try req.uuidParameter(ReviewKind.self)) else { throw Abort(.notFound) }
        try checkCollection(req, kind: report.kind)
        let form = try req.content.decode(SaveForm.self)
        do {
            try await scope.saveReview(id: try report.requireID(), text: form.text ?? report.text, submit: form.submit == "yes", by: user.actor)
        } catch StorageError.invalid(let why) {
            throw FormProblem(page: .council(try council.pathID(), .review(ReviewID(try report.requireID()))), form: "review", field: "text", why.capitalizingFirst)
        }
        return req.redirect(to: .council(try council.pathID(), .review(ReviewID(try report.requireID()))))
    }
}

/// DfE's decision at a review of progress: continue, lift the notice, or escalate to a statutory direction. Lifting
/// or escalating is also the notice's next step in its lifecycle.
extension ReviewController {
    struct OutcomeForm: Content { var decision: String?; var decidedOn: String?; var reason: String? }

    @Sendable static func recordOutcome(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let scope = req.store.scope(try council.requireID())
        let id = try req.uuidParameter(ReviewKind.self)
        guard let report = try await scope.review(id: id), report.kind == "notice_review" else { throw Abort(.notFound) }
        let page = SiteURL.council(try council.pathID(), .review(ReviewID(id)))
        let form = try req.content.decode(OutcomeForm.self)
        var errors: [FormProblem.FieldError] = []
        let decision = ReviewOutcome.Decision(rawValue: form.decision ?? "")
        if decision == nil { errors.append(.init(field: "decision", message: "Choose DfE's decision")) }
        let day = DateEntry.parse(form.decidedOn ?? "")
        if day == nil { errors.append(.init(field: "decidedOn", message: DateEntry.hint("The date of the decision", example: "30 6 2011"))) }
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { errors.append(.init(field: "outcome-reason", message: "Say why")) }
        if report.outcome != nil { errors.append(.init(field: "decision", message: "The review's decision is already recorded")) }
        guard errors.isEmpty, let decision, let day else { throw FormProblem(page: page, form: "outcome", errors: errors) }
        let outcome = ReviewOutcome(decision: decision, decidedOn: day, reason: reason, decidedBy: user.email)
        // The notice's step first, checked against its lifecycle, so a decision is never recorded without it.
        if let state = outcome.lifecycleState {
            guard let record = try await scope.currentNotice(), var notice = try await scope.storedNotice(record) else {
                throw FormProblem(page: page, form: "outcome", field: "decision", "The council has no notice to lift or escalate")
            }
            guard notice.lifecycle.allows(state) else {
                throw FormProblem(page: page, form: "outcome", field: "decision",
                                  "A notice that is \(LifecycleView.label(notice.lifecycle.currentState).lowercased()) cannot then be \(LifecycleView.label(state).lowercased())")
            }
            let before = notice.lifecycle.currentState.rawValue
            notice.lifecycle.append(LifecycleEvent(state: state, date: .day(day), reason: "\(report.title): \(reason)"))
            try await scope.reviewField(of: record, field: "lifecycle", verdict: "corrected", valueBefore: before, valueAfter: state.rawValue,
                                        newNotice: notice, by: user.actor)
        }
        do {
            try await scope.recordOutcome(review: id, outcome, by: user.actor)
        } catch let refusal as CouncilScope.OutcomeRefusal {
            throw FormProblem(page: page, form: "outcome", field: "decision", refusal.description.capitalizingFirst)
        }
        return req.redirect(to: page.with(fragment: "outcome"))
    }
}
