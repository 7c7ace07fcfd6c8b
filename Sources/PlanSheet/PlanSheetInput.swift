import Foundation
import Spreadsheet

/// A sheet's rows as cells by column, whichever format they came from, with the blank rows already left out.
struct Grid {
    enum Kind { case csv, xlsx }
    typealias Cell = XLSXWorkbook.Cell

    struct Line {
        /// The row as the spreadsheet shows it.
        var number: Int
        /// Cells by column (0 for A).
        var cells: [Int: XLSXWorkbook.Cell]
    }

    var kind: Kind
    var lines: [Line]

    /// Reads the bytes as a workbook when they are a zip archive and as CSV when they are UTF-8 text; anything else is
    /// refused with what it looks like and what to upload instead. The name is never consulted: an .xlsx renamed .csv
    /// (or the reverse) is still read for what it is.
    static func read(_ bytes: [UInt8], file: String) throws(PlanSheet.Failure) -> Grid {
        func refuse(_ message: String, row: Int? = nil) -> PlanSheet.Failure {
            PlanSheet.Failure(problems: [PlanSheet.Problem(file: file, row: row, message: message)])
        }
        let upload = "save the plan as an Excel workbook (.xlsx) or as CSV UTF-8 and upload that"
        guard bytes.count <= PlanSheet.maximumBytes else {
            let megabytes = (Double(bytes.count) / 1_048_576 * 10).rounded() / 10
            throw refuse("the file is \(megabytes) MB, and a plan sheet may be at most 5 MB: is this the right file? A plan of a few hundred actions is well under 1 MB")
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw refuse("the file is empty: \(upload)")
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try xlsx(bytes, file: file) }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw refuse("this is an Excel 97-2003 workbook (.xls), which is not read here: in Excel choose Save As, Excel Workbook (.xlsx), and upload that")
        }
        if bytes.starts(with: Array("%PDF-".utf8)) {
            throw refuse("this is a PDF, not a spreadsheet: \(upload)")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw refuse("this is UTF-16 text (Excel's \"Unicode Text\"), not CSV: \(upload)")
        }
        if bytes.contains(0) {
            throw refuse("this is not a spreadsheet (the file holds binary data, not text): \(upload)")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if String(validating: body, as: UTF8.self) == nil {
            // Name the first row that is not UTF-8 (most often a curly quote or a pound sign saved as Windows-1252).
            var line = 1, start = body.startIndex
            for i in body.indices where body[i] == 0x0A {
                if String(validating: body[start..<i], as: UTF8.self) == nil { break }
                line += 1
                start = i + 1
            }
            throw refuse("the file is not UTF-8 text (line \(line) has characters in another encoding, often a curly quote or a £ sign): in Excel choose Save As, CSV UTF-8 (Comma delimited), or upload the .xlsx workbook itself")
        }
        return try csv(bytes, file: file)
    }

    private static func tooManyRows(_ file: String) -> PlanSheet.Failure {
        PlanSheet.Failure(problems: [PlanSheet.Problem(file: file, message: "the sheet has more than 5,000 rows, and a plan sheet may have at most 5,000 actions: is this the right sheet?")])
    }

    private static func csv(_ bytes: [UInt8], file: String) throws(PlanSheet.Failure) -> Grid {
        var reader = CSVReader(bytes: bytes)
        var lines: [Line] = []
        // A spreadsheet shows a CSV record as one row however many lines a quoted cell spans, so rows are counted by
        // record, not by the reader's line.
        var number = 0
        while true {
            let next: (row: [String], line: Int)?
            do {
                next = try reader.next()
            } catch {
                throw PlanSheet.Failure(problems: [PlanSheet.Problem(file: file, row: number + 1, message:
                    "a quoted cell is never closed: a \" starts it and no \" ends it, so the rest of the file cannot be read. Look for a stray quotation mark in this row")])
            }
            guard let record = next?.row else { break }
            number += 1
            var cells: [Int: XLSXWorkbook.Cell] = [:]
            for (column, text) in record.enumerated() where !isBlank(text) { cells[column] = .text(text) }
            guard !cells.isEmpty else { continue }
            lines.append(Line(number: number, cells: cells))
            if lines.count > PlanSheet.maximumRows + 1 { throw tooManyRows(file) }
        }
        return Grid(kind: .csv, lines: lines)
    }

    private static func xlsx(_ bytes: [UInt8], file: String) throws(PlanSheet.Failure) -> Grid {
        func refuse(_ message: String) -> PlanSheet.Failure {
            PlanSheet.Failure(problems: [PlanSheet.Problem(file: file, message: message)])
        }
        // An OpenDocument spreadsheet is a zip archive too, and says so in its first entry.
        if String(decoding: bytes.prefix(100), as: UTF8.self).contains("application/vnd.oasis.opendocument.spreadsheet") {
            throw refuse("this is an OpenDocument spreadsheet (.ods), which is not read here: save it as an Excel workbook (.xlsx) or as CSV UTF-8 and upload that")
        }
        let rows: [XLSXWorkbook.Row]
        do {
            let workbook = try XLSXWorkbook(data: Data(bytes))
            guard let first = workbook.sheets.first else { throw refuse("the workbook has no worksheets") }
            guard let found = try workbook.rows(ofSheet: first.name) else { throw refuse("the workbook's first worksheet cannot be found") }
            rows = found
        } catch let failure as PlanSheet.Failure {
            throw failure
        } catch {
            throw refuse("this is a zip archive but not an Excel workbook that can be read (\(error)): save the plan as an Excel workbook (.xlsx) or as CSV UTF-8 and upload that")
        }
        var lines: [Line] = []
        for row in rows {
            let cells = row.cells.filter { _, cell in
                if case .text(let text) = cell { return !isBlank(text) }
                return true
            }
            guard !cells.isEmpty else { continue }
            lines.append(Line(number: row.number, cells: cells))
            if lines.count > PlanSheet.maximumRows + 1 { throw tooManyRows(file) }
        }
        return Grid(kind: .xlsx, lines: lines)
    }

    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// "A", "Z", "AA": a column's letters as a spreadsheet shows them.
    static func letter(_ column: Int) -> String {
        var n = column + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
