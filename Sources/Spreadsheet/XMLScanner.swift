/// A small pull scanner for the XML that statutory returns are written in: elements, text, comments, processing
/// instructions, CDATA and the five predefined entities (plus numeric references). Attributes are read past.
///
/// Returns carry no namespaces or DTDs worth honouring, and a general-purpose parser spends most of its time building
/// objects we would throw away; this one hands out byte ranges and line numbers, which is what an importer needs to
/// report a fault by file, line and field.
public struct XMLScanner {
    public enum Event: Equatable {
        case start(name: Range<Int>, line: Int, selfClosing: Bool)
        case end(name: Range<Int>, line: Int)
        /// Character data between tags, raw (entities not yet decoded); may be whitespace only.
        case text(Range<Int>, line: Int)
    }

    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public let bytes: [UInt8]
    private var i = 0
    private var line = 1

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte-order mark is not text.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    /// The next event, or nil at the end of the input.
    public mutating func next() throws(SyntaxError) -> Event? {
        let n = bytes.count
        while i < n {
            if bytes[i] != 0x3C {  // text up to the next "<"
                let start = i
                let startLine = line
                while i < n && bytes[i] != 0x3C {
                    if bytes[i] == 0x0A { line += 1 }
                    i += 1
                }
                return .text(start..<i, line: startLine)
            }
            // "<" …
            guard i + 1 < n else { throw SyntaxError(line: line, message: "the file ends inside a tag") }
            let c = bytes[i + 1]
            if c == 0x21 {  // "<!"
                if matches("<!--") {
                    try skip(past: "-->", what: "a comment")
                    continue
                }
                if matches("<![CDATA[") {
                    let start = i + 9
                    let startLine = line
                    try skip(past: "]]>", what: "a CDATA section")
                    return .text(start..<(i - 3), line: startLine)
                }
                try skip(past: ">", what: "a declaration")  // <!DOCTYPE …>
                continue
            }
            if c == 0x3F {  // "<?" processing instruction or XML declaration
                try skip(past: "?>", what: "a processing instruction")
                continue
            }
            let tagLine = line
            if c == 0x2F {  // "</name>"
                var j = i + 2
                let nameStart = j
                while j < n && isNameByte(bytes[j]) { j += 1 }
                let name = nameStart..<j
                while j < n && bytes[j] != 0x3E {
                    if bytes[j] == 0x0A { line += 1 }
                    j += 1
                }
                guard j < n, !name.isEmpty else { throw SyntaxError(line: tagLine, message: "an end tag is not closed") }
                i = j + 1
                return .end(name: name, line: tagLine)
            }
            // "<name attr='…' …>" or "<name/>"
            var j = i + 1
            let nameStart = j
            while j < n && isNameByte(bytes[j]) { j += 1 }
            let name = nameStart..<j
            guard !name.isEmpty else { throw SyntaxError(line: tagLine, message: "'<' is not followed by a tag name") }
            var quote: UInt8 = 0
            while j < n {
                let b = bytes[j]
                if b == 0x0A { line += 1 }
                if quote != 0 {
                    if b == quote { quote = 0 }
                } else if b == 0x22 || b == 0x27 {
                    quote = b
                } else if b == 0x3E {
                    break
                } else if b == 0x3C {
                    throw SyntaxError(line: line, message: "a tag is not closed before the next '<'")
                }
                j += 1
            }
            guard j < n else { throw SyntaxError(line: tagLine, message: "the file ends inside a tag") }
            let selfClosing = bytes[j - 1] == 0x2F
            i = j + 1
            return .start(name: name, line: tagLine, selfClosing: selfClosing)
        }
        return nil
    }

    private func matches(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { lit in
            for k in 0..<count where bytes[i + k] != lit[k] { return false }
            return true
        }
    }

    private mutating func skip(past literal: StaticString, what: String) throws(SyntaxError) {
        let startLine = line
        let count = literal.utf8CodeUnitCount
        let first = literal.withUTF8Buffer { $0[0] }
        var j = i + 1
        while j + count <= bytes.count {
            if bytes[j] == 0x0A { line += 1 }
            if bytes[j] == first {
                let found = literal.withUTF8Buffer { lit -> Bool in
                    for k in 0..<count where bytes[j + k] != lit[k] { return false }
                    return true
                }
                if found {
                    i = j + count
                    return
                }
            }
            j += 1
        }
        throw SyntaxError(line: startLine, message: "\(what) is never closed")
    }

    @inline(__always) private func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D || b == 0x2E || b == 0x3A || b >= 0x80
    }

    /// Text with entities decoded and surrounding whitespace trimmed.
    public func text(_ range: Range<Int>) -> String {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
        guard bytes[lo..<hi].contains(0x26) else { return String(decoding: bytes[lo..<hi], as: UTF8.self) }
        var out: [UInt8] = []
        var k = lo
        while k < hi {
            if bytes[k] == 0x26, let semi = bytes[k..<min(hi, k + 12)].firstIndex(of: 0x3B) {
                let entity = String(decoding: bytes[(k + 1)..<semi], as: UTF8.self)
                var scalar: Unicode.Scalar?
                switch entity {
                case "amp": scalar = "&"
                case "lt": scalar = "<"
                case "gt": scalar = ">"
                case "quot": scalar = "\""
                case "apos": scalar = "'"
                default:
                    if entity.hasPrefix("#x") { scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                    else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init) }
                }
                if let scalar {
                    out.append(contentsOf: Array(String(scalar).utf8))
                    k = semi + 1
                    continue
                }
            }
            out.append(bytes[k])
            k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    public func isBlank(_ range: Range<Int>) -> Bool {
        bytes[range].allSatisfy(isSpace)
    }

    public func name(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Compares a name range with a literal without making a String.
    public func nameIs(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        return literal.withUTF8Buffer { lit in
            var k = 0
            for b in bytes[range] {
                if b != lit[k] { return false }
                k += 1
            }
            return true
        }
    }

    @inline(__always) private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
}
