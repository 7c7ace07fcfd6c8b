import CaseRecords
import Domain
import Foundation
import Indicators
import Published
import Storage

/// A council's case records read back into column tables, kept in memory while the council's files stay the same:
/// drilling into a figure evaluates one indicator for one month over them, which takes milliseconds once loaded.
public actor CaseDataCache {
    public struct Entry: Sendable {
        public var fingerprint: String
        public var data: CaseData
        public var loaded: ReturnLoader.Loaded
    }

    private var entries: [UUID: Entry] = [:]
    private let capacity: Int
    /// Where the council's child population comes from (rates per 10,000 children): the published statistics.
    private let published: PublishedCache?

    public init(capacity: Int = 8, published: PublishedCache? = nil) {
        self.capacity = capacity
        self.published = published
    }

    /// The council's records as they stand; nil when it has no files.
    public func data(for council: UUID, store: Store, today: CalendarDate) async throws -> Entry? {
        let scope = store.scope(council)
        let ids = try await scope.currentFileIDs().map(\.uuidString).sorted()
        guard !ids.isEmpty else { return nil }
        var population: ChildPopulation?
        if let published, let laCode = try await store.council(id: council)?.laCode {
            population = try await published.current(store: store).populations[laCode]
        }
        // The population is part of what the figures are computed from: a newly loaded estimate recomputes them.
        let fingerprint = ids.joined(separator: ",") + "|" + (population.map { $0.byYear.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ",") } ?? "")
        if let hit = entries[council], hit.fingerprint == fingerprint { return hit }
        let files = try await scope.currentFiles()
        var seen = Set<String>()
        let sources = files.map { file -> ReturnLoader.Source in
            var name = file.name, n = 2
            while seen.contains(name) { name = "\(file.name) (\(n))"; n += 1 }
            seen.insert(name)
            return .bytes(file.content, name: name)
        }
        let loaded = try ReturnLoader(today: today).load(sources: sources)
        let data = CaseData(cin: loaded.cin, bundle: loaded.bundle, lac: loaded.lac, workforceCensus: loaded.workforceCensus, annexA: loaded.annexA,
                            population: population)
        let entry = Entry(fingerprint: fingerprint, data: data, loaded: loaded)
        if entries.count >= capacity, let victim = entries.keys.first { entries[victim] = nil }
        entries[council] = entry
        return entry
    }
}
