extension PlanSheet {
    /// Why a plan sheet was not imported: every problem found, in the sheet's order. Nothing of the sheet was used.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// At most this many problems are kept; past it the person has the wrong file or a systematic mistake, and a
        /// longer list would bury the first problems, which are the ones that say so.
        public static let shownProblems = 100

        /// The problems, at most `shownProblems` of them.
        public var problems: [Problem]
        /// How many more problems were found and left off the list.
        public var more: Int

        /// Keeps the first `shownProblems` problems and counts the rest (with `more` already left off).
        public init(problems: [Problem], more: Int = 0) {
            self.problems = Array(problems.prefix(Self.shownProblems))
            self.more = max(0, problems.count - Self.shownProblems) + max(0, more)
        }

        /// The file the problems are in (the first problem's).
        public var file: String { problems.first?.file ?? "" }

        /// "improvement-plan.csv was not imported: 2 problems were found, and nothing from the file was kept.", then
        /// one line per problem and "and 3 more problems" when the list was cut.
        public var description: String {
            let total = problems.count + more
            var lines = ["\(file) was not imported: \(total == 1 ? "1 problem was" : "\(total) problems were") found, and nothing from the file was kept."]
            lines += problems.map { "- \($0.description)" }
            if more > 0 { lines.append("and \(more) more problem\(more == 1 ? "" : "s")") }
            return lines.joined(separator: "\n")
        }
    }

    /// One problem: where it is and, in plain English, what is wrong and what is wanted.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        /// The row as the spreadsheet shows it (the header is row 1); nil for a problem with the whole file.
        public var row: Int?
        /// The column's heading as the sheet writes it (or, for a missing column, as it should be written); nil when
        /// the problem is not in one column.
        public var column: String?
        /// The column's letter, for a workbook ("C"); a CSV file has none of its own.
        public var letter: String?
        public var message: String

        public init(file: String, row: Int? = nil, column: String? = nil, letter: String? = nil, message: String) {
            self.file = file
            self.row = row
            self.column = column
            self.letter = letter
            self.message = message
        }

        /// "column C (Owner)" in a workbook, "column Owner" in a CSV file.
        public var place: String? {
            switch (letter, column) {
            case let (letter?, column?): "column \(letter) (\(column))"
            case let (letter?, nil): "column \(letter)"
            case let (nil, column?): "column \(column)"
            case (nil, nil): nil
            }
        }

        /// "improvement-plan.xlsx, row 7, column C (Owner): 'Polce' is not an owner: …".
        public var description: String {
            let whereabouts = [file, row.map { "row \($0)" }, place].compactMap { $0 }.joined(separator: ", ")
            return "\(whereabouts): \(message)"
        }
    }
}
