import Domain

/// Targets laid out as lists and as tables.
extension TargetReader {
    // MARK: Lists

    /// The blocks under a lead-in that ends with ":": deeper items, and items that start with a figure or "and
    /// sustain" even where extraction flattened their indentation.
    func subordinates(of index: Int) -> [Int] {
        let header = doc.blocks[index]
        guard doc.bytes[header.range.upperBound - 1] == 0x3A else { return [] }
        // A paragraph lead-in governs the items after it only when it carries a date or an indicator of its own
        // ("By 31 March 2013:"); "The Council must demonstrate … the following:" introduces measures, not targets.
        let leadIn = !header.isItem
        if leadIn {
            let h = read(header.range)
            if h.dates.isEmpty && h.mentions.isEmpty { return [] }
        }
        var children: [Int] = []
        var k = index + 1
        while k < doc.blocks.count {
            let block = doc.blocks[k]
            if block.kind == .tableRow { break }
            if leadIn && !children.isEmpty && doc.bytes[block.range.upperBound - 1] == 0x3A { break }
            let deeper = block.isItem && (leadIn || block.level > header.level)
            let startsWithFigure = startsWithLevelOrAim(block.range)
            if !(deeper || startsWithFigure) { break }
            children.append(k)
            k += 1
        }
        // A lead-in over ordinary prose is not a target list: keep it only if something under it sets a level.
        let anyLevel = children.contains { !read(doc.blocks[$0].range).levels.isEmpty || startsWithLevelOrAim(doc.blocks[$0].range) }
        return anyLevel ? children : []
    }

    func startsWithLevelOrAim(_ range: Range<Int>) -> Bool {
        let tokens = Tokenizer.tokens(doc, range.lowerBound..<min(range.upperBound, range.lowerBound + 60))
        var i = 0
        while i < tokens.count, tokens[i].kind == .word, ["and", "or", "then", "to", "of"].contains(tokens[i].text) { i += 1 }
        if Levels.level(tokens, at: i) != nil { return true }
        if i < tokens.count, ["sustain", "maintain", "hold", "achieve"].contains(tokens[i].text) { return true }
        return false
    }

    mutating func listTargets(header index: Int, children: [Int]) -> [Target] {
        let headerRange = doc.blocks[index].range
        let h = read(headerRange)
        let headerMention = h.mentions.last
        var inherited = Inherited()
        if let date = h.dates.last(where: { isDueCue(h.tokens, before: $0.tokens.lowerBound) || $0.tokens.upperBound >= h.tokens.count - 1 }) {
            inherited.due = resolver.due(date, words: wordsOf(date, h.tokens), warnings: &warnings)
        }
        inherited.basis = basis(in: headerRange)
        if doc.containsAny(["in any reporting month", "in each month", "every month", "each month"], in: headerRange) { inherited.judged = .everyMonth }

        var targets: [Target] = []
        var milestones: [Milestone] = []
        var lastChild = headerRange
        for child in children {
            let range = doc.blocks[child].range
            let c = read(range)
            let ownIndicator = c.mentions.last.map(\.id)
            if let own = ownIndicator, own != headerMention?.id, !c.levels.isEmpty || headerMention == nil {
                for clause in clauses(in: range) { targets += clauseTargets(clause, inherited: inherited) }
                continue
            }
            if headerMention == nil && c.levels.isEmpty { continue }
            lastChild = range
            let childLevels = c.levels.indices.filter { !c.baselines.contains($0) }
            if childLevels.isEmpty {
                // "And sustain at 2008-09 levels by 30 June 2011": a dated aim with no figure.
                var due = inherited.due
                if let date = c.dates.last(where: { isDueCue(c.tokens, before: $0.tokens.lowerBound) }) {
                    due = resolver.due(date, words: wordsOf(date, c.tokens), warnings: &warnings)
                }
                let reference = c.dates.first(where: { if case .financialYear = $0.value { return true } else { return false } })
                    .flatMap { DateResolver.periodLabel($0.value) }
                let source = doc.trimmed(range, trimming: [0x20, 0x2E, 0x3B])
                milestones.append(Milestone(value: nil, due: due, basis: basis(in: range) ?? inherited.basis ?? .unspecified,
                                            referencePeriod: reference, words: doc.string(source), source: doc.span(source)))
                continue
            }
            for n in childLevels { milestones.append(milestone(level: n, in: c, inherited: inherited)) }
        }
        guard let mention = headerMention ?? (milestones.isEmpty ? nil : IndicatorVocabulary.Mention(id: .other, anchor: headerRange.lowerBound, start: headerRange.lowerBound)) else {
            return targets
        }
        let headerBaseline = h.baselines.first.map { baseline(h, $0) }
        var firstUnit = mention.id.naturalUnit
        for child in children {
            if let unit = read(doc.blocks[child].range).levels.first?.unit { firstUnit = unit; break }
        }
        let id = IndicatorVocabulary.refine(mention.id, unit: firstUnit)
        let words: String
        if let first = h.levels.first, h.baselines.contains(0) || !h.levels.isEmpty {
            _ = first
            words = self.words(for: id, in: h, firstLevel: 0)
        } else {
            var start = mention.start
            for phrase in ["percentage of", "proportion of"] {
                if let hit = doc.find(phrase, in: headerRange.lowerBound..<max(headerRange.lowerBound, mention.anchor)), hit.lowerBound <= start { start = hit.upperBound; break }
            }
            if mention.id == .other { start = stripLeadingVerbs(headerRange.lowerBound, in: headerRange) }
            words = tidyWords(start..<cutAfter(start, in: h))
        }
        var direction = directionWord(in: headerRange)
        if direction == nil, let b = headerBaseline?.value, let f = milestones.first?.value, b != f { direction = f > b ? .increase : .decrease }
        targets.insert(Target(
            indicator: words, indicatorID: id, unit: firstUnit == .count ? id.naturalUnit : firstUnit,
            direction: direction ?? id.betterWhen ?? .increase, baseline: headerBaseline, milestones: milestones,
            source: doc.span(headerRange.lowerBound..<lastChild.upperBound)), at: 0)
        return targets
    }

    // MARK: Tables

    /// A flattened table at `index`: header rows that name a baseline and dates, then rows of an indicator and its
    /// figures. Rows with cells (runs of spaces, tabs or "|") are lined up with the header by cell; rows of prose are
    /// read figure by figure against the header's order.
    func tableAt(_ index: Int) -> (header: [Int], rows: [Int])? {
        let first = doc.blocks[index]
        if first.kind == .tableRow {
            var k = index
            var header: [Int] = []
            while k < doc.blocks.count, doc.blocks[k].kind == .tableRow, !isDataRow(doc.blocks[k]) { header.append(k); k += 1 }
            var rows: [Int] = []
            while k < doc.blocks.count, doc.blocks[k].kind == .tableRow, isDataRow(doc.blocks[k]) { rows.append(k); k += 1 }
            guard !header.isEmpty, !rows.isEmpty else { return nil }
            return (header, rows)
        }
        guard doc.contains("baseline", in: first.range), index + 1 < doc.blocks.count else { return nil }
        let h = read(first.range)
        guard h.levels.isEmpty, !h.dates.isEmpty else { return nil }
        var rows: [Int] = []
        var k = index + 1
        while k < doc.blocks.count {
            let r = read(doc.blocks[k].range)
            guard r.levels.count >= 2, !r.mentions.isEmpty else { break }
            rows.append(k)
            k += 1
        }
        return rows.isEmpty ? nil : ([index], rows)
    }

    /// A data row holds a figure, outside its first cell, that is not part of a date.
    func isDataRow(_ block: Document.Block) -> Bool {
        block.cells.dropFirst().contains { cellValue($0, unit: .percent) != nil }
    }

    enum ColumnRole { case baseline(period: String?), milestone(DateMatch?, Basis?, [Token]), ignored }

    struct TableColumn {
        var position: Int
        var texts: [Range<Int>]
    }

    /// The value columns of a cell table, from one or more header rows merged by position.
    func cellColumns(_ header: [Int], dataCells: Int) -> [TableColumn] {
        guard let skeletonIndex = header.max(by: { doc.blocks[$0].cells.count < doc.blocks[$1].cells.count }) else { return [] }
        let skeleton = doc.blocks[skeletonIndex]
        var columns = zip(skeleton.columns, skeleton.cells).map { TableColumn(position: $0, texts: [$1]) }
        for rowIndex in header where rowIndex != skeletonIndex {
            let row = doc.blocks[rowIndex]
            for (position, cell) in zip(row.columns, row.cells) {
                if let nearest = columns.indices.min(by: { abs(columns[$0].position - position) < abs(columns[$1].position - position) }) {
                    columns[nearest].texts.append(cell)
                }
            }
        }
        // The first cell labels the rows ("Indicator", "Measure") when the header has as many cells as a data row.
        return columns.count >= dataCells ? Array(columns.dropFirst()) : columns
    }

    func role(_ column: TableColumn) -> ColumnRole {
        let isBaseline = column.texts.contains { doc.containsAny(["baseline", "position", "current", "actual", "outturn", "as at", "starting point"], in: $0) }
            && !column.texts.contains { doc.contains("target", in: $0) }
        var date: DateMatch?
        var tokens: [Token] = []
        var basis: Basis?
        // A header's date stacked over several lines ("Target by / 31 / December / 2024") is read from its lines
        // together; a date on one line alone is read from that line.
        if column.texts.count > 1 {
            let t = column.texts.flatMap { Tokenizer.tokens(doc, $0) }
            if let d = Dates.all(t, in: doc).first(where: { match in
                column.texts.filter { !Tokenizer.tokens(doc, $0).isEmpty }.count > 1 && match.tokens.count > 1
            }) { date = d; tokens = t }
        }
        for text in column.texts {
            let t = Tokenizer.tokens(doc, text)
            if date == nil, let d = Dates.all(t, in: doc).first { date = d; tokens = t }
            basis = basis ?? self.basis(in: text)
        }
        if isBaseline { return .baseline(period: date.flatMap { DateResolver.periodLabel($0.value) }) }
        if date != nil || column.texts.contains(where: { doc.containsAny(["target", "milestone", "aim"], in: $0) }) {
            return .milestone(date, basis, tokens)
        }
        return .ignored
    }

    mutating func tableTargets(header: [Int], rows: [Int]) -> [Target] {
        let cellTable = doc.blocks[header[0]].kind == .tableRow
        let dataCells = rows.map { doc.blocks[$0].cells.count }.max() ?? 0
        var roles: [ColumnRole] = []
        var positions: [Int] = []
        var headings: [String] = []
        if cellTable {
            let columns = cellColumns(header, dataCells: dataCells)
            roles = columns.map(role)
            positions = columns.map(\.position)
            headings = columns.map { $0.texts.map { doc.lowercased($0) }.joined(separator: " ") }
        } else {
            roles = proseColumns(read(doc.blocks[header[0]].range))
        }
        // "Each target is a figure for the financial year to date": a note beside the table sets the basis of columns
        // that do not give one.
        var noted: Basis?
        // "..., except for measures marked *, which are the position on the last day of the quarter": the rows whose
        // name carries the mark take the basis after it.
        var markedBasis: Basis?
        let near = (max(0, header[0] - 3)..<header[0]).map { $0 } + ((rows.last! + 1)..<min(doc.blocks.count, rows.last! + 3)).map { $0 }
        for k in near where doc.blocks[k].kind != .tableRow && doc.containsAny(["target", "targets", "figure", "figures", "milestone", "milestones"], in: doc.blocks[k].range) {
            // A sentence about the baseline ("the 2013-14 outturn is the figure for the year") sets no milestone's basis.
            let sentences = doc.sentences(in: doc.blocks[k].range).filter { !doc.containsAny(["outturn", "baseline", "position at", "starting point"], in: $0) }
            var found: Basis?
            for sentence in sentences {
                var own = sentence
                if let except = doc.find("except", in: sentence) {
                    own = sentence.lowerBound..<except.lowerBound
                    let rest = except.lowerBound..<sentence.upperBound
                    if doc.containsAny(["marked", "asterisk"], in: rest) || doc.bytes[rest].contains(0x2A) {
                        markedBasis = markedBasis ?? basis(in: rest) ?? TableNotes.basis(of: doc.lowercased(rest))
                    }
                }
                if found == nil { found = basis(in: own) }
            }
            if let found { noted = found; break }
        }
        let headerText = header.map { doc.lowercased(doc.blocks[$0].range) }.joined(separator: "\n")
        if noted == nil { noted = notedBasisByHeader[headerText] } else { notedBasisByHeader[headerText] = noted }
        // The same header over the table's next page: the mark means what it meant above the first.
        if markedBasis == nil { markedBasis = markedBasisByHeader[headerText] } else { markedBasisByHeader[headerText] = markedBasis }
        var notes = tableNotes(before: header[0], after: rows.last!)
        if notes.isEmpty { notes = notesByHeader[headerText] ?? notes } else { notesByHeader[headerText] = notes }
        let dueColumn = headings.firstIndex { h in ["by when", "date", "deadline", "due", "due by", "by", "to be met by", "when"].contains(h.trimmingCharacters(in: .whitespaces)) || h.hasPrefix("by when") }
        let basisColumn = headings.firstIndex { $0.contains("basis") || $0.contains("how measured") || $0.contains("measured as") }
        var targets: [Target] = []
        for row in rows {
            let block = doc.blocks[row]
            // The figures of the row, each with the column it falls under.
            var label: Range<Int>
            var figures: [(Level, Int, Range<Int>)] = []
            var proseCells: [Range<Int>] = []
            // A figure's own date in its cell ("11% (June 2023)"), by column: a baseline's period.
            var cellPeriods: [Int: String] = [:]
            // "Measure | Target | By when | Basis": a row's date and basis in columns of their own.
            var dueCell: Range<Int>?
            var basisCell: Range<Int>?
            if cellTable {
                label = block.cells[0]
                let labelMentions = IndicatorVocabulary.mentions(in: doc, label)
                let unit = labelMentions.first?.id.naturalUnit ?? .percent
                let valueCells = Array(zip(block.columns, block.cells).dropFirst())
                if valueCells.count == roles.count {
                    dueCell = dueColumn.map { valueCells[$0].1 }
                    basisCell = basisColumn.map { valueCells[$0].1 }
                }
                for (n, (position, cell)) in valueCells.enumerated() {
                    if valueCells.count == roles.count, n == dueColumn || n == basisColumn { continue }
                    if cellValue(cell, unit: unit) == nil, let bracketed = bracketedValue(cell, unit: unit) {
                        let column = valueCells.count == roles.count ? n
                            : positions.indices.min(by: { abs(positions[$0] - position) < abs(positions[$1] - position) }) ?? n
                        figures.append((bracketed.level, column, bracketed.value))
                        if let period = bracketed.period { cellPeriods[column] = period }
                        continue
                    }
                    guard let level = cellValue(cell, unit: unit) else {
                        // "At least 80% by 30 September 2016, and at least 90% by 31 March 2017": a cell that says
                        // its own dates is read as the target's words are.
                        if !cell.isEmpty, !Dates.all(Tokenizer.tokens(doc, cell), in: doc).isEmpty { proseCells.append(cell) }
                        continue
                    }
                    let column = valueCells.count == roles.count ? n
                        : positions.indices.min(by: { abs(positions[$0] - position) < abs(positions[$1] - position) }) ?? n
                    figures.append((level, column, cell))
                }
            } else {
                let r = read(block.range)
                let firstAt = r.tokens[r.levels[0].tokens.lowerBound].range.lowerBound
                label = doc.trimmed(block.range.lowerBound..<firstAt, trimming: [0x20, 0x7C, 0x2C, 0x3A])
                for (n, level) in r.levels.enumerated() {
                    let range = r.tokens[level.tokens.lowerBound].range.lowerBound..<r.tokens[level.tokens.upperBound - 1].range.upperBound
                    figures.append((level, n, range))
                }
            }
            var cellMilestones: [Milestone] = []
            var cellUnit: TargetUnit?
            for cell in proseCells {
                let fallback = IndicatorVocabulary.mentions(in: doc, label).first?.id ?? .other
                for t in clauseTargets(cell, inherited: Inherited(), fallbackIndicator: fallback) {
                    cellMilestones += t.milestones
                    cellUnit = cellUnit ?? t.unit
                }
            }
            guard !figures.isEmpty || !cellMilestones.isEmpty else { continue }
            var unit = figures.first?.0.unit ?? cellUnit ?? .percent
            if let first = figures.first, unit == .count || unit == .percent && !doc.bytes[first.2].contains(0x25) {
                unit = doc.containsAny(["per fte", "days per", "days lost"], in: label) ? .daysPerFTE : (IndicatorVocabulary.mentions(in: doc, label).first?.id.naturalUnit ?? unit)
            }
            if !figures.isEmpty, unit == .percent && !figures.contains(where: { doc.bytes[$0.2].contains(0x25) }) && IndicatorVocabulary.mentions(in: doc, label).isEmpty {
                unit = .count  // "Average days from referral to assessment completion | 38 | 35": a count, not a percentage
            }
            let id = IndicatorVocabulary.refine(IndicatorVocabulary.mentions(in: doc, label).first?.id ?? .other, unit: unit)
            let marked = doc.bytes[label].contains(0x2A) ? markedBasis ?? notes.marked : nil
            let rowBasis = basis(in: label) ?? basisCell.flatMap { basis(in: $0) } ?? marked ?? notes.basis(forRow: doc.lowercased(label))
            var rowDue: Due?
            if let dueCell {
                let t = Tokenizer.tokens(doc, dueCell)
                if let d = Dates.all(t, in: doc).first { rowDue = resolver.due(d, words: wordsOf(d, t), warnings: &warnings) }
            }
            var baseline: Baseline?
            var milestones: [Milestone] = []
            for (level, column, range) in figures where column < roles.count {
                switch roles[column] {
                case .baseline(let period):
                    baseline = Baseline(value: level.value, period: cellPeriods[column] ?? period, source: doc.span(range))
                case .milestone(let date, let basis, let tokens):
                    let due = date.flatMap { resolver.due($0, words: wordsOf($0, tokens), warnings: &warnings) } ?? rowDue
                    let columnNote = column < headings.count ? notes.basis(forColumn: headings[column]) : nil
                    // A Basis column speaks for its rows: where it gives none ("Audit sample"), no note does.
                    let fallback = basisCell != nil ? Basis.unspecified : columnNote ?? noted ?? .unspecified
                    milestones.append(Milestone(value: level.value, due: due, basis: basis ?? rowBasis ?? fallback,
                                                words: doc.string(range), source: doc.span(range)))
                case .ignored:
                    continue
                }
            }
            for var m in cellMilestones {
                if m.basis == .unspecified { m.basis = rowBasis ?? noted ?? .unspecified }
                milestones.append(m)
            }
            if figures.contains(where: { $0.1 >= roles.count }) {
                warnings.append("a table row has more figures than its header has columns: '\(doc.string(block.range))'")
            }
            // A row with no measure of its own carries on the measure above it (a cell spanning rows).
            if cellTable, doc.trimmed(label).isEmpty, !targets.isEmpty, baseline == nil {
                targets[targets.count - 1].milestones += milestones
                continue
            }
            let direction: TargetDirection
            if let words = proseCells.first, directionWord(in: words) == .maintain { direction = .maintain }
            else if let b = baseline?.value, let f = milestones.first?.value, b != f { direction = f > b ? .increase : .decrease }
            else if let words = proseCells.first, let said = directionWord(in: words) { direction = said }
            else { direction = id.betterWhen ?? .increase }
            targets.append(Target(indicator: doc.string(doc.trimmed(label)), indicatorID: id, unit: unit, direction: direction,
                                  baseline: baseline, milestones: milestones, source: doc.span(block.range)))
        }
        return targets
    }

    /// Columns of a header written as prose: "Indicator Baseline 2009-10 June 2011 (in-month) December 2011".
    func proseColumns(_ h: Reading) -> [ColumnRole] {
        var columns: [(Int, ColumnRole)] = []
        let block = h.range
        guard let b = doc.find("baseline", in: block) else { return [] }
        let period = h.dates.first(where: { abs(h.tokens[$0.tokens.lowerBound].range.lowerBound - b.lowerBound) < 12 })
        columns.append((b.lowerBound, .baseline(period: period.flatMap { DateResolver.periodLabel($0.value) })))
        for d in h.dates where d.tokens.lowerBound != period?.tokens.lowerBound {
            let at = h.tokens[d.tokens.lowerBound].range.lowerBound
            let end = h.tokens[min(h.tokens.count - 1, d.tokens.upperBound + 3)].range.upperBound
            columns.append((at, .milestone(d, basis(in: at..<end), h.tokens)))
        }
        return columns.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
