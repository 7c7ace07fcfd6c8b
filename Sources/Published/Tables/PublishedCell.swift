/// The symbols DfE and Ofsted put in a cell instead of a figure (explore-education-statistics conventions). A cell
/// holding one is never a number: a suppressed count is not zero, and a page says what the symbol means.
public enum PublisherCode: String, Sendable, Hashable, CaseIterable, Codable {
    case suppressed = "c"
    case notAvailable = "x"
    case notApplicable = "z"
    case fewerThanHalf = "k"
    case low = "low"
    case lowReliability = "u"
    case notAvailableColon = ":"
    case notAvailableDots = ".."

    /// Plain English for a page or a report, in the publisher's sense.
    public var meaning: String {
        switch self {
        case .suppressed: return "withheld to protect confidentiality (a small number)"
        case .notAvailable: return "not available"
        case .notApplicable: return "not applicable"
        case .fewerThanHalf: return "fewer than 0.5, rounded down to nothing"
        case .low: return "a small figure that rounds to zero but is not zero"
        case .lowReliability: return "too unreliable to publish"
        case .notAvailableColon, .notAvailableDots: return "not available"
        }
    }

    /// A few words for a table cell.
    public var shortMeaning: String {
        switch self {
        case .suppressed: return "withheld"
        case .notAvailable, .notAvailableColon, .notAvailableDots: return "not available"
        case .notApplicable: return "not applicable"
        case .fewerThanHalf, .low: return "below 0.5"
        case .lowReliability: return "unreliable"
        }
    }
}

/// One published cell: a figure exactly as written, a publisher's symbol, or nothing.
public enum PublishedCell: Sendable, Hashable {
    /// The figure and the text it was read from ("15" stays "15", never "15.0").
    case number(Double, text: String)
    case code(PublisherCode)
    case blank

    /// Reads one cell; nil when it is neither a figure, a publisher's symbol nor empty.
    public init?(_ raw: String) {
        let text = raw.trimmingSpaces
        if text.isEmpty { self = .blank; return }
        if let code = PublisherCode(rawValue: text) { self = .code(code); return }
        guard let value = PublishedCell.decimal(text) else { return nil }
        self = .number(value, text: text)
    }

    /// As the publisher wrote it.
    public var text: String {
        switch self {
        case .number(_, let text): return text
        case .code(let code): return code.rawValue
        case .blank: return ""
        }
    }

    public var value: Double? {
        if case .number(let value, _) = self { return value }
        return nil
    }

    public var code: PublisherCode? {
        if case .code(let code) = self { return code }
        return nil
    }

    /// A plain decimal: an optional minus, digits, an optional point and digits. No thousands separators, exponents,
    /// percent signs or spaces: the tidy layout has none, and a cell with one is not what the file claims to be.
    static func decimal(_ text: String) -> Double? {
        var digits = 0, points = 0
        for (i, c) in text.utf8.enumerated() {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            case UInt8(ascii: "-") where i == 0: break
            default: return nil
            }
        }
        guard digits > 0, points <= 1 else { return nil }
        return Double(text)
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
