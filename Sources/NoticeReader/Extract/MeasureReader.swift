import Domain

/// Reads the measures the council must take, each under the heading or lead-in it appears beneath.
///
/// Measures are the notice's list items, from the first list to the point where the notice turns to how it will be
/// assessed. Sub-items belong to their item. A paragraph that lost its bullet in extraction ("Ensure thresholds …")
/// is still a measure when it reads as one: it starts with an instruction or says what the council must do.
struct MeasureReader {
    let doc: Document

    static let instructions: Set<String> = [
        "ensure", "ensuring", "improve", "improving", "review", "reviewing", "implement", "implementing", "develop",
        "developing", "establish", "establishing", "work", "working", "engage", "engaging", "put", "carry", "reduce",
        "reducing", "increase", "increasing", "demonstrate", "demonstrating", "provide", "providing", "strengthen",
        "strengthening", "agree", "agreeing", "prepare", "preparing", "deliver", "delivering", "secure", "securing",
        "have", "embed", "embedding", "monitor", "monitoring", "undertake", "undertaking", "introduce", "introducing",
    ]

    func measures() -> [Measure] {
        let blocks = doc.blocks
        guard let first = blocks.firstIndex(where: \.isItem) else { return [] }
        var measures: [Measure] = []
        var ranges: [Range<Int>] = []
        var section = ""
        // The lead-in or heading before the first item names its section.
        for block in blocks[..<first].reversed() where block.kind == .paragraph {
            if isHeading(block) || endsWithColon(block) { section = label(block); break }
        }
        for index in first..<blocks.count {
            let block = blocks[index]
            let r = block.range
            if doc.containsAny(["assessed as follows", "will be assessed", "failure to comply"], in: r) { break }
            switch block.kind {
            case .item(let level):
                // Sub-items, and milestones whose indentation extraction lost ("55% for September 2010"), belong
                // to the item above them.
                if (level > 0 || startsWithFigure(r)), !measures.isEmpty {
                    extend(&measures, &ranges, with: r)
                } else {
                    measures.append(Measure(section: section, text: doc.string(r), source: doc.span(r)))
                    ranges.append(r)
                }
            case .paragraph:
                if isHeading(block) || endsWithColon(block) {
                    section = label(block)
                } else if isLower(doc.bytes[r.lowerBound]), !measures.isEmpty {
                    extend(&measures, &ranges, with: r)
                } else if readsAsMeasure(r) {
                    measures.append(Measure(section: section, text: doc.string(r), source: doc.span(r)))
                    ranges.append(r)
                }
            case .tableRow:
                if !measures.isEmpty { extend(&measures, &ranges, with: r) }
            }
        }
        return measures
    }

    private func extend(_ measures: inout [Measure], _ ranges: inout [Range<Int>], with r: Range<Int>) {
        let last = ranges.count - 1
        measures[last].text += "\n" + doc.string(r)
        ranges[last] = ranges[last].lowerBound..<r.upperBound
        measures[last].source = doc.span(ranges[last])
    }

    private func endsWithColon(_ block: Document.Block) -> Bool {
        doc.bytes[block.range.upperBound - 1] == 0x3A
    }

    /// A short line with no full stop that introduces what follows: "Social Care Practice", "Capacity and Capability".
    private func isHeading(_ block: Document.Block) -> Bool {
        let words = doc.string(block.range).split(separator: " ")
        guard block.kind == .paragraph, words.count <= 10, isUpper(doc.bytes[block.range.lowerBound]) else { return false }
        let last = doc.bytes[block.range.upperBound - 1]
        return last != 0x3B && last != 0x2C && !doc.containsAny(["must", "should", "will"], in: block.range)
    }

    private func label(_ block: Document.Block) -> String {
        doc.string(doc.trimmed(block.range, trimming: [0x20, 0x2E]))
    }

    private func startsWithFigure(_ r: Range<Int>) -> Bool {
        let tokens = Tokenizer.tokens(doc, r.lowerBound..<min(r.upperBound, r.lowerBound + 40))
        var i = 0
        while i < tokens.count, tokens[i].kind == .word, ["and", "or", "then"].contains(tokens[i].text) { i += 1 }
        if Levels.level(tokens, at: i) != nil { return true }
        return i < tokens.count && ["sustain", "maintain"].contains(tokens[i].text)
    }

    private func readsAsMeasure(_ r: Range<Int>) -> Bool {
        let tokens = Tokenizer.tokens(doc, r.lowerBound..<min(r.upperBound, r.lowerBound + 40))
        if let first = tokens.first, first.kind == .word, Self.instructions.contains(first.text) { return true }
        return doc.containsAny(["must", "should"], in: r) && doc.containsAny(["the council", "partners", "the board"], in: r)
    }
}
