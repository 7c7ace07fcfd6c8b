import Domain
import Foundation

/// Reads a grid's header and rows into plan actions, collecting every problem on the way rather than stopping at the
/// first: the person fixing the sheet should see the whole list at once.
struct SheetReader {
    typealias Column = PlanSheet.Column

    let grid: Grid
    let file: String
    let measureCount: Int?
    /// The first problems found, as many as a failure shows; past them only a count is kept, so a sheet of thousands
    /// of bad cells costs no more memory than one of a hundred.
    private(set) var problems: [PlanSheet.Problem] = []
    /// Every problem found, listed or not.
    private(set) var found = 0
    /// Where each known column is (0 for A), once the header is read.
    private var columns: [Column: Int] = [:]
    /// Every heading written, known or not, by column.
    private var headings: [Int: String] = [:]

    init(grid: Grid, file: String, measureCount: Int?) {
        self.grid = grid
        self.file = file
        self.measureCount = measureCount
    }

    private mutating func add(_ problem: PlanSheet.Problem) {
        found += 1
        if problems.count < PlanSheet.Failure.shownProblems { problems.append(problem) }
    }

    /// What was found, when anything was.
    var failure: PlanSheet.Failure? {
        found == 0 ? nil : PlanSheet.Failure(problems: problems, more: found - problems.count)
    }

    static let headingList = Column.allCases.map(\.heading).joined(separator: ", ")

    mutating func read() -> [PlanSheet.Row] {
        guard let header = grid.lines.first else {
            add(PlanSheet.Problem(file: file, message: "the file has no rows: its first row should hold the column headings (\(Self.headingList)) and each row below it one action"))
            return []
        }
        guard readHeader(header) else { return [] }
        let body = grid.lines.dropFirst()
        guard !body.isEmpty else {
            add(PlanSheet.Problem(file: file, row: header.number, message: "the sheet has its column headings and no actions below them"))
            return []
        }
        checkColumnsWithoutHeadings(body)
        var references: [String: Int] = [:]
        var rows: [PlanSheet.Row] = []
        for line in body {
            if let row = readRow(line, references: &references) { rows.append(row) }
        }
        return rows
    }

    // MARK: The header

    /// False when the row is no header at all, and the rows below cannot be read by it.
    private mutating func readHeader(_ header: Grid.Line) -> Bool {
        let named = header.cells.keys.sorted().compactMap { c -> (column: Int, text: String)? in
            let t = text(header.cells[c])
            return t.isEmpty ? nil : (c, t)
        }
        // A single heading holding the others: the file was saved with another separator.
        if named.count == 1, let only = named.first {
            for (mark, name) in [("\t", "tabs"), (";", "semicolons")] where only.text.contains(mark) {
                add(PlanSheet.Problem(file: file, row: header.number, message: "the headings in this row are separated by \(name), not commas: save the sheet as CSV UTF-8 (Comma delimited), or upload the .xlsx workbook"))
                return false
            }
        }
        // Not one known heading: a title above the table, or some other file. Reporting each cell as an unknown
        // column would bury the point.
        guard named.contains(where: { Self.column($0.text) != nil }) else {
            var message = "this row should hold the column headings (\(Self.headingList)), but it holds \(PlanValues.quoted(named.first?.text ?? ""))"
            if let later = grid.lines.dropFirst().prefix(20).first(where: { line in line.cells.values.filter { Self.column(text($0)) != nil }.count >= 2 }) {
                message += "; row \(later.number) looks like the headings: delete the rows above it"
            }
            add(PlanSheet.Problem(file: file, row: header.number, message: message))
            return false
        }
        for (c, t) in named {
            headings[c] = t
            guard let column = Self.column(t) else {
                let hint = Self.suggestion(t).map { " (did you mean \($0.heading)?)" } ?? ""
                add(PlanSheet.Problem(file: file, row: header.number, column: t, letter: letter(c), message:
                    "\(PlanValues.quoted(t)) is not a column of a plan sheet\(hint): the columns are \(Self.headingList). Rename it, or delete the column if it is not part of the plan, so that nothing in it is lost unseen"))
                continue
            }
            if let earlier = columns[column] {
                add(PlanSheet.Problem(file: file, row: header.number, column: column.heading, letter: letter(c), message:
                    "the \(column.heading) column appears twice (\(position(earlier)) and \(position(c))): keep one"))
                continue
            }
            columns[column] = c
        }
        for column in Column.allCases where column.isRequired && columns[column] == nil {
            add(PlanSheet.Problem(file: file, row: header.number, column: column.heading, message:
                "there is no \(column.heading) column, and a plan sheet needs one: the required columns are Reference, Action, Owner and Due"))
        }
        return true
    }

    /// A heading's column, ignoring case and spaces around it.
    static func column(_ heading: String) -> Column? {
        let k = PlanValues.key(heading)
        return Column.allCases.first { $0.heading.lowercased() == k }
    }

    /// The column an unknown heading was probably meant to be: one a letter or two away ("Owenr"), or the one known
    /// word in it ("Due date", "Date completed").
    static func suggestion(_ heading: String) -> Column? {
        let k = PlanValues.key(heading)
        if let near = Column.allCases.first(where: { distance($0.heading.lowercased(), k, limit: 2) <= 2 }) { return near }
        let words = Set(k.split(separator: " ").map(String.init))
        let named = Column.allCases.filter { words.contains($0.heading.lowercased()) }
        return named.count == 1 ? named[0] : nil
    }

    /// Edit distance, given up (limit + 1) when the lengths alone are further apart than the limit.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a), b = Array(b)
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// Data under no heading would be dropped without a word, so the first cell of each such column is a problem.
    private mutating func checkColumnsWithoutHeadings(_ body: ArraySlice<Grid.Line>) {
        var reported: Set<Int> = []
        for line in body {
            for c in line.cells.keys.sorted() where headings[c] == nil && !reported.contains(c) {
                reported.insert(c)
                add(PlanSheet.Problem(file: file, row: line.number, letter: letter(c), message:
                    "this row has \(PlanValues.quoted(text(line.cells[c]))) in \(position(c)), which has no heading: give the column a heading (\(Self.headingList)) or clear it"))
            }
        }
    }

    // MARK: Rows

    private mutating func readRow(_ line: Grid.Line, references: inout [String: Int]) -> PlanSheet.Row? {
        let before = found
        func cell(_ column: Column) -> Grid.Cell? { columns[column].flatMap { line.cells[$0] } }
        func value(_ column: Column) -> String { text(cell(column)) }
        func report(_ column: Column, _ message: String) {
            add(PlanSheet.Problem(file: file, row: line.number, column: column.heading, letter: columns[column].flatMap(letter), message: message))
        }
        func take<T>(_ column: Column, _ result: Result<T, ValueProblem>) -> T? {
            switch result {
            case .success(let v): return v
            case .failure(let problem): report(column, problem.message); return nil
            }
        }
        func date(_ column: Column) -> CalendarDate? {
            switch cell(column) {
            case .number(let serial)?: return take(column, PlanValues.date(serial: serial))
            case .text(let t)?: return take(column, PlanValues.date(text: t))
            case nil: return nil
            }
        }

        let reference = value(.reference)
        if columns[.reference] != nil {
            if reference.isEmpty {
                report(.reference, "every action needs a reference (such as 1.2a), and this row has none")
            } else if let earlier = references[PlanValues.key(reference)] {
                report(.reference, "\(PlanValues.quoted(reference)) is also the reference of row \(earlier): each action needs its own reference")
            } else {
                references[PlanValues.key(reference)] = line.number
            }
        }
        let title = value(.action)
        if columns[.action] != nil, title.isEmpty { report(.action, "every action needs its words, and this row has no Action") }
        let ownerText = value(.owner)
        var owner: PlanAction.Owner?
        if columns[.owner] != nil {
            if ownerText.isEmpty { report(.owner, "every action needs an owner: write one of \(PlanValues.ownerWords)") } else { owner = take(.owner, PlanValues.owner(ownerText)) }
        }
        let due = date(.due)
        if columns[.due] != nil, cell(.due) == nil { report(.due, "every action needs a due date: \(PlanValues.dateForms)") }
        let status = take(.status, PlanValues.status(value(.status)))
        let measure = cell(.measure).flatMap { take(.measure, PlanValues.measure($0, count: measureCount)) }
        let recommendation = value(.recommendation)
        let targetText = value(.target)
        let indicator = targetText.isEmpty ? nil : take(.target, PlanValues.indicator(targetText))
        let completed = date(.completed)
        if cell(.completed) != nil, let status, status != .complete {
            let written = value(.status).isEmpty ? "is not started (its Status is empty)" : "is \(status.label)"
            report(.completed, "a completion date goes only with the status Complete, and this action \(written): set its Status to Complete or clear the date")
        }

        guard found == before, let owner, let due, let status, !reference.isEmpty, !title.isEmpty else { return nil }
        let action = PlanAction(title: title, lead: value(.lead), owner: owner, measure: measure, recommendation: recommendation.isEmpty ? nil : recommendation,
                                indicator: indicator, due: due, status: status, completedOn: completed)
        return PlanSheet.Row(reference: reference, action: action, line: line.number)
    }

    // MARK: Cells

    /// A cell's text as the plan keeps it: trimmed, control characters gone, and in a CSV file without the apostrophe
    /// the export puts before text a spreadsheet would run as a formula (`PlanSheet.csvField`).
    private func text(_ cell: Grid.Cell?) -> String {
        switch cell {
        case .number(let n)?:
            return PlanValues.text(of: n)
        case .text(let raw)?:
            let t = PlanValues.clean(raw).trimmingCharacters(in: .whitespacesAndNewlines)
            if grid.kind == .csv, t.hasPrefix("'"), let next = t.dropFirst().first, PlanSheet.formulaMarks.contains(next) || next == "'" {
                return String(t.dropFirst())
            }
            return t
        case nil:
            return ""
        }
    }

    /// A workbook's column letter; a CSV file has none.
    private func letter(_ column: Int) -> String? {
        grid.kind == .xlsx ? Grid.letter(column) : nil
    }

    /// "column F" in a workbook, "column 6" in a CSV file, for messages that name a column with no heading.
    private func position(_ column: Int) -> String {
        grid.kind == .xlsx ? "column \(Grid.letter(column))" : "column \(column + 1)"
    }
}
