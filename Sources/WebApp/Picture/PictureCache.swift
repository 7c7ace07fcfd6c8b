import Domain
import Foundation
import Published
import Storage

/// Each council's picture, kept until its data changes (the council's `data_version`) or the date it is judged on
/// does. Pages and the API ask here; a picture is computed once per change, not once per request.
///
/// One computation per council runs at a time. Requests that find the kept picture out of date queue behind it, and
/// when their turn comes most find that the computation before them already read their change: after a burst of
/// writes the picture is computed a few times, not once per request. Each computation reads the council's version
/// afresh and reads again only the inputs that changed (`PictureInputs`), so it never shows less than the request
/// that asked for it had seen.
public actor PictureCache {
    private struct Kept {
        var version: Int
        var asOf: CalendarDate
        /// The published statistics it was judged with (comparator targets take their levels from them).
        var published: String
        var picture: CouncilPicture
    }

    private var pictures: [UUID: Kept] = [:]
    private var inputs: [UUID: PictureInputs] = [:]
    private var busy: Set<UUID> = []
    private var waiting: [UUID: [CheckedContinuation<Void, Never>]] = [:]
    /// Pictures computed since the cache was made (for /metrics and the tests).
    public private(set) var computations = 0
    /// Where the council's case records come from, so that exceptions can say what lies behind a figure.
    private let records: CaseDataCache?
    /// The published statistics, for targets set by comparison ("below the England average").
    private let published: PublishedCache?

    public init(records: CaseDataCache? = nil, published: PublishedCache? = nil) {
        self.records = records
        self.published = published
    }

    func picture(of council: CouncilModel, store: Store, today: CalendarDate) async throws -> CouncilPicture {
        let id = try council.requireID()
        let asOf = council.asOf.flatMap(CalendarDate.init(iso:)) ?? today
        let fingerprint = try await published?.fingerprint(store: store) ?? ""
        if let kept = current(id, version: council.dataVersion, asOf: asOf, published: fingerprint) { return kept }
        await acquire(id)
        defer { release(id) }
        if let kept = current(id, version: council.dataVersion, asOf: asOf, published: fingerprint) { return kept }
        let newest = try await store.council(id: id) ?? council
        computations += 1
        var read = inputs[id] ?? PictureInputs()
        let snapshot = try await published?.current(store: store)
        let comparators = snapshot.map { s in ComparatorLevels.published(for: newest.laCode, library: s.library, series: { s.series($0) }) } ?? .none
        let picture = try await CouncilFigures.picture(of: newest, store: store, today: today, inputs: &read, records: records, comparators: comparators)
        inputs[id] = read
        pictures[id] = Kept(version: newest.dataVersion, asOf: picture.asOf, published: snapshot?.fingerprint ?? "", picture: picture)
        return picture
    }

    /// How the council's inputs have been read: whole, and by change since.
    func reads(of council: UUID) -> (whole: Int, byChange: Int) {
        (inputs[council]?.wholeReads ?? 0, inputs[council]?.changeReads ?? 0)
    }

    private func current(_ id: UUID, version: Int, asOf: CalendarDate, published: String) -> CouncilPicture? {
        guard let kept = pictures[id], kept.version >= version, kept.asOf == asOf, kept.published == published else { return nil }
        return kept.picture
    }

    private func acquire(_ id: UUID) async {
        if busy.insert(id).inserted { return }
        await withCheckedContinuation { waiting[id, default: []].append($0) }
    }

    /// Hands the council's turn to the next request waiting, in the order they came.
    private func release(_ id: UUID) {
        if var queue = waiting[id], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[id] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            busy.remove(id)
        }
    }
}
