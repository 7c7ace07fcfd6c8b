/// An amount kept as a whole number of millionths, so that sums of full-time equivalents and days are exact.
///
/// Returns give FTE to at most six decimal places (the CSWW schema's `ftetype`) and days to two. Summing them as
/// binary floating point turns 53 into 52.99999999999999, which then prints as "53." or as seventeen digits; summed
/// as millionths they stay the decimals they were, and `double` is the nearest binary value to the exact total.
public struct ExactDecimal: Sendable, Hashable, Comparable, AdditiveArithmetic, CustomStringConvertible {
    public static let scale: Int64 = 1_000_000
    public var millionths: Int64

    public init(millionths: Int64) { self.millionths = millionths }

    /// The nearest millionth to a binary value (for amounts that arrive as numbers, not text).
    public init?(_ value: Double) {
        let scaled = (value * Double(Self.scale)).rounded()
        guard scaled.isFinite, abs(scaled) < 9e15 else { return nil }
        millionths = Int64(scaled)
    }

    /// Reads a plain decimal (`12`, `0.521371`, `-3.5`, `.25`) exactly; more than six decimal places are rounded to
    /// the nearest millionth. Anything else (exponents, `inf`, `nan`, thousands separators) is not a decimal: nil.
    public init?(text: some StringProtocol) {
        var chars = Substring(text)[...]
        while chars.first?.isWhitespace == true { chars = chars.dropFirst() }
        while chars.last?.isWhitespace == true { chars = chars.dropLast() }
        var negative = false
        if chars.first == "-" || chars.first == "+" { negative = chars.first == "-"; chars = chars.dropFirst() }
        let parts = chars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, parts.count <= 2, !(whole.isEmpty && (parts.count == 1 || parts[1].isEmpty)) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit), whole.count <= 9 else { return nil }
        var value = Int64(whole.isEmpty ? "0" : whole)! * Self.scale
        var place = Self.scale / 10
        for (n, digit) in fraction.enumerated() {
            let d = Int64(digit.asciiValue! - 48)
            if n < 6 {
                value += d * place
                place /= 10
            } else {
                if d >= 5 { value += 1 }
                break
            }
        }
        millionths = negative ? -value : value
    }

    public var double: Double { Double(millionths) / Double(Self.scale) }

    /// The decimal as written with no more places than it needs: `53`, `52.9`, `0.521371`.
    public var description: String {
        let magnitude = millionths.magnitude
        let whole = magnitude / UInt64(Self.scale), fraction = magnitude % UInt64(Self.scale)
        var text = (millionths < 0 ? "-" : "") + String(whole)
        if fraction > 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 6 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text
    }

    public static var zero: ExactDecimal { ExactDecimal(millionths: 0) }
    public static func + (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal { ExactDecimal(millionths: a.millionths + b.millionths) }
    public static func - (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal { ExactDecimal(millionths: a.millionths - b.millionths) }
    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool { a.millionths < b.millionths }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}
