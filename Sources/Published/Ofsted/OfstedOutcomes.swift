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

        public static func == (a: Inspection, b: Inspection) -> Bool {
            a.newCode == b.newCode && a.overall == b.overall && a.inspected == b.inspected
        }
        public func hash(into hasher: inout Hasher) { hasher.combine(newCode); hasher.combine(inspected) }
    }

    public static let sheet = "Inspections_as_at_31_March"

    /// Reads the workbook, or says why not, naming the file (and the sheet and row where there is one).
    public static func read(_ bytes: [UInt8], file: String) throws(PublishedFileError) -> OfstedOutcomes {
        let workbook: ODSWorkbook
        do { workbook = try ODSWorkbook(data: Data(bytes)) } catch { throw PublishedFileError(file: file, reason: error.description) }
        guard let rows = workbook.rows(ofSheet: sheet) else {
            throw PublishedFileError(file: file, reason: "has no sheet '\(sheet)' (its sheets are \(workbook.sheetNames.joined(separator: ", ")))")
        }
        guard let headerAt = rows.firstIndex(where: { $0.contains("Local authority area code") && $0.contains("Overall effectiveness") }) else {
            throw PublishedFileError(file: file, reason: "sheet '\(sheet)' has no header row with 'Local authority area code' and 'Overall effectiveness'")
        }
        let header = rows[headerAt]
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        guard let code = column("Local authority area code"), let name = column("Local authority name"), let overall = column("Overall effectiveness") else {
            throw PublishedFileError(file: file, reason: "sheet '\(sheet)' lacks the council's code, name or overall effectiveness")
        }
        let region = column("Ofsted region"), inspected = column("Inspection date"), published = column("Publication date")
        let subjudgements = header.indices.filter { $0 > overall && !header[$0].isEmpty }
        var latest: [String: Inspection] = [:]
        for (offset, row) in rows[(headerAt + 1)...].enumerated() {
            func cell(_ i: Int?) -> String { i.map { $0 < row.count ? row[$0].trimmingCharacters(in: .whitespaces) : "" } ?? "" }
            let ons = cell(code)
            if ons.isEmpty { continue }
            guard ons.count == 9, ons.hasPrefix("E") else {
                throw PublishedFileError(file: file, line: headerAt + offset + 2, column: "Local authority area code",
                                         reason: "'\(ons)' is not an ONS local authority code (E followed by eight digits), in sheet '\(sheet)'")
            }
            latest[ons] = Inspection(newCode: ons, name: cell(name), region: cell(region), inspected: cell(inspected), published: cell(published),
                                     overall: cell(overall), judgements: subjudgements.map { (header[$0], cell($0)) }.filter { !$0.1.isEmpty })
        }
        guard !latest.isEmpty else { throw PublishedFileError(file: file, reason: "sheet '\(sheet)' lists no council") }
        return OfstedOutcomes(file: file, title: rows.first?.first ?? "", latest: latest)
    }
}
