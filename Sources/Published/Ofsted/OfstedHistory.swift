import Domain
import Spreadsheet

extension OfstedOutcomes {
    /// The history sheets' names; a workbook without them (an older release) has no history, not an error.
    public static let historySheet = "ILACS_inspection_history"
    public static let inYearSheet = "In-year_inspections"

    /// The rows of one of Ofsted's sheets as inspections. The three sheets name their columns a little differently
    /// ("Inspection date", "Inspection/Visit date"; "Ofsted region", "Region"), so each column is found by any of its
    /// names; a sheet without the council's code, name or overall effectiveness is refused, naming the sheet.
    static func inspections(_ rows: [[String]], sheet: String, file: String) throws(PublishedFileError) -> [Inspection] {
        guard let headerAt = rows.firstIndex(where: { $0.contains("Local authority area code") && $0.contains("Overall effectiveness") }) else {
            throw PublishedFileError(file: file, reason: "sheet '\(sheet)' has no header row with 'Local authority area code' and 'Overall effectiveness'")
        }
        let header = rows[headerAt]
        func column(_ names: String...) -> Int? { names.lazy.compactMap { header.firstIndex(of: $0) }.first }
        guard let code = column("Local authority area code"), let name = column("Local authority name"), let overall = column("Overall effectiveness") else {
            throw PublishedFileError(file: file, reason: "sheet '\(sheet)' lacks the council's code, name or overall effectiveness")
        }
        let region = column("Ofsted region", "Region"), inspected = column("Inspection date", "Inspection/Visit date")
        let published = column("Publication date"), kind = column("Inspection type", "Inspection/Visit type"), theme = column("Visit Theme")
        let subjudgements = header.indices.filter { $0 > overall && $0 != theme && !header[$0].isEmpty }
        var found: [Inspection] = []
        for (offset, row) in rows[(headerAt + 1)...].enumerated() {
            func cell(_ i: Int?) -> String { i.map { $0 < row.count ? row[$0].trimmingCharacters(in: .whitespaces) : "" } ?? "" }
            let ons = cell(code)
            if ons.isEmpty { continue }
            let line = headerAt + offset + 2
            guard ons.count == 9, ons.hasPrefix("E") else {
                throw PublishedFileError(file: file, line: line, column: "Local authority area code",
                                         reason: "'\(ons)' is not an ONS local authority code (E followed by eight digits), in sheet '\(sheet)'")
            }
            // Dates are Ofsted's day/month/year; anything else is refused rather than placed somewhere in the history.
            for (i, heading) in [(inspected, "Inspection date"), (published, "Publication date")] {
                let text = cell(i)
                guard text.isEmpty || day(text) != nil else {
                    throw PublishedFileError(file: file, line: line, column: i.map { header[$0] } ?? heading,
                                             reason: "'\(text)' is not a date written day/month/year, in sheet '\(sheet)'")
                }
            }
            found.append(Inspection(newCode: ons, name: cell(name), region: cell(region), inspected: cell(inspected), published: cell(published),
                                    overall: cell(overall), judgements: subjudgements.map { (header[$0], cell($0)) }.filter { !$0.1.isEmpty },
                                    kind: cell(kind), theme: cell(theme)))
        }
        return found
    }

    /// Every council's inspections and visits from the history sheets, oldest first, each once.
    static func history(_ workbook: ODSWorkbook, file: String) throws(PublishedFileError) -> [String: [Inspection]] {
        var history: [String: [Inspection]] = [:]
        for sheet in [historySheet, inYearSheet] {
            guard let rows = workbook.rows(ofSheet: sheet) else { continue }
            for inspection in try inspections(rows, sheet: sheet, file: file) {
                var list = history[inspection.newCode, default: []]
                // The year's inspections are in both sheets: the same day and kind is the same inspection.
                if !list.contains(where: { $0.inspected == inspection.inspected && $0.kind == inspection.kind }) { list.append(inspection) }
                history[inspection.newCode] = list
            }
        }
        return history.mapValues { list in
            list.sorted { (day($0.inspected)?.dayNumber ?? .max, $0.kind) < (day($1.inspected)?.dayNumber ?? .max, $1.kind) }
        }
    }

    /// "15/05/2023" as a day; nil for anything else.
    public static func day(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }
}
