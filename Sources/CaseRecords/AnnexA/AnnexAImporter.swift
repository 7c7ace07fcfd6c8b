import Domain
import Foundation
import Spreadsheet

/// What an Annex A workbook gives that the census lacks. Today: list 5's section 47 enquiries with the strategy
/// discussion that started them (the statutory clock for `icpc_within_15wd`); lists 3 to 9 are all read, checked and
/// counted.
public struct AnnexATables: Sendable, Equatable {
    // List 5: section 47 enquiries.
    public var s47Child: [String] = []
    public var s47StrategyDate: [Int32] = []
    public var s47ICPCDate: [Int32] = []
    public var s47ICPCNotRequired: [Bool] = []
    public var s47Team: [String] = []

    public init() {}

    public mutating func append(_ o: AnnexATables) {
        s47Child += o.s47Child; s47StrategyDate += o.s47StrategyDate; s47ICPCDate += o.s47ICPCDate
        s47ICPCNotRequired += o.s47ICPCNotRequired; s47Team += o.s47Team
    }
}

/// Reads Ofsted's Annex A workbook (lists found by sheet name, "List 5" or "List 5 - Section 47"; columns by their
/// headings, so reordered or extra columns do no harm). Dates may be Excel serial numbers or text (dd/mm/yyyy or
/// ISO). A file that is not a workbook is rejected whole; a row whose value cannot be read is left out and reported
/// by sheet, row, child and column.
public struct AnnexAImporter {
    public init() {}

    public static func recognises(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) && String(decoding: bytes.prefix(4096), as: UTF8.self).contains("xl/")
    }

    public struct FileResult: Sendable {
        public var tables: AnnexATables
        public var report: FileReport
    }

    /// The lists read, with the heading that identifies a row's child.
    static let lists: [(number: Int, name: String)] = [
        (3, "referrals"), (4, "assessments"), (5, "section_47"), (6, "children_in_need"), (7, "child_protection"),
        (8, "children_in_care"), (9, "care_leavers"),
    ]

    public func read(data: Data, file: String) throws(ImportRejection) -> FileResult {
        let workbook: XLSXWorkbook
        do { workbook = try XLSXWorkbook(data: data) } catch { throw ImportRejection(file: file, line: 0, reason: "\(error)") }
        var tables = AnnexATables()
        var faults: [ImportFault] = []
        var counts: [String: Int] = ["records_left_out": 0]
        for list in Self.lists {
            let rows: [XLSXWorkbook.Row]
            do {
                guard let sheet = workbook.sheets.first(where: { Self.listNumber($0.name) == list.number }),
                      let found = try workbook.rows(ofSheet: sheet.name) else {
                    faults.append(ImportFault(severity: .warning, file: file, line: 0, childID: nil, field: "List \(list.number)", rule: "missing-list",
                                              message: "the workbook has no List \(list.number) sheet"))
                    continue
                }
                rows = found
            } catch {
                throw ImportRejection(file: file, line: 0, reason: "List \(list.number): \(error)")
            }
            guard let headings = rows.first else { continue }
            var columns: [String: Int] = [:]
            for (column, cell) in headings.cells { if case .text(let t) = cell { columns[Self.normalise(t)] = column } }
            var read = 0
            for row in rows.dropFirst() where !row.cells.isEmpty {
                var parser = AnnexARow(row: row, columns: columns, sheet: "List \(list.number)", file: file)
                guard parser.has("child unique id") else { continue }
                if list.number == 5 {
                    let child = parser.text("child unique id")
                    let strategy = parser.date("strategy discussion initiating section 47 enquiry start date", required: true)
                    let icpc = parser.date("date of initial child protection conference", required: false)
                    let notRequired = parser.flag("was an initial child protection conference deemed unnecessary?")
                    if strategy != noDate, icpc != noDate, icpc < strategy {
                        parser.fault("date of initial child protection conference", "the conference is dated before the strategy discussion", severity: .warning)
                    }
                    if !parser.failed {
                        tables.s47Child.append(child); tables.s47StrategyDate.append(strategy); tables.s47ICPCDate.append(icpc)
                        tables.s47ICPCNotRequired.append(notRequired ?? false); tables.s47Team.append(parser.text("allocated team"))
                    }
                } else {
                    // Every heading named "date" must hold a date.
                    for heading in columns.keys where heading.hasPrefix("date") || heading.hasSuffix("date") { _ = parser.date(heading, required: false) }
                }
                faults += parser.faults
                if parser.failed { counts["records_left_out", default: 0] += 1 } else { read += 1 }
            }
            counts[list.name] = read
        }
        return FileResult(tables: tables, report: FileReport(file: file, accepted: true, counts: counts, faults: faults))
    }

    /// "List 5", "List 5 - Section 47", "list5" → 5.
    static func listNumber(_ sheet: String) -> Int? {
        let lowered = sheet.lowercased().trimmingCharacters(in: .whitespaces)
        guard lowered.hasPrefix("list") else { return nil }
        return Int(lowered.dropFirst(4).trimmingCharacters(in: .whitespaces).prefix { $0.isNumber })
    }

    static func normalise(_ heading: String) -> String {
        heading.lowercased().replacingOccurrences(of: "\u{a0}", with: " ").split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }
}

/// One row of a list, with the faults found in it.
private struct AnnexARow {
    let row: XLSXWorkbook.Row
    let columns: [String: Int]
    let sheet: String
    let file: String
    var faults: [ImportFault] = []
    var failed = false

    init(row: XLSXWorkbook.Row, columns: [String: Int], sheet: String, file: String) {
        self.row = row
        self.columns = columns
        self.sheet = sheet
        self.file = file
    }

    func cell(_ heading: String) -> XLSXWorkbook.Cell? { columns[heading].flatMap { row.cells[$0] } }

    func has(_ heading: String) -> Bool { !text(heading).isEmpty }

    func text(_ heading: String) -> String {
        switch cell(heading) {
        case .text(let t)?: return t.trimmingCharacters(in: .whitespaces)
        case .number(let n)?: return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case nil: return ""
        }
    }

    mutating func fault(_ heading: String, _ message: String, severity: ImportFault.Severity = .error) {
        faults.append(ImportFault(severity: severity, file: file, line: row.number, childID: text("child unique id"), field: "\(sheet): \(heading)",
                                  rule: severity == .error ? "bad-value" : "doubtful-value", message: message))
        if severity == .error { failed = true }
    }

    mutating func date(_ heading: String, required: Bool) -> Int32 {
        switch cell(heading) {
        case .number(let serial)?:
            guard serial > 1, serial < 80_000 else { fault(heading, "\(serial) is not a date"); return noDate }
            return Int32(XLSXWorkbook.dayNumber(serial: serial))
        case .text(let t)? where !t.trimmingCharacters(in: .whitespaces).isEmpty:
            let s = t.trimmingCharacters(in: .whitespaces)
            let parts = s.split(separator: "/")
            // Years past 9999 are no dates (and their day numbers would not fit the column).
            if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), (1...9999).contains(y),
               let date = CalendarDate(year: y, month: m, day: d) { return date.column }
            if let date = CalendarDate(iso: String(s.prefix(10))) { return date.column }
            fault(heading, "'\(s)' is not a date")
            return noDate
        default:
            if required { fault(heading, "a date is required") }
            return noDate
        }
    }

    mutating func flag(_ heading: String) -> Bool? {
        let t = text(heading).lowercased()
        if t.isEmpty { return nil }
        if ["yes", "y", "true", "1", "a) yes"].contains(t) { return true }
        if ["no", "n", "false", "0", "b) no"].contains(t) { return false }
        fault(heading, "'\(t)' is not yes or no", severity: .warning)
        return nil
    }
}
