import FluentKit
import Foundation

/// A published statistics file (one of DfE's tables, or a statistical neighbour model) as it was loaded. Kept as the
/// publisher's bytes, checked on the way in, and read back into memory whole: the comparisons run over in-memory
/// tables, never row by row through the ORM. A file of the same name loaded again replaces it.
public final class PublishedFileModel: Model, @unchecked Sendable {
    public static let schema = "published_files"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "loaded_at", on: .create) public var loadedAt: Date?
    @Field(key: "loaded_by") public var loadedBy: String

    @Field(key: "name") public var name: String
    /// table (explore-education-statistics layout) or neighbours (a statistical neighbour model).
    @Field(key: "kind") public var kind: String
    @Field(key: "sha256") public var sha256: String
    @Field(key: "size") public var size: Int
    /// What the check found, for the administrator's list: "2,132 rows, 2013 to 2025, 10 measures".
    @Field(key: "summary") public var summary: String
    @Field(key: "content") public var content: Data

    public init() {}

    public init(name: String, kind: String, sha256: String, summary: String, content: Data, loadedBy: String) {
        self.name = name
        self.kind = kind
        self.sha256 = sha256
        self.size = content.count
        self.summary = summary
        self.content = content
        self.loadedBy = loadedBy
    }
}
