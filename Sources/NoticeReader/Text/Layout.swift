/// Rebuilds the paragraphs and lists of a notice from text that has been through a PDF extractor.
///
/// What extraction does to a notice, and what this undoes:
/// - hard-wrapped lines: joined back into their paragraph;
/// - words hyphenated across a line break: re-joined ("imple-\nmented" → "implemented"), keeping real compounds
///   ("multi-\nagency" → "multi-agency");
/// - page numbers, running headers and footers repeated on every page, and footnote text: dropped;
/// - a sentence cut by a page break (and the footnotes between): joined when the next text starts in lower case;
/// - footnote markers glued to words ("child²"): dropped;
/// - bullets as "•", "", "o", "-", "*" or a Wingdings glyph: read as list items, indented ones as sub-items;
/// - tables flattened to text: rows whose cells are separated by runs of spaces, tabs or "|".
enum Layout {
    static func document(from text: String) -> Document {
        let folded = FoldedText(text)
        let ranges = splitLines(folded.bytes)
        let lines = rebuildLaidOutTables(confirmTableRows(classify(lines: ranges, in: folded.bytes), folded.bytes), ranges: ranges, folded.bytes)
        return assemble(lines, folded: folded, sourceLength: text.unicodeScalars.count)
    }

    struct Line {
        /// `rule`: a table's border ("+----+----+"), which ends one row and starts the next.
        enum Kind { case blank, furniture, text, tableRow, rule }
        var kind: Kind
        /// Content after indentation and bullet.
        var content: Range<Int>
        var indent: Int = 0
        var bullet: Bullet? = nil
        var cells: [Range<Int>] = []
        /// Where each cell starts, counted from the start of its line, for lining cells up with a header.
        var columns: [Int] = []
        /// A row rebuilt from a table laid out by position: per line of the row, its pieces column by column.
        var rowPieces: [[Range<Int>]]? = nil
    }

    enum Bullet: Equatable {
        /// "•", "-", "*": the marker is dropped.
        case symbol
        /// "o" and other conventional sub-item markers.
        case subSymbol
        /// "(i)", "a)", "1.": the label is kept as part of the text.
        case label
    }

    static func splitLines(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            lines.append(start..<i)
            start = i + 1
        }
        lines.append(start..<bytes.count)
        return lines
    }

    static func classify(lines: [Range<Int>], in bytes: [UInt8]) -> [Line] {
        // Running headers and footers: short lines that recur, digits ignored ("Page 2", "Page 3").
        var seen: [[UInt8]: Int] = [:]
        var keys: [[UInt8]?] = []
        for range in lines {
            let t = trim(range, bytes)
            guard !t.isEmpty, t.count <= 100 else { keys.append(nil); continue }
            let key = bytes[t].filter { !isDigit($0) && $0 != 0x20 }.map { $0 | 0x20 }
            guard key.count >= 4 else { keys.append(nil); continue }
            seen[key, default: 0] += 1
            keys.append(key)
        }
        var inFootnote = false
        return lines.enumerated().map { index, range in
            let t = trim(range, bytes)
            if t.isEmpty || bytes[t].allSatisfy({ $0 == 0x5F || $0 == 0x20 || $0 == FoldedText.bulletMarker }) {
                // "__________" over a line that starts with a footnote number opens the page's footnotes.
                inFootnote = false
                if t.count >= 5, bytes[t].allSatisfy({ $0 == 0x5F }), index + 1 < lines.count {
                    let next = trim(lines[index + 1], bytes)
                    if let first = next.first.map({ bytes[$0] }), isDigit(first) || first == FoldedText.footnoteMarker { inFootnote = true }
                }
                return Line(kind: .blank, content: t)
            }
            // A footnote runs on until a blank line or the page's end: "¹ Working Together … to / safeguard and …".
            if bytes[t.lowerBound] == FoldedText.footnoteMarker || isFootnoteLink(t, bytes) {
                inFootnote = true
                return Line(kind: .furniture, content: t)
            }
            if isRule(t, bytes) { return Line(kind: .rule, content: t) }
            if isPageFurniture(t, bytes) {
                inFootnote = false
                return Line(kind: .furniture, content: t)
            }
            if let key = keys[index], seen[key, default: 0] >= 3, !startsWithBullet(t, bytes) {
                inFootnote = false
                return Line(kind: .furniture, content: t)
            }
            if inFootnote { return Line(kind: .furniture, content: t) }
            var line = Line(kind: .text, content: t, indent: t.lowerBound - range.lowerBound)
            let cells = tableCells(t, bytes)
            if cells.count >= 3 {
                // A candidate row; kept as a row below if it holds figures or sits beside a row that does.
                line.kind = .tableRow
                line.cells = cells
                line.columns = cells.map { $0.lowerBound - range.lowerBound }
                return line
            }
            (line.bullet, line.content) = bullet(t, bytes)
            return line
        }
    }

    /// Rows with three or more wide-spaced cells are table rows when they hold figures, or sit next to a row that does
    /// (a header: "Measure   Position at   Target"); otherwise they are prose that happened to have wide gaps.
    static func confirmTableRows(_ lines: [Line], _ bytes: [UInt8]) -> [Line] {
        var lines = lines
        let candidates = lines.indices.filter { lines[$0].kind == .tableRow }
        func hasFigures(_ i: Int) -> Bool { lines[i].cells.filter { !$0.isEmpty && bytes[$0].contains(where: isDigit) }.count >= 2 }
        func neighbour(_ i: Int, _ step: Int) -> Int? {
            var j = i + step
            while j >= 0 && j < lines.count {
                if lines[j].kind == .tableRow { return j }
                if lines[j].kind == .text { return nil }
                if lines[j].kind == .rule { j += step; continue }
                if lines[j].kind == .blank && abs(j - i) > 2 { return nil }
                j += step
            }
            return nil
        }
        for i in candidates where !hasFigures(i) {
            let near = [neighbour(i, -1), neighbour(i, 1)].compactMap { $0 }.contains(where: hasFigures)
            if !near {
                let (bullet, content) = bullet(lines[i].content, bytes)
                lines[i] = Line(kind: .text, content: content, indent: lines[i].indent, bullet: bullet)
            }
        }
        return lines
    }

    static func trim(_ range: Range<Int>, _ bytes: [UInt8]) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, bytes[lo] == 0x20 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 { hi -= 1 }
        return lo..<hi
    }

    /// "2", "- 2 -", "Page 2", "Page 2 of 9", "2 of 9", "2 | P a g e".
    static func isPageFurniture(_ t: Range<Int>, _ bytes: [UInt8]) -> Bool {
        guard t.count <= 24, bytes[t].contains(where: isDigit) else { return false }
        let s = String(decoding: bytes[t], as: UTF8.self).lowercased()
        let words = s.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "|" }).map(String.init)
        guard !words.isEmpty, words.count <= 5 else { return false }
        if words.count == 1, let n = Int(words[0]), n < 1000 { return true }
        let joined = words.joined(separator: " ")
        let numberWords = words.filter { Int($0) != nil }
        if !numberWords.isEmpty && numberWords.count == words.filter({ $0 != "page" && $0 != "of" && $0 != "p" && $0 != "a" && $0 != "g" && $0 != "e" }).count {
            return joined.contains("page") || joined.contains(" of ") || joined.contains("p a g e")
        }
        return false
    }

    static func isFootnoteLink(_ t: Range<Int>, _ bytes: [UInt8]) -> Bool {
        var i = t.lowerBound
        while i < t.upperBound, isDigit(bytes[i]) { i += 1 }
        guard i > t.lowerBound, i - t.lowerBound <= 2 else { return false }
        let rest = String(decoding: bytes[i..<min(t.upperBound, i + 5)], as: UTF8.self).lowercased()
        return rest.hasPrefix("http") || rest.hasPrefix("www.")
    }

    static func startsWithBullet(_ t: Range<Int>, _ bytes: [UInt8]) -> Bool {
        bullet(t, bytes).0 != nil
    }

    /// Cells of a flattened table row: separated by "|", a tab (folded to spaces) or three or more spaces.
    /// "+-----+-----+", "|=====|=====|": a border drawn with + - = and |.
    static func isRule(_ t: Range<Int>, _ bytes: [UInt8]) -> Bool {
        guard t.count >= 5 else { return false }
        var dashes = 0, joints = 0
        for b in bytes[t] {
            switch b {
            case 0x2D, 0x3D, 0x5F: dashes += 1
            case 0x2B, 0x7C: joints += 1
            case 0x20, 0x3A: break
            default: return false
            }
        }
        return joints >= 2 && dashes >= 3
    }

    static func tableCells(_ t: Range<Int>, _ bytes: [UInt8]) -> [Range<Int>] {
        // Cells drawn with "|": split there only, keeping empty cells (a row continued over lines leaves its other cells
        // empty), and dropping the empty cells outside the outer borders.
        if bytes[t].contains(0x7C) {
            var cells: [Range<Int>] = []
            var start = t.lowerBound
            for i in t where bytes[i] == 0x7C {
                cells.append(trim(start..<i, bytes))
                start = i + 1
            }
            cells.append(trim(start..<t.upperBound, bytes))
            if let first = cells.first, first.isEmpty, bytes[t.lowerBound] == 0x7C { cells.removeFirst() }
            if let last = cells.last, last.isEmpty, bytes[t.upperBound - 1] == 0x7C { cells.removeLast() }
            return cells
        }
        var cells: [Range<Int>] = []
        var start = t.lowerBound
        var i = t.lowerBound
        while i < t.upperBound {
            if bytes[i] == 0x7C {
                cells.append(start..<i)
                start = i + 1
                i += 1
                continue
            }
            if bytes[i] == 0x20 {
                var j = i
                while j < t.upperBound, bytes[j] == 0x20 { j += 1 }
                if j - i >= 3 {
                    cells.append(start..<i)
                    start = j
                }
                i = j
                continue
            }
            i += 1
        }
        cells.append(start..<t.upperBound)
        var trimmed = cells.map { trim($0, bytes) }.filter { !$0.isEmpty }
        // A short code before the measure's name ("NI 59", "Local", "12", "(a)") is part of the name, not a column of
        // its own: the header above rarely gives it one.
        if trimmed.count >= 3, trimmed[0].count <= 7, !bytes[trimmed[0]].contains(0x25),
           bytes[trimmed[0]].first.map({ ($0 >= 65 && $0 <= 90) || isDigit($0) || $0 == 0x28 }) == true,
           trimmed[1].count > 12, bytes[trimmed[1]].filter({ ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 }).count >= 8,
           !bytes[trimmed[1]].contains(0x25) {
            trimmed[0] = trimmed[0].lowerBound..<trimmed[1].upperBound
            trimmed.remove(at: 1)
        }
        return trimmed
    }

    static func bullet(_ t: Range<Int>, _ bytes: [UInt8]) -> (Bullet?, Range<Int>) {
        let first = bytes[t.lowerBound]
        let second: UInt8? = t.count > 1 ? bytes[t.lowerBound + 1] : nil
        func after(_ n: Int) -> Range<Int> { trim((t.lowerBound + n)..<t.upperBound, bytes) }
        if first == FoldedText.bulletMarker { return (.symbol, after(1)) }
        if (first == 0x2D || first == 0x2A || first == 0x2B || first == 0x3E) && second == 0x20 { return (.symbol, after(2)) }
        if first == 0x6F && second == 0x20 { return (.subSymbol, after(2)) }  // "o " as a sub-bullet
        // "(i) ", "(a) ", "(1) ", "i) ", "a) ", "1. ", "1) ": a labelled item; the label stays in the text.
        let hasParen = first == 0x28
        var i = t.lowerBound + (hasParen ? 1 : 0)
        let labelStart = i
        while i < t.upperBound, i - labelStart < 4, isWordByte(bytes[i]) { i += 1 }
        guard i > labelStart, i + 1 < t.upperBound, bytes[i + 1] == 0x20 else { return (nil, t) }
        let label = String(decoding: bytes[labelStart..<i], as: UTF8.self).lowercased()
        let number = Int(label)
        let isRoman = label.allSatisfy { "ivx".contains($0) }
        let isLetter = label.count == 1 && label.first!.isLetter
        guard isRoman || isLetter || (number.map { $0 <= 50 } ?? false) else { return (nil, t) }
        if bytes[i] == 0x29 || (bytes[i] == 0x2E && !hasParen) { return (.label, t) }
        return (nil, t)
    }
}
