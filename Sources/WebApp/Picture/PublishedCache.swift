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
        public var fingerprint: String

        public func series(_ measure: PublishedMeasure) -> PublishedLibrary.Series? { series[measure.indicator.rawValue] }
    }

    private var snapshot: Snapshot?
    private var national: [String: EnglandYear] = [:]

    public init() {}

    public func current(store: Store) async throws -> Snapshot {
        let fingerprint = try await PublishedStatistics.fingerprint(on: store.database)
        if let snapshot, snapshot.fingerprint == fingerprint { return snapshot }
        let library = try await PublishedStatistics.library(on: store.database)
        var series: [String: PublishedLibrary.Series] = [:]
        for measure in PublishedMeasure.all { series[measure.indicator.rawValue] = library.series(measure) }
        let fresh = Snapshot(library: library, series: series, inspections: library.inspectionsByCouncil(), fingerprint: fingerprint)
        snapshot = fresh
        national = [:]
        return fresh
    }

    /// Every council for a measure and year (the latest when none is asked), under the default neighbour model.
    public func england(_ measure: PublishedMeasure, year: Int?, store: Store) async throws -> EnglandYear? {
        let snapshot = try await current(store: store)
        let key = "\(measure.indicator.rawValue) \(year.map(String.init) ?? "latest")"
        if let hit = national[key] { return hit }
        guard let series = snapshot.series(measure) else { return nil }
        let made = EnglandYear.make(series: series, neighbours: snapshot.library.neighbourModels[PublishedLibrary.defaultModel], year: year)
        national[key] = made
        return made
    }
}
