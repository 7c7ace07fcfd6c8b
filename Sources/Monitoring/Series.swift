import Domain
import Indicators

/// An indicator's figures, month by month, on one basis: what a target is judged against.
public struct Series: Sendable, Equatable {
    public var indicator: IndicatorID
    public var basis: Basis
    /// By month (the month a figure's period ends in).
    public var points: [YearMonth: Point]

    public struct Point: Sendable, Equatable {
        public var numerator: Double
        public var denominator: Double
        public var value: Double?
        public var period: ReportingPeriod
        /// Who entered a figure by hand, and when; nil for computed figures.
        public var enteredBy: String?
        public var enteredAt: CalendarDate?

        public init(numerator: Double, denominator: Double, value: Double?, period: ReportingPeriod, enteredBy: String? = nil, enteredAt: CalendarDate? = nil) {
            self.numerator = numerator
            self.denominator = denominator
            self.value = value
            self.period = period
            self.enteredBy = enteredBy
            self.enteredAt = enteredAt
        }
    }

    public init(indicator: IndicatorID, basis: Basis, points: [YearMonth: Point] = [:]) {
        self.indicator = indicator
        self.basis = basis
        self.points = points
    }

    public func value(at month: YearMonth) -> Double? { points[month]?.value }

    /// Months with a figure, oldest first.
    public var months: [YearMonth] { points.keys.filter { points[$0]?.value != nil }.sorted() }
}

/// A figure entered by hand for a target no return computes (an `other` target, or data the council has not loaded).
public struct ManualFigure: Sendable, Equatable {
    public var indicator: IndicatorID
    public var basis: Basis
    public var month: YearMonth
    public var value: Double
    public var enteredBy: String
    public var enteredAt: CalendarDate
    /// For a measure on no computed indicator (`other`), its name (`Target.handMeasure`); the series of any other
    /// indicator is found without it.
    public var measure: String?

    public init(indicator: IndicatorID, basis: Basis, month: YearMonth, value: Double, enteredBy: String, enteredAt: CalendarDate, measure: String? = nil) {
        self.measure = measure
        self.indicator = indicator
        self.basis = basis
        self.month = month
        self.value = value
        self.enteredBy = enteredBy
        self.enteredAt = enteredAt
    }
}

/// All the series a council has: computed from its returns, and entered by hand. A hand-entered figure fills a month
/// the returns do not cover; it never overwrites a computed one, not even one whose figure is "n/a".
public struct SeriesLibrary: Sendable {
    public private(set) var series: [String: Series] = [:]

    public init(results: [IndicatorResult] = [], manual: [ManualFigure] = []) {
        for r in results {
            let key = Self.key(r.indicator, r.basis)
            var s = series[key] ?? Series(indicator: r.indicator, basis: r.basis)
            s.points[YearMonth(r.period.end)] = .init(numerator: r.numerator, denominator: r.denominator, value: r.value, period: r.period)
            series[key] = s
        }
        for m in manual {
            let key = Self.key(m.indicator, m.basis, measure: m.measure)
            var s = series[key] ?? Series(indicator: m.indicator, basis: m.basis)
            // A month the returns computed stays theirs even when its figure is "n/a" (nothing to count): the returns
            // say there was nothing, and a hand figure must not say otherwise.
            if s.points[m.month] == nil {
                s.points[m.month] = .init(numerator: m.value, denominator: 1, value: m.value, period: .of(m.basis, month: m.month),
                                          enteredBy: m.enteredBy, enteredAt: m.enteredAt)
            }
            series[key] = s
        }
    }

    /// A measure counted by hand has its own series under its name; the returns never compute one.
    static func key(_ indicator: IndicatorID, _ basis: Basis, measure: String? = nil) -> String {
        indicator.rawValue + "|" + basis.rawValue + (indicator == .other ? "|" + (measure ?? "") : "")
    }

    public func series(_ indicator: IndicatorID, _ basis: Basis, measure: String? = nil) -> Series? { series[Self.key(indicator, basis, measure: measure)] }

    /// The series a target's figures are in, on one basis.
    public func series(of target: Target, _ basis: Basis) -> Series? { series(target.indicatorID, basis, measure: target.handMeasure) }

    /// The series a target is judged on (`series(for:basis:)`), its own measure's for one counted by hand.
    public func series(for target: Target, basis: Basis) -> Series? { series(for: target.indicatorID, basis: basis, measure: target.handMeasure) }

    /// The series a milestone is judged on: its own basis, or when the notice gave none, the indicator's usual one
    /// (the first of its bases: in-month for most events, the year to date for a yearly return such as care leavers'
    /// OC3, the snapshot for cohorts), or whatever basis has figures.
    public func series(for indicator: IndicatorID, basis: Basis, measure: String? = nil) -> Series? {
        if basis != .unspecified { return series(indicator, basis, measure: measure) }
        for b in indicator.info.bases + [Basis.inMonth, .snapshot, .cumulativeYearToDate, .rolling12Months] {
            if let s = series(indicator, b, measure: measure), !s.months.isEmpty { return s }
        }
        return nil
    }
}
