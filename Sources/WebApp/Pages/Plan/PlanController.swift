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
                                       page: max(1, req.query[Int.self, at: "page"] ?? 1), imported: req.query[Int.self, at: "imported"])
        return PlanView.list(data, user: user, listing: listing)
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
        var errors: [FormProblem.FieldError] = []
        if title.isEmpty { errors.append(.init(field: "title", message: "Enter what is to be done")) }
        let due = DateEntry.parse(form.due ?? "")
        if due == nil { errors.append(.init(field: "due", message: DateEntry.hint("The due date", example: "30 6 2011"))) }
        let owner = PlanAction.Owner(rawValue: form.owner ?? "council")
        if owner == nil { errors.append(.init(field: "owner", message: "Choose who owns the action")) }
        guard errors.isEmpty, let due, let owner else { throw FormProblem(page: .council(try council.pathID(), .plan), form: "action", errors: errors) }
        let action = PlanAction(title: title, lead: (form.lead ?? "").trimmingCharacters(in: .whitespaces), owner: owner,
                                measure: form.measure.flatMap { Int($0) }, recommendation: form.recommendation.flatMap { $0.isEmpty ? nil : $0 },
                                indicator: form.indicator.flatMap(IndicatorID.init(rawValue:)), due: due)
        let id = try await req.store.scope(council.requireID()).createAction(action, by: user.actor)
        return req.redirect(to: .council(try council.pathID(), .action(ActionID(id))))
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let scope = req.store.scope(try council.requireID())
        let id = try req.uuidParameter(ActionKind.self)
        guard let action = try await scope.action(id: id) else { throw Abort(.notFound) }
        let data = try await BoardData.load(council, store: req.store, pictures: req.services.pictures, today: req.settings.today(for: council))
        return PlanView.action(data, id: id, action: action, evidence: try await scope.evidence(for: id).map(PlanView.Evidence.init), user: user)
    }

    struct StatusForm: Content { var status: String }

    @Sendable static func setStatus(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let id = try req.uuidParameter(ActionKind.self)
        guard let status = PlanAction.Status(rawValue: try req.content.decode(StatusForm.self).status) else {
            throw FormProblem(page: .council(try council.pathID(), .action(ActionID(id))), form: "status", field: "status", "Choose the action's status")
        }
        let today = req.settings.today(for: council)
        do {
            try await req.store.scope(council.requireID()).updateAction(id: id, { action in
                action.status = status
                action.completedOn = status == .complete ? today : nil
            }, by: user.actor)
        } catch StorageError.notFound { throw Abort(.notFound) }
        return req.redirect(to: .council(try council.pathID(), .action(ActionID(id))))
    }

    struct EvidenceForm: Content {
        var name: String?
        var link: String?
        var file: File?
    }

    @Sendable static func addEvidence(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let id = try req.uuidParameter(ActionKind.self)
        let form = try req.content.decode(EvidenceForm.self)
        let link = form.link?.trimmingCharacters(in: .whitespaces)
        let file = form.file.flatMap { $0.data.readableBytes > 0 ? $0 : nil }
        let page = SiteURL.council(try council.pathID(), .action(ActionID(id)))
        guard (link?.isEmpty == false) || file != nil else { throw FormProblem(page: page, form: "evidence", field: "evidence-link", "Give a link or choose a file") }
        if let link, !link.isEmpty, !(link.hasPrefix("https://") || link.hasPrefix("http://")) {
            throw FormProblem(page: page, form: "evidence", field: "evidence-link", "Enter a link that starts with https://")
        }
        let name = (form.name?.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : $0 } ?? file?.filename ?? link ?? "evidence"
        do {
            try await req.store.scope(council.requireID()).addEvidence(to: id, name: name, link: link?.isEmpty == false ? link : nil,
                                                                       content: file.map { Data($0.data.readableBytesView) }, by: user.actor)
        } catch StorageError.notFound { throw Abort(.notFound) }
        return req.redirect(to: SiteURL.council(try council.pathID(), .action(ActionID(id))).with(fragment: "evidence"))
    }

    @Sendable static func downloadEvidence(req: Request) async throws -> Response {
        let council = try await req.pathCouncil()
        guard let evidence = try await req.store.scope(council.requireID()).evidence(id: try req.uuidParameter(EvidenceKind.self)), let content = evidence.content else {
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
        let id = try req.uuidParameter(ActionKind.self)
        let form = try req.content.decode(TimescaleForm.self)
        let page = SiteURL.council(try council.pathID(), .action(ActionID(id)))
        var errors: [FormProblem.FieldError] = []
        let due = DateEntry.parse(form.due ?? "")
        if due == nil { errors.append(.init(field: "timescale-due", message: DateEntry.hint("The date asked for", example: "30 9 2011"))) }
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { errors.append(.init(field: "timescale-reason", message: "Say why the date should move")) }
        guard errors.isEmpty, let due else { throw FormProblem(page: page, form: "timescale", errors: errors) }
        do {
            _ = try await req.store.scope(council.requireID()).requestTimescale(for: id, TimescaleRequest(requestedDue: due, reason: reason, requestedBy: user.email),
                                                                                by: user.actor)
        } catch StorageError.notFound { throw Abort(.notFound) }
        return req.redirect(to: SiteURL.council(try council.pathID(), .action(ActionID(id))).with(fragment: "timescale"))
    }
}
