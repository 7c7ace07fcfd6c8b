import Domain

/// A notice laid out as blocks of clean ASCII text: paragraphs, list items, table rows and headings.
///
/// Page furniture (page numbers, running headers, footnotes) is gone; hard-wrapped lines and paragraphs broken by a
/// page are joined; bullets are stripped into `Block.level`. Every byte still knows where it came from in the text as
/// read, so any range here becomes a `SourceSpan` for the page that highlights it.
struct Document {
    enum BlockKind: Equatable {
        case paragraph
        /// A list item; level 0 is top level, 1 a sub-item.
        case item(level: Int)
        /// A row of a table flattened to text: cells separated by runs of spaces, tabs or "|".
        case tableRow
    }

    struct Block {
        var kind: BlockKind
        /// The block's text without its bullet, as a range of `Document.bytes`.
        var range: Range<Int>
        /// Cell ranges for table rows.
        var cells: [Range<Int>] = []
        /// Where each cell started in its line, for lining rows up with their header.
        var columns: [Int] = []

        var level: Int {
            if case .item(let level) = kind { return level }
            return 0
        }
        var isItem: Bool {
            if case .item = kind { return true }
            return false
        }
    }

    /// The blocks' text, one block per line.
    var bytes: [UInt8]
    /// `bytes` lower-cased, for case-insensitive search.
    var lower: [UInt8]
    /// For each byte, the scalar offset in the text as read.
    var origin: [Int]
    var blocks: [Block]
    /// Scalars in the text as read: every span lies within it.
    var sourceLength: Int

    init(bytes: [UInt8], origin: [Int], blocks: [Block], sourceLength: Int) {
        self.bytes = bytes
        self.origin = origin
        self.blocks = blocks
        self.sourceLength = sourceLength
        self.lower = bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    func lowercased(_ range: Range<Int>) -> String {
        String(decoding: lower[range], as: UTF8.self)
    }

    /// The span of the text as read behind a range of bytes.
    func span(_ range: Range<Int>) -> SourceSpan {
        guard !range.isEmpty, range.lowerBound < origin.count else {
            let at = range.lowerBound < origin.count ? origin[range.lowerBound] : sourceLength
            return SourceSpan(start: at, end: at)
        }
        let last = min(range.upperBound, origin.count) - 1
        return SourceSpan(start: origin[range.lowerBound], end: min(origin[last] + 1, sourceLength))
    }

    /// A range with leading and trailing spaces and punctuation in `trim` removed.
    func trimmed(_ range: Range<Int>, trimming trim: Set<UInt8> = [0x20, 0x2C, 0x3B, 0x3A]) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, trim.contains(bytes[lo]) { lo += 1 }
        while hi > lo, trim.contains(bytes[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// First occurrence of a lower-case ASCII needle in `range`, as a range of bytes. Quote marks in the text that
    /// the needle does not have are skipped, so "adequate or better" finds "'adequate' or better".
    func find(_ needle: String, in range: Range<Int>, wholeWord: Bool = true) -> Range<Int>? {
        // Needles are string literals, stored contiguously: search their bytes in place, without copying.
        if let found = needle.utf8.withContiguousStorageIfAvailable({ find($0, in: range, wholeWord: wholeWord) }) {
            return found
        }
        return Array(needle.utf8).withUnsafeBufferPointer { find($0, in: range, wholeWord: wholeWord) }
    }

    private func find(_ n: UnsafeBufferPointer<UInt8>, in range: Range<Int>, wholeWord: Bool) -> Range<Int>? {
        guard !n.isEmpty, range.count >= n.count, range.upperBound <= lower.count else { return nil }
        return lower.withUnsafeBufferPointer { lower -> Range<Int>? in
            let end = range.upperBound
            let first = n[0]
            var i = range.lowerBound
            while i < end {
                if lower[i] == first && (!wholeWord || i == range.lowerBound || !isWordByte(lower[i - 1])) {
                    var h = i + 1, j = 1
                    while j < n.count && h < end {
                        if lower[h] == n[j] { h += 1; j += 1 }
                        else if (lower[h] == 0x27 || lower[h] == 0x22) && n[j] != 0x27 && n[j] != 0x22 { h += 1 }
                        else { break }
                    }
                    if j == n.count && (!wholeWord || h >= end || !isWordByte(lower[h])) {
                        return i..<h
                    }
                }
                i += 1
            }
            return nil
        }
    }

    /// Every occurrence of a needle in `range`.
    func findAll(_ needle: String, in range: Range<Int>, wholeWord: Bool = true) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var from = range.lowerBound
        while from < range.upperBound, let hit = find(needle, in: from..<range.upperBound, wholeWord: wholeWord) {
            found.append(hit)
            from = hit.upperBound
        }
        return found
    }

    func contains(_ needle: String, in range: Range<Int>, wholeWord: Bool = true) -> Bool {
        find(needle, in: range, wholeWord: wholeWord) != nil
    }

    func containsAny(_ needles: [String], in range: Range<Int>) -> Bool {
        needles.contains { contains($0, in: range) }
    }

    /// Sentences of a block: split after ".", ";", "!" or "?" followed by a space and a capital, a digit or an
    /// opening bracket, except after abbreviations ("e.g.", "No.", "s.").
    func sentences(in range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            let c = bytes[i]
            if (c == 0x2E || c == 0x3B || c == 0x21 || c == 0x3F), i + 2 < range.upperBound, bytes[i + 1] == 0x20 {
                let next = bytes[i + 2]
                let startsSentence = (next >= 65 && next <= 90) || next == 0x28 || next == 0x22 || next == 0x27
                    || (c == 0x3B && next != 0x20)
                if startsSentence && !(c == 0x2E && isAbbreviation(endingAt: i, from: start)) {
                    result.append(start..<(i + 1))
                    start = i + 2
                    i += 2
                    continue
                }
            }
            i += 1
        }
        if start < range.upperBound { result.append(start..<range.upperBound) }
        return result.flatMap(boundedPieces).map { trimmed($0, trimming: [0x20]) }.filter { !$0.isEmpty }
    }

    /// No sentence in a notice runs past a few hundred words; text that does (a damaged file, a table flattened into
    /// one line) is read in pieces cut at spaces, so the work per sentence stays bounded whatever arrives.
    static let longestSentence = 2_400

    private func boundedPieces(_ range: Range<Int>) -> [Range<Int>] {
        guard range.count > Self.longestSentence else { return [range] }
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        while range.upperBound - start > Self.longestSentence {
            var cut = start + Self.longestSentence
            while cut > start + Self.longestSentence / 2, bytes[cut] != 0x20 { cut -= 1 }
            pieces.append(start..<cut)
            start = cut
        }
        pieces.append(start..<range.upperBound)
        return pieces
    }

    private func isAbbreviation(endingAt dot: Int, from start: Int) -> Bool {
        var j = dot
        while j > start && isWordByte(lower[j - 1]) { j -= 1 }
        let word = String(decoding: lower[j..<dot], as: UTF8.self)
        if word.count == 1 { return true }  // initials, "e.g.", "s."
        return ["eg", "ie", "no", "nos", "st", "mr", "mrs", "ms", "dr", "cllr", "etc", "vs", "para", "paras", "ref", "vol", "art", "reg", "sect", "vi", "iv", "ii", "iii", "vii", "viii", "ix", "xi", "xii"].contains(word)
    }
}

@inline(__always) func isWordByte(_ c: UInt8) -> Bool {
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
}
@inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
@inline(__always) func isUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
@inline(__always) func isLower(_ c: UInt8) -> Bool { c >= 97 && c <= 122 }
