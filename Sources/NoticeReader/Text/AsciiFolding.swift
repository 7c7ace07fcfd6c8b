import Foundation

/// Folds notice text to plain ASCII, one output byte (or a few) per input scalar, remembering where each came from.
///
/// Everything downstream reads ASCII: curly quotes become straight, dashes become "-", non-breaking spaces become
/// spaces, accented letters lose their accents. Bullets and superscript footnote markers become private marker
/// bytes so the layout can tell a "•" list from a "-" in a word, and drop "²" from "child²".
/// `origin[i]` is the offset, in Unicode scalars of the text as read, of the scalar that gave byte `i`.
struct FoldedText {
    static let bulletMarker: UInt8 = 0x01
    static let footnoteMarker: UInt8 = 0x02

    var bytes: [UInt8] = []
    var origin: [Int] = []

    init(_ text: String) {
        bytes.reserveCapacity(text.utf8.count)
        origin.reserveCapacity(text.utf8.count)
        var offset = 0
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { offset += 1 }
            let v = scalar.value
            if v == 0x0A && previousWasCR { previousWasCR = false; continue }  // CRLF: the CR already gave the newline
            previousWasCR = v == 0x0D
            if v < 0x80 {
                switch v {
                case 0x0D: append(0x0A, offset)
                case 0x0C: append(0x0A, offset); append(0x0A, offset)  // a form feed is a page break
                case 0x09: for _ in 0..<3 { append(0x20, offset) }  // a tab separates table cells: keep it a wide gap
                case 0x0A, 0x20...0x7E: append(UInt8(v), offset)
                default: append(0x20, offset)
                }
                continue
            }
            for byte in FoldedText.fold(scalar) { append(byte, offset) }
        }
    }

    private mutating func append(_ byte: UInt8, _ offset: Int) {
        bytes.append(byte)
        origin.append(offset)
    }

    /// The ASCII for one non-ASCII scalar; empty to drop it.
    static func fold(_ scalar: Unicode.Scalar) -> [UInt8] {
        let v = scalar.value
        switch v {
        case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return [0x20]
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0xAD: return []  // zero-width characters, soft hyphen
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x00B4, 0x0060: return [0x27]
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return [0x22]
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return [0x2D]
        case 0x2022, 0x2023, 0x2043, 0x2219, 0x25AA, 0x25AB, 0x25CF, 0x25CB, 0x25E6, 0x25A0, 0x25A1, 0x25BA, 0x25B6,
             0x27A2, 0x27A4, 0x2794, 0x2713, 0x2714, 0x2756, 0x00B7, 0xF0A7, 0xF0B7, 0xF076, 0xF0D8, 0xF0FC:
            return [bulletMarker]
        case 0xE000...0xF8FF: return [bulletMarker]  // Symbol/Wingdings glyphs extracted from PDFs are bullets
        case 0x00B9, 0x00B2, 0x00B3, 0x2070, 0x2074...0x2079, 0x207A...0x207F: return [footnoteMarker]
        case 0x2026: return Array("...".utf8)
        case 0xFB00: return Array("ff".utf8)
        case 0xFB01: return Array("fi".utf8)
        case 0xFB02: return Array("fl".utf8)
        case 0xFB03: return Array("ffi".utf8)
        case 0xFB04: return Array("ffl".utf8)
        case 0x00BD: return Array("1/2".utf8)
        case 0x00BC: return Array("1/4".utf8)
        case 0x00BE: return Array("3/4".utf8)
        case 0x00A3: return Array("GBP".utf8)
        case 0x20AC: return Array("EUR".utf8)
        case 0x00A7: return Array("s".utf8)  // "§" in "§47" reads as section
        case 0x00D7: return [0x78]
        case 0xFF05: return [0x25]
        case 0x2028, 0x2029, 0x0085: return [0x0A]
        default: break
        }
        // Accented Latin letters: decompose and keep the base letter.
        if let first = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first, first.isASCII {
            return [UInt8(first.value)]
        }
        if scalar.properties.isWhitespace { return [0x20] }
        return [0x3F]  // "?" holds the place of a character we cannot read, so offsets stay honest
    }
}
