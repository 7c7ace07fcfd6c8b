import Domain

/// Reads the Improvement Board the notice requires: its name, how often it meets (and any longer interval DfE must
/// agree), who chairs it, DfE's place at it, and its partners.
struct BoardReader {
    let doc: Document

    func board(warnings: inout [String]) -> BoardArrangement {
        var board = BoardArrangement()
        var spans: [SourceSpan] = []
        let sentences = doc.blocks.flatMap { doc.sentences(in: $0.range) }
        let boardSentences = sentences.filter { s in
            (doc.contains("board", in: s) || doc.contains("boards", in: s)) && !onlyNamesTheLSCB(s)
        }

        for name in ["safeguarding improvement board", "children's improvement board", "improvement board", "board of key partners"] {
            if let hit = sentences.lazy.compactMap({ doc.find(name, in: $0) }).first {
                board.name = name == "board of key partners" ? "Board of key partners" : doc.string(hit).split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
                break
            }
        }

        // Cadence: any sentence about meeting, the board named or not ("The Improvement Board should: … o meet
        // fortnightly;"), except one that names only the LSCB.
        let meetingSentences = sentences.filter { doc.containsAny(["meet", "meets", "meeting", "meetings", "convene", "convenes"], in: $0) && !onlyNamesTheLSCB($0) }
        for s in meetingSentences where board.cadenceWeeks == nil || board.alternativeCadenceWeeks == nil {
            let tokens = Tokenizer.tokens(doc, s)
            for (weeks, words, conditional) in cadences(tokens, in: s) {
                if conditional || board.cadenceWeeks != nil {
                    if board.alternativeCadenceWeeks == nil && weeks != board.cadenceWeeks {
                        board.alternativeCadenceWeeks = weeks
                        board.alternativeNeedsDfEAgreement = doc.containsAny(["agreed with the department", "agreement of the department", "agreed by the department", "agreed with dfe", "agreed by dfe", "department for education"], in: s)
                    }
                } else {
                    board.cadenceWeeks = weeks
                    board.cadenceWords = words
                    spans.append(doc.span(s))
                }
            }
        }

        for s in sentences {
            // "the independent chair of the Bromley Safeguarding Children Board" chairs another board.
            let chairs = doc.findAll("independent chair", in: s).filter { hit in
                let after = doc.lowercased(hit.upperBound..<min(s.upperBound, hit.upperBound + 60))
                return !(after.hasPrefix(" of the") && (after.contains("safeguarding children") || after.contains("lscb")))
            }
            if !chairs.isEmpty && !doc.contains("without an independent chair", in: s) {
                board.independentChair = true
                spans.append(doc.span(s))
            }
            if doc.contains("peer support", in: s) && (doc.contains("board", in: s) || doc.contains("membership", in: s)) {
                board.peerSupport = true
                spans.append(doc.span(s))
            }
            let dfe = doc.containsAny(["department for education", "dfe", "the department", "my department", "my officials"], in: s)
            if dfe, board.dfeRole == nil || board.dfeRole == .representative {
                if doc.containsAny(["participant observer", "participant observers"], in: s) {
                    board.dfeRole = .participantObserver
                    spans.append(doc.span(s))
                } else if doc.containsAny(["observer", "observers"], in: s) {
                    board.dfeRole = .observer
                    spans.append(doc.span(s))
                } else if board.dfeRole == nil, doc.contains("board", in: s),
                          doc.containsAny(["representation from", "representative of", "representative from", "official from", "include the department", "including the department"], in: s) {
                    board.dfeRole = .representative
                    spans.append(doc.span(s))
                }
            }
        }

        // Members, from the sentences that say who sits on the board: the most specific phrase each names.
        var partners: [String] = []
        for s in boardSentences where doc.containsAny(["membership", "members", "board of", "include", "includes", "including"], in: s) {
            var general: String?
            for phrase in ["key partners and agencies", "partner agencies", "key partners", "the council's partners", "partners"] {
                if let hit = doc.find(phrase, in: s) { general = doc.string(hit); break }
            }
            var named: [String] = []
            for phrase in ["police", "health", "schools", "local safeguarding children board", "safeguarding children partnership", "safeguarding partners"] {
                if let hit = doc.find(phrase, in: s), doc.contains("membership", in: s) || doc.contains("include", in: s) { named.append(doc.string(hit)) }
            }
            for text in (general.map { [$0] } ?? []) + named where !partners.contains(where: { $0.lowercased() == text.lowercased() }) {
                partners.append(text)
            }
        }
        board.partners = partners
        if let first = spans.first { board.source = spans.dropFirst().reduce(first) { $0.union($1) } }
        if board.cadenceWeeks == nil { warnings.append("the board's meeting cadence was not found; enter it (DfE expects every four weeks)") }
        return board
    }

    /// "Local Safeguarding Children Board" alone is not the Improvement Board.
    private func onlyNamesTheLSCB(_ s: Range<Int>) -> Bool {
        let all = doc.findAll("board", in: s).count
        let lscb = doc.findAll("safeguarding children board", in: s).count + doc.findAll("safeguarding children's board", in: s).count
        return all > 0 && all == lscb
    }

    /// Meeting intervals in a sentence: weeks, the words, and whether it is a conditional alternative ("If the Board
    /// wishes to meet at 6 week intervals this must be agreed with the Department").
    private func cadences(_ t: [Token], in s: Range<Int>) -> [(Int, String, Bool)] {
        var found: [(Int, String, Bool)] = []
        let conditional = doc.containsAny(["if the board", "if it wishes", "wishes to", "may meet", "could meet", "may move", "may reduce"], in: s)
        var i = 0
        func words(_ r: Range<Int>) -> String { doc.string(t[r.lowerBound].range.lowerBound..<t[r.upperBound - 1].range.upperBound) }
        while i < t.count {
            let w = t[i].kind == .word ? t[i].text : ""
            // "every four weeks", "once every 4 weeks", "every month"
            if w == "every" || w == "each" {
                if let (n, used) = NumberWords.count(t, at: i + 1), i + 1 + used < t.count, t[i + 1 + used].text.hasPrefix("week") {
                    found.append((n, words((i > 0 && t[i - 1].text == "once" ? i - 1 : i)..<(i + 2 + used)), false))
                    i += 2 + used
                    continue
                }
                if i + 1 < t.count, t[i + 1].text == "month" || t[i + 1].text == "fortnight" || t[i + 1].text == "week" {
                    let weeks = t[i + 1].text == "month" ? 4 : (t[i + 1].text == "week" ? 1 : 2)
                    found.append((weeks, words(i..<(i + 2)), false))
                    i += 2
                    continue
                }
            }
            // "once a month", "monthly", "fortnightly", "four-weekly"
            if w == "once", i + 2 < t.count, t[i + 1].text == "a" || t[i + 1].text == "per", t[i + 2].text == "month" {
                found.append((4, words(i..<(i + 3)), false))
                i += 3
                continue
            }
            if w == "monthly" && !(i > 0 && t[i - 1].text.hasSuffix("-")) {
                found.append((4, words(i..<(i + 1)), false))
            }
            if w == "fortnightly" { found.append((2, words(i..<(i + 1)), false)) }
            if w.hasSuffix("-weekly"), let n = NumberWords.value(of: String(w.dropLast(7))) {
                found.append((n, words(i..<(i + 1)), conditional))
            }
            // "6 week intervals", "intervals of six weeks", "six-weekly intervals"
            if let (n, used) = NumberWords.count(t, at: i), i + used < t.count, t[i + used].text == "week" || t[i + used].text == "weeks",
               i + used + 1 < t.count, t[i + used + 1].text == "intervals" || t[i + used + 1].text == "interval" {
                found.append((n, words(i..<(i + used + 2)), conditional))
                i += used + 2
                continue
            }
            if w == "intervals", i + 2 < t.count, t[i + 1].text == "of", let (n, used) = NumberWords.count(t, at: i + 2),
               i + 2 + used < t.count, t[i + 2 + used].text.hasPrefix("week") {
                found.append((n, words(i..<(i + 3 + used)), conditional))
                i += 3 + used
                continue
            }
            i += 1
        }
        return found
    }
}
