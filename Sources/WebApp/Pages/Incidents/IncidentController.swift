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
        guard let kind = Incident.Kind(rawValue: form.kind ?? ""), let date = CalendarDate(iso: form.occurredOn ?? "") else {
            throw Abort(.unprocessableEntity, reason: "Choose the kind of incident and give its date as 2011-06-30.")
        }
        let summary = (form.summary ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !summary.isEmpty else { throw Abort(.unprocessableEntity, reason: "Say what happened in a sentence, without the child's name.") }
        let link = SiteURL.council(try council.pathID(), .incidents).path
        _ = try await req.store.scope(council.requireID()).recordIncident(Incident(kind: kind, occurredOn: date, summary: summary), councilName: council.name,
                                                                          link: link, by: user.actor)
        return req.redirect(to: link)
    }
}
