import FuzzSupport
import Published

/// Any bytes into the readers of DfE's published tables and neighbour models, and of Ofsted's workbook (ODS). An accepted table must hold what it
/// says: every row as many cells as measures and breakdowns as breakdown columns, every figure finite, every cell
/// reading back as itself from its text (so nothing stored can change on the way back). A refusal names the file.
func run(_ bytes: [UInt8]) -> String {
    let file = "fuzz-published.csv"
    var said: [String] = []
    do {
        let table = try PublishedTableReader.read(bytes, file: file)
        expect(!table.measures.isEmpty && !table.rows.isEmpty, "a table with no measures or no rows was accepted")
        for row in table.rows {
            expect(row.cells.count == table.measures.count, "line \(row.line) has \(row.cells.count) cells for \(table.measures.count) measures")
            expect(row.breakdown.count == table.breakdownColumns.count, "line \(row.line) has the wrong number of breakdowns")
            for cell in row.cells {
                if let value = cell.value { expect(value.isFinite, "line \(row.line): a figure that is not finite") }
                expect(PublishedCell(cell.text) == cell, "line \(row.line): '\(cell.text)' does not read back as itself")
            }
        }
        said.append("table: \(table.rows.count) rows, \(table.measures.count) measures")
    } catch {
        expect(error.file == file && !error.reason.isEmpty, "a refusal must name the file and a reason: \(error)")
        said.append("table refused: \(error)")
    }
    do {
        let model = try NeighbourModelReader.read(bytes, file: "fuzz-sn-2025.csv")
        for council in model.councils.values {
            expect(council.laCode.count == 3 && council.neighbours.allSatisfy { $0.laCode.count == 3 }, "a council number that is not three digits")
        }
        said.append("model: \(model.councils.count) councils")
    } catch {
        expect(error.file == "fuzz-sn-2025.csv" && !error.reason.isEmpty, "a refusal must name the file and a reason: \(error)")
        said.append("model refused: \(error)")
    }
    // The way every upload goes in: a zip as Ofsted's workbook (the ODS reader), anything else as a table or model.
    do {
        let file = try PublishedFile.read(bytes, name: "fuzz-upload")
        if case .ofsted(let outcomes) = file {
            expect(!outcomes.latest.isEmpty && outcomes.latest.keys.allSatisfy { $0.count == 9 && $0.hasPrefix("E") }, "an inspection under a code that is not an ONS code")
        }
        said.append("file: \(file.summary)")
    } catch {
        expect(error.file == "fuzz-upload" && !error.reason.isEmpty, "a refusal must name the file and a reason: \(error)")
        said.append("file refused: \(error)")
    }
    return said.joined(separator: "; ")
}

@main struct Main {
    static func main() { fuzzMain("fuzz-published", run) }
}
