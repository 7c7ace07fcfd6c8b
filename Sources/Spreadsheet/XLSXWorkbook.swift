import Foundation
import ZIPFoundation

/// An xlsx workbook read just far enough for data lists: sheets found by name (workbook.xml and its relationships),
/// shared strings, inline strings and numbers. Styles are not read, so a date is whatever number Excel stored (a
/// serial day); the importer that knows which columns hold dates converts them (`XLSXWorkbook.date(serial:)`).
public struct XLSXWorkbook {
    public enum Failure: Error, CustomStringConvertible {
        case notAZipArchive
        /// A zip archive whose directory points outside the file (see `ZIPDirectory`).
        case damaged(String)
        case missingPart(String)
        case malformed(part: String, line: Int, message: String)
        /// Well-formed XML that no spreadsheet writes: a row or cell beyond Excel's last (row 1,048,576, column XFD).
        case invalid(part: String, line: Int, message: String)

        public var description: String {
            switch self {
            case .notAZipArchive: return "not an xlsx workbook (not a zip archive)"
            case .damaged(let reason): return "not a readable xlsx workbook: the zip archive is damaged (\(reason))"
            case .missingPart(let part): return "not an xlsx workbook: it has no \(part)"
            case .malformed(let part, let line, let message): return "\(part) line \(line) is not well-formed XML: \(message)"
            case .invalid(let part, let line, let message): return "\(part) line \(line): \(message)"
            }
        }
    }

    /// A cell's value as stored.
    public enum Cell: Equatable, Sendable {
        case text(String)
        case number(Double)
    }

    /// A row: its number in the sheet (1-based), and its cells by column (0 for A).
    public struct Row: Sendable {
        public var number: Int
        public var cells: [Int: Cell]
    }

    private let archive: Archive
    /// Sheet name → part path inside the archive, in workbook order.
    public let sheets: [(name: String, part: String)]
    private let sharedStrings: [String]

    public init(data: Data) throws {
        try ZIPDirectory.check(data)
        guard let archive = try? Archive(data: data, accessMode: .read) else { throw Failure.notAZipArchive }
        self.archive = archive
        let workbook = try Self.part("xl/workbook.xml", in: archive)
        let relationships = try Self.part("xl/_rels/workbook.xml.rels", in: archive)
        var targets: [String: String] = [:]
        try Self.elements(named: "Relationship", in: relationships, part: "xl/_rels/workbook.xml.rels") { attributes in
            if let id = attributes["Id"], let target = attributes["Target"] {
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        var sheets: [(String, String)] = []
        try Self.elements(named: "sheet", in: workbook, part: "xl/workbook.xml") { attributes in
            if let name = attributes["name"], let id = attributes["r:id"], let target = targets[id] { sheets.append((name, target)) }
        }
        self.sheets = sheets
        var strings: [String] = []
        if archive["xl/sharedStrings.xml"] != nil {
            strings = try Self.sharedStrings(try Self.part("xl/sharedStrings.xml", in: archive))
        }
        sharedStrings = strings
    }

    /// The rows of a sheet found by name (case and surrounding spaces ignored); nil when there is no such sheet.
    public func rows(ofSheet name: String) throws -> [Row]? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let sheet = sheets.first(where: { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == wanted }) else { return nil }
        return try rows(part: sheet.part)
    }

    /// Excel's limits: a worksheet has 1,048,576 rows and 16,384 columns (A to XFD).
    static let maximumRow = 1_048_576
    static let maximumColumn = 16_384

    /// Excel's serial day (1900 date system, with its phantom 29 February 1900) as a calendar day number since
    /// 1970-01-01.
    public static func dayNumber(serial: Double) -> Int { Int(serial.rounded(.down)) - 25_569 }

    // MARK: Parts

    static func part(_ path: String, in archive: Archive) throws -> [UInt8] {
        guard let entry = archive[path] else { throw Failure.missingPart(path) }
        // A symbolic link would be read as a block of its declared size, whatever that is.
        guard entry.type == .file else { throw Failure.damaged("\(path) is not a file") }
        var data = Data()
        _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        return [UInt8](data)
    }

    /// Calls `body` with the attributes of each element of a name (start or self-closing tags).
    private static func elements(named wanted: String, in bytes: [UInt8], part: String, _ body: ([String: String]) -> Void) throws {
        var scanner = XMLScanner(bytes: bytes)
        do {
            while let event = try scanner.next() {
                if case .start(let name, _, _) = event, scanner.name(name) == wanted {
                    body(Self.attributes(of: name, in: bytes))
                }
            }
        } catch {
            throw Failure.malformed(part: part, line: error.line, message: error.message)
        }
    }

    /// The attributes written after an element's name: the scanner reads past them, so they are parsed here.
    static func attributes(of name: Range<Int>, in bytes: [UInt8]) -> [String: String] {
        var result: [String: String] = [:]
        var i = name.upperBound
        while i < bytes.count, bytes[i] != 0x3E {  // ">"
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
            let keyStart = i
            while i < bytes.count, bytes[i] != 0x3D, bytes[i] != 0x3E, bytes[i] != 0x2F, bytes[i] != 0x20 { i += 1 }
            let key = String(decoding: bytes[keyStart..<i], as: UTF8.self)
            guard i < bytes.count, bytes[i] == 0x3D else { i += 1; continue }
            i += 1
            guard i < bytes.count, bytes[i] == 0x22 || bytes[i] == 0x27 else { continue }
            let quote = bytes[i]
            i += 1
            let valueStart = i
            while i < bytes.count, bytes[i] != quote { i += 1 }
            result[key] = decodeEntities(String(decoding: bytes[valueStart..<min(i, bytes.count)], as: UTF8.self))
            i += 1
        }
        return result
    }

    private static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    private static func sharedStrings(_ bytes: [UInt8]) throws -> [String] {
        var scanner = XMLScanner(bytes: bytes)
        var strings: [String] = []
        var current = ""
        var inText = false, inPhonetic = false
        do {
            while let event = try scanner.next() {
                switch event {
                case .start(let name, _, let selfClosing):
                    let n = scanner.name(name)
                    if n == "si" { current = ""; if selfClosing { strings.append("") } }
                    if n == "t", !selfClosing { inText = true }
                    if n == "rPh" { inPhonetic = true }  // phonetic guides are not part of the text
                case .end(let name, _):
                    let n = scanner.name(name)
                    if n == "si" { strings.append(current) }
                    if n == "t" { inText = false }
                    if n == "rPh" { inPhonetic = false }
                case .text(let range, _):
                    if inText, !inPhonetic { current += scanner.text(range) }
                }
            }
        } catch {
            throw Failure.malformed(part: "xl/sharedStrings.xml", line: error.line, message: error.message)
        }
        return strings
    }

    private func rows(part: String) throws -> [Row] {
        let bytes = try Self.part(part, in: archive)
        var scanner = XMLScanner(bytes: bytes)
        var rows: [Row] = []
        var row: Row?
        var column = 0, type = "", value: String?, inValue = false, inInline = false
        var nextColumn = 0
        // A row or cell number past Excel's limits, found inside the scan (whose catch only takes syntax errors).
        var invalid: Failure?
        do {
            scan: while let event = try scanner.next() {
                switch event {
                case .start(let name, let line, let selfClosing):
                    switch scanner.name(name) {
                    case "row":
                        let attributes = Self.attributes(of: name, in: bytes)
                        let number = Int(attributes["r"] ?? "") ?? (rows.last.map { $0.number + 1 } ?? 1)
                        guard (1...Self.maximumRow).contains(number) else {
                            invalid = .invalid(part: part, line: line, message: "row number \(attributes["r"] ?? String(number)) is not between 1 and \(Self.maximumRow)")
                            break scan
                        }
                        row = Row(number: number, cells: [:])
                        nextColumn = 0
                        if selfClosing, let r = row { rows.append(r); row = nil }
                    case "c":
                        let attributes = Self.attributes(of: name, in: bytes)
                        column = attributes["r"].flatMap(Self.column(of:)) ?? nextColumn
                        guard column < Self.maximumColumn else {
                            invalid = .invalid(part: part, line: line, message: "cell \(attributes["r"] ?? "after column XFD") is beyond the last column, XFD")
                            break scan
                        }
                        nextColumn = column + 1
                        type = attributes["t"] ?? ""
                        value = nil
                    case "v" where !selfClosing: inValue = true
                    case "is": inInline = true
                    case "t" where inInline && !selfClosing: inValue = true
                    default: break
                    }
                case .end(let name, _):
                    switch scanner.name(name) {
                    case "v", "t": inValue = false
                    case "is": inInline = false
                    case "c":
                        if let v = value, var r = row {
                            switch type {
                            case "s": if let i = Int(v), i >= 0, i < sharedStrings.count { r.cells[column] = .text(sharedStrings[i]) }
                            case "inlineStr", "str", "e": r.cells[column] = .text(v)
                            case "b": r.cells[column] = .text(v == "1" ? "TRUE" : "FALSE")
                            default: r.cells[column] = Double(v).map(Cell.number) ?? .text(v)
                            }
                            row = r
                        }
                    case "row":
                        if let r = row { rows.append(r) }
                        row = nil
                    default: break
                    }
                case .text(let range, _):
                    if inValue { value = (value ?? "") + scanner.text(range) }
                }
            }
        } catch {
            throw Failure.malformed(part: part, line: error.line, message: error.message)
        }
        if let invalid { throw invalid }
        return rows
    }

    /// "AB12" → 27. A reference with more letters than any column has ("ZZZZZZZZZZZZZZZ1") gives `maximumColumn`,
    /// past the last, rather than a number that overflows.
    static func column(of reference: String) -> Int? {
        var n = 0, seen = false
        for u in reference.unicodeScalars {
            guard u.value >= 65 && u.value <= 90 else { break }
            n = n * 26 + Int(u.value - 64)
            seen = true
            if n > maximumColumn { return maximumColumn }
        }
        return seen ? n - 1 : nil
    }
}
