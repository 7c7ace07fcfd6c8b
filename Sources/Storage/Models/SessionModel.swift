import FluentKit
import Foundation

/// A signed-in browser. The cookie carries a random token; only its SHA-256 is stored, so a copy of the database
/// cannot be used to sign in. Each session has its own CSRF token for its forms.
public final class SessionModel: Model, @unchecked Sendable {
    public static let schema = "sessions"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    @Field(key: "user_id") public var userID: UUID

    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "csrf_token") public var csrfToken: String
    @Field(key: "expires_at") public var expiresAt: Date

    public init() {}

    public init(userID: UUID, tokenHash: String, csrfToken: String, expiresAt: Date) {
        self.userID = userID
        self.tokenHash = tokenHash
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}
