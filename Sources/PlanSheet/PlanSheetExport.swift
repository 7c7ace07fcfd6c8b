import Domain
import Foundation
import Spreadsheet

extension PlanSheet {
    /// The plan as a workbook of one sheet, "Improvement Plan": the header row, then one row per action in the columns
    /// `read` takes, so the file can be edited and read back. Dates are written as text ("31 March 2012"):
    /// `XLSXWriter` writes no cell styles, so a date written as Excel's serial number would show as a bare number.
    /// The Measure is a number cell, as the notice numbers it (from 1).
    public static func xlsx(_ rows: [(reference: String, action: PlanAction)]) throws -> Data {
        let header: [XLSXWorkbook.Cell?] = Column.allCases.map { .text($0.heading) }
        let body = rows.map { row in
            Column.allCases.map { column -> XLSXWorkbook.Cell? in
                if column == .measure, let measure = row.action.measure { return .number(Double(measure + 1)) }
                let text = PlanValues.clean(cell(column, reference: row.reference, action: row.action))
                return text.isEmpty ? nil : .text(text)
            }
        }
        return try XLSXWriter.workbook([(name: "Improvement Plan", rows: [header] + body)])
    }

    /// The plan as CSV (RFC 4180: a field quoted when it holds a comma, a quotation mark or a line break; CRLF line
    /// ends), in the columns `read` takes. UTF-8, without a byte-order mark, like the product's other CSV exports.
    public static func csv(_ rows: [(reference: String, action: PlanAction)]) -> String {
        let header = Column.allCases.map { csvField($0.heading) }.joined(separator: ",")
        let lines = rows.map { row in
            Column.allCases.map { csvField(PlanValues.clean(cell($0, reference: row.reference, action: row.action))) }.joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\r\n") + "\r\n"
    }

    /// The first characters that make a spreadsheet read a cell as a formula: an exported plan action must never run
    /// as one when the file is opened.
    static let formulaMarks: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// One CSV field. Text a spreadsheet would take for a formula ("=HYPERLINK(...)", "-see 1.2") is marked with an
    /// apostrophe, as Excel marks text itself; so is text already starting with one, so that `read`, which takes one
    /// such apostrophe off, gives back exactly what was written.
    static func csvField(_ text: String) -> String {
        var t = text
        if let first = t.first, (formulaMarks.contains(first) && Double(t) == nil) || first == "'" { t = "'" + t }
        guard t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return t }
        return "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// What a column holds for an action, as text: owners and statuses by their labels, the target by its id (ids do
    /// not change between versions; the names shown for them may), dates in words.
    static func cell(_ column: Column, reference: String, action: PlanAction) -> String {
        switch column {
        case .reference: reference
        case .action: action.title
        case .owner: action.owner.label
        case .lead: action.lead
        // The date first set: a revised date is the board's decision, kept with the decision, not in the plan's sheet.
        case .due: action.due.inWords
        case .status: action.status.label
        case .measure: action.measure.map { String($0 + 1) } ?? ""
        case .recommendation: action.recommendation ?? ""
        case .target: action.indicator?.rawValue ?? ""
        case .completed: action.completedOn?.inWords ?? ""
        }
    }
}
