import Domain
import Foundation
import FuzzSupport
import PlanSheet

/// Any bytes into `PlanSheet.read(bytes:fileName:measureCount:)`: the format sniffing, the CSV reader or the workbook
/// (ZIPFoundation in memory, its XML parts), the header and every column's values. A refusal must name the file, say
/// why and list at most 100 problems. An accepted plan must be one the product can hold (references present and
/// unique, measures within the notice, a completion date only on a complete action) and must read back as itself
/// after the export, as CSV and as a workbook, so nothing changes on the way out and in again.
func run(_ bytes: [UInt8]) -> String {
    let file = "fuzz-plan-sheet"
    let measures = 12
    let rows: [PlanSheet.Row]
    do {
        rows = try PlanSheet.read(bytes: bytes, fileName: file, measureCount: measures)
    } catch {
        expect(!error.problems.isEmpty && error.problems.count <= PlanSheet.Failure.shownProblems && error.more >= 0,
               "a refusal must list between 1 and \(PlanSheet.Failure.shownProblems) problems: \(error.problems.count), \(error.more) more")
        expect(error.problems.allSatisfy { $0.file == file && !$0.message.isEmpty }, "every problem must name the file and say what is wrong: \(error)")
        expect(error.problems.allSatisfy { ($0.row ?? 1) >= 1 }, "a problem's row is the spreadsheet's, from 1: \(error)")
        return "refused: \(error.problems.count + error.more) problems, the first \(error.problems[0])"
    }
    expect(!rows.isEmpty && rows.count <= PlanSheet.maximumRows, "an accepted plan has 1 to \(PlanSheet.maximumRows) actions: \(rows.count)")
    var references: Set<String> = []
    for row in rows {
        let a = row.action
        expect(!row.reference.isEmpty && references.insert(row.reference.lowercased()).inserted, "row \(row.line): a reference empty or repeated")
        expect(!a.title.isEmpty, "row \(row.line): an action with no words")
        expect(a.measure.map { (0..<measures).contains($0) } ?? true, "row \(row.line): measure \(String(describing: a.measure)) outside the notice")
        expect(a.completedOn == nil || a.status == .complete, "row \(row.line): a completion date on an action that is not complete")
        expect(a.agreedDue == nil, "row \(row.line): an agreed date, which only the board sets")
    }
    let pairs = rows.map { (reference: $0.reference, action: $0.action) }
    let viaCSV = try? PlanSheet.read(bytes: Array(PlanSheet.csv(pairs).utf8), fileName: "export.csv", measureCount: measures)
    expect(viaCSV.map { $0.map(\.reference) == rows.map(\.reference) && $0.map(\.action) == rows.map(\.action) } ?? false,
           "the plan exported as CSV does not read back as itself")
    let workbook = try? PlanSheet.xlsx(pairs)
    let viaWorkbook = workbook.flatMap { try? PlanSheet.read(bytes: Array($0), fileName: "export.xlsx", measureCount: measures) }
    expect(viaWorkbook.map { $0.map(\.reference) == rows.map(\.reference) && $0.map(\.action) == rows.map(\.action) } ?? false,
           "the plan exported as a workbook does not read back as itself")
    return "accepted: \(rows.count) actions"
}

@main struct Main {
    static func main() { fuzzMain("fuzz-plan-sheet", run) }
}
