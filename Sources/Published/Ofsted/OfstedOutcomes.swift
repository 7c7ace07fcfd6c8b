import Foundation
import Spreadsheet

/// Ofsted's local authority inspection outcomes (the workbook "LA_Inspection_Outcomes_as_at_31_March_2025.ods"):
/// each council's latest inspection of children's services (ILACS) with its judgements and dates. Councils are named
/// there by their ONS code, so the tables' rows (which carry both codes) tie them to the three-digit numbers.
public struct OfstedOutcomes: Sendable {
    public var file: String
    /// The sheet's title ("Local authority inspection judgements as at 31 March 2025").
    public var title: String
    /// By ONS code (E06…, E08…, E09…, E10…).
    public var latest: [String: Inspection]

    public struct Inspection: Sendable, Hashable {
        public var newCode: String
        public var name: String
        public var region: String
        public var inspected: String
        public var published: String
        public var overall: String
        /// The sub-judgements, by the sheet's own column headings.
        public var judgements: [(heading: String, judgement: String)]
        /// Ofsted's name for what it was ("ILACS Standard Inspection", "ILACS Focused Visit", "LA Monitoring visit"),
        /// where the sheet says; a visit has no judgement but a theme ("Children in care").
        public var kind: String = ""
        public var theme: String = ""

        public static func == (a: Inspection, b: Inspection) -> Bool {
            a.newCode == b.newCode && a.overall == b.overall && a.inspected == b.inspected && a.kind == b.kind
        }
        public func hash(into hasher: inout Hasher) { hasher.combine(newCode); hasher.combine(inspected); hasher.combine(kind) }
    }

    /// Every inspection since ILACS began in 2018 and every visit of the workbook's year, by ONS code, oldest first
    /// (the sheets "ILACS_inspection_history" and "In-year_inspections"; an inspection in both is listed once). A
    /// council reorganised away keeps its own code and history ("No longer exists").
    public var history: [String: [Inspection]] = [:]

    public static let sheet = "Inspections_as_at_31_March"

    /// Reads the workbook, or says why not, naming the file (and the sheet and row where there is one).
    public static func read(_ bytes: [UInt8], file: String) throws(PublishedFileError) -> OfstedOutcomes {
        let workbook: ODSWorkbook
        do { workbook = try ODSWorkbook(data: Data(bytes)) } catch { throw PublishedFileError(file: file, reason: error.description) }
        guard let rows = workbook.rows(ofSheet: sheet) else {
            throw PublishedFileError(file: file, reason: "has no sheet '\(sheet)' (its sheets are \(workbook.sheetNames.joined(separator: ", ")))")
        }
        var latest: [String: Inspection] = [:]
        for inspection in try inspections(rows, sheet: sheet, file: file) { latest[inspection.newCode] = inspection }
        guard !latest.isEmpty else { throw PublishedFileError(file: file, reason: "sheet '\(sheet)' lists no council") }
        var outcomes = OfstedOutcomes(file: file, title: rows.first?.first ?? "", latest: latest)
        outcomes.history = try history(workbook, file: file)
        return outcomes
    }
}
