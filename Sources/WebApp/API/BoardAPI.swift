import Domain
import Storage
import Vapor

/// The board's records in the API, read-only, as the pages show them (case references pseudonymised).
enum BoardAPI {
    struct ActionDTO: Content {
        var id: UUID
        var title: String
        var owner: String
        var lead: String
        var due: String
        var first_due: String
        var status: String
        var overdue: Bool
        var measure: Int?
        var indicator: String?
        var recommendation: String?
    }

    struct MeetingDTO: Content {
        var number: Int
        var date: String
        var held: Bool
        var agenda: [AgendaItemDTO]
        var decisions: [String]
        var attendees: Int
    }

    struct AgendaItemDTO: Content {
        var kind: String
        var title: String
        var detail: String
    }

    struct AuditDTO: Content {
        var case_pseudonym: String
        var counted_on: String
        var grade: String
        var oversight_grade: String?
        var child_views_recorded: Bool?
        var themes: [String]
        var moderated: Bool
        var source: String
    }

    struct IncidentDTO: Content {
        var id: UUID
        var kind: String
        var occurred_on: String
        var summary: String
    }

    @Sendable static func plan(req: Request) async throws -> [ActionDTO] {
        let (_, data) = try await MeetingController.load(req)
        return data.actions.map { id, a in
            ActionDTO(id: id, title: a.title, owner: a.owner.rawValue, lead: a.lead, due: a.dueDate.iso, first_due: a.due.iso, status: a.status.rawValue,
                      overdue: a.isOverdue(on: data.asOf), measure: a.measure, indicator: a.indicator?.rawValue, recommendation: a.recommendation)
        }
    }

    @Sendable static func meetings(req: Request) async throws -> [MeetingDTO] {
        let (_, data) = try await MeetingController.load(req)
        return data.meetings.map { m in
            MeetingDTO(number: m.number, date: m.date.iso, held: m.record.held,
                       agenda: data.agenda(for: m.number)?.items.map { AgendaItemDTO(kind: $0.kind.rawValue, title: $0.title, detail: $0.detail) } ?? [],
                       decisions: m.record.decisions.map(\.text), attendees: m.record.attendees.count)
        }
    }

    @Sendable static func audits(req: Request) async throws -> [AuditDTO] {
        let (_, data) = try await MeetingController.load(req)
        let p = req.services.pseudonymiser
        return data.audits.map { item in
            let a = item.audit
            return AuditDTO(case_pseudonym: p.pseudonym(council: data.council.laCode, child: a.caseReference), counted_on: a.countedOn.iso,
                            grade: a.countedGrade.rawValue, oversight_grade: a.oversightGrade?.rawValue, child_views_recorded: a.childViewsRecorded,
                            themes: a.themes, moderated: a.moderatedGrade != nil, source: item.source)
        }
    }

    @Sendable static func incidents(req: Request) async throws -> [IncidentDTO] {
        let (_, data) = try await MeetingController.load(req)
        return data.incidents.map { IncidentDTO(id: $0.id, kind: $0.incident.kind.rawValue, occurred_on: $0.incident.occurredOn.iso, summary: $0.incident.summary) }
    }
}
