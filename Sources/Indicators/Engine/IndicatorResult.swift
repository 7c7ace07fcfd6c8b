import Foundation
import Domain
import CaseRecords

/// One figure: an indicator on a basis for a period, with the counts behind it and, when asked for, the records.
public struct IndicatorResult: Sendable, Equatable {
    public var indicator: IndicatorID
    public var basis: Basis
    public var period: ReportingPeriod
    /// Records counted, or for a workforce rate the amounts (full-time equivalents, days, cases).
    public var numerator: Double
    public var denominator: Double
    /// 100 for a percentage; 1 for a rate given as itself (days per FTE, children per worker).
    public var scale: Double
    /// Records in the numerator and in the denominator (empty unless records were asked for).
    public var numeratorRecords: [RecordRef]
    public var denominatorRecords: [RecordRef]

    /// The figure; nil when there is nothing to divide by ("n/a", never 0%).
    public var value: Double? {
        denominator == 0 ? nil : scale * numerator / denominator
    }

    public init(indicator: IndicatorID, basis: Basis, period: ReportingPeriod, numerator: Double, denominator: Double, scale: Double = 100,
                numeratorRecords: [RecordRef] = [], denominatorRecords: [RecordRef] = []) {
        self.indicator = indicator
        self.basis = basis
        self.period = period
        self.numerator = numerator
        self.denominator = denominator
        self.scale = scale
        self.numeratorRecords = numeratorRecords
        self.denominatorRecords = denominatorRecords
    }

    public init(indicator: IndicatorID, basis: Basis, period: ReportingPeriod, numerator: Int, denominator: Int,
                numeratorRecords: [RecordRef] = [], denominatorRecords: [RecordRef] = []) {
        self.init(indicator: indicator, basis: basis, period: period, numerator: Double(numerator), denominator: Double(denominator),
                  numeratorRecords: numeratorRecords, denominatorRecords: denominatorRecords)
    }
}

/// A count or an amount as the CSV contract prints it: whole numbers without a decimal point, amounts (FTE, days) as
/// the decimals they are, to the millionth the returns give them in (4.012345, not 4.0123; 53, never "53.").
public func formatAmount(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return ExactDecimal(x)?.description ?? String(x)
}
