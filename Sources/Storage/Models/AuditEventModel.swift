import FluentKit
import Foundation

/// One entry of the append-only audit trail. Entries are numbered by the database and each carries the hash of
/// the one before, so an edited or deleted entry breaks the chain (`AuditTrail.verify`).
public final class AuditEventModel: Model, @unchecked Sendable {
    public static let schema = "audit_events"

    @ID(custom: "id", generatedBy: .user) public var id: Int?

    /// When, as ISO 8601 text to the millisecond, so the hash reads the same from either database.
    @Field(key: "at") public var at: String
    @Field(key: "actor") public var actor: String
    @OptionalField(key: "council_id") public var councilID: UUID?
    /// What was done: "notice.created", "import.accepted", "user.signed_in", …
    @Field(key: "action") public var action: String
    @Field(key: "entity") public var entity: String
    @OptionalField(key: "entity_id") public var entityID: String?
    @OptionalField(key: "before") public var before: String?
    @OptionalField(key: "after") public var after: String?
    @Field(key: "previous_hash") public var previousHash: String
    @Field(key: "hash") public var hash: String

    public init() {}
}
