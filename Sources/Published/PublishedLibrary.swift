/// Everything published that has been loaded: DfE's tables in the order they were loaded (a later table's figure for
/// the same year and place wins, so a corrected release replaces the first), and the neighbour models by name.
public struct PublishedLibrary: Sendable {
    public var tables: [PublishedTable]
    public var neighbourModels: [String: NeighbourModel]
    /// Ofsted's latest inspection of each council, when its workbook is loaded.
    public var ofsted: OfstedOutcomes?

    public init(tables: [PublishedTable] = [], neighbourModels: [String: NeighbourModel] = [:], ofsted: OfstedOutcomes? = nil) {
        self.tables = tables
        self.neighbourModels = neighbourModels
        self.ofsted = ofsted
    }

    /// The council's latest Ofsted inspection, found through its ONS code in the tables (the code changes when a
    /// council is reorganised, so the latest table's code is the one Ofsted uses).
    public func inspection(ofCouncil laCode: String) -> OfstedOutcomes.Inspection? {
        guard let ofsted, let code = place(ofCouncil: laCode)?.newCode else { return nil }
        return ofsted.latest[code]
    }

    public static let defaultModel = "2025"

    /// One published figure and where it came from.
    public struct Figure: Sendable, Hashable {
        public var period: PublishedPeriod
        public var cell: PublishedCell
        public var place: PublishedPlace
        public var table: String
        public var line: Int
    }

    /// A measure's figures for England, each region and each council, by year.
    public struct Series: Sendable {
        public var measure: PublishedMeasure
        public var tables: [String]
        public var england: [Int: Figure] = [:]
        /// By region code (or name, where a table gives no code).
        public var regions: [String: [Int: Figure]] = [:]
        /// By three-digit council number.
        public var councils: [String: [Int: Figure]] = [:]
        /// Rows that matched a year and place already filled from the same table: the filters do not pin one row.
        public var ambiguousRows = 0

        public var years: [Int] { Array(Set(england.keys).union(councils.values.flatMap(\.keys))).sorted() }
    }

    /// The tables that hold the measure: its column, and every breakdown column its filters name.
    public func tables(holding measure: PublishedMeasure) -> [PublishedTable] {
        tables.filter { table in
            table.measures.contains(measure.column) && measure.filters.keys.allSatisfy(table.breakdownColumns.contains)
        }
    }

    /// The measure's figures; nil when no loaded table holds it.
    public func series(_ measure: PublishedMeasure) -> Series? {
        let holding = tables(holding: measure)
        guard !holding.isEmpty else { return nil }
        var series = Series(measure: measure, tables: holding.map(\.name))
        for table in holding {
            guard let column = table.measures.firstIndex(of: measure.column) else { continue }
            let filters = measure.filters.compactMap { key, value in table.breakdownColumns.firstIndex(of: key).map { ($0, value) } }
            var seen = Set<String>()
            for row in table.rows where filters.allSatisfy({ row.breakdown[$0.0] == $0.1 }) {
                let figure = Figure(period: row.period, cell: row.cells[column], place: row.place, table: table.name, line: row.line)
                let year = row.period.year
                let key: String
                switch row.level {
                case .national:
                    key = "E|\(year)"
                    if seen.insert(key).inserted { series.england[year] = figure } else { series.ambiguousRows += 1 }
                case .regional:
                    let region = row.place.regionCode.isEmpty ? row.place.regionName : row.place.regionCode
                    key = "R|\(region)|\(year)"
                    if seen.insert(key).inserted { series.regions[region, default: [:]][year] = figure } else { series.ambiguousRows += 1 }
                case .localAuthority where !row.place.laCode.isEmpty:
                    key = "L|\(row.place.laCode)|\(year)"
                    if seen.insert(key).inserted { series.councils[row.place.laCode, default: [:]][year] = figure } else { series.ambiguousRows += 1 }
                default:
                    continue
                }
            }
        }
        return series
    }

    /// Every council's latest Ofsted inspection by its three-digit number, in one pass over the tables.
    public func inspectionsByCouncil() -> [String: OfstedOutcomes.Inspection] {
        guard let ofsted else { return [:] }
        return onsCodesByCouncil().compactMapValues { ofsted.latest[$0] }
    }

    /// The council's inspections since 2018 and visits of the workbook's year, oldest first, found as `inspection(ofCouncil:)` is.
    public func inspectionHistory(ofCouncil laCode: String) -> [OfstedOutcomes.Inspection] {
        guard let ofsted, let code = place(ofCouncil: laCode)?.newCode else { return [] }
        return ofsted.history[code] ?? []
    }

    /// Every council's inspection history by its three-digit number.
    public func inspectionHistoriesByCouncil() -> [String: [OfstedOutcomes.Inspection]] {
        guard let ofsted else { return [:] }
        return onsCodesByCouncil().compactMapValues { ofsted.history[$0] }
    }

    /// Each council's ONS code as the latest table that lists it has it (the code changes when a council is reorganised).
    func onsCodesByCouncil() -> [String: String] {
        var latest: [String: (year: Int, code: String)] = [:]
        for table in tables {
            for row in table.rows where row.level == .localAuthority && !row.place.laCode.isEmpty && !row.place.newCode.isEmpty {
                if let seen = latest[row.place.laCode], seen.year >= row.period.year { continue }
                latest[row.place.laCode] = (row.period.year, row.place.newCode)
            }
        }
        return latest.mapValues(\.code)
    }

    /// The council's name and region as the latest table that lists it has them.
    public func place(ofCouncil laCode: String) -> PublishedPlace? {
        var best: (year: Int, place: PublishedPlace)?
        for table in tables {
            for row in table.rows where row.level == .localAuthority && row.place.laCode == laCode {
                if best == nil || row.period.year > best!.year { best = (row.period.year, row.place) }
            }
        }
        return best?.place
    }
}
