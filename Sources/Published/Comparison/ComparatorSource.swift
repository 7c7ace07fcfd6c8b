import Domain

extension ComparatorLevels {
    /// A council's comparator levels from the published statistics: for every mapped indicator and published year,
    /// England's figure, the council's region's, and its statistical neighbours' mean (a symbol gives no level).
    public static func published(for laCode: String, library: PublishedLibrary, series: (PublishedMeasure) -> PublishedLibrary.Series?,
                                 model: String = PublishedLibrary.defaultModel) -> ComparatorLevels {
        var result = ComparatorLevels()
        let neighbours = library.neighbourModels[model]
        for measure in PublishedMeasure.all {
            guard let series = series(measure) else { continue }
            let id = measure.indicator
            result.yearEndMonth[id] = measure.yearEnds == .march31 ? 3 : 9
            var byComparator: [Comparator: [Int: Level]] = [:]
            for (year, figure) in series.england {
                if let value = figure.cell.value { byComparator[.england, default: [:]][year] = Level(value: value, text: figure.cell.text, yearLabel: measure.yearLabel(year)) }
            }
            if let neighbours, let years = try? Benchmarks.compare(council: laCode, series: series, neighbours: neighbours) {
                for y in years {
                    if let region = y.region, let value = region.cell.value {
                        byComparator[.region, default: [:]][y.year] = Level(value: value, text: region.cell.text, yearLabel: measure.yearLabel(y.year))
                    }
                    if let mean = y.neighboursMean, let value = Double(mean) {
                        byComparator[.neighbours, default: [:]][y.year] = Level(value: value, text: mean, yearLabel: measure.yearLabel(y.year))
                    }
                }
            }
            result.levels[id] = byComparator
        }
        return result
    }
}
