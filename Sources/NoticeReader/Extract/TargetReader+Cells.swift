import Domain

/// What one cell of a table holds: a figure, or a figure with its date in brackets.
extension TargetReader {
    /// The figure in one cell ("62%", "11.5", "24"); nil for "–", "n/a", words or a date.
    func cellValue(_ cell: Range<Int>, unit: TargetUnit) -> Level? {
        let tokens = Tokenizer.tokens(doc, cell)
        guard let first = tokens.first, Dates.all(tokens, in: doc).isEmpty else { return nil }
        if let level = Levels.level(tokens, at: 0) { return level }
        // "No more than 12%", "At least 95%", "Fewer than 90 children": the words before the figure say which way.
        let lead: Set<String> = ["no", "more", "than", "at", "least", "fewer", "less", "up", "to", "below", "under", "reduce", "increase", "maintain", "or", "above"]
        if let k = tokens.firstIndex(where: \.isNumber), k > 0, k <= 4, tokens[..<k].allSatisfy({ lead.contains($0.text) }) {
            if let level = Levels.level(tokens, at: k) { return level }
            if tokens.count == k + 1 || tokens.count == k + 2, var level = Levels.bareNumber(tokens, at: k) {
                level.unit = unit == .percent ? .count : unit
                return level
            }
        }
        guard first.isNumber, tokens.count == 1 else { return nil }
        var level = Levels.bareNumber(tokens, at: 0)
        level?.unit = unit
        return level
    }

    /// "11% (June 2023)", "74 (30 June 2023)": a figure with its date in brackets after it; the date is its period.
    func bracketedValue(_ cell: Range<Int>, unit: TargetUnit) -> (level: Level, value: Range<Int>, period: String?)? {
        guard let open = doc.bytes[cell].firstIndex(of: 0x28), open > cell.lowerBound, doc.bytes[cell].last == 0x29 else { return nil }
        let value = doc.trimmed(cell.lowerBound..<open)
        guard !value.isEmpty, let level = cellValue(value, unit: unit) else { return nil }
        let dates = Dates.all(Tokenizer.tokens(doc, open..<cell.upperBound), in: doc)
        return (level, value, dates.first.flatMap { DateResolver.periodLabel($0.value) })
    }
}
