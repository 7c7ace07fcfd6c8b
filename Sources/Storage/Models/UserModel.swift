import FluentKit
import Foundation

/// An account. Passwords are kept only as bcrypt hashes, API tokens only as SHA-256 hashes.
public final class UserModel: Model, @unchecked Sendable {
    public static let schema = "users"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    // reference fields
    /// The council a council role belongs to; nil for administrators and DfE officials.
    @OptionalField(key: "council_id") public var councilID: UUID?

    // data fields
    @Field(key: "email") public var email: String
    @Field(key: "display_name") public var displayName: String
    @Enum(key: "role") public var role: Role
    @Field(key: "password_hash") public var passwordHash: String
    /// Failed sign-ins since the last success; at the limit the account is locked for a while.
    @Field(key: "failed_sign_ins") public var failedSignIns: Int
    @OptionalField(key: "locked_until") public var lockedUntil: Date?
    @OptionalField(key: "api_token_hash") public var apiTokenHash: String?

    public init() {}

    public init(id: UUID? = nil, email: String, displayName: String, role: Role, councilID: UUID?, passwordHash: String) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.role = role
        self.councilID = councilID
        self.passwordHash = passwordHash
        self.failedSignIns = 0
    }
}
