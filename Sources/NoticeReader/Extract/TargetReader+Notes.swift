import Domain

/// Notes under a table that set the basis of some of its rows or columns: "Re-referrals: the rolling 12 months to the
/// end of the month shown"; "September figures are in-month, March figures year to date; vacancy and agency rates are
/// snapshots in both". A row's own words or a column's header outrank a note; a note naming rows outranks one naming
/// columns, which outranks a note on the whole table.
struct TableNotes {
    /// Phrases naming rows ("health assessments", "vacancy"), each with its basis.
    var rows: [(phrase: String, basis: Basis)] = []
    /// Months naming columns ("september"), each with its basis.
    var columns: [(month: String, basis: Basis)] = []
    /// The basis of rows marked with an asterisk: "* Position on the last day of the quarter."
    var marked: Basis?

    var isEmpty: Bool { rows.isEmpty && columns.isEmpty && marked == nil }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    /// The basis a note's words give, if any.
    static func basis(of text: String) -> Basis? {
        func has(_ words: [String]) -> Bool { words.contains { text.contains($0) } }
        if has(["year to date", "year-to-date", "cumulative", "cumulatively", "for the year so far", "outturn", "whole year", "full year"]) { return .cumulativeYearToDate }
        if has(["rolling 12", "rolling twelve", "rolling year", "previous 12 months", "previous twelve months"]) { return .rolling12Months }
        if has(["in-month", "in month", "for the month", "monthly figure", "month alone", "that month only"]) { return .inMonth }
        if has(["snapshot", "position at", "position on", "as at", "at the end of the month", "at each date", "on the date", "last day of the month", "last day of the quarter"]) { return .snapshot }
        return nil
    }

    init() {}

    init(text: String) {
        for raw in text.split(whereSeparator: { $0 == ";" || $0 == "\n" }).flatMap({ $0.components(separatedBy: ". ") }) {
            // "Note: Figures for September 2024 are for the month": the label names nothing.
            var clause = raw.trimmingCharacters(in: .whitespaces)
            for label in ["note:", "notes:", "nb:", "n.b.", "key:"] where clause.hasPrefix(label) { clause = String(clause.dropFirst(label.count)) }
            if clause.hasPrefix("*") {
                marked = marked ?? Self.basis(of: clause)
                continue
            }
            var pending: [String] = []
            for part in clause.split(separator: ",").map(String.init) {
                guard let basis = Self.basis(of: part) else { pending.append(part); continue }
                // The subject is what comes before the verb: "vacancy and agency rates | are snapshots at each date".
                var own = part.components(separatedBy: ":").first ?? part
                for verb in [" are ", " is ", " will be ", " should be ", " refer to ", " relate to "] {
                    if let r = own.range(of: verb) { own = String(own[..<r.lowerBound]) }
                }
                let subject = (pending + [own]).joined(separator: ",")
                pending = []
                let named = Self.months.filter { subject.contains($0) }
                if !named.isEmpty, ["figure", "figures", "target", "targets", "milestone", "column"].contains(where: { subject.contains($0) }) {
                    columns += named.map { ($0, basis) }
                    continue
                }
                for phrase in Self.phrases(subject) { rows.append((phrase, basis)) }
            }
        }
    }

    /// "Health assessments, pathway plans, vacancy and agency rates and caseloads" → "health assessment",
    /// "pathway plan", "vacancy", "agency", "caseload".
    static func phrases(_ subject: String) -> [String] {
        let filler: Set<String> = ["the", "figures", "figure", "rates", "rate", "for", "all", "both", "in", "are", "is", "of", "notes", "note", "and",
                                   "columns", "column", "each", "date", "dates", "rows", "row", "measures", "measure"]
        return subject.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: "&", with: ",").split(separator: ",").compactMap { piece in
            let words = piece.split(separator: " ").map { String($0).trimmingCharacters(in: .punctuationCharacters) }
                .filter { !$0.isEmpty && !filler.contains($0) && $0.first?.isLetter == true }
            guard !words.isEmpty, words.count <= 4 else { return nil }
            var phrase = words.joined(separator: " ")
            if phrase.hasSuffix("s"), phrase.count > 4 { phrase.removeLast() }
            return phrase
        }
    }

    /// The basis a note gives a row, the most specific phrase winning ("health assessment" over "assessment").
    func basis(forRow label: String) -> Basis? {
        rows.filter { note in ([note.phrase] + (Self.synonyms[note.phrase] ?? [])).contains { label.contains($0) } }
            .max { $0.phrase.count < $1.phrase.count }?.basis
    }

    /// A note's word for a row, and the rows' own words for it ("visits": "children … seen by their social worker").
    static let synonyms: [String: [String]] = [
        "visit": ["seen", "visited"], "conference": ["icpc"], "caseload": ["cases per", "children per"],
        "review": ["reviewed"], "agency": ["locum"], "sicknes": ["sickness", "absence", "days lost"],
    ]

    func basis(forColumn header: String) -> Basis? {
        columns.first { header.contains($0.month) }?.basis
    }
}

extension TargetReader {
    /// The notes in the blocks just after a table's last row, before the next table or heading-like break.
    func tableNotes(before header: Int, after lastRow: Int) -> TableNotes {
        var text = ""
        // The paragraph just above the table, when it speaks of the table's figures, is a note too.
        for k in stride(from: header - 1, through: max(0, header - 2), by: -1) where doc.blocks[k].kind != .tableRow {
            let words = doc.lowercased(doc.blocks[k].range)
            if words.count <= 400, ["target", "figure", "column"].contains(where: words.contains) { text += words + "\n" }
        }
        for k in (lastRow + 1)..<min(doc.blocks.count, lastRow + 7) {
            let block = doc.blocks[k]
            if block.kind == .tableRow { break }
            var words = doc.lowercased(block.range)
            if words.count > 400 { break }
            // "* Position on the last day of the quarter": the layout takes the asterisk for a bullet; it is the mark.
            let lead = doc.bytes[max(0, block.range.lowerBound - 3)..<block.range.lowerBound]
            if !words.hasPrefix("*"), lead.contains(0x2A) { words = "* " + words }
            text += words + "\n"
        }
        return TableNotes(text: text)
    }
}
