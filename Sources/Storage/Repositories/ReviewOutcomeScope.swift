import Domain
import FluentKit
import Foundation

/// DfE's decision at a review of progress, kept with the review and in the audit trail. (Lifting the notice or
/// escalating to a direction is the notice's next step in its lifecycle, recorded as every lifecycle step is.)
extension CouncilScope {
    public enum OutcomeRefusal: Error, Equatable, CustomStringConvertible {
        case notAReview, alreadyDecided, noNotice

        public var description: String {
            switch self {
            case .notAReview: "only a review of progress has an outcome"
            case .alreadyDecided: "the review's outcome is already recorded"
            case .noNotice: "the council has no notice to lift or escalate"
            }
        }
    }

    public func recordOutcome(review id: UUID, _ outcome: ReviewOutcome, by actor: Actor) async throws {
        let council = self.council
        try await database.write { tx in
            guard let model = try await ReviewReportModel.query(on: tx).filter(\.$id == id).filter(\.$councilID == council).first() else {
                throw StorageError.notFound("review")
            }
            guard model.kind == "notice_review" else { throw OutcomeRefusal.notAReview }
            guard model.outcome == nil else { throw OutcomeRefusal.alreadyDecided }
            try await bumpVersion(on: tx)
            model.outcome = try Self.json(outcome)
            try await model.save(on: tx)
            try await AuditTrail.append(.init(council: council, action: "review.outcome_\(outcome.decision.rawValue)", entity: "review_report",
                                              entityID: id.uuidString, after: model.outcome), by: actor, on: tx)
        }
    }
}
