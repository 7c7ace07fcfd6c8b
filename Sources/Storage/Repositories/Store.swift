import FluentKit
import Foundation

/// What is not one council's: councils, accounts, sessions, the audit trail. A council's own data is reached only
/// through `scope(_:)`.
public struct Store: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    /// The only way to a council's notices, targets, imports and figures.
    public func scope(_ council: UUID) -> CouncilScope {
        CouncilScope(council: council, database: database)
    }

    // MARK: councils

    public func councils() async throws -> [CouncilModel] {
        try await CouncilModel.query(on: database).sort(\.$name).all()
    }

    public func council(id: UUID) async throws -> CouncilModel? {
        try await CouncilModel.find(id, on: database)
    }

    public func council(laCode: String) async throws -> CouncilModel? {
        try await CouncilModel.query(on: database).filter(\.$laCode == laCode).first()
    }

    public func createCouncil(laCode: String, name: String, asOf: String? = nil, by actor: Actor) async throws -> CouncilModel {
        let council = CouncilModel(laCode: laCode, name: name, asOf: asOf)
        try await database.write { tx in
            try await council.create(on: tx)
            try await AuditTrail.append(.init(council: council.id, action: "council.created", entity: "council", entityID: council.id?.uuidString,
                                              after: "\(laCode) \(name)"), by: actor, on: tx)
        }
        return council
    }

    // MARK: accounts

    public func users() async throws -> [UserModel] {
        try await UserModel.query(on: database).sort(\.$email).all()
    }

    public func user(id: UUID) async throws -> UserModel? {
        try await UserModel.find(id, on: database)
    }

    public func user(email: String) async throws -> UserModel? {
        try await UserModel.query(on: database).filter(\.$email == email.lowercased()).first()
    }

    public func user(apiTokenHash: String) async throws -> UserModel? {
        try await UserModel.query(on: database).filter(\.$apiTokenHash == apiTokenHash).first()
    }

    /// Creates an account. A council role must name its council; administrators and DfE officials must not.
    public func createUser(email: String, displayName: String, role: Role, council: UUID?, passwordHash: String, by actor: Actor) async throws -> UserModel {
        guard role.needsCouncil == (council != nil) else {
            throw StorageError.invalid(role.needsCouncil ? "a \(role.label.lowercased()) belongs to a council" : "a \(role.label.lowercased()) belongs to no council")
        }
        let user = UserModel(email: email.lowercased(), displayName: displayName, role: role, councilID: council, passwordHash: passwordHash)
        try await database.write { tx in
            try await user.create(on: tx)
            try await AuditTrail.append(.init(council: council, action: "user.created", entity: "user", entityID: user.id?.uuidString,
                                              after: "\(user.email) \(role.rawValue)"), by: actor, on: tx)
        }
        return user
    }

    /// Counts a failed sign-in; at `limit` failures the account is locked until `now + lockFor`.
    public func recordFailedSignIn(_ user: UserModel, limit: Int, lockFor: TimeInterval, now: Date = Date()) async throws {
        try await database.write { tx in
            user.failedSignIns += 1
            var locked = false
            if user.failedSignIns >= limit {
                user.lockedUntil = now.addingTimeInterval(lockFor)
                user.failedSignIns = 0
                locked = true
            }
            try await user.save(on: tx)
            try await AuditTrail.append(.init(council: user.councilID, action: locked ? "user.locked" : "user.sign_in_failed", entity: "user",
                                              entityID: user.id?.uuidString), by: Actor(user.email), on: tx)
        }
    }

    public func recordSignIn(_ user: UserModel) async throws {
        try await database.write { tx in
            user.failedSignIns = 0
            user.lockedUntil = nil
            try await user.save(on: tx)
            try await AuditTrail.append(.init(council: user.councilID, action: "user.signed_in", entity: "user", entityID: user.id?.uuidString),
                                        by: Actor(user.email), on: tx)
        }
    }

    public func setAPITokenHash(_ hash: String?, for user: UserModel, by actor: Actor) async throws {
        try await database.write { tx in
            user.apiTokenHash = hash
            try await user.save(on: tx)
            try await AuditTrail.append(.init(council: user.councilID, action: hash == nil ? "user.api_token_revoked" : "user.api_token_issued",
                                              entity: "user", entityID: user.id?.uuidString), by: actor, on: tx)
        }
    }

    // MARK: sessions

    public func createSession(user: UserModel, tokenHash: String, csrfToken: String, expiresAt: Date) async throws {
        let session = SessionModel(userID: try user.requireID(), tokenHash: tokenHash, csrfToken: csrfToken, expiresAt: expiresAt)
        try await database.write { tx in try await session.create(on: tx) }
    }

    /// The live session with this token, and its user.
    public func session(tokenHash: String, now: Date = Date()) async throws -> (SessionModel, UserModel)? {
        // One query for both: this runs on every request.
        guard let session = try await SessionModel.query(on: database).filter(\.$tokenHash == tokenHash)
            .join(UserModel.self, on: \SessionModel.$userID == \UserModel.$id).first() else { return nil }
        guard session.expiresAt > now else {
            try await database.write { tx in try await session.delete(on: tx) }
            return nil
        }
        return (session, try session.joined(UserModel.self))
    }

    public func deleteSession(tokenHash: String) async throws {
        try await database.write { tx in try await SessionModel.query(on: tx).filter(\.$tokenHash == tokenHash).delete() }
    }

    // MARK: audit

    public func audit(_ entry: AuditTrail.Entry, by actor: Actor) async throws {
        try await database.write { tx in try await AuditTrail.append(entry, by: actor, on: tx) }
    }

    /// The newest entries, for every council (administrators) or one.
    public func auditEntries(council: UUID? = nil, limit: Int = 200) async throws -> [AuditEventModel] {
        var query = AuditEventModel.query(on: database)
        if let council { query = query.filter(\.$councilID == council) }
        return try await query.sort(\.$id, .descending).limit(limit).all()
    }

    public func verifyAuditTrail() async throws -> AuditTrail.Verification {
        try await AuditTrail.verify(on: database)
    }
}

public enum StorageError: Error, CustomStringConvertible, Equatable {
    case invalid(String)
    case notFound(String)

    public var description: String {
        switch self {
        case .invalid(let why): why
        case .notFound(let what): "\(what) not found"
        }
    }
}
