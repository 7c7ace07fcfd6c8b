/// Words, numbers and punctuation of a stretch of notice text, each with its place in the `Document`.
struct Token {
    enum Kind: Equatable { case word, number, punct }
    var kind: Kind
    var range: Range<Int>
    /// Lower-cased text of a word, the digits of a number, or the punctuation character.
    var text: String
    /// A number's value.
    var value: Double = 0
    /// Whether a word began with a capital letter (month names are only dates when capitalised: "May").
    var capitalised = false

    func isWord(_ w: String) -> Bool { kind == .word && text == w }
    func isPunct(_ p: String) -> Bool { kind == .punct && text == p }
    var isNumber: Bool { kind == .number }
    /// Whether the number was written with a decimal point.
    var isDecimal: Bool { kind == .number && text.contains(".") }
    /// A whole number's value, or nil when it has too many digits for an `Int` ("99999999999999999999"): `Int(value)`
    /// would trap on it, and no day, month, quarter or year is that long.
    var integer: Int? { kind == .number ? Int(exactly: value.rounded(.towardZero)) : nil }
}

enum Tokenizer {
    /// Letters run into words, keeping inner apostrophes and hyphens ("children's", "re-referral", "in-month");
    /// digits run into numbers with an optional decimal part ("69.45"); a letter-digit boundary splits ("29th" → 29, th).
    static func tokens(_ doc: Document, _ range: Range<Int>) -> [Token] {
        let b = doc.bytes
        var tokens: [Token] = []
        tokens.reserveCapacity(range.count / 5)
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = b[i]
            if c == 0x20 { i += 1; continue }
            let start = i
            if isDigit(c) {
                while i < end, isDigit(b[i]) { i += 1 }
                if i + 1 < end, b[i] == 0x2E, isDigit(b[i + 1]) {
                    i += 1
                    while i < end, isDigit(b[i]) { i += 1 }
                }
                // A thousands separator: "1,234".
                while i + 4 <= end, b[i] == 0x2C, b[(i + 1)..<(i + 4)].allSatisfy(isDigit), i + 4 == end || !isDigit(b[i + 4]) {
                    i += 4
                }
                let text = String(decoding: b[start..<i], as: UTF8.self)
                let value = Double(text.filter { $0 != "," }) ?? 0
                tokens.append(Token(kind: .number, range: start..<i, text: text, value: value))
            } else if isUpper(c) || isLower(c) {
                while i < end {
                    let d = b[i]
                    if isUpper(d) || isLower(d) { i += 1; continue }
                    if (d == 0x27 || d == 0x2D), i + 1 < end, isUpper(b[i + 1]) || isLower(b[i + 1]) { i += 1; continue }
                    break
                }
                let text = String(decoding: doc.lower[start..<i], as: UTF8.self)
                tokens.append(Token(kind: .word, range: start..<i, text: text, capitalised: isUpper(c)))
            } else {
                i += 1
                tokens.append(Token(kind: .punct, range: start..<i, text: String(UnicodeScalar(c))))
            }
        }
        return tokens
    }
}
