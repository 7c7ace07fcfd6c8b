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

    /// The figure to four decimal places as the CSV contract prints it, an exact half rounded away from zero: from
    /// the exact fraction when the figure counts records (89 of 128 is 69.53125%, printed 69.5313), so that another
    /// implementation's exact arithmetic gives the same text. Nil when there is nothing to divide by.
    public var valueText: String? {
        guard denominator != 0 else { return nil }
        if numerator == numerator.rounded(), denominator == denominator.rounded(), scale == scale.rounded(),
           abs(numerator) < 1e10, abs(denominator) < 1e10, scale > 0, scale <= 100 {
            let n = Int64(numerator) * Int64(scale) * 10_000, d = Int64(denominator)
            var q = n / d
            let r = n % d
            if 2 * r.magnitude >= d.magnitude { q += (n < 0) != (d < 0) ? -1 : 1 }
            let sign = q < 0 ? "-" : ""
            let whole = q.magnitude / 10_000, places = q.magnitude % 10_000
            let digits = String(places)
            return "\(sign)\(whole).\(String(repeating: "0", count: 4 - digits.count))\(digits)"
        }
        return String(format: "%.4f", ((value ?? 0) * 10_000).rounded(.toNearestOrAwayFromZero) / 10_000)
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
