import Domain
import FluentKit
import Foundation

/// The council's commentary on its targets' figures, month by month, and the chair's answers. Every entry is a new
/// row, so each version written stays in the history; each is in the audit trail.
extension CouncilScope {
    /// Every entry, oldest first.
    public func commentaries() async throws -> [CommentaryEntry] {
        try await CommentaryModel.query(on: database).filter(\.$councilID == council).sort(\.$writtenAt).all().compactMap { model in
            guard let month = YearMonth(iso: model.month), let kind = CommentaryEntry.Kind(rawValue: model.kind) else { return nil }
            let commentary = kind == .commentary ? try? Self.value(Commentary.self, model.body) : nil
            if kind == .commentary, commentary == nil { return nil }
            return CommentaryEntry(target: model.targetKey, month: month, kind: kind, commentary: commentary,
                                   response: kind == .response ? model.body : nil, writtenBy: model.writtenBy, writtenAt: model.writtenAt ?? Date(timeIntervalSince1970: 0))
        }
    }

    /// A new version of the council's commentary on a target's figure for a month.
    public func writeCommentary(target: String, month: YearMonth, _ commentary: Commentary, by actor: Actor) async throws {
        try await add(CommentaryModel(councilID: council, targetKey: target, month: month.iso, kind: CommentaryEntry.Kind.commentary.rawValue,
                                      body: try Self.json(commentary), writtenBy: actor.name),
                      action: "commentary.written", by: actor)
    }

    /// The chair's answer to the commentary on a target's figure for a month.
    public func answerCommentary(target: String, month: YearMonth, _ text: String, by actor: Actor) async throws {
        try await add(CommentaryModel(councilID: council, targetKey: target, month: month.iso, kind: CommentaryEntry.Kind.response.rawValue,
                                      body: text, writtenBy: actor.name),
                      action: "commentary.answered", by: actor)
    }

    private func add(_ model: CommentaryModel, action: String, by actor: Actor) async throws {
        let council = self.council
        try await database.write { tx in
            try await bumpVersion(on: tx)
            try await model.create(on: tx)
            try await AuditTrail.append(.init(council: council, action: action, entity: "commentary", entityID: model.id?.uuidString,
                                              after: "\(model.targetKey) \(model.month): \(model.body)"), by: actor, on: tx)
        }
    }
}
