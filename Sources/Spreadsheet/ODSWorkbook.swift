import Foundation
import ZIPFoundation

/// An OpenDocument spreadsheet (.ods) read for its cells' text, sheet by sheet: what Ofsted publishes its inspection
/// outcomes in. Repeated cells and rows (how ODS writes runs of the same cell) are expanded only where content
/// follows them, so the 16,000 empty columns a sheet declares cost nothing; a sheet beyond a spreadsheet's limits
/// (1,048,576 rows, 16,384 columns) is refused rather than expanded.
public struct ODSWorkbook {
    public enum Failure: Error, CustomStringConvertible {
        case notAZipArchive
        case damaged(String)
        case notODS(String)
        case malformed(line: Int, message: String)
        case tooLarge(String)

        public var description: String {
            switch self {
            case .notAZipArchive: return "not an OpenDocument spreadsheet (not a zip archive)"
            case .damaged(let reason): return "not a readable OpenDocument spreadsheet: the zip archive is damaged (\(reason))"
            case .notODS(let reason): return "not an OpenDocument spreadsheet: \(reason)"
            case .malformed(let line, let message): return "content.xml line \(line) is not well-formed XML: \(message)"
            case .tooLarge(let reason): return "content.xml: \(reason)"
            }
        }
    }

    /// Sheet names in the workbook's order.
    public let sheetNames: [String]
    private let sheets: [String: [[String]]]

    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384

    public init(data: Data) throws(Failure) {
        do { try ZIPDirectory.check(data) } catch { throw .damaged("\(error)") }
        guard let archive = try? Archive(data: data, accessMode: .read) else { throw .notAZipArchive }
        let mimetype: [UInt8]
        let content: [UInt8]
        do {
            mimetype = try XLSXWorkbook.part("mimetype", in: archive)
            content = try XLSXWorkbook.part("content.xml", in: archive)
        } catch {
            throw .notODS("it has no mimetype or content.xml (an xlsx workbook? save it as .ods, or load the xlsx where workbooks are asked for)")
        }
        guard String(decoding: mimetype, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "application/vnd.oasis.opendocument.spreadsheet" else {
            throw .notODS("its mimetype is not an OpenDocument spreadsheet's")
        }
        (sheetNames, sheets) = try Self.read(content)
    }

    /// The rows of a sheet found by name, each its cells' text from the first column; nil when there is no such sheet.
    public func rows(ofSheet name: String) -> [[String]]? { sheets[name] }

    private static func read(_ bytes: [UInt8]) throws(Failure) -> ([String], [String: [[String]]]) {
        var scanner = XMLScanner(bytes: bytes)
        var names: [String] = []
        var sheets: [String: [[String]]] = [:]
        var sheet: String?
        var rows: [[String]] = []
        var pendingRows = 0
        var row: [String] = []
        var rowRepeat = 1
        var pendingCells = 0
        var cellRepeat = 1
        var inCell = false
        var cellText = ""
        var paragraphs = 0
        do {
            while let event = try scanner.next() {
                switch event {
                case .start(let name, let line, let selfClosing):
                    if scanner.nameIs(name, "table:table") {
                        let attributes = XLSXWorkbook.attributes(of: name, in: bytes)
                        sheet = attributes["table:name"] ?? "Sheet\(names.count + 1)"
                        rows = []
                        pendingRows = 0
                    } else if scanner.nameIs(name, "table:table-row") {
                        rowRepeat = max(1, Int(XLSXWorkbook.attributes(of: name, in: bytes)["table:number-rows-repeated"] ?? "1") ?? 1)
                        row = []
                        pendingCells = 0
                        if selfClosing { pendingRows += rowRepeat }
                    } else if scanner.nameIs(name, "table:table-cell") || scanner.nameIs(name, "table:covered-table-cell") {
                        cellRepeat = max(1, Int(XLSXWorkbook.attributes(of: name, in: bytes)["table:number-columns-repeated"] ?? "1") ?? 1)
                        guard cellRepeat <= maximumColumns else { throw Failure.tooLarge("line \(line): a cell repeated \(cellRepeat) times, past a sheet's \(maximumColumns) columns") }
                        if selfClosing { pendingCells += cellRepeat } else { inCell = true; cellText = ""; paragraphs = 0 }
                    } else if inCell, scanner.nameIs(name, "text:p") {
                        if paragraphs > 0 { cellText += "\n" }
                        paragraphs += 1
                    } else if inCell, scanner.nameIs(name, "text:s") {
                        let count = min(1024, max(1, Int(XLSXWorkbook.attributes(of: name, in: bytes)["text:c"] ?? "1") ?? 1))
                        cellText += String(repeating: " ", count: count)
                    } else if inCell, scanner.nameIs(name, "text:tab") {
                        cellText += "\t"
                    } else if inCell, scanner.nameIs(name, "text:line-break") {
                        cellText += "\n"
                    }
                case .text(let range, _):
                    if inCell { cellText += scanner.text(range) }
                case .end(let name, let line):
                    if scanner.nameIs(name, "table:table-cell") || scanner.nameIs(name, "table:covered-table-cell") {
                        inCell = false
                        if cellText.isEmpty { pendingCells += cellRepeat; continue }
                        guard row.count + pendingCells + cellRepeat <= maximumColumns else {
                            throw Failure.tooLarge("line \(line): a row past a sheet's \(maximumColumns) columns")
                        }
                        row += Array(repeating: "", count: pendingCells) + Array(repeating: cellText, count: cellRepeat)
                        pendingCells = 0
                    } else if scanner.nameIs(name, "table:table-row") {
                        if row.isEmpty { pendingRows += rowRepeat; continue }
                        guard rows.count + pendingRows + rowRepeat <= maximumRows else {
                            throw Failure.tooLarge("line \(line): a sheet past \(maximumRows) rows")
                        }
                        rows += Array(repeating: [], count: pendingRows) + Array(repeating: row, count: rowRepeat)
                        pendingRows = 0
                    } else if scanner.nameIs(name, "table:table"), let name = sheet {
                        if sheets[name] == nil { names.append(name) }
                        sheets[name] = rows
                        sheet = nil
                    }
                }
            }
        } catch let error as XMLScanner.SyntaxError {
            throw .malformed(line: error.line, message: error.message)
        } catch let error as Failure {
            throw error
        } catch {
            throw .malformed(line: 0, message: "\(error)")
        }
        return (names, sheets)
    }
}
