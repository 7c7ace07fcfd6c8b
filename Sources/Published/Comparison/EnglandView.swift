/// Every council's published figure for one year of a measure, beside England's and its own neighbours': what a DfE
/// official reads to see where each council stands. Plain values; the page draws them.
public struct EnglandYear: Sendable {
    public var measure: PublishedMeasure
    public var year: Int
    public var period: PublishedPeriod
    public var england: PublishedLibrary.Figure?
    /// By region code, as the table names them.
    public var regions: [String: PublishedLibrary.Figure]
    public var councils: [Council]
    /// The years the measure is published for, newest first (for choosing another).
    public var years: [Int]

    public struct Council: Sendable {
        public var laCode: String
        public var name: String
        public var regionCode: String
        public var regionName: String
        public var figure: PublishedLibrary.Figure
        /// The council's rank among itself and its neighbours that year (1 = best), and how many were ranked.
        public var rank: Int?
        public var ranked: Int
        public var neighboursMean: String?
        /// Rank among every council with a figure (1 = best); nil when the council's figure is a symbol.
        public var nationalRank: Int?
    }

    /// The latest year (or the one asked for) with every council that has a row, best first by the indicator's
    /// polarity, councils whose figure is a symbol last.
    public static func make(series: PublishedLibrary.Series, neighbours: NeighbourModel?, year asked: Int? = nil) -> EnglandYear? {
        let years = series.years.reversed().filter { year in series.councils.values.contains { $0[year] != nil } }
        guard let year = asked.flatMap({ years.contains($0) ? $0 : nil }) ?? years.first else { return nil }
        let direction = series.measure.indicator.betterWhen
        var councils: [Council] = []
        for (code, byYear) in series.councils {
            guard let figure = byYear[year] else { continue }
            var rank: Int?, ranked = 0
            var mean: String?
            if let neighbours, let years = try? Benchmarks.compare(council: code, series: series, neighbours: neighbours),
               let that = years.first(where: { $0.year == year }) {
                rank = that.rank
                ranked = that.ranked
                mean = that.neighboursMean
            }
            councils.append(Council(laCode: code, name: figure.place.laName, regionCode: figure.place.regionCode, regionName: figure.place.regionName,
                                    figure: figure, rank: rank, ranked: ranked, neighboursMean: mean, nationalRank: nil))
        }
        let values = councils.compactMap { $0.figure.cell.value }
        for i in councils.indices {
            guard let mine = councils[i].figure.cell.value else { continue }
            councils[i].nationalRank = values.filter { direction == .decrease ? $0 < mine : $0 > mine }.count + 1
        }
        councils.sort { a, b in
            switch (a.nationalRank, b.nationalRank) {
            case let (x?, y?): return x != y ? x < y : a.name < b.name
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.name < b.name
            }
        }
        let period = series.england[year]?.period ?? councils.first?.figure.period
        guard let period else { return nil }
        var regions: [String: PublishedLibrary.Figure] = [:]
        for (code, byYear) in series.regions { if let f = byYear[year] { regions[code] = f } }
        return EnglandYear(measure: series.measure, year: year, period: period, england: series.england[year], regions: regions,
                           councils: councils, years: years)
    }
}
