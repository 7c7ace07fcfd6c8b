import Domain

/// A small table per measure: the measure named in a heading above it ("(b) Initial child protection conferences held
/// within 15 working days of the strategy discussion"), its baseline and basis in a line or two between ("Baseline:
/// 61% (December 2023). Measured in month."), and rows of a date and a level ("By | Target", "June 2024 | 75%").
extension TargetReader {
    /// Whether the table's first column gives dates, not measures: its header cell says so.
    func isDateLabelled(header: [Int]) -> Bool {
        guard let cell = doc.blocks[header[0]].cells.first else { return false }
        let text = doc.lowercased(cell).trimmingCharacters(in: .whitespaces)
        return ["by", "by when", "date", "when", "month", "deadline", "due", "due by", "to be met by", "milestone date"].contains(text)
    }

    /// The blocks just above a date-labelled table that name its measure and give its baseline: up to two, stopping at
    /// another table.
    func measureContext(before header: Int) -> [Int] {
        var context: [Int] = []
        var k = header - 1
        while k >= 0, context.count < 2, doc.blocks[k].kind != .tableRow {
            context.insert(k, at: 0)
            if !doc.lowercased(doc.blocks[k].range).hasPrefix("baseline") && !doc.lowercased(doc.blocks[k].range).hasPrefix("measured") { break }
            k -= 1
        }
        return context
    }

    mutating func measureTableTarget(header: [Int], rows: [Int], context: [Int]) -> Target? {
        guard let headingIndex = context.first(where: { !doc.lowercased(doc.blocks[$0].range).hasPrefix("baseline") }) ?? context.first else { return nil }
        let heading = doc.blocks[headingIndex].range
        let contextText = context.map { doc.lowercased(doc.blocks[$0].range) }.joined(separator: " ")
        var id = IndicatorVocabulary.mentions(in: doc, heading).first?.id ?? .other
        let basis = TableNotes.basis(of: contextText) ?? .unspecified
        // The baseline: the first figure after "Baseline", with the date beside it as its period.
        var baseline: Baseline?
        for k in context {
            let range = doc.blocks[k].range
            guard let b = doc.find("baseline", in: range) else { continue }
            let r = read(b.upperBound..<range.upperBound)
            if let level = r.levels.first {
                let period = r.dates.first.flatMap { DateResolver.periodLabel($0.value) }
                let at = r.tokens[level.tokens.lowerBound].range
                baseline = Baseline(value: level.value, period: period, source: doc.span(at.lowerBound..<r.tokens[level.tokens.upperBound - 1].range.upperBound))
            }
        }
        var milestones: [Milestone] = []
        var unit: TargetUnit?
        var direction: TargetDirection?
        for row in rows {
            let cells = doc.blocks[row].cells
            guard cells.count >= 2 else { continue }
            let t = Tokenizer.tokens(doc, cells[0])
            let due = Dates.all(t, in: doc).first.flatMap { resolver.due($0, words: wordsOf($0, t), warnings: &warnings) }
            for cell in cells.dropFirst() {
                let r = read(cell)
                guard let level = r.levels.first else { continue }
                unit = unit ?? level.unit
                direction = direction ?? directionWord(in: cell)
                let span = r.tokens[level.tokens.lowerBound].range.lowerBound..<r.tokens[level.tokens.upperBound - 1].range.upperBound
                milestones.append(Milestone(value: level.value, due: due, basis: basis, words: doc.string(doc.blocks[row].range), source: doc.span(span)))
                break
            }
        }
        guard !milestones.isEmpty else { return nil }
        var targetUnit = unit ?? .percent
        if targetUnit == .count, id != .other { targetUnit = id.naturalUnit }
        if doc.containsAny(["per fte", "days per", "days lost"], in: heading) { targetUnit = .daysPerFTE }
        id = IndicatorVocabulary.refine(id, unit: targetUnit)
        let resolvedDirection: TargetDirection
        if let b = baseline?.value, let f = milestones.first?.value, b != f { resolvedDirection = f > b ? .increase : .decrease }
        else { resolvedDirection = direction ?? id.betterWhen ?? .increase }
        // "(b) Initial child protection conferences …": the label is no part of the measure's words.
        var words = doc.string(doc.trimmed(heading))
        if words.hasPrefix("("), let close = words.firstIndex(of: ")"), words.distance(from: words.startIndex, to: close) <= 4 {
            words = String(words[words.index(after: close)...]).trimmingCharacters(in: .whitespaces)
        }
        return Target(indicator: words, indicatorID: id, unit: targetUnit, direction: resolvedDirection, baseline: baseline, milestones: milestones,
                      source: doc.span(heading.lowerBound..<doc.blocks[rows.last!].range.upperBound))
    }
}
