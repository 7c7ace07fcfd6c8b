import Domain
import Foundation

/// Each council's picture, kept until its data changes (the council's `data_version`) or the date it is judged on
/// does. Pages and the API ask here; a picture is computed once per change, not once per request.
public actor PictureCache {
    private struct Key: Hashable {
        var council: UUID
        var version: Int
        var asOf: CalendarDate
    }

    private var pictures: [UUID: (key: Key, picture: CouncilPicture)] = [:]
    /// Pictures being computed: a request that needs one already under way waits for it rather than computing it
    /// again (after a change, many requests arrive at once).
    private var computing: [Key: Task<CouncilPicture, any Error>] = [:]

    public init() {}

    public func picture(of council: CouncilModel, store: Store, today: CalendarDate) async throws -> CouncilPicture {
        let key = Key(council: try council.requireID(), version: council.dataVersion, asOf: council.asOf.flatMap(CalendarDate.init(iso:)) ?? today)
        if let hit = pictures[key.council], hit.key == key { return hit.picture }
        if let running = computing[key] { return try await running.value }
        let task = Task { try await CouncilFigures.picture(of: council, store: store, today: today) }
        computing[key] = task
        defer { computing[key] = nil }
        let picture = try await task.value
        // Keep the newest version's picture only.
        if (pictures[key.council]?.key.version ?? -1) <= key.version {
            pictures[key.council] = (key, picture)
        }
        return picture
    }
}
