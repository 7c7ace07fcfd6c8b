import Spreadsheet

/// A CSV table recognised by its header row: the frame every CSV importer (the 903's tables, the council's bundle)
/// reads its files in. The header names the columns and says which table the file is; a column the table does not
/// have is warned of and passed over; blank rows are skipped; every other row is handed on with its line, and a file
/// whose quoting never closes is rejected at the line where the open field began. What a row means is the importer's.
struct CSVFrame<Table> {
    /// The table the header names, its columns by normalised name, and the header's own faults.
    let table: Table
    let index: [String: Int]
    var faults: [ImportFault]

    /// How an importer names its tables and columns.
    struct Rules {
        /// Column names as the importer compares them (the 903's upper case, the bundle's lower case).
        var normalise: (String) -> String
        /// The table whose required columns the normalised header has; nil for none.
        var recognise: ([String]) -> Table?
        /// The columns a table may have.
        var columns: (Table) -> Set<String>
        /// Why a header that names no table is refused (given the header as written).
        var notATable: (String) -> String
        /// The warning for a column the table does not have.
        var unknownColumn: (String, Table) -> String
    }

    /// Whether the first row of `bytes` (read no further than 4 KB) is a header `rules` recognise.
    static func recognises(_ bytes: [UInt8], _ rules: Rules) -> Bool {
        var reader = CSVReader(bytes: Array(bytes.prefix(4096)))
        guard let first = try? reader.next() else { return false }
        return rules.recognise(first.row.map(rules.normalise)) != nil
    }

    /// Reads the header, then hands each row that is not blank to `row` with its line. Returns the frame (for its
    /// table and the header's faults) and the number of rows handed on.
    static func read(bytes: [UInt8], file: String, _ rules: Rules,
                     row: (Table, _ index: [String: Int], _ fields: [String], _ line: Int) -> Void) throws(ImportRejection) -> (frame: CSVFrame, rows: Int) {
        var reader = CSVReader(bytes: bytes)
        do {
            guard let header = try reader.next() else { throw ImportRejection(file: file, line: 1, reason: "the file is empty") }
            let names = header.row.map(rules.normalise)
            guard let table = rules.recognise(names) else {
                throw ImportRejection(file: file, line: 1, reason: rules.notATable(header.row.joined(separator: ",")))
            }
            let known = rules.columns(table)
            let faults = names.filter { !known.contains($0) && !$0.isEmpty }.map { name in
                ImportFault(severity: .warning, file: file, line: 1, childID: nil, field: name, rule: "unknown-column",
                            message: rules.unknownColumn(name, table))
            }
            let frame = CSVFrame(table: table, index: Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }), faults: faults)
            var rows = 0
            while let (fields, line) = try reader.next() {
                if fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
                rows += 1
                row(table, frame.index, fields, line)
            }
            return (frame, rows)
        } catch let error as CSVReader.Malformed {
            throw ImportRejection(file: file, line: error.line, reason: "not well-formed CSV: a quoted field is never closed")
        } catch let error as ImportRejection {
            throw error
        } catch {
            throw ImportRejection(file: file, line: 0, reason: "\(error)")
        }
    }
}
