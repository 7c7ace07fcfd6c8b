import Domain

/// A council's published figure for one year beside England's, its region's and its statistical neighbours'.
public struct BenchmarkYear: Sendable, Hashable {
    public var year: Int
    /// The period as the table writes it ("2025", "202425").
    public var period: PublishedPeriod
    public var council: PublishedLibrary.Figure?
    public var england: PublishedLibrary.Figure?
    public var region: PublishedLibrary.Figure?
    /// The neighbours' figures that year by council number (a figure may be a symbol), and how many are listed.
    public var neighbourFigures: [String: PublishedLibrary.Figure] = [:]
    public var neighboursListed: Int
    /// The neighbours' mean to one decimal place, exactly (no binary rounding), as text; nil when none has a figure.
    public var neighboursMean: String?
    public var neighboursMin: PublishedLibrary.Figure?
    public var neighboursMax: PublishedLibrary.Figure?
    /// 1 is best (by the indicator's polarity; highest first where it has none); ties share a rank.
    public var rank: Int?
    /// How many councils were ranked: the council and its neighbours with a figure that year.
    public var ranked: Int
}

public struct BenchmarkError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

public enum Benchmarks {
    /// Per year the council appears in the measure's tables: its figure, England's, its region's, and its
    /// neighbours' (under the named model) mean, least, greatest and its rank among them.
    public static func compare(council laCode: String, measure: PublishedMeasure, library: PublishedLibrary,
                               model: String = PublishedLibrary.defaultModel) throws(BenchmarkError) -> [BenchmarkYear] {
        guard let series = library.series(measure) else {
            throw BenchmarkError(description: "no loaded table holds '\(measure.column)' (\(measure.published)) Load DfE's table with `improve published import DIR`.")
        }
        guard let neighbourModel = library.neighbourModels[model] else {
            let loaded = library.neighbourModels.keys.sorted()
            throw BenchmarkError(description: "the \(model) statistical neighbour model is not loaded" + (loaded.isEmpty ? "" : " (loaded: \(loaded.joined(separator: ", ")))"))
        }
        return try compare(council: laCode, series: series, neighbours: neighbourModel)
    }

    /// The same, over a measure's series already drawn from the library (a page comparing every council draws it once).
    public static func compare(council laCode: String, series: PublishedLibrary.Series,
                               neighbours neighbourModel: NeighbourModel) throws(BenchmarkError) -> [BenchmarkYear] {
        let measure = series.measure
        guard let own = series.councils[laCode] else {
            throw BenchmarkError(description: "no published figure for council \(laCode) in \(series.tables.joined(separator: ", "))")
        }
        let neighbours = neighbourModel.neighbours(of: laCode).map(\.laCode)
        let direction = measure.indicator.betterWhen

        return own.keys.sorted().map { year in
            let figure = own[year]!
            let region = figure.place.regionCode.isEmpty ? figure.place.regionName : figure.place.regionCode
            var result = BenchmarkYear(year: year, period: figure.period, council: figure, england: series.england[year],
                                       region: series.regions[region]?[year], neighboursListed: neighbours.count,
                                       neighboursMean: nil, ranked: 0)
            var numbered: [(String, PublishedLibrary.Figure, Double)] = []
            for code in neighbours {
                guard let theirs = series.councils[code]?[year] else { continue }
                result.neighbourFigures[code] = theirs
                if let value = theirs.cell.value { numbered.append((code, theirs, value)) }
            }
            if !numbered.isEmpty {
                result.neighboursMean = exactMean(numbered.map(\.1.cell.text))
                result.neighboursMin = numbered.min { $0.2 < $1.2 }?.1
                result.neighboursMax = numbered.max { $0.2 < $1.2 }?.1
            }
            if let mine = figure.cell.value {
                let values = numbered.map(\.2) + [mine]
                let better = values.filter { direction == .decrease ? $0 < mine : $0 > mine }.count
                result.rank = better + 1
                result.ranked = values.count
            } else {
                result.ranked = numbered.count
            }
            return result
        }
    }

    /// The mean of published decimals to one decimal place, halves away from zero, in integer arithmetic so that
    /// 18.95 is 19.0 and never 18.9 by a binary fraction.
    static func exactMean(_ texts: [String]) -> String? {
        let scale = texts.map { $0.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0 }.max() ?? 0
        var sum = 0
        for text in texts {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            let negative = text.hasPrefix("-")
            let whole = Int(parts[0].filter { $0 != "-" }) ?? 0
            let fraction = parts.count > 1 ? String(parts[1]) : ""
            var scaled = whole
            for _ in 0..<scale { scaled *= 10 }
            let padded = fraction + String(repeating: "0", count: scale - fraction.count)
            scaled += Int(padded.isEmpty ? "0" : padded) ?? 0
            sum += negative ? -scaled : scaled
        }
        guard !texts.isEmpty else { return nil }
        // mean in tenths = sum * 10 / (n * 10^scale), rounded half away from zero.
        var denominator = texts.count
        for _ in 0..<scale { denominator *= 10 }
        let numerator = sum * 10
        let magnitude = (2 * abs(numerator) + denominator) / (2 * denominator)
        let tenths = numerator < 0 ? -magnitude : magnitude
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
