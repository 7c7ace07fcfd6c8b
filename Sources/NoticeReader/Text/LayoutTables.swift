import Foundation

/// Tables laid out by position, as `pdftotext -layout` gives them: a measure's name wrapped over several lines beside
/// (or around) the line with its figures, headers over two lines ("Baseline / (March 2015)", "December / 2015"),
/// the header repeated after a page break, cells with no figure ("–"). Each row is rebuilt as one row of cells, column
/// by column, with the pieces of a cell on its lines joined in order, so the table reader sees the table a person sees.
///
/// Columns come from the lines that hold figures: every cell of those lines after the first (the measure) is a span
/// of character columns, and overlapping spans make one column. A line belongs to the table while it holds figures,
/// continues a cell, repeats the header or is page furniture; prose (a line crossing from the measure's column into
/// the figures' without a gap) or a numbered heading ends it.
extension Layout {
    struct Piece {
        var range: Range<Int>
        var start: Int
        var end: Int
    }

    /// A line's pieces: text separated by two or more spaces, with the character columns it covers.
    static func pieces(_ line: Range<Int>, _ bytes: [UInt8]) -> [Piece] {
        var result: [Piece] = []
        var i = line.lowerBound
        while i < line.upperBound {
            while i < line.upperBound, bytes[i] == 0x20 { i += 1 }
            guard i < line.upperBound else { break }
            let start = i
            var end = i
            while i < line.upperBound {
                if bytes[i] == 0x20 {
                    var j = i
                    while j < line.upperBound, bytes[j] == 0x20 { j += 1 }
                    if j - i >= 2 || j == line.upperBound { i = j; break }
                    i = j
                } else {
                    i += 1
                    end = i
                }
            }
            result.append(Piece(range: start..<end, start: start - line.lowerBound, end: end - line.lowerBound))
        }
        return result
    }

    /// A cell that is a figure: "56%", "18", "11.2", "–", "no more than 18", "at least 95%"; not a year or a date.
    static func isFigureCell(_ piece: Piece, _ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes[piece.range], as: UTF8.self).lowercased()
        if ["-", "--", "n/a", "na"].contains(text) { return true }
        guard text.contains(where: \.isNumber), text.count <= 28 else { return false }
        let letters = text.contains(where: \.isLetter)
        if !letters {
            // "2015", "2015-16", "2015/16": a year in a header.
            let digits = text.filter(\.isNumber)
            if (digits.count == 4 || digits.count == 6 || digits.count == 8) && (text.hasPrefix("19") || text.hasPrefix("20")) && !text.contains("%") && !text.contains(".") { return false }
            return true
        }
        if text.contains("%") { return true }
        return ["no more than", "at least", "reduce to", "below", "under", "up to", "fewer than", "less than", "maintain"].contains { text.hasPrefix($0) }
    }

    static let monthWords: Set<String> = ["jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
                                          "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
                                          "november", "dec", "december"]

    static func rebuildLaidOutTables(_ lines: [Line], ranges: [Range<Int>], _ bytes: [UInt8]) -> [Line] {
        var lines = lines
        // A row's number ("1", "12", "(a)") before the measure's name belongs to the name: one column, not two.
        let allPieces = ranges.map { range -> [Piece] in
            var ps = pieces(range, bytes)
            // So does a short code column before it ("NI 59", "Local", "PAF C64") when the name starts near the margin.
            let short = ps.count >= 2 && ps[0].end - ps[0].start <= 4
                && (bytes[ps[0].range].allSatisfy({ isDigit($0) || isLower($0) || [0x28, 0x29, 0x2E].contains($0) }) || String(decoding: bytes[ps[0].range], as: UTF8.self) == "No.")
            let code = ps.count >= 2 && ps[0].start <= 2 && ps[0].end - ps[0].start <= 7 && ps[1].start <= 12
                && bytes[ps[0].range].first.map { $0 >= 65 && $0 <= 90 } == true
            if ps.count >= 2, !isFigureCell(ps[1], bytes), short || code {
                ps[0] = Piece(range: ps[0].range.lowerBound..<ps[1].range.upperBound, start: ps[0].start, end: ps[1].end)
                ps.remove(at: 1)
            }
            return ps
        }
        // A header's dates stacked over lines ("Target by / 31 / December / 2024"): a line of day numbers, months
        // and years, with a month on it or on the line below, heads columns and holds no figures.
        func isDatePart(_ p: Piece) -> Bool {
            let text = String(decoding: bytes[p.range], as: UTF8.self).lowercased()
            if let n = Int(text) { return (1...31).contains(n) || (1990...2099).contains(n) }
            return hasMonth(text) && text.split(separator: " ").allSatisfy { w in Int(w) != nil || hasMonth(String(w)) }
        }
        func hasMonth(_ text: String) -> Bool {
            text.split(separator: " ").contains { monthWords.contains($0.trimmingCharacters(in: CharacterSet(charactersIn: ".,"))) }
        }
        func isStackedDateLine(_ i: Int) -> Bool {
            guard !allPieces[i].isEmpty, allPieces[i].allSatisfy(isDatePart) else { return false }
            if allPieces[i].contains(where: { hasMonth(String(decoding: bytes[$0.range], as: UTF8.self).lowercased()) }) { return true }
            return i + 1 < lines.count && allPieces[i + 1].contains { hasMonth(String(decoding: bytes[$0.range], as: UTF8.self).lowercased()) }
                && allPieces[i + 1].allSatisfy(isDatePart)
        }
        // Decided once, from the lines as classified: a rebuilt table only blanks lines behind the scan.
        let figures = lines.indices.map { i in
            !isStackedDateLine(i) &&
            // A line of figures: figures after the measure's name, or a continuation row whose first cell is a
            // figure well in from the margin ("      75%   31 March 2013   Year to date").
            (lines[i].kind == .text || lines[i].kind == .tableRow) && allPieces[i].count >= 2
                && (allPieces[i].dropFirst().contains { isFigureCell($0, bytes) } || allPieces[i][0].start >= 8 && isFigureCell(allPieces[i][0], bytes))
                && allPieces[i].dropFirst().allSatisfy { $0.end - $0.start <= 40 }
        }
        var i = 0
        while i < lines.count {
            guard figures[i] else { i += 1; continue }
            if let next = rebuildTable(startingAt: i, &lines, allPieces, bytes, { figures[$0] }) { i = next } else { i += 1 }
        }
        return lines
    }

    /// Rebuilds the table whose first row of figures is line `first`; returns the line after it, or nil to leave it.
    private static func rebuildTable(startingAt first: Int, _ lines: inout [Line], _ allPieces: [[Piece]], _ bytes: [UInt8],
                                     _ isFigureLine: (Int) -> Bool) -> Int? {
        // The figures' columns, from the figure lines that follow one another with only table lines between.
        var figureLines = [first]
        var columns: [(start: Int, end: Int)] = []
        func addColumns(_ i: Int) {
            for p in allPieces[i].dropFirst() { columns.append((p.start, p.end)) }
        }
        addColumns(first)
        func merged() -> [(start: Int, end: Int)] {
            var out: [(start: Int, end: Int)] = []
            for c in columns.sorted(by: { $0.start < $1.start }) {
                if let last = out.last, c.start <= last.end + 2 { out[out.count - 1].end = max(last.end, c.end) } else { out.append(c) }
            }
            return out
        }
        var labelLimit = allPieces[first].dropFirst().map(\.start).min() ?? 0
        func isProse(_ i: Int) -> Bool {
            guard lines[i].kind == .text || lines[i].kind == .tableRow else { return false }
            let ps = allPieces[i]
            guard let p = ps.first else { return false }
            let text = String(decoding: bytes[p.range.prefix(4)], as: UTF8.self)
            if p.start < 3, let c = text.first, c.isNumber, text.dropFirst().first == "." || text.dropFirst(2).first == "." { return true }
            // A header cell may straddle the measure's column by a few characters ("(March 2015)"); prose runs on.
            return ps.contains { $0.start < labelLimit - 1 && $0.end > labelLimit + 10 || $0.end - $0.start > 60 }
        }
        var last = first
        var j = first + 1
        var blankRun = 0
        while j < lines.count {
            switch lines[j].kind {
            case .blank, .furniture, .rule:
                if lines[j].kind == .blank { blankRun += 1 }
                j += 1
                continue
            default: break
            }
            if isFigureLine(j) && !isProse(j) {
                figureLines.append(j)
                addColumns(j)
                labelLimit = min(labelLimit, allPieces[j].dropFirst().map(\.start).min() ?? labelLimit)
                last = j
            } else if isProse(j) {
                break
            } else if blankRun >= 2 {
                // After a gap, only figures (or a repeated header before them) carry the table on.
                var k = j
                while k < lines.count, !isFigureLine(k), !isProse(k), k - j < 6 { k += 1 }
                guard k < lines.count, isFigureLine(k), !isProse(k) else { break }
                // A header repeated over the next page, set out anew: where its figures stand elsewhere, that page
                // is a table of its own (same header, so the same notes), not more columns of this one.
                let cols = merged()
                let lined = allPieces[k].dropFirst().allSatisfy { p in cols.contains { $0.start - 2 <= p.start && p.end <= $0.end + 2 } }
                if !lined { break }
                last = j
            } else {
                last = j
            }
            blankRun = 0
            j += 1
        }
        // Trailing lines after the last figure line belong only if no blank line comes first.
        var end = figureLines.last!
        var k = end + 1
        while k <= last, lines[k].kind != .blank { if lines[k].kind != .furniture { end = k }; k += 1 }
        if last > end, let lastFigure = figureLines.last { end = max(lastFigure, end) }
        let cols = merged()
        guard cols.count >= 2 || figureLines.count >= 2 else { return nil }
        // Cells drawn with "|" are the plain reader's; and where one line's cells fall in one column, the cells are
        // not lined up by position (a table separated by tabs) and the plain reader has it.
        if (first...end).contains(where: { bytes[lines[$0].content].contains(0x7C) }) { return nil }
        for f in figureLines {
            let hits = allPieces[f].dropFirst().map { p in cols.firstIndex { $0.start <= p.start && p.end <= $0.end } ?? -1 }
            if Set(hits).count != hits.count { return nil }
        }

        // The header: up to four lines above the first row, after at most two blank lines.
        var header: [Int] = []
        var h = first - 1
        var blanks = 0
        // A header repeated over every small table ("By   Target") recurs like a running header: it is still a header.
        func headerLike(_ i: Int) -> Bool { lines[i].kind == .furniture && allPieces[i].count >= 2 }
        while h >= 0, blanks <= 2, lines[h].kind == .blank || lines[h].kind == .furniture && !headerLike(h) { if lines[h].kind == .blank { blanks += 1 }; h -= 1 }
        // Section headings between the header and the first row ("Help and protection") are passed over.
        var skipped = 0
        while h >= 0, skipped < 4, !isProse(h), !isFigureLine(h), lines[h].kind != .furniture,
              lines[h].kind == .blank || !allPieces[h].contains(where: { $0.start >= labelLimit - 1 }) {
            if h > 0, lines[h].kind != .blank, lines[h - 1].kind != .blank, allPieces[h - 1].contains(where: { $0.start >= labelLimit - 1 }) { break }
            skipped += 1
            h -= 1
        }
        if skipped == 4 { h += 4 }
        while h >= 0, header.count < 4, lines[h].kind != .blank, lines[h].kind != .furniture || headerLike(h), !isProse(h), !isFigureLine(h) {
            header.insert(h, at: 0)
            h -= 1
        }
        if !header.contains(where: { allPieces[$0].contains { $0.start >= labelLimit - 1 } }) { header = [] }

        // Which column a piece falls in: 0 for the measure, else the figure column it overlaps most.
        func column(_ p: Piece) -> Int {
            if p.end <= labelLimit - 1 || p.start < labelLimit - 2 && p.end <= (cols.first?.start ?? labelLimit) { return 0 }
            var best = 0, bestOverlap = -1, bestDistance = Int.max
            for (n, c) in cols.enumerated() {
                let overlap = min(p.end, c.end) - max(p.start, c.start)
                let distance = abs((p.start + p.end) / 2 - (c.start + c.end) / 2)
                if overlap > bestOverlap || overlap == bestOverlap && distance < bestDistance { best = n + 1; bestOverlap = overlap; bestDistance = distance }
            }
            return best
        }
        func ranges(_ i: Int) -> Range<Int> { lines[i].content }
        // A figure line whose name carries on the name above ("discussion   90%   30 September 2013") gives its
        // words to the row above and its figures to a row of their own.
        var split: Set<Int> = []
        func row(_ members: [Int]) -> [[Range<Int>]] {
            members.map { i in
                var cells = [Range<Int>?](repeating: nil, count: cols.count + 1)
                // A split line opens its own row with its figures and closes the row above with its words.
                let valuesOnly = split.contains(i) && i == members.first, labelOnly = split.contains(i) && i != members.first
                for p in allPieces[i] {
                    let c = column(p)
                    if c == 0 && valuesOnly || c > 0 && labelOnly { continue }
                    // A header cell over several columns ("Targets to be met by") names none of them.
                    if header.contains(i), c > 0, cols.filter({ min(p.end, $0.end) - max(p.start, $0.start) > 0 }).count >= 2 { continue }
                    cells[c] = cells[c].map { $0.lowerBound..<p.range.upperBound } ?? p.range
                }
                return cells.map { $0 ?? (ranges(i).lowerBound..<ranges(i).lowerBound) }
            }
        }
        let headerText = Set(header.map { String(decoding: bytes[lines[$0].content], as: UTF8.self).filter { $0 != " " } })

        // Rows: each figure line with the lines that continue its cells. Where blank lines part the rows, a row is
        // what lies between two blanks; otherwise a continuation belongs to the row above it.
        let members = Array(first...end).filter { lines[$0].kind == .text || lines[$0].kind == .tableRow }
            .filter { !headerText.contains(String(decoding: bytes[lines[$0].content], as: UTF8.self).filter { $0 != " " }) }
        let blankParted = zip(figureLines, figureLines.dropFirst()).allSatisfy { a, b in (a..<b).contains { lines[$0].kind == .blank } }
        var rows: [[Int]] = []
        var current: [Int] = []
        var currentHasFigures = false
        var previous = first
        for m in members {
            let crossedBlank = (previous..<m).contains { lines[$0].kind == .blank }
            if isFigureLine(m), !blankParted, currentHasFigures, !crossedBlank,
               let p = allPieces[m].first, column(p) == 0, let c = bytes[p.range].first, isLower(c) {
                split.insert(m)
                current.append(m)
                rows.append(current)
                current = [m]
            } else if isFigureLine(m) {
                if currentHasFigures { rows.append(current); current = [] }
                // A heading over a group of rows, set off by blank lines, is no part of the row below it.
                else if blankParted, crossedBlank, !current.isEmpty { current = [] }
                current.append(m)
                currentHasFigures = true
            } else if blankParted && crossedBlank && currentHasFigures {
                rows.append(current)
                current = [m]
                currentHasFigures = false
            } else {
                current.append(m)
            }
            previous = m
        }
        if !current.isEmpty {
            if currentHasFigures || rows.isEmpty { rows.append(current) } else { rows[rows.count - 1] += current }
        }
        // Leave a table whose every row is one line and whose header is one line: the plain reader has it already.
        // A two-column table ("By | Target") was not seen as a table at all: its rows are rebuilt too, if it has a header.
        guard rows.contains(where: { $0.count > 1 }) || header.count > 1 || !header.isEmpty && figureLines.contains(where: { lines[$0].kind == .text }) else { return nil }

        let columnStarts = [0] + cols.map(\.start)
        for i in (header.first ?? first)...end where lines[i].kind != .furniture { lines[i] = Line(kind: .blank, content: lines[i].content) }
        if let top = header.first {
            lines[top] = Line(kind: .tableRow, content: lines[top].content, cells: [], columns: columnStarts, rowPieces: row(header))
        }
        for r in rows {
            let at = r.first(where: isFigureLine) ?? r[0]
            lines[at] = Line(kind: .tableRow, content: lines[at].content, cells: [], columns: columnStarts, rowPieces: row(r.sorted()))
        }
        return end + 1
    }
}
