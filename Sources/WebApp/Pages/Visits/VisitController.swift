import Domain
import Plot
import Storage
import Vapor

/// Ofsted's monitoring and focused visits: recorded with the letter's findings, its areas for priority action and the
/// letter itself; each area can be taken into the Improvement Plan.
enum VisitController {
    @Sendable static func list(req: Request) async throws -> HTML {
        let (user, data) = try await MeetingController.load(req)
        let published = try await req.services.published.current(store: req.store)
        return VisitView.list(data, inspection: published.inspections[data.council.laCode],
                              history: published.inspectionHistories[data.council.laCode] ?? [], user: user)
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let (user, data) = try await MeetingController.load(req)
        let id = try req.uuidParameter(VisitKind.self)
        guard let visit = data.picture.board.visits.first(where: { $0.id == id }) else { throw Abort(.notFound) }
        return VisitView.visit(data, row: visit, user: user)
    }

    struct VisitForm: Content {
        var kind: String?
        var visitedOn: String?
        var publishedOn: String?
        var theme: String?
        var findings: String?
        var priorities: String?
        var letter: File?
    }

    /// The largest letter kept: Ofsted's letters are a few hundred kilobytes.
    static let largestLetter = 20_000_000

    @Sendable static func record(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let page = SiteURL.council(try council.pathID(), .visits)
        let form = try req.content.decode(VisitForm.self)
        func text(_ value: String?) -> String { (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var errors: [FormProblem.FieldError] = []
        let kind = OfstedVisit.Kind(rawValue: form.kind ?? "")
        if kind == nil { errors.append(.init(field: "visit-kind", message: "Choose the kind of visit")) }
        let visited = DateEntry.parse(form.visitedOn ?? "")
        if visited == nil { errors.append(.init(field: "visitedOn", message: DateEntry.hint("The visit's last day", example: "12 5 2011"))) }
        let publishedText = text(form.publishedOn)
        let published = publishedText.isEmpty ? nil : DateEntry.parse(publishedText)
        if !publishedText.isEmpty, published == nil { errors.append(.init(field: "publishedOn", message: DateEntry.hint("The letter's date", example: "20 5 2011") + ", or leave it empty")) }
        if let visited, let published, published < visited { errors.append(.init(field: "publishedOn", message: "The letter cannot be published before the visit ends")) }
        if text(form.theme).isEmpty { errors.append(.init(field: "theme", message: "Say what the visit looked at")) }
        if text(form.findings).isEmpty { errors.append(.init(field: "findings", message: "Give the letter's findings")) }
        // The letter is kept only if it is a PDF by its bytes, whatever its name says.
        let letter = form.letter.flatMap { $0.data.readableBytes > 0 ? $0 : nil }
        if let letter {
            let head = Array(letter.data.readableBytesView.prefix(5))
            if head != Array("%PDF-".utf8) { errors.append(.init(field: "letter", message: "The letter must be the PDF Ofsted published; this file is not a PDF")) }
            if letter.data.readableBytes > largestLetter { errors.append(.init(field: "letter", message: "The letter is larger than 20 MB; is it the right file?")) }
        }
        guard errors.isEmpty, let kind, let visited else { throw FormProblem(page: page, form: "visit", errors: errors) }
        let priorities = text(form.priorities).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let visit = OfstedVisit(kind: kind, visitedOn: visited, publishedOn: published, theme: text(form.theme), findings: text(form.findings), priorityActions: priorities)
        let id = try await req.store.scope(council.requireID()).recordVisit(visit, letterName: letter.map { ($0.filename as NSString).lastPathComponent },
                                                                            letter: letter.map { Data($0.data.readableBytesView) }, by: user.actor)
        return req.redirect(to: .council(try council.pathID(), .visit(VisitID(id))))
    }

    @Sendable static func letter(req: Request) async throws -> Response {
        let council = try await req.pathCouncil()
        guard let letter = try await req.store.scope(council.requireID()).visitLetter(id: try req.uuidParameter(VisitKind.self)) else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
        let safe = letter.name.filter { $0.isLetter || $0.isNumber || ".-_ ".contains($0) }
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(safe.isEmpty ? "letter.pdf" : safe)\"")
        return Response(status: .ok, headers: headers, body: .init(data: letter.content))
    }

    struct PlanForm: Content { var priority: Int?; var due: String?; var lead: String? }

    /// One area for priority action taken into the plan, as an action that names the visit it came from.
    @Sendable static func addToPlan(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let id = try req.uuidParameter(VisitKind.self)
        let page = SiteURL.council(try council.pathID(), .visit(VisitID(id)))
        let scope = req.store.scope(try council.requireID())
        guard let row = try await scope.visits().first(where: { $0.id == id }) else { throw Abort(.notFound) }
        let form = try req.content.decode(PlanForm.self)
        guard let index = form.priority, row.visit.priorityActions.indices.contains(index) else { throw Abort(.badRequest) }
        guard let due = DateEntry.parse(form.due ?? "") else {
            throw FormProblem(page: page, form: "priority-\(index)", field: "priority-due-\(index)", DateEntry.hint("The due date", example: "31 8 2011"))
        }
        _ = try await scope.createAction(PlanAction(title: row.visit.priorityActions[index], lead: (form.lead ?? "").trimmingCharacters(in: .whitespaces),
                                                    owner: .council, recommendation: row.visit.planWords(index), due: due), by: user.actor)
        return req.redirect(to: page.with(fragment: "priorities"))
    }
}
