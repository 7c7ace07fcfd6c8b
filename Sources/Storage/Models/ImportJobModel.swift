import FluentKit
import Foundation

/// An upload being imported in the background, kept in the database so that any server sharing it can show the
/// upload's progress and outcome (behind a load balancer the next request may reach another server).
public final class ImportJobModel: Model, @unchecked Sendable {
    public static let schema = "import_jobs"

    public enum State: String, Codable, Sendable {
        case running, accepted, rejected, failed
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "council_id") public var councilID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "started_at") public var startedAt: Date
    /// When the server running it last said anything: a running job silent for long is one whose server stopped.
    @Field(key: "updated_at") public var updatedAt: Date
    /// The files' names, one per line.
    @Field(key: "files") public var files: String
    @Field(key: "progress") public var progress: String
    @Enum(key: "state") public var state: State
    @OptionalField(key: "import_id") public var importID: UUID?
    /// The validation report (JSON) of an accepted or rejected import.
    @OptionalField(key: "report_json") public var reportJSON: String?
    @OptionalField(key: "message") public var message: String?

    public init() {}

    init(councilID: UUID, userID: UUID, files: [String], now: Date) {
        self.councilID = councilID
        self.userID = userID
        self.startedAt = now
        self.updatedAt = now
        self.files = files.joined(separator: "\n")
        self.progress = "waiting to start"
        self.state = .running
    }

    public var fileNames: [String] { files.split(separator: "\n").map(String.init) }
}
