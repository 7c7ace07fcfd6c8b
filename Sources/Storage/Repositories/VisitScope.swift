import Domain
import FluentKit
import Foundation

/// Ofsted's monitoring and focused visits to the council, each with its letter.
extension CouncilScope {
    /// Every visit, earliest first, without the letters' bytes.
    public func visits() async throws -> [(id: UUID, recordedBy: String, letterName: String?, visit: OfstedVisit)] {
        try await OfstedVisitModel.query(on: database).filter(\.$councilID == council)
            .field(\.$id).field(\.$councilID).field(\.$body).field(\.$letterName).field(\.$recordedBy).field(\.$recordedAt).all().compactMap { model -> (UUID, String, String?, OfstedVisit)? in
                guard let id = model.id, let visit = try? Self.value(OfstedVisit.self, model.body) else { return nil }
                return (id, model.recordedBy, model.letterName, visit)
            }.sorted { $0.3.visitedOn < $1.3.visitedOn }
    }

    /// A visit's letter, as uploaded.
    public func visitLetter(id: UUID) async throws -> (name: String, content: Data)? {
        guard let model = try await OfstedVisitModel.query(on: database).filter(\.$id == id).filter(\.$councilID == council).first(),
              let content = model.letter else { return nil }
        return (model.letterName ?? "letter.pdf", content)
    }

    public func recordVisit(_ visit: OfstedVisit, letterName: String?, letter: Data?, by actor: Actor) async throws -> UUID {
        let model = OfstedVisitModel(councilID: council, body: try Self.json(visit), letterName: letterName, letter: letter, recordedBy: actor.name)
        let council = self.council
        try await database.write { tx in
            try await bumpVersion(on: tx)
            try await model.create(on: tx)
            try await AuditTrail.append(.init(council: council, action: "ofsted_visit.recorded", entity: "ofsted_visit", entityID: model.id?.uuidString,
                                              after: model.body), by: actor, on: tx)
        }
        return try model.requireID()
    }
}
