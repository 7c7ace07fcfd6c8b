import Domain

/// A straight-line forecast from the latest months: least squares, with a 90% prediction interval.
public struct Forecast: Sendable, Equatable {
    public var month: YearMonth
    public var value: Double
    public var low: Double
    public var high: Double
    /// How many months of figures it rests on, and which.
    public var monthsUsed: Int
    public var from: YearMonth
    public var to: YearMonth
    /// Change per month.
    public var slope: Double

    public init(month: YearMonth, value: Double, low: Double, high: Double, monthsUsed: Int, from: YearMonth, to: YearMonth, slope: Double) {
        self.month = month
        self.value = value
        self.low = low
        self.high = high
        self.monthsUsed = monthsUsed
        self.from = from
        self.to = to
        self.slope = slope
    }

    /// Fewer months than this say nothing about a trend.
    public static let minimumMonths = 4
    /// The trend is read from at most this many recent months.
    public static let window = 12

    /// Fits the latest months of `series` up to `asOf` and projects to `month`; nil when there is too little data.
    public static func project(_ series: Series, to month: YearMonth, asOf: YearMonth) -> Forecast? {
        let months = series.months.filter { $0 <= asOf }.suffix(window)
        guard months.count >= minimumMonths, let first = months.first, let last = months.last else { return nil }
        func x(_ m: YearMonth) -> Double { Double((m.year - first.year) * 12 + (m.month - first.month)) }
        let xs = months.map(x), ys = months.map { series.value(at: $0)! }
        let n = Double(xs.count)
        let mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
        let sxx = xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        guard sxx > 0 else { return nil }
        let sxy = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let slope = sxy / sxx
        let intercept = my - slope * mx
        let residual = zip(xs, ys).reduce(0) { $0 + pow2($1.1 - (intercept + slope * $1.0)) }
        let s = (residual / (n - 2)).squareRoot()
        let x0 = x(month)
        let value = intercept + slope * x0
        let half = tQuantile95(degrees: xs.count - 2) * s * (1 + 1 / n + pow2(x0 - mx) / sxx).squareRoot()
        return Forecast(month: month, value: value, low: value - half, high: value + half, monthsUsed: xs.count, from: first, to: last, slope: slope)
    }

    /// Student's t, 95th percentile (a two-sided 90% interval), by degrees of freedom.
    static func tQuantile95(degrees: Int) -> Double {
        let table: [Double] = [6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761, 1.753]
        guard degrees >= 1 else { return table[0] }
        return degrees <= table.count ? table[degrees - 1] : 1.645 + 2.0 / Double(degrees)
    }
}

@inline(__always) func pow2(_ x: Double) -> Double { x * x }
