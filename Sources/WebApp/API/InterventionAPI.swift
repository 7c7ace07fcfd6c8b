import Domain
import Storage
import Vapor

/// The board's own targets, the commentary on the targets, Ofsted's visits and the reviews with DfE's decisions, in
/// the API, read-only, as the pages show them.
enum InterventionAPI {
    struct BoardTargetDTO: Content {
        var id: UUID
        var indicator: String
        var name: String
        var state: String
        var change: String
        var replaces: UUID?
        var meeting: Int?
        var baseline: Double?
        var milestones: [MilestoneDTO]
        var reason: String
    }

    struct MilestoneDTO: Content { var level: Double?; var due: String?; var basis: String }

    struct CommentaryDTO: Content {
        var indicator: String
        var month: String
        var kind: String
        var shows: String?
        var why: String?
        var actions: String?
        var owner: String?
        var due: String?
        var answer: String?
        var written_by: String
        var written_at: String
    }

    struct VisitDTO: Content {
        var id: UUID
        var kind: String
        var visited_on: String
        var published_on: String?
        var theme: String
        var findings: String
        var priority_actions: [String]
        var letter: Bool
    }

    struct ReviewDTO: Content {
        var id: UUID
        var kind: String
        var title: String
        var due: String?
        var submitted: Bool
        var outcome: String?
        var decided_on: String?
        var reason: String?
    }

    @Sendable static func boardTargets(req: Request) async throws -> [BoardTargetDTO] {
        let (_, data) = try await MeetingController.load(req)
        return data.picture.board.boardTargets.map { row in
            let t = row.target.target
            return BoardTargetDTO(id: row.id, indicator: t.indicatorID.rawValue, name: t.indicator, state: row.target.state.rawValue, change: row.target.change.rawValue,
                                  replaces: row.target.replaces, meeting: row.target.meeting, baseline: t.baseline?.value,
                                  milestones: t.milestones.map { MilestoneDTO(level: $0.value, due: $0.due?.resolved(noticeDate: nil)?.iso, basis: $0.basis.rawValue) },
                                  reason: row.target.reason)
        }
    }

    @Sendable static func commentary(req: Request) async throws -> [CommentaryDTO] {
        let (_, data) = try await MeetingController.load(req)
        let stamp = ISO8601DateFormatter()
        return data.picture.board.commentaries.map { e in
            CommentaryDTO(indicator: e.target, month: e.month.iso, kind: e.kind.rawValue, shows: e.commentary?.shows, why: e.commentary?.why,
                          actions: e.commentary?.actions, owner: e.commentary?.owner, due: e.commentary?.due?.iso, answer: e.response,
                          written_by: e.writtenBy, written_at: stamp.string(from: e.writtenAt))
        }
    }

    @Sendable static func visits(req: Request) async throws -> [VisitDTO] {
        let (_, data) = try await MeetingController.load(req)
        return data.picture.board.visits.map { row in
            VisitDTO(id: row.id, kind: row.visit.kind.rawValue, visited_on: row.visit.visitedOn.iso, published_on: row.visit.publishedOn?.iso,
                     theme: row.visit.theme, findings: row.visit.findings, priority_actions: row.visit.priorityActions, letter: row.letterName != nil)
        }
    }

    @Sendable static func reviews(req: Request) async throws -> [ReviewDTO] {
        let (_, data) = try await MeetingController.load(req)
        return try await req.store.scope(data.council.key).reviews().map { model in
            let outcome = model.outcome.flatMap { try? JSONDecoder().decode(ReviewOutcome.self, from: Data($0.utf8)) }
            return ReviewDTO(id: try model.requireID(), kind: model.kind, title: model.title, due: model.due, submitted: model.status == "submitted",
                             outcome: outcome?.decision.rawValue, decided_on: outcome?.decidedOn.iso, reason: outcome?.reason)
        }
    }
}
