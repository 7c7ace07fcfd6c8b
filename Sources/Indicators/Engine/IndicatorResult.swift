import Domain

/// One figure: an indicator on a basis for a period, with the counts behind it and, when asked for, the records.
public struct IndicatorResult: Sendable, Equatable {
    public var indicator: String
    public var basis: Basis
    public var period: ReportingPeriod
    public var numerator: Int
    public var denominator: Int
    /// Records in the numerator and in the denominator (empty unless records were asked for).
    public var numeratorRecords: [RecordRef]
    public var denominatorRecords: [RecordRef]

    /// The percentage; nil when nothing was counted ("n/a", never 0%).
    public var value: Double? {
        denominator == 0 ? nil : 100 * Double(numerator) / Double(denominator)
    }

    public init(indicator: String, basis: Basis, period: ReportingPeriod, numerator: Int, denominator: Int,
                numeratorRecords: [RecordRef] = [], denominatorRecords: [RecordRef] = []) {
        self.indicator = indicator
        self.basis = basis
        self.period = period
        self.numerator = numerator
        self.denominator = denominator
        self.numeratorRecords = numeratorRecords
        self.denominatorRecords = denominatorRecords
    }
}
