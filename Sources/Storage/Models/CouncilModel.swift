import FluentKit
import Foundation

/// A council that is, or has been, under a notice.
public final class CouncilModel: Model, @unchecked Sendable {
    public static let schema = "councils"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    // data fields
    /// The DfE three-digit local authority code.
    @Field(key: "la_code") public var laCode: String
    @Field(key: "name") public var name: String
    /// The date the council's figures are judged on, when it is not today (a demonstration, a replay of a past notice).
    @OptionalField(key: "as_of") public var asOf: String?
    /// Counts changes to the council's notice, data and figures, so that what is computed from them can be kept
    /// until the next change, by every server sharing the database.
    @Field(key: "data_version") public var dataVersion: Int

    public init() {}

    public init(id: UUID? = nil, laCode: String, name: String, asOf: String? = nil) {
        self.id = id
        self.laCode = laCode
        self.name = name
        self.asOf = asOf
        self.dataVersion = 0
    }
}
