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

    public init() {}

    public func picture(of council: CouncilModel, store: Store, today: CalendarDate) async throws -> CouncilPicture {
        let key = Key(council: try council.requireID(), version: council.dataVersion, asOf: council.asOf.flatMap(CalendarDate.init(iso:)) ?? today)
        if let hit = pictures[key.council], hit.key == key { return hit.picture }
        let picture = try await CouncilFigures.picture(of: council, store: store, today: today)
        // Keep it only if no change landed while computing; a later request computes again.
        if let fresh = try await store.council(id: key.council), fresh.dataVersion == key.version {
            pictures[key.council] = (key, picture)
        }
        return picture
    }
}
