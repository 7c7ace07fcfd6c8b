/// Lines classified, assembled into the document's blocks: paragraphs rejoined across hard wraps and page breaks.
extension Layout {
    // MARK: Assembly

    private struct PendingBlock {
        var kind: Document.BlockKind
        var lines: [Range<Int>]
        /// A table row's cells, one array per line of the row (a bordered row may run over several lines).
        var cellLines: [[Range<Int>]] = []
        var columns: [Int] = []
    }

    static func assemble(_ lines: [Line], folded: FoldedText, sourceLength: Int) -> Document {
        let bytes = folded.bytes
        var pending: [PendingBlock] = []
        var blankSince = true
        // Inside a table drawn with borders, the lines between two borders are one row; in a table without them,
        // each line is a row.
        var ruled = false
        var rowOpen = false
        for line in lines {
            switch line.kind {
            case .blank:
                blankSince = true
                rowOpen = false
                continue
            case .rule:
                blankSince = true
                rowOpen = false
                // "+----+----+" borders every row; a Markdown "|---|---|" only underlines the header, and the rows
                // after it are a line each.
                ruled = bytes[line.content].contains(0x2B) || bytes[line.content].contains(0x3D)
                continue
            case .furniture:
                continue  // page furniture is invisible: it neither joins nor separates
            case .tableRow where line.rowPieces != nil:
                pending.append(PendingBlock(kind: .tableRow, lines: [line.content], cellLines: line.rowPieces!, columns: line.columns))
                blankSince = false
                rowOpen = false
                continue
            case .tableRow:
                if ruled, rowOpen, var last = pending.last, last.kind == .tableRow, last.cellLines.last?.count == line.cells.count {
                    last.lines.append(line.content)
                    last.cellLines.append(line.cells)
                    pending[pending.count - 1] = last
                } else {
                    pending.append(PendingBlock(kind: .tableRow, lines: [line.content], cellLines: [line.cells], columns: line.columns))
                }
                blankSince = false
                rowOpen = true
                continue
            case .text:
                ruled = false
                rowOpen = false
            }
            if let bullet = line.bullet {
                let level = (line.indent > 0 || bullet == .subSymbol) ? 1 : 0
                pending.append(PendingBlock(kind: .item(level: level), lines: [line.content]))
            } else if var last = pending.last, last.kind != .tableRow,
                      continues(last.lines.last!, with: line.content, acrossBlank: blankSince, blockLength: last.lines.last!.upperBound - last.lines.first!.lowerBound, bytes) {
                last.lines.append(line.content)
                pending[pending.count - 1] = last
            } else {
                pending.append(PendingBlock(kind: .paragraph, lines: [line.content]))
            }
            blankSince = false
        }

        var out: [UInt8] = []
        var origin: [Int] = []
        out.reserveCapacity(bytes.count)
        origin.reserveCapacity(bytes.count)
        /// Appends folded text, one space for any run of spaces, without footnote markers or bullet glyphs.
        func write(_ range: Range<Int>, from start: Int) {
            var lastWasSpace = out.count > start && out.last == 0x20
            for i in range {
                var b = bytes[i]
                if b == FoldedText.footnoteMarker { continue }
                if b == FoldedText.bulletMarker { b = 0x20 }
                if b == 0x20 {
                    if lastWasSpace { continue }
                    lastWasSpace = true
                } else {
                    lastWasSpace = false
                }
                out.append(b)
                origin.append(folded.origin[i])
            }
        }
        var blocks: [Document.Block] = []
        for block in pending {
            if !out.isEmpty {
                out.append(0x0A)
                origin.append(origin.last ?? 0)
            }
            let start = out.count
            var cells: [Range<Int>] = []
            if block.kind == .tableRow {
                // Column by column, the pieces of a cell over the row's lines joined by a space; cells kept apart by
                // " | " so a row reads as one line.
                let columns = block.cellLines.first?.count ?? 0
                for k in 0..<columns {
                    if k > 0 {
                        out.append(contentsOf: [0x20, 0x7C, 0x20])
                        let at = origin.last ?? 0
                        origin.append(contentsOf: [at, at, at])
                    }
                    let cellStart = out.count
                    for line in block.cellLines where k < line.count && !line[k].isEmpty {
                        if out.count > cellStart {
                            out.append(0x20)
                            origin.append(origin.last ?? 0)
                        }
                        write(line[k], from: cellStart)
                    }
                    cells.append(cellStart..<trimEnd(out, cellStart))
                }
            } else {
                for (n, lineRange) in block.lines.enumerated() {
                    if n > 0 { joinLine(&out, &origin, next: lineRange, bytes) }
                    write(lineRange, from: start)
                }
            }
            while out.count > start, out.last == 0x20 {
                out.removeLast()
                origin.removeLast()
            }
            if out.count == start { continue }
            blocks.append(Document.Block(kind: block.kind, range: start..<out.count, cells: cells, columns: block.columns))
        }
        return Document(bytes: out, origin: origin, blocks: blocks, sourceLength: sourceLength)
    }

    static func trimEnd(_ out: [UInt8], _ start: Int) -> Int {
        var end = out.count
        while end > start, out[end - 1] == 0x20 { end -= 1 }
        return end
    }

    /// Whether `next` carries on the sentence of the line before it, rather than starting a block of its own.
    static func continues(_ previous: Range<Int>, with next: Range<Int>, acrossBlank: Bool, blockLength: Int, _ bytes: [UInt8]) -> Bool {
        guard let last = bytes[previous].last(where: { $0 != FoldedText.footnoteMarker }) else { return false }
        let first = bytes[next.lowerBound]
        let endsOpen = !".:;!?".utf8.contains(last)
        if acrossBlank {
            // A page break mid-sentence: the text after it starts in lower case and the text before stops short.
            // A figure may open the next page too ("… from 30% to / 24% by March 2013") when the text before stops
            // on a word.
            let continuesWithFigure = (isDigit(first) || first == 0x28) && isLower(last) && blockLength >= 40
            return endsOpen && last != 0x29 && last != 0x22 && last != 0x27 && (isLower(first) || continuesWithFigure)
        }
        if isLower(first) { return true }
        if !endsOpen { return false }
        // A label line ("Address ...", "Date: ...") or a short heading starts its own block.
        let head = String(decoding: bytes[next.prefix(10)], as: UTF8.self).lowercased()
        if ["address", "date:", "signed", "to:", "dated", "from:"].contains(where: head.hasPrefix) { return false }
        return previous.count >= 45
    }

    /// Appends the join between two wrapped lines: a space, or nothing for a word hyphenated across the break.
    static func joinLine(_ out: inout [UInt8], _ origin: inout [Int], next: Range<Int>, _ bytes: [UInt8]) {
        let first = bytes[next.lowerBound]
        if out.count >= 2, out[out.count - 1] == 0x2D, isLower(out[out.count - 2]) && isLower(first) {
            var j = out.count - 1
            while j > 0, isWordByte(out[j - 1]) { j -= 1 }
            let stem = String(decoding: out[j..<(out.count - 1)], as: UTF8.self).lowercased()
            if !compoundStems.contains(stem) {
                out.removeLast()
                origin.removeLast()
            }
            return
        }
        if out.last != 0x20 {
            out.append(0x20)
            origin.append(origin.last ?? 0)
        }
    }

    /// First halves of hyphenated compounds that keep their hyphen when split across lines.
    static let compoundStems: Set<String> = [
        "multi", "inter", "non", "pre", "post", "co", "re", "self", "well", "cross", "sub", "anti", "long", "short",
        "full", "part", "year", "first", "second", "follow", "in", "out", "over", "under", "high", "low", "front",
        "case", "joint", "decision", "child", "up", "on", "off", "mid", "semi", "ex", "step", "top", "day", "half",
        "age", "time", "six", "three", "twelve", "two", "four", "one", "early", "good", "agency", "month", "quarter",
    ]
}
