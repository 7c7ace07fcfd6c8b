/// Turns a notice file's bytes into text, refusing what is not a notice before any reading starts.
///
/// Notices arrive as text copied or extracted from PDFs and Word files: mostly UTF-8, sometimes Windows-1252
/// (curly quotes as single bytes 0x91–0x94), now and then UTF-16 with a byte-order mark.
public enum NoticeInput {
    /// A notice is a few pages; anything past this is not one, and reading it would only waste the user's time.
    public static let maximumBytes = 2_000_000

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case empty
        case tooLarge(bytes: Int)
        case binary(offset: Int)
        /// A PDF whose text could not be had, and why (scanned, encrypted, damaged, too slow).
        case pdf(String)

        public var description: String {
            switch self {
            case .empty:
                return "the file holds no text"
            case .tooLarge(let bytes):
                return "the file is \(bytes) bytes; a notice is at most \(NoticeInput.maximumBytes) bytes of text"
            case .binary(let offset):
                return "the file is neither text nor a PDF (binary data at byte \(offset)); give the notice as a PDF or as text"
            case .pdf(let reason):
                return reason
            }
        }
    }

    public struct Decoded: Sendable {
        public var text: String
        /// "UTF-8", "Windows-1252", "UTF-16LE", "UTF-16BE".
        public var encoding: String
    }

    public static func decode(_ bytes: [UInt8]) throws(Problem) -> Decoded {
        guard bytes.count <= maximumBytes else { throw .tooLarge(bytes: bytes.count) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            let little = body.first == 0xFF
            let units = stride(from: body.startIndex + 2, to: body.endIndex - 1, by: 2).map { i -> UInt16 in
                little ? UInt16(body[i]) | UInt16(body[i + 1]) << 8 : UInt16(body[i]) << 8 | UInt16(body[i + 1])
            }
            let text = String(decoding: units, as: UTF16.self)
            try checkText(text)
            return Decoded(text: text, encoding: little ? "UTF-16LE" : "UTF-16BE")
        }
        if let offset = body.firstIndex(of: 0) { throw .binary(offset: offset) }
        let decoded: Decoded
        if let text = String(validating: body, as: UTF8.self) {
            decoded = Decoded(text: text, encoding: "UTF-8")
        } else {
            decoded = Decoded(text: String(body.map { windows1252($0) }.map(Character.init)), encoding: "Windows-1252")
        }
        try checkText(decoded.text)
        return decoded
    }

    /// Rejects text that is empty or mostly control characters (a binary file that happened to decode).
    private static func checkText(_ text: String) throws(Problem) {
        var visible = 0, control = 0, offset = 0, firstControl = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0C, 0x0D: break
            case 0x00..<0x20, 0x7F, 0xFFFD:
                if control == 0 { firstControl = offset }
                control += 1
            case 0x20: break
            default: visible += 1
            }
            offset += 1
        }
        if visible == 0 && control == 0 { throw .empty }
        if control * 20 > visible + control { throw .binary(offset: firstControl) }
    }

    /// Windows-1252: Latin-1 except 0x80–0x9F, where it puts curly quotes, dashes, the euro and a few letters.
    static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        let high: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        if (0x80...0x9F).contains(byte) { return Unicode.Scalar(high[Int(byte) - 0x80])! }
        return Unicode.Scalar(byte)
    }
}
