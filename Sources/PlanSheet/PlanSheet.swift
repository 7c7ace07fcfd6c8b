import Domain
import Spreadsheet

/// The Improvement Plan as a spreadsheet: a board starts from a plan it already keeps in Excel, so the product reads
/// that sheet in bulk and writes it back out in the same columns (docs/plan-import.md).
///
/// Reading is all or nothing. Every problem in the sheet is found and reported together, each naming the file, the
/// row as the spreadsheet shows it and the column by its heading, so one correction pass fixes the lot; a sheet with
/// any problem gives back no rows at all, so a plan is never half imported.
public enum PlanSheet {
    /// The columns a plan sheet may have, in the order the export writes them. Headings are matched ignoring case and
    /// surrounding spaces; any other heading is a problem, so a misspelt column is reported rather than ignored.
    public enum Column: String, CaseIterable, Sendable {
        case reference = "Reference"
        case action = "Action"
        case owner = "Owner"
        case lead = "Lead"
        case due = "Due"
        case status = "Status"
        case measure = "Measure"
        case recommendation = "Recommendation"
        case target = "Target"
        case completed = "Completed"

        /// The heading as the export writes it and the documentation names it.
        public var heading: String { rawValue }

        /// Without these a row is no plan action, so a sheet lacking one of them is refused.
        public var isRequired: Bool {
            switch self {
            case .reference, .action, .owner, .due: true
            default: false
            }
        }
    }

    /// One action read from the sheet.
    public struct Row: Sendable, Equatable {
        /// The plan's own reference ("1.2a"), unique within the sheet. `PlanAction` has no field for it: the caller
        /// decides where it is kept.
        public var reference: String
        public var action: PlanAction
        /// The row as the spreadsheet shows it (the header is row 1).
        public var line: Int

        public init(reference: String, action: PlanAction, line: Int) {
            self.reference = reference
            self.action = action
            self.line = line
        }
    }

    /// A plan sheet larger than this is refused before it is read: a plan is a few hundred rows at most, so a bigger
    /// file is the wrong file, and reading it would only hold the server up.
    public static let maximumBytes = 5 * 1024 * 1024
    /// The most actions a sheet may hold (rows below the header that are not blank).
    public static let maximumRows = 5_000

    /// Reads a plan sheet, CSV or xlsx (told by its bytes, never by its name; for a workbook, its first worksheet).
    ///
    /// - Parameters:
    ///   - bytes: the file as uploaded.
    ///   - fileName: the name every problem is reported under.
    ///   - measureCount: the number of measures in the notice, when known: a Measure above it is a problem.
    /// - Returns: every action, in the sheet's order. Blank rows are skipped.
    /// - Throws: every problem found (up to 100, and a count of the rest), when there is any.
    public static func read(bytes: [UInt8], fileName: String, measureCount: Int? = nil) throws(Failure) -> [Row] {
        let grid = try Grid.read(bytes, file: fileName)
        var reader = SheetReader(grid: grid, file: fileName, measureCount: measureCount)
        let rows = reader.read()
        if let failure = reader.failure { throw failure }
        return rows
    }
}
