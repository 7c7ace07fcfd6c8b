import Domain
import Foundation
import Published
import Storage

/// DfE's published statistics read back into memory while the loaded files stay the same, with each measure's
/// series and each year of the national view kept once drawn. The fingerprint is the files' names and hashes in the
/// store, so every server sees a newly loaded file on its next request.
public actor PublishedCache {
    public struct Snapshot: Sendable {
        public var library: PublishedLibrary
        public var series: [String: PublishedLibrary.Series]
        /// Each council's latest Ofsted inspection, by its three-digit number.
        public var inspections: [String: OfstedOutcomes.Inspection]
        /// Each council's inspections since 2018 and visits of the workbook's year, oldest first, by its number.
        public var inspectionHistories: [String: [OfstedOutcomes.Inspection]] = [:]
        public var fingerprint: String
        /// Each council's children aged 0 to 17 (ONS), by its three-digit number: the rates per 10,000.
        public var populations: [String: ChildPopulation] = [:]

        public func series(_ measure: PublishedMeasure) -> PublishedLibrary.Series? { series[measure.indicator.rawValue] }
    }

    private var snapshot: Snapshot?
    /// The load under way, so that requests arriving while the files are read wait for it rather than each reading
    /// them again (the actor is re-entered at every await).
    private var loading: (fingerprint: String, task: Task<Snapshot, any Error>)?
    private var national: [String: EnglandYear] = [:]
    /// Parts of pages drawn from the published statistics, by what they were drawn from (the files' fingerprint is
    /// in every key): drawing 153 councils' rows costs more than serving them.
    private var drawn: [String: String] = [:]

    /// The files' fingerprint as last read, and when: asked again at most once a second, so that a page of published
    /// figures costs no query of its own, and a file loaded on any server is seen everywhere within a second.
    private var checked: (at: ContinuousClock.Instant, fingerprint: String)?
    public static let recheck: Duration = .seconds(1)

    public init() {}

    public func fingerprint(store: Store) async throws -> String {
        let now = ContinuousClock.now
        if let checked, now - checked.at < Self.recheck { return checked.fingerprint }
        let fingerprint = try await PublishedStatistics.fingerprint(on: store.database)
        checked = (now, fingerprint)
        return fingerprint
    }

    /// The councils this service holds, by number, with the id their pages are under; read at most once a second.
    private var held: (at: ContinuousClock.Instant, councils: [String: UUID])?

    public func heldCouncils(store: Store) async throws -> [String: UUID] {
        let now = ContinuousClock.now
        if let held, now - held.at < Self.recheck { return held.councils }
        let councils = Dictionary(try await store.councils().compactMap { model in model.id.map { (model.laCode, $0) } },
                                  uniquingKeysWith: { first, _ in first })
        held = (now, councils)
        return councils
    }

    /// Forgets the fingerprint, so the next request reads it (this server has just loaded or removed a file).
    public func changed() { checked = nil }

    public func current(store: Store) async throws -> Snapshot {
        let fingerprint = try await fingerprint(store: store)
        if let snapshot, snapshot.fingerprint == fingerprint { return snapshot }
        if let loading, loading.fingerprint == fingerprint { return try await loading.task.value }
        let database = store.database
        let task = Task.detached {
            let library = try await PublishedStatistics.library(on: database)
            var series: [String: PublishedLibrary.Series] = [:]
            for measure in PublishedMeasure.all { series[measure.indicator.rawValue] = library.series(measure) }
            return Snapshot(library: library, series: series, inspections: library.inspectionsByCouncil(),
                            inspectionHistories: library.inspectionHistoriesByCouncil(), fingerprint: fingerprint, populations: library.childPopulations())
        }
        loading = (fingerprint, task)
        do {
            let fresh = try await task.value
            if loading?.fingerprint == fingerprint { loading = nil }
            if snapshot?.fingerprint != fresh.fingerprint {
                snapshot = fresh
                national = [:]
            }
            return fresh
        } catch {
            if loading?.fingerprint == fingerprint { loading = nil }
            throw error
        }
    }

    /// A part of a page, drawn once for its key.
    public func drawing(_ key: String, _ draw: @Sendable () -> String) -> String {
        if let hit = drawn[key] { return hit }
        if drawn.count > 500 { drawn = [:] }
        let made = draw()
        drawn[key] = made
        return made
    }

    /// Every council for a measure and year (the latest when none is asked), under the default neighbour model.
    public func england(_ measure: PublishedMeasure, year: Int?, store: Store) async throws -> EnglandYear? {
        let snapshot = try await current(store: store)
        let key = "\(snapshot.fingerprint) \(measure.indicator.rawValue) \(year.map(String.init) ?? "latest")"
        if let hit = national[key] { return hit }
        guard let series = snapshot.series(measure) else { return nil }
        let made = EnglandYear.make(series: series, neighbours: snapshot.library.neighbourModels[PublishedLibrary.defaultModel], year: year)
        national[key] = made
        return made
    }
}
