import Domain
import Monitoring
import Plot
import Reports
import Storage
import Vapor

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
        let page = SiteURL.council(try council.pathID(), .incidents)
        var errors: [FormProblem.FieldError] = []
        let kind = Incident.Kind(rawValue: form.kind ?? "")
        if kind == nil { errors.append(.init(field: "kind", message: "Choose the kind of incident")) }
        let date = DateEntry.parse(form.occurredOn ?? "")
        if date == nil { errors.append(.init(field: "occurredOn", message: DateEntry.hint("The incident's date", example: "30 6 2011"))) }
        let summary = (form.summary ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if summary.isEmpty { errors.append(.init(field: "summary", message: "Say what happened in a sentence, without the child's name")) }
        guard errors.isEmpty, let kind, let date else { throw FormProblem(page: page, form: "incident", errors: errors) }
        let link = SiteURL.council(try council.pathID(), .incidents).path
        _ = try await req.store.scope(council.requireID()).recordIncident(Incident(kind: kind, occurredOn: date, summary: summary), councilName: council.name,
                                                                          link: link, by: user.actor)
        return req.redirect(to: link)
    }
}
