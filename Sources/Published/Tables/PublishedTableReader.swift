import Spreadsheet

/// Why a published file was refused. Says the file, and where there is one the line and the column, so the person
/// loading it can look; nothing of a refused file is kept.
public struct PublishedFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: String?
    public var reason: String

    public init(file: String, line: Int? = nil, column: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        var place = file
        if let line { place += ", line \(line)" }
        if let column { place += ", column \(column)" }
        return "\(place): \(reason)"
    }
}

/// Reads DfE's explore-education-statistics layout: columns found by their header (in any order, with or without a
/// byte-order mark), geography columns by name, and the rest sorted into breakdowns and measures by what they hold.
public enum PublishedTableReader {
    /// The columns every table of the layout has: without them a file is not one.
    public static let requiredColumns = ["time_period", "time_identifier", "geographic_level"]

    /// Where a row's place is written. Any other column is a breakdown or a measure.
    static let placeColumns = ["country_code", "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name"]

    /// Reads a whole file, or says why not.
    public static func read(_ bytes: [UInt8], file: String) throws(PublishedFileError) -> PublishedTable {
        try TextBytes.check(bytes, file: file, expecting: "a CSV table")
        let rows = try csvRows(bytes, file: file)
        guard let header = rows.first else { throw PublishedFileError(file: file, reason: "the file is empty") }
        let names = header.row.map { $0.trimmingSpaces }
        let index = try columnIndex(names, file: file)

        let missing = requiredColumns.filter { index[$0] == nil }
        let hasPlace = placeColumns.contains { index[$0] != nil }
        guard missing.isEmpty, hasPlace else {
            let lacking = missing + (hasPlace ? [] : ["a place (country_code, region_code, old_la_code, la_name ...)"])
            throw PublishedFileError(file: file, reason: "not in DfE's explore-education-statistics layout: it has no "
                + lacking.joined(separator: ", ") + " column" + (lacking.count == 1 ? "" : "s")
                + " (its columns are " + names.prefix(12).joined(separator: ", ") + (names.count > 12 ? ", ..." : "") + ")")
        }

        let body = Array(rows.dropFirst()).filter { !($0.row.count == 1 && $0.row[0].trimmingSpaces.isEmpty) }
        for row in body where row.row.count != names.count {
            throw PublishedFileError(file: file, line: row.line,
                                     reason: "has \(row.row.count) cells where the header has \(names.count) columns")
        }
        guard !body.isEmpty else { throw PublishedFileError(file: file, reason: "has a header and no rows") }

        let known = Set(requiredColumns + placeColumns)
        let others = names.indices.filter { !known.contains(names[$0]) && !names[$0].isEmpty }
        let (measureColumns, breakdownColumns) = try sortColumns(others, names: names, body: body, file: file)
        guard !measureColumns.isEmpty else {
            throw PublishedFileError(file: file, reason: "has no column of figures (every column beside the place and the year holds words)")
        }

        func cell(_ row: [String], _ name: String) -> String { index[name].map { row[$0].trimmingSpaces } ?? "" }
        var table: [PublishedRow] = []
        table.reserveCapacity(body.count)
        for (row, line) in body {
            guard let period = PublishedPeriod(text: cell(row, "time_period"), identifier: cell(row, "time_identifier")) else {
                throw PublishedFileError(file: file, line: line, column: "time_period",
                                         reason: "'\(cell(row, "time_period"))' is not a year (2025) or a pair of years (202425)")
            }
            let level = GeographicLevel(cell(row, "geographic_level"))
            let place = PublishedPlace(countryCode: cell(row, "country_code"), countryName: cell(row, "country_name"),
                                       regionCode: cell(row, "region_code"), regionName: cell(row, "region_name"),
                                       laCode: cell(row, "old_la_code"), newCode: cell(row, "new_la_code"), laName: cell(row, "la_name"))
            switch level {
            case .localAuthority where place.laCode.isEmpty && place.newCode.isEmpty:
                throw PublishedFileError(file: file, line: line, column: "old_la_code", reason: "a local authority's row has no code")
            case .regional where place.regionCode.isEmpty && place.regionName.isEmpty:
                throw PublishedFileError(file: file, line: line, column: "region_code", reason: "a region's row has no code or name")
            default: break
            }
            var cells: [PublishedCell] = []
            cells.reserveCapacity(measureColumns.count)
            for column in measureColumns {
                guard let value = PublishedCell(row[column]) else {
                    throw PublishedFileError(file: file, line: line, column: names[column],
                                             reason: "'\(row[column].trimmingSpaces)' is neither a figure nor one of the publisher's symbols (c, x, z, k, low, u, :, ..)")
                }
                cells.append(value)
            }
            table.append(PublishedRow(line: line, period: period, level: level, place: place,
                                      breakdown: breakdownColumns.map { row[$0].trimmingSpaces }, cells: cells))
        }
        return PublishedTable(name: file, breakdownColumns: breakdownColumns.map { names[$0] },
                              measures: measureColumns.map { names[$0] }, rows: table)
    }

    /// The file's rows; `partial` reads a prefix (to see the header) and stops at a quote the cut left open.
    static func csvRows(_ bytes: [UInt8], file: String, partial: Bool = false) throws(PublishedFileError) -> [(row: [String], line: Int)] {
        var reader = CSVReader(bytes: bytes)
        var rows: [(row: [String], line: Int)] = []
        do {
            while let next = try reader.next() { rows.append(next) }
        } catch {
            if partial { return rows }
            throw PublishedFileError(file: file, line: error.line, reason: "a quoted cell is never closed")
        }
        return rows
    }

    static func columnIndex(_ names: [String], file: String) throws(PublishedFileError) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() where !name.isEmpty {
            if index[name] != nil, requiredColumns.contains(name) || placeColumns.contains(name) {
                throw PublishedFileError(file: file, line: 1, column: name, reason: "the column appears twice in the header")
            }
            if index[name] == nil { index[name] = i }
        }
        return index
    }

    /// A column is a measure when it holds figures: at least one number and otherwise publisher's symbols or blanks.
    /// A column of words is a breakdown. A column of mostly figures with a few words is a measure with faults, and the
    /// first fault is named rather than the column quietly becoming a breakdown.
    static func sortColumns(_ columns: [Int], names: [String], body: [(row: [String], line: Int)],
                            file: String) throws(PublishedFileError) -> (measures: [Int], breakdowns: [Int]) {
        var measures: [Int] = [], breakdowns: [Int] = []
        for column in columns {
            var numbers = 0, symbols = 0, words = 0
            var firstWord: (text: String, line: Int)?
            for (row, line) in body {
                switch PublishedCell(row[column]) {
                case .number?: numbers += 1
                case .code?: symbols += 1
                case .blank?: break
                case nil:
                    words += 1
                    if firstWord == nil { firstWord = (row[column].trimmingSpaces, line) }
                }
            }
            if words == 0, numbers > 0 || symbols > 0 {
                measures.append(column)
            } else if numbers > words, let firstWord {
                throw PublishedFileError(file: file, line: firstWord.line, column: names[column],
                                         reason: "'\(firstWord.text)' is neither a figure nor one of the publisher's symbols (c, x, z, k, low, u, :, ..)")
            } else {
                breakdowns.append(column)
            }
        }
        return (measures, breakdowns)
    }
}

/// Checks that a file's bytes are the text they claim to be before any of it is read as CSV.
enum TextBytes {
    static func check(_ bytes: [UInt8], file: String, expecting: String) throws(PublishedFileError) {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw PublishedFileError(file: file, reason: "is a zip archive (a spreadsheet workbook?), not \(expecting): save the sheet as CSV, or load the workbook where workbooks are asked for")
        }
        if bytes.starts(with: Array("%PDF-".utf8)) {
            throw PublishedFileError(file: file, reason: "is a PDF, not \(expecting)")
        }
        if bytes.contains(0) {
            throw PublishedFileError(file: file, reason: "holds binary bytes, not \(expecting)")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        guard String(validating: body, as: UTF8.self) == nil else { return }
        // Name the first line that is not UTF-8, so the person can find it.
        var line = 1, start = body.startIndex
        for i in body.indices where body[i] == 0x0A {
            if String(validating: body[start..<i], as: UTF8.self) == nil { break }
            line += 1
            start = i + 1
        }
        throw PublishedFileError(file: file, line: line, reason: "is not UTF-8 text (DfE publishes its tables in UTF-8; was the file saved again in another encoding?)")
    }
}
