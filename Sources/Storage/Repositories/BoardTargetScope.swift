import Domain
import FluentKit
import Foundation

/// The board's own targets: proposed by an officer, in force once agreed at a meeting, changed or retired only the
/// same way. Every version is a row; every step is in the audit trail and the decision among the meeting's.
extension CouncilScope {
    /// Every version, oldest first (a row that does not read is left out).
    public func boardTargets() async throws -> [(id: UUID, proposedAt: Date?, target: BoardTarget)] {
        try await BoardTargetModel.query(on: database).filter(\.$councilID == council).sort(\.$proposedAt).all().compactMap { model in
            guard let id = model.id, let target = try? Self.value(BoardTarget.self, model.body) else { return nil }
            return (id, model.proposedAt, target)
        }
    }

    public func proposeBoardTarget(_ proposal: BoardTarget, by actor: Actor) async throws -> UUID {
        let model = BoardTargetModel(councilID: council, body: try Self.json(proposal))
        let council = self.council
        try await database.write { tx in
            if let replaced = proposal.replaces {
                guard let row = try await BoardTargetModel.query(on: tx).filter(\.$id == replaced).filter(\.$councilID == council).first(),
                      (try? Self.value(BoardTarget.self, row.body))?.isInForce == true else { throw BoardTarget.Refusal.nothingToReplace }
            }
            try await bumpVersion(on: tx)
            try await model.create(on: tx)
            try await AuditTrail.append(.init(council: council, action: "board_target.proposed", entity: "board_target", entityID: model.id?.uuidString,
                                              after: model.body), by: actor, on: tx)
        }
        return try model.requireID()
    }

    /// The board's decision on a proposal at a meeting: an agreed revision replaces the target it names, an agreed
    /// retirement ends it; the decision is recorded among the meeting's.
    public func decideBoardTarget(_ id: UUID, agreed: Bool, atMeeting meeting: Int, by actor: Actor) async throws {
        let council = self.council
        try await database.write { tx in
            guard let model = try await BoardTargetModel.query(on: tx).filter(\.$id == id).filter(\.$councilID == council).first() else {
                throw StorageError.notFound("board target")
            }
            guard let meetingModel = try await MeetingModel.query(on: tx).filter(\.$councilID == council).filter(\.$number == meeting).first() else {
                throw StorageError.invalid("there is no meeting \(meeting)")
            }
            let before = model.body
            let proposal = try Self.value(BoardTarget.self, model.body)
            let decided = try proposal.decided(agreed: agreed, atMeeting: meeting, by: actor.name)
            try await bumpVersion(on: tx)
            if agreed, let replaced = proposal.replaces {
                guard let row = try await BoardTargetModel.query(on: tx).filter(\.$id == replaced).filter(\.$councilID == council).first() else {
                    throw BoardTarget.Refusal.nothingToReplace
                }
                var old = try Self.value(BoardTarget.self, row.body)
                guard old.isInForce else { throw BoardTarget.Refusal.nothingToReplace }
                old.state = proposal.change == .retire ? .retired : .replaced
                old.meeting = meeting
                row.body = try Self.json(old)
                try await row.save(on: tx)
            }
            model.body = try Self.json(decided)
            try await model.save(on: tx)
            var record = try Self.value(MeetingRecord.self, meetingModel.body)
            let what = proposal.change == .retire ? "retire the board's target" : proposal.change == .revise ? "change the board's target" : "set the board's target"
            record.decisions.append(.init(kind: .decision, text: "\(agreed ? "Agreed" : "Did not agree") to \(what): \(proposal.target.indicator)", owner: nil, due: nil))
            meetingModel.body = try Self.json(record)
            try await meetingModel.save(on: tx)
            try await AuditTrail.append(.init(council: council, action: agreed ? "board_target.agreed" : "board_target.refused", entity: "board_target",
                                              entityID: id.uuidString, before: before, after: model.body), by: actor, on: tx)
        }
    }
}
