import Domain
import Spreadsheet
import Foundation

/// A table of a report, as a person reads it and as a spreadsheet takes it: every table of the board pack is one,
/// drawn into the page and exported as CSV and as XLSX from the same values.
public struct ReportTable: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        /// A percentage or other figure shown with its unit but exported as the number.
        case figure(Double, shown: String)
        /// A day or a month: written in words where a person reads it ("31 October 2011"), exported as ISO text.
        case date(iso: String, shown: String)
        case empty

        /// A day, "31 October 2011" on the page and 2011-10-31 in the files.
        public static func day(_ d: CalendarDate) -> Cell {
            .date(iso: d.iso, shown: d.inWords)
        }

        /// A month, "October 2011" on the page and 2011-10 in the files.
        public static func month(_ m: YearMonth) -> Cell {
            .date(iso: m.iso, shown: m.label)
        }


        public var shown: String {
            switch self {
            case .text(let t): t
            case .number(let n): ShownFigure.text(n)
            case .figure(_, let shown), .date(_, let shown): shown
            case .empty: ""
            }
        }
    }

    /// A short name for files and sheets ("targets").
    public var name: String
    public var caption: String
    public var header: [String]
    public var rows: [[Cell]]

    public init(name: String, caption: String, header: [String], rows: [[Cell]]) {
        self.name = name
        self.caption = caption
        self.header = header
        self.rows = rows
    }

    /// RFC 4180 CSV: every field quoted when it holds a comma, quote or line break; CRLF line ends. A cell a
    /// spreadsheet would read as a formula is prefixed with an apostrophe.
    public func csv() -> String {
        func field(_ text: String) -> String {
            var t = text
            if let first = t.first, "=+-@\t\r".contains(first), Double(t) == nil { t = "'" + t }
            return t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : t
        }
        func value(_ cell: Cell) -> String {
            switch cell {
            case .number(let n), .figure(let n, _): n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
            case .text(let t), .date(let t, _): t
            case .empty: ""
            }
        }
        return ([header.map(field).joined(separator: ",")] + rows.map { $0.map { field(value($0)) }.joined(separator: ",") })
            .joined(separator: "\r\n") + "\r\n"
    }

    /// A workbook with one sheet: the header row, then the rows, numbers as numbers.
    public func xlsx() throws -> Data {
        let sheetRows: [[XLSXWorkbook.Cell?]] = [header.map { .text($0) }] + rows.map { row in
            row.map { cell -> XLSXWorkbook.Cell? in
                switch cell {
                case .text(let t), .date(let t, _): .text(t)
                case .number(let n), .figure(let n, _): .number(n)
                case .empty: nil
                }
            }
        }
        return try XLSXWriter.workbook([(name: String(name.prefix(31)), rows: sheetRows)])
    }
}
