import Domain

/// Reads the notice's numeric targets: what is measured, where it starts, the levels it must reach, by when, and on
/// which basis.
///
/// Notices set targets in a few shapes, and the reader follows the shape rather than the wording:
/// - a lead-in naming the indicator and its baseline, ending "to:", over a list of milestones ("70% by June 2011
///   (in-month figure)"), the list sometimes flattened to the same level by extraction;
/// - a lead-in giving a date ("by 30 June 2011:") over a list of indicators, each with its level;
/// - one sentence ("reduces from a baseline of 66% (Sep 2010) to 30% by September 2012");
/// - universal requirements ("no unallocated cases", "in all cases referrers are informed") read as 0 and 100;
/// - aims with no number ("sustain at 2008-09 levels", "a reduction in re-referral rates"), kept with a null value;
/// - tables flattened to text, a header row of baseline and dates over rows of figures.
struct TargetReader {
    let doc: Document
    let resolver: DateResolver
    var warnings: [String] = []
    /// The text that set targets: its dates are milestones, not deadlines.
    private(set) var usedRanges: [Range<Int>] = []
    /// The basis a table's note gave, by the table's header text, for the same table continued over a page.
    var notedBasisByHeader: [String: Basis] = [:]
    var markedBasisByHeader: [String: Basis] = [:]
    var notesByHeader: [String: TableNotes] = [:]

    init(doc: Document, resolver: DateResolver) {
        self.doc = doc
        self.resolver = resolver
    }

    /// What a lead-in passes down to the items under it.
    struct Inherited {
        var due: Due?
        var basis: Basis?
        var judged: Milestone.Judged?
    }

    mutating func targets() -> [Target] {
        var targets: [Target] = []
        var consumed = Set<Int>()
        let blocks = doc.blocks
        // A table per measure is read with the heading and baseline above it: those blocks are its, not targets.
        var measureTables: [Int: [Int]] = [:]
        for k in blocks.indices where blocks[k].kind == .tableRow && (k == 0 || blocks[k - 1].kind != .tableRow) {
            if let (header, _) = tableAt(k), isDateLabelled(header: header) {
                let context = measureContext(before: k)
                measureTables[k] = context
                context.forEach { consumed.insert($0) }
            }
        }
        var index = 0
        while index < blocks.count {
            defer { index += 1 }
            if consumed.contains(index) { continue }
            let block = blocks[index]
            if isAssessmentOrConsequence(block.range) { continue }
            if let (header, rows) = tableAt(index) {
                if let context = measureTables[index] {
                    if let target = measureTableTarget(header: header, rows: rows, context: context) { targets.append(target) }
                } else {
                    targets += tableTargets(header: header, rows: rows)
                }
                usedRanges.append(doc.blocks[header[0]].range.lowerBound..<doc.blocks[rows.last!].range.upperBound)
                (header + rows).forEach { consumed.insert($0) }
                continue
            }
            let children = subordinates(of: index)
            if !children.isEmpty {
                targets += listTargets(header: index, children: children)
                usedRanges.append(block.range.lowerBound..<doc.blocks[children.last!].range.upperBound)
                children.forEach { consumed.insert($0) }
                continue
            }
            // An item may run over several sentences ("… must rise from 52%. Interim milestones: 60% by …"): a
            // sentence that names no indicator carries on with the one named before it, and what the sentences set for
            // one indicator is one target.
            var blockTargets: [Target] = []
            var carry: IndicatorID?
            for clause in clauses(in: block.range) {
                let found = clauseTargets(clause, inherited: Inherited(), fallbackIndicator: carry)
                if !found.isEmpty { usedRanges.append(clause) }
                if let named = read(clause).mentions.last?.id { carry = named }
                blockTargets += found
            }
            targets += joinedWithinBlock(blockTargets)
        }
        return merge(targets)
    }

    func isAssessmentOrConsequence(_ r: Range<Int>) -> Bool {
        doc.containsAny(["497a", "statutory powers"], in: r)
    }

    // MARK: Clauses

    /// Sentences, cut again where one sentence carries two aims ("… reduces whilst taking action to reduce …").
    func clauses(in range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for sentence in doc.sentences(in: range) {
            var cuts: [Int] = []
            for marker in [" whilst ", " while ", ", and that ", " and that ", ", and ensuring ", " and ensuring ", ", and ensure ", "; "] {
                for hit in doc.findAll(marker, in: sentence, wholeWord: false) { cuts.append(hit.lowerBound) }
            }
            var start = sentence.lowerBound
            for cut in cuts.sorted() where cut > start {
                result.append(doc.trimmed(start..<cut))
                start = cut + 1
            }
            result.append(doc.trimmed(start..<sentence.upperBound))
        }
        return result.filter { !$0.isEmpty }
    }

    /// Everything a clause says about targets.
    struct Reading {
        var range: Range<Int>
        var tokens: [Token]
        var levels: [Level]
        var baselines: [Int]  // indices into `levels`
        var dates: [DateMatch]
        var mentions: [IndicatorVocabulary.Mention]
    }

    /// Readings already made: a lead-in and its items are read more than once while the reader decides their shape.
    final class Memo { var readings: [Range<Int>: Reading] = [:] }
    let memo = Memo()

    func read(_ whole: Range<Int>) -> Reading {
        if let known = memo.readings[whole] { return known }
        let reading = freshReading(whole)
        memo.readings[whole] = reading
        return reading
    }

    func freshReading(_ whole: Range<Int>) -> Reading {
        // A block longer than any real target statement is read only as far as a sentence can run.
        let range = whole.lowerBound..<min(whole.upperBound, whole.lowerBound + 2 * Document.longestSentence)
        let tokens = Tokenizer.tokens(doc, range)
        let dates = Dates.all(tokens, in: doc)
        var levels: [Level] = []
        var i = 0
        var nextDate = 0  // dates are in token order: walk them alongside
        while i < tokens.count {
            while nextDate < dates.count, dates[nextDate].tokens.upperBound <= i { nextDate += 1 }
            if nextDate < dates.count, dates[nextDate].tokens.contains(i) { i = dates[nextDate].tokens.upperBound; continue }
            if let level = Levels.level(tokens, at: i) {
                levels.append(level)
                i = level.tokens.upperBound
            } else {
                i += 1
            }
        }
        // "well above the England average of 573 per 10,000": a comparison, not a figure the council must reach.
        levels.removeAll { level in
            let lo = max(0, level.tokens.lowerBound - 4)
            let before = tokens[lo..<level.tokens.lowerBound].map(\.text)
            return before.contains("average") && (lo > 0 && ["england", "national", "regional"].contains(tokens[max(0, lo - 1)..<level.tokens.lowerBound].map(\.text).first { ["england", "national", "regional"].contains($0) } ?? ""))
        }
        let mentions = IndicatorVocabulary.mentions(in: doc, range)
        // "from 27 children (March 2015) to no more than 20 children per worker": a starting count is written bare.
        if let unit = levels.first(where: { $0.unit != .percent })?.unit {
            for k in tokens.indices where k > 0 && ["from", "of"].contains(tokens[k - 1].text) && !levels.contains(where: { $0.tokens.contains(k) }) {
                if dates.contains(where: { $0.tokens.contains(k) }) { continue }
                if var level = Levels.bareNumber(tokens, at: k), k < (levels.first?.tokens.lowerBound ?? 0) {
                    level.unit = unit
                    levels.insert(level, at: 0)
                }
            }
        }
        // Counts and caseloads are often given bare ("reduce the average caseload to 18"): a number after "to",
        // "of", "below" or "than", where the indicator itself says what it counts.
        let countsPeople = doc.containsAny(["the number of", "number of children", "number of cases"], in: range)
        if levels.isEmpty, let unit = mentions.last.map({ countsPeople ? TargetUnit.count : $0.id.naturalUnit }), unit != .percent {
            for k in tokens.indices where k > 0 && ["to", "of", "below", "than", "under", "within", "exceed", "average"].contains(tokens[k - 1].text) && !(tokens[k - 1].text == "of" && countsPeople) {
                if dates.contains(where: { $0.tokens.contains(k) }) { continue }
                if var level = Levels.bareNumber(tokens, at: k) {
                    level.unit = unit
                    levels.append(level)
                }
            }
        }
        // A baseline is the figure a target starts from: "baseline of 62%", "from 48%", "from the 2011-12 outturn of
        // 28%", "currently 54%": one of those words shortly before it, with no "to" or other figure in between.
        var baselines: [Int] = []
        for (n, level) in levels.enumerated() {
            let previousEnd = n > 0 ? levels[n - 1].tokens.upperBound : 0
            let lo = max(previousEnd, level.tokens.lowerBound - 7)
            let before = tokens[lo..<level.tokens.lowerBound].map(\.text)
            // "(2015-16: 27.4%)": a period and a colon before the figure, in brackets.
            if before.last == ":", before.contains("("), dates.contains(where: { $0.tokens.upperBound == level.tokens.lowerBound - 1 }) {
                baselines.append(n)
                continue
            }
            guard let cue = before.lastIndex(where: { ["baseline", "from", "outturn", "currently", "current", "stood", "was", "were", "stands", "compared"].contains($0) }) else {
                // "… employed through agencies, 46 per cent at 30 September 2014, should be below 30 per cent by …": a
                // figure dated by "at"/"in" ahead of a later figure with a deadline is where things stand.
                let after = level.tokens.upperBound
                if n + 1 < levels.count, after + 1 < tokens.count, ["at", "in", "as"].contains(tokens[after].text),
                   dates.contains(where: { $0.tokens.lowerBound == after + 1 || $0.tokens.lowerBound == after + 2 }),
                   level.tokens.lowerBound > 0, tokens[level.tokens.lowerBound - 1].isPunct(",") {
                    baselines.append(n)
                }
                continue
            }
            if !before[(cue + 1)...].contains("to") { baselines.append(n) }
        }
        return Reading(range: range, tokens: tokens, levels: levels, baselines: baselines, dates: dates, mentions: mentions)
    }

    /// Targets stated within one clause.
    mutating func clauseTargets(_ range: Range<Int>, inherited: Inherited, fallbackIndicator: IndicatorID? = nil) -> [Target] {
        if isEvidence(range) { return [] }
        let r = read(range)
        let milestoneLevels = r.levels.indices.filter { !r.baselines.contains($0) }
        var targets: [Target] = []
        if milestoneLevels.isEmpty, let first = r.baselines.first {
            // Only where the target starts from; its milestones follow in the next sentence.
            let id = IndicatorVocabulary.refine(indicator(for: r.levels[first], in: r) ?? fallbackIndicator ?? .other, unit: r.levels[first].unit)
            if id != .other || r.levels[first].unit != .percent {
                let baseline = self.baseline(r, first)
                return [Target(indicator: words(for: id, in: r, firstLevel: first), indicatorID: id, unit: r.levels[first].unit,
                               direction: directionWord(in: r.range) ?? id.betterWhen ?? .increase, baseline: baseline,
                               milestones: [], source: doc.span(range))]
            }
        }
        if !milestoneLevels.isEmpty {
            var byIndicator: [(IndicatorID, [Milestone], Int)] = []
            for n in milestoneLevels {
                let level = r.levels[n]
                let id = IndicatorVocabulary.refine(indicator(for: level, in: r) ?? fallbackIndicator ?? .other, unit: level.unit)
                let milestone = self.milestone(level: n, in: r, inherited: inherited)
                if let k = byIndicator.firstIndex(where: { $0.0 == id }) { byIndicator[k].1.append(milestone) }
                else { byIndicator.append((id, [milestone], n)) }
            }
            for (id, milestones, firstLevel) in byIndicator {
                let baseline = self.baseline(in: r, before: r.levels[firstLevel])
                let unit = r.levels[firstLevel].unit
                targets.append(Target(
                    indicator: words(for: id, in: r, firstLevel: firstLevel), indicatorID: id, unit: unit,
                    direction: direction(in: r, baseline: baseline?.value, first: milestones.first?.value, id: id),
                    baseline: baseline, milestones: milestones, source: doc.span(range)))
            }
            return targets
        }
        if let target = universalTarget(r, inherited: inherited) { return [target] }
        if let target = aimWithoutNumber(r, inherited: inherited) { return [target] }
        return []
    }

    /// What the inspection found is evidence, not a target: "Inspectors found that 35% of the plans they sampled …".
    func isEvidence(_ range: Range<Int>) -> Bool {
        guard doc.containsAny(["found that", "found more than", "inspectors found", "inspection found", "showed that", "identified that",
                               "at the time of the inspection", "they sampled", "they examined", "they audited"], in: range) else { return false }
        return !doc.containsAny(["must", "should", "shall", "expect", "expected", "aim", "target", "targets", "required", "need to", "to be",
                                 "increase", "reduce", "improve", "by the end", "no more than", "at least"], in: range)
    }

    /// The indicator a level belongs to: the last one named before it, else the first after.
    func indicator(for level: Level, in r: Reading) -> IndicatorID? {
        let at = r.tokens[level.tokens.lowerBound].range.lowerBound
        return r.mentions.last(where: { $0.anchor < at })?.id ?? r.mentions.first?.id
    }

    mutating func milestone(level n: Int, in r: Reading, inherited: Inherited) -> Milestone {
        let level = r.levels[n]
        let nextLevelToken = r.levels.indices.first(where: { $0 > n }).map { r.levels[$0].tokens.lowerBound } ?? r.tokens.count
        let segmentTokens = level.tokens.upperBound..<nextLevelToken
        let segmentEnd = nextLevelToken < r.tokens.count ? r.tokens[nextLevelToken].range.lowerBound : r.range.upperBound
        let segment = r.tokens[level.tokens.lowerBound].range.lowerBound..<segmentEnd
        let afterLevel = (level.tokens.upperBound < r.tokens.count ? r.tokens[level.tokens.upperBound].range.lowerBound : r.range.upperBound)..<segmentEnd

        var due = inherited.due
        var judged = inherited.judged ?? .byDueDate
        let previousLevelEnd = r.levels.indices.last(where: { $0 < n }).map { r.levels[$0].tokens.upperBound } ?? 0
        let dateAfter = r.dates.first { segmentTokens.contains($0.tokens.lowerBound) }
        // A date just after the figure before ("from 71% at 31 March 2016 to 95%", "to 80% by March 2017, and then to
        // 90%") is that figure's, not this one's.
        let ownedBefore = n > 0 ? previousLevelEnd + 2 : -1
        let dateBefore = r.dates.last { $0.tokens.upperBound <= level.tokens.lowerBound && $0.tokens.lowerBound >= previousLevelEnd && $0.tokens.lowerBound > ownedBefore
            && isDueCue(r.tokens, before: $0.tokens.lowerBound) }
        // "… to 75% and of core assessments … to 80% by March 2012": a date closing the clause serves every level
        // before it that has none of its own; but not a baseline's period ("… from 74% in 2015-16").
        let closing = r.dates.last.flatMap { d -> DateMatch? in
            guard r.levels.allSatisfy({ $0.tokens.upperBound <= d.tokens.lowerBound }) else { return nil }
            if let last = r.levels.indices.last, r.baselines.contains(last), d.tokens.lowerBound <= r.levels[last].tokens.upperBound + 2 { return nil }
            return d
        }
        if let match = dateAfter ?? dateBefore ?? (inherited.due == nil ? closing : nil) {
            due = resolver.due(match, words: wordsOf(match, r.tokens), warnings: &warnings)
            if case .afterNotice(0) = match.value { judged = .everyMonth }
            if case .endOfNotice = match.value { judged = .everyMonth }
        }
        // "60% by September 2012 and 70% by December 2012 (both in-month)": a shared basis after the next figure.
        var shared: Basis?
        if let both = doc.find("(both", in: afterLevel.upperBound..<r.range.upperBound, wholeWord: false) ?? doc.find("(all", in: afterLevel.upperBound..<r.range.upperBound, wholeWord: false),
           let close = doc.find(")", in: both.upperBound..<r.range.upperBound, wholeWord: false) {
            let levelsBetween = r.levels.filter { r.tokens[$0.tokens.lowerBound].range.lowerBound > afterLevel.upperBound && r.tokens[$0.tokens.lowerBound].range.lowerBound < both.lowerBound }.count
            if levelsBetween <= 1 { shared = self.basis(in: both.lowerBound..<close.upperBound) }
        }
        var basis = self.basis(in: afterLevel) ?? shared ?? inherited.basis ?? .unspecified
        if doc.containsAny(["in any reporting month", "in each month", "every month", "each month", "in any month", "at all times", "throughout"], in: afterLevel) {
            judged = .everyMonth
            if basis == .unspecified { basis = .inMonth }
        }
        let source = doc.trimmed(segment, trimming: [0x20, 0x2C, 0x3B, 0x2E])
        return Milestone(value: level.value, due: due, basis: basis, judged: judged, words: doc.string(source), source: doc.span(source))
    }

    /// "by", "before", "for", "in", "at": the words that put a date on a level.
    func isDueCue(_ t: [Token], before i: Int) -> Bool {
        guard i > 0 else { return false }
        return ["by", "before", "for", "in", "at", "within", "until", "end"].contains(t[i - 1].text) || t[i - 1].text == "the" && i > 1 && ["by", "before", "for", "at"].contains(t[i - 2].text)
    }

    func wordsOf(_ match: DateMatch, _ t: [Token]) -> String {
        doc.string(t[match.tokens.lowerBound].range.lowerBound..<t[match.tokens.upperBound - 1].range.upperBound)
    }

    /// The baseline a clause gives before a level: value, period and qualifiers.
    func baseline(in r: Reading, before level: Level) -> Baseline? {
        guard let n = r.baselines.last(where: { r.levels[$0].tokens.upperBound <= level.tokens.lowerBound }) ?? r.baselines.first else { return nil }
        return baseline(r, n)
    }

    func baseline(_ r: Reading, _ n: Int) -> Baseline {
        let level = r.levels[n]
        var period: String?
        var qualifiers: [String] = []
        let lo = max(0, level.tokens.lowerBound - 8)
        let before = r.tokens[lo..<level.tokens.lowerBound]
        for q in ["provisional", "outturn", "estimated", "actual", "validated", "unvalidated", "published"] where before.contains(where: { $0.text == q }) {
            qualifiers.append(q)
        }
        // The period: a date just before "baseline" ("the 2009-10 baseline"), or just after the value
        // ("66% (Sep 2010)", "62% in 2009-10").
        var spanStart = max(lo, level.tokens.lowerBound - 3)
        // The period before the figure ("the 2009-10 baseline of 62%", "(2015-16: 27.4%)"), but not a due date
        // ("… by March 2018, from 71% in December 2016" takes December 2016, after the figure).
        let previousLevelEnd = r.levels.filter { $0.tokens.upperBound <= level.tokens.lowerBound }.last?.tokens.upperBound ?? 0
        if let d = r.dates.last(where: { $0.tokens.upperBound <= level.tokens.lowerBound && $0.tokens.lowerBound >= max(lo, previousLevelEnd) && !isDueCue(r.tokens, before: $0.tokens.lowerBound) }) {
            period = DateResolver.periodLabel(d.value)
            spanStart = min(spanStart, d.tokens.lowerBound)
        }
        var end = level.tokens.upperBound
        // "27 children (March 2015)": the unit words of a bare count come before the bracket.
        while end < r.tokens.count, ["children", "cases", "child", "case", "days", "staff"].contains(r.tokens[end].text) { end += 1 }
        if end < r.tokens.count, r.tokens[end].isPunct("(") {
            if let close = r.tokens[end...].firstIndex(where: { $0.isPunct(")") }) {
                if let d = r.dates.first(where: { $0.tokens.lowerBound > end && $0.tokens.upperBound <= close }), period == nil {
                    period = DateResolver.periodLabel(d.value)
                } else if close > end + 1 {
                    qualifiers.append(doc.string(r.tokens[end + 1].range.lowerBound..<r.tokens[close - 1].range.upperBound))
                }
                end = close + 1
            }
        } else if let d = r.dates.first(where: { ($0.tokens.lowerBound == end + 1 && ["in", "for", "at"].contains(r.tokens[end].text))
                                                  || ($0.tokens.lowerBound == end + 2 && r.tokens[end].text == "as" && r.tokens[end + 1].text == "at") }) {
            // "from 71% in December 2016", "from 31% as at 30 September 2016": the period follows the figure.
            period = DateResolver.periodLabel(d.value)
            end = d.tokens.upperBound
        }
        let start = r.tokens[spanStart].range.lowerBound
        let stop = end < r.tokens.count ? r.tokens[end - 1].range.upperBound : r.range.upperBound
        let span = doc.trimmed(start..<stop)
        return Baseline(value: level.value, period: period, qualifiers: qualifiers, source: doc.span(span))
    }

    /// "increasing", "reduce", "sustain" before the first figure; else the figures themselves; else the indicator's polarity.
    func direction(in r: Reading, baseline: Double?, first: Double?, id: IndicatorID) -> TargetDirection {
        let upTo = r.levels.first.map { r.tokens[$0.tokens.lowerBound].range.lowerBound } ?? r.range.upperBound
        let range = r.range.lowerBound..<max(r.range.lowerBound, upTo)
        if let verb = directionWord(in: range) { return verb }
        if let b = baseline, let f = first, b != f { return f > b ? .increase : .decrease }
        if let verb = directionWord(in: r.range) { return verb }
        return id.betterWhen ?? .increase
    }

    func directionWord(in range: Range<Int>) -> TargetDirection? {
        let up = ["increase", "increases", "increasing", "increased", "improve", "improves", "improving", "improvement", "raise", "raising", "higher", "at least", "rise", "rises", "no less than", "no fewer than"]
        let down = ["reduce", "reduces", "reducing", "reduced", "reduction", "decrease", "decreases", "decreasing", "lower", "lowering", "fewer than", "no more than", "below", "fall", "falls", "down", "under", "exceed", "no higher than"]
        let hold = ["sustain", "maintain", "maintained", "maintaining", "hold", "keep"]
        // "maintained at or below 11%": held where it is, not pushed down.
        if doc.containsAny(["maintained at or below", "maintain at or below", "maintained at or above", "maintain at or above", "kept at or below", "kept at or above", "held at or below", "held at or above", "sustained at or below", "sustained at or above"], in: range) {
            return .maintain
        }
        // The verb nearest the figure governs it: "improve the retention … by reducing the vacancy rate … to 10%".
        // Ranked by where the phrase ends, longer first on a tie: "no higher than" outranks the "higher" inside it.
        var best: (Int, Int, TargetDirection)?
        for (words, direction) in [(up, TargetDirection.increase), (down, .decrease), (hold, .maintain)] {
            for w in words {
                if let hit = doc.findAll(w, in: range).last, best == nil || (hit.upperBound, hit.count) > (best!.0, best!.1) {
                    best = (hit.upperBound, hit.count, direction)
                }
            }
        }
        return best?.2
    }
}
