/// Reads CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF) from bytes, row by row, with line numbers.
public struct CSVReader {
    private let bytes: [UInt8]
    private var i: Int
    public private(set) var line = 1

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    public struct Malformed: Error, Equatable { public var line: Int }

    /// The next row and the line it starts on; nil at the end.
    public mutating func next() throws(Malformed) -> (row: [String], line: Int)? {
        guard i < bytes.count else { return nil }
        let start = line
        var row: [String] = []
        var field: [UInt8] = []
        var quoted = false
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == 0x22 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 2
                        continue
                    }
                    quoted = false
                } else {
                    if b == 0x0A { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case 0x22 where field.isEmpty:
                quoted = true
            case 0x2C:
                row.append(String(decoding: field, as: UTF8.self))
                field = []
            case 0x0D:
                break
            case 0x0A:
                i += 1
                line += 1
                row.append(String(decoding: field, as: UTF8.self))
                return (row, start)
            default:
                field.append(b)
            }
            i += 1
        }
        if quoted { throw Malformed(line: start) }
        row.append(String(decoding: field, as: UTF8.self))
        return (row, start)
    }
}
