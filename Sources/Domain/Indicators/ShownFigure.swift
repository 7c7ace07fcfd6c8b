import Foundation

/// A figure as people read it, and as a milestone is judged (docs/monitoring.md, "Judged as shown").
///
/// Every surface (pages, the board pack, its CSV and XLSX, the API's `shown` fields, `improve status`) writes a figure
/// to one decimal place, and a milestone is judged on that figure against its level written the same way: a chair
/// who reads "70% against 70%" must never see it marked missed because the unrounded figure was 69.96%. One rule, in
/// one place, so that no surface can round differently from the judgement.
public enum ShownFigure {
    /// Places after the decimal point wherever a figure is shown.
    public static let places = 1

    /// The figure rounded to one decimal place, half away from zero.
    ///
    /// The rounding starts from the figure's shortest decimal form, not its binary value: 69.95 is stored as
    /// 69.9499999999999957…, which a naive `(v * 10).rounded()` may take down, while `improve indicators` prints it
    /// 69.9500 and any person would round it to 70.0.
    public static func rounded(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        guard var exact = Decimal(string: "\(value)", locale: Locale(identifier: "en_US_POSIX")) else { return value }
        var result = Decimal()
        // `.plain` rounds a half away from zero, on the magnitude: 69.95 → 70.0, -2.45 → -2.5.
        NSDecimalRound(&result, &exact, places, .plain)
        return NSDecimalNumber(decimal: result).doubleValue
    }

    /// "70", "69.9", "-2.5": no trailing ".0", no unit.
    public static func text(_ value: Double) -> String {
        let r = rounded(value)
        return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(format: "%.1f", r)
    }

    /// The text with the unit's sign where it has one ("70%").
    public static func text(_ value: Double, unit: TargetUnit) -> String {
        text(value) + (unit == .percent ? "%" : "")
    }

    /// Whether a figure meets a level, both taken as shown: at the level counts as meeting it.
    public static func meets(_ figure: Double, level: Double, direction: TargetDirection) -> Bool {
        let (f, l) = (rounded(figure), rounded(level))
        return direction == .decrease ? f <= l : f >= l
    }
}
