import Domain
import FluentKit
import Foundation

/// Improvement advisers: appointed by DfE to councils (each appointment in the audit trail), and their notes.
extension Store {
    public func appointAdviser(_ user: UserModel, to council: UUID, by actor: Actor) async throws {
        guard user.role == .improvementAdviser, let userID = user.id else { throw StorageError.invalid("only an improvement adviser is appointed to a council") }
        try await database.write { tx in
            guard try await AdviserAppointmentModel.query(on: tx).filter(\.$userID == userID).filter(\.$councilID == council).first() == nil else { return }
            try await AdviserAppointmentModel(userID: userID, councilID: council).create(on: tx)
            try await AuditTrail.append(.init(council: council, action: "adviser.appointed", entity: "user", entityID: userID.uuidString, after: user.email),
                                        by: actor, on: tx)
        }
    }

    /// The councils an adviser is appointed to.
    public func adviserCouncils(_ user: UUID) async throws -> Set<UUID> {
        Set(try await AdviserAppointmentModel.query(on: database).filter(\.$userID == user).all().map(\.councilID))
    }
}

extension CouncilScope {
    public func adviceNotes() async throws -> [AdviceNoteModel] {
        try await AdviceNoteModel.query(on: database).filter(\.$councilID == council).sort(\.$writtenAt, .descending).all()
    }

    public func writeAdviceNote(kind: String, title: String, text: String, by actor: Actor) async throws -> UUID {
        guard ["advice", "review_report"].contains(kind) else { throw StorageError.invalid("a note is advice or a review report") }
        let model = AdviceNoteModel(councilID: council, kind: kind, title: title, text: text, writtenBy: actor.name)
        let council = self.council
        try await database.write { tx in
            try await model.create(on: tx)
            try await AuditTrail.append(.init(council: council, action: "advice.written", entity: "advice_note", entityID: model.id?.uuidString,
                                              after: "\(kind): \(title)"), by: actor, on: tx)
        }
        return try model.requireID()
    }
}
