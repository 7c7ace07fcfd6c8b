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
    private var notedBasisByHeader: [String: Basis] = [:]

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
        var index = 0
        while index < blocks.count {
            defer { index += 1 }
            if consumed.contains(index) { continue }
            let block = blocks[index]
            if isAssessmentOrConsequence(block.range) { continue }
            if let (header, rows) = tableAt(index) {
                targets += tableTargets(header: header, rows: rows)
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

    private func isAssessmentOrConsequence(_ r: Range<Int>) -> Bool {
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
    private final class Memo { var readings: [Range<Int>: Reading] = [:] }
    private let memo = Memo()

    func read(_ whole: Range<Int>) -> Reading {
        if let known = memo.readings[whole] { return known }
        let reading = freshReading(whole)
        memo.readings[whole] = reading
        return reading
    }

    private func freshReading(_ whole: Range<Int>) -> Reading {
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
            guard let cue = before.lastIndex(where: { ["baseline", "from", "outturn", "currently", "current", "stood", "was", "were", "stands"].contains($0) }) else {
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
    private func isEvidence(_ range: Range<Int>) -> Bool {
        guard doc.containsAny(["found that", "found more than", "inspectors found", "inspection found", "showed that", "identified that",
                               "at the time of the inspection", "they sampled", "they examined", "they audited"], in: range) else { return false }
        return !doc.containsAny(["must", "should", "shall", "expect", "expected", "aim", "target", "targets", "required", "need to", "to be",
                                 "increase", "reduce", "improve", "by the end", "no more than", "at least"], in: range)
    }

    /// The indicator a level belongs to: the last one named before it, else the first after.
    private func indicator(for level: Level, in r: Reading) -> IndicatorID? {
        let at = r.tokens[level.tokens.lowerBound].range.lowerBound
        return r.mentions.last(where: { $0.anchor < at })?.id ?? r.mentions.first?.id
    }

    private mutating func milestone(level n: Int, in r: Reading, inherited: Inherited) -> Milestone {
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
        let dateBefore = r.dates.last { $0.tokens.upperBound <= level.tokens.lowerBound && $0.tokens.lowerBound >= previousLevelEnd && isDueCue(r.tokens, before: $0.tokens.lowerBound) }
        // "… to 75% and of core assessments … to 80% by March 2012": a date closing the clause serves every level
        // before it that has none of its own.
        let closing = r.dates.last.flatMap { d in r.levels.allSatisfy({ $0.tokens.upperBound <= d.tokens.lowerBound }) ? d : nil }
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
    private func isDueCue(_ t: [Token], before i: Int) -> Bool {
        guard i > 0 else { return false }
        return ["by", "before", "for", "in", "at", "within", "until", "end"].contains(t[i - 1].text) || t[i - 1].text == "the" && i > 1 && ["by", "before", "for", "at"].contains(t[i - 2].text)
    }

    private func wordsOf(_ match: DateMatch, _ t: [Token]) -> String {
        doc.string(t[match.tokens.lowerBound].range.lowerBound..<t[match.tokens.upperBound - 1].range.upperBound)
    }

    func basis(in range: Range<Int>) -> Basis? {
        guard !range.isEmpty else { return nil }
        if doc.containsAny(["cumulative", "year to date", "year-to-date", "ytd", "first three quarters", "first two quarters", "as a whole", "full year", "whole year", "outturn"], in: range) { return .cumulativeYearToDate }
        if doc.containsAny(["rolling", "rolling 12 months", "rolling year", "12 months to", "twelve months to"], in: range) { return .rolling12Months }
        if doc.containsAny(["in-month", "in month", "monthly figure", "month figure", "month only", "for the month of", "in the month of"], in: range) { return .inMonth }
        if doc.containsAny(["as at", "snapshot", "point in time", "at any one time", "at any time"], in: range) { return .snapshot }
        return nil
    }

    /// The baseline a clause gives before a level: value, period and qualifiers.
    private func baseline(in r: Reading, before level: Level) -> Baseline? {
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
    private func direction(in r: Reading, baseline: Double?, first: Double?, id: IndicatorID) -> TargetDirection {
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

    // MARK: Words

    /// The notice's own words for what a target measures, without the verbs and figures around them.
    func words(for id: IndicatorID, in r: Reading, firstLevel: Int) -> String {
        let levelStart = r.tokens[r.levels[firstLevel].tokens.lowerBound].range.lowerBound
        let mention = r.mentions.last(where: { $0.id == id || IndicatorVocabulary.refine($0.id, unit: r.levels[firstLevel].unit) == id })
        // A figure before its subject: "75% of cases judged 'adequate' or better through assessment audit".
        if mention == nil || mention!.start > levelStart {
            var start = r.tokens[r.levels[firstLevel].tokens.upperBound - 1].range.upperBound
            if let of = doc.find("of", in: start..<min(r.range.upperBound, start + 4)) { start = of.upperBound }
            let hasSubjectAfter = start < r.range.upperBound && doc.trimmed(start..<r.range.upperBound).count > 3
            if hasSubjectAfter { return tidyWords(start..<cutAfter(start, in: r)) }
        }
        var start = mention?.start ?? r.range.lowerBound
        for phrase in ["the percentage of", "percentage of", "the proportion of", "proportion of", "the number of", "number of", "the rate of", "rate of"] {
            if let hit = doc.find(phrase, in: r.range.lowerBound..<max(r.range.lowerBound, min(levelStart, (mention?.anchor ?? levelStart) + 1))), hit.lowerBound <= start {
                start = phrase.hasPrefix("the number") || phrase.hasPrefix("number") ? hit.lowerBound : hit.upperBound
                break
            }
        }
        if mention == nil { start = stripLeadingVerbs(r.range.lowerBound, in: r.range) }
        return tidyWords(start..<cutAfter(start, in: r))
    }

    /// Where a target's words stop: at its baseline, its first figure, its date or a verb of change.
    private func cutAfter(_ start: Int, in r: Reading) -> Int {
        var end = r.range.upperBound
        for level in r.levels {
            let at = r.tokens[level.tokens.lowerBound].range.lowerBound
            if at > start { end = min(end, at) }
        }
        for date in r.dates {
            let at = r.tokens[date.tokens.lowerBound].range.lowerBound
            if at > start { end = min(end, at) }
        }
        for phrase in [" from the ", " from a ", " from ", " reduces", " increases", " is reduced", " are reduced", " to:", " by:", " in any ", " in each ", " for the duration", " baseline", " falls", " rises", " is maintained", ";"] {
            if let hit = doc.find(phrase, in: start..<end, wholeWord: false) { end = min(end, hit.lowerBound) }
        }
        return end
    }

    private func stripLeadingVerbs(_ start: Int, in range: Range<Int>) -> Int {
        var s = start
        let fillers = ["whilst ensuring assessments are of a high quality,", "ensuring that", "ensure that", "ensuring", "ensure", "taking action to", "to", "and", "increasing", "increase", "reducing", "reduce", "improving", "improve", "raising", "raise", "the", "a", "there are", "there is"]
        var changed = true
        while changed {
            changed = false
            for f in fillers {
                if let hit = doc.find(f, in: s..<range.upperBound), hit.lowerBound == s {
                    s = min(range.upperBound, hit.upperBound + 1)
                    changed = true
                }
            }
        }
        return s
    }

    private func tidyWords(_ range: Range<Int>) -> String {
        var r = doc.trimmed(range, trimming: [0x20, 0x2C, 0x3B, 0x3A, 0x2E, 0x28])
        // Trailing connectives left by the cut: "… social workers to", "… reduces by".
        var changed = true
        while changed {
            changed = false
            for tail in [" to", " by", " of", " at", " for", " and", " in", " is", " are", " be", " should", " must", " will"] {
                let t = Array(tail.utf8)
                if r.count > t.count, Array(doc.lower[(r.upperBound - t.count)..<r.upperBound]) == t {
                    r = doc.trimmed(r.lowerBound..<(r.upperBound - t.count), trimming: [0x20, 0x2C, 0x3B, 0x3A, 0x2E])
                    changed = true
                }
            }
        }
        return doc.string(r)
    }

    // MARK: Targets without a figure

    /// "There are no unallocated cases", "in all cases referrers are informed", "All child protection enquiries are
    /// carried out by a qualified social worker": zero, or one hundred per cent.
    private mutating func universalTarget(_ r: Reading, inherited: Inherited) -> Target? {
        // "… told the outcome of their referral in every case": the quantifier may follow its subject. "Every child …"
        // quantifies the children the indicator counts, wherever the indicator is named.
        let trailing = ["in every case", "in all cases", "in each case", "without exception", "every child", "every young person", "every care leaver",
                        "all children", "all care leavers", "each child", "every looked after child", "all looked after children"]
            .compactMap { doc.find($0, in: r.range) }.first
        for (i, token) in r.tokens.enumerated() where token.kind == .word && ["no", "all", "every", "zero"].contains(token.text) || token.range.lowerBound == trailing?.lowerBound {
            let at = token.range.lowerBound
            let window = r.tokens[min(i + 1, r.tokens.count - 1)..<min(r.tokens.count, i + 8)]
            let windowEnd = window.last?.range.upperBound ?? at
            let isTrailing = at == trailing?.lowerBound
            guard let mention = isTrailing ? (r.mentions.last(where: { $0.start < at }) ?? r.mentions.last) : r.mentions.first(where: { $0.start > at && $0.start <= windowEnd }) else { continue }
            let zero = !isTrailing && (token.text == "no" || token.text == "zero")
            let id = mention.id
            if zero && id.naturalUnit != .count { continue }
            if !zero && (id.naturalUnit != .percent || id.betterWhen != .increase) { continue }
            var due = inherited.due
            var judged = inherited.judged ?? .byDueDate
            if let match = r.dates.first(where: { $0.tokens.lowerBound > i }) {
                due = resolver.due(match, words: wordsOf(match, r.tokens), warnings: &warnings)
                if case .afterNotice(0) = match.value { judged = .everyMonth }
                if case .endOfNotice = match.value { judged = .everyMonth }
            }
            var basis = basis(in: at..<r.range.upperBound) ?? inherited.basis ?? .unspecified
            if doc.containsAny(["in any reporting month", "in each month", "every month", "each month", "in any month", "for the duration", "at all times", "end of any month", "end of each month", "end of every month"], in: r.range) {
                judged = .everyMonth
                if basis == .unspecified { basis = [.unallocatedCases, .casesAllocatedToQualifiedSW].contains(id) ? .snapshot : .inMonth }
            }
            var start = isTrailing ? mention.start : min(r.range.upperBound, token.range.upperBound + 1)
            // "in all cases referrers are informed …": the subject follows "cases".
            if let cases = doc.find("cases", in: start..<min(r.range.upperBound, start + 6)), cases.lowerBound == start, mention.start > cases.upperBound {
                start = min(r.range.upperBound, cases.upperBound + 1)
            }
            let words = tidyWords(start..<cutAfter(start, in: r))
            let milestone = Milestone(value: zero ? 0 : 100, due: due, basis: basis, judged: judged,
                                      words: doc.string(r.range), source: doc.span(r.range))
            return Target(indicator: words, indicatorID: id, unit: zero ? .count : .percent,
                          direction: zero ? .decrease : (id.betterWhen ?? .increase),
                          milestones: [milestone], source: doc.span(r.range))
        }
        return nil
    }

    /// "a reduction in re-referral rates", "the number … for 2 years or more reduces", "statutory timescales are met",
    /// "at or above the England average": an aim a board tracks, with no figure to judge it by until one is agreed.
    private mutating func aimWithoutNumber(_ r: Reading, inherited: Inherited) -> Target? {
        guard let mention = r.mentions.last else { return nil }
        let figure = doc.containsAny(["percentage", "proportion", "rate", "rates", "number", "numbers", "level", "levels", "figure", "figures"], in: r.range)
        let change = directionWord(in: r.range)
        let timescalesMet = doc.containsAny(["timescales are met", "timescale is met", "timescales are adhered to", "timescales are achieved"], in: r.range)
        let comparator = doc.containsAny(["england average", "national average", "statistical neighbour", "statistical neighbours", "comparator", "comparators"], in: r.range)
        guard (figure && change != nil) || timescalesMet || comparator else { return nil }
        var due = inherited.due
        if let match = r.dates.first(where: { isDueCue(r.tokens, before: $0.tokens.lowerBound) }) {
            due = resolver.due(match, words: wordsOf(match, r.tokens), warnings: &warnings)
        }
        let basis = basis(in: r.range) ?? inherited.basis ?? .unspecified
        let start = mention.start
        var wordsStart = start
        for phrase in ["percentage of", "proportion of", "number of"] {
            if let hit = doc.find(phrase, in: r.range.lowerBound..<start) { wordsStart = phrase == "number of" ? hit.lowerBound : hit.upperBound; break }
        }
        if timescalesMet { wordsStart = stripLeadingVerbs(r.range.lowerBound, in: r.range) }
        var wordsEnd = cutAfter(wordsStart, in: r)
        // "a reduction in re-referral rates and positive feedback from partners": the aim ends with its subject.
        if let and = doc.find("and", in: min(wordsEnd, mention.anchor + 1)..<wordsEnd) { wordsEnd = and.lowerBound }
        let milestone = Milestone(value: nil, due: due, basis: basis, words: doc.string(r.range), source: doc.span(r.range))
        return Target(indicator: tidyWords(wordsStart..<wordsEnd), indicatorID: mention.id,
                      unit: mention.id.naturalUnit, direction: change ?? mention.id.betterWhen ?? .increase,
                      milestones: [milestone], source: doc.span(r.range))
    }

    // MARK: Lists

    /// The blocks under a lead-in that ends with ":": deeper items, and items that start with a figure or "and
    /// sustain" even where extraction flattened their indentation.
    private func subordinates(of index: Int) -> [Int] {
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

    private func startsWithLevelOrAim(_ range: Range<Int>) -> Bool {
        let tokens = Tokenizer.tokens(doc, range.lowerBound..<min(range.upperBound, range.lowerBound + 60))
        var i = 0
        while i < tokens.count, tokens[i].kind == .word, ["and", "or", "then", "to", "of"].contains(tokens[i].text) { i += 1 }
        if Levels.level(tokens, at: i) != nil { return true }
        if i < tokens.count, ["sustain", "maintain", "hold", "achieve"].contains(tokens[i].text) { return true }
        return false
    }

    private mutating func listTargets(header index: Int, children: [Int]) -> [Target] {
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
    private func tableAt(_ index: Int) -> (header: [Int], rows: [Int])? {
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
    private func isDataRow(_ block: Document.Block) -> Bool {
        block.cells.dropFirst().contains { cellValue($0, unit: .percent) != nil }
    }

    /// The figure in one cell ("62%", "11.5", "24"); nil for "–", "n/a", words or a date.
    private func cellValue(_ cell: Range<Int>, unit: TargetUnit) -> Level? {
        let tokens = Tokenizer.tokens(doc, cell)
        guard let first = tokens.first, Dates.all(tokens, in: doc).isEmpty else { return nil }
        if let level = Levels.level(tokens, at: 0) { return level }
        guard first.isNumber, tokens.count == 1 else { return nil }
        var level = Levels.bareNumber(tokens, at: 0)
        level?.unit = unit
        return level
    }

    enum ColumnRole { case baseline(period: String?), milestone(DateMatch?, Basis?, [Token]), ignored }

    struct TableColumn {
        var position: Int
        var texts: [Range<Int>]
    }

    /// The value columns of a cell table, from one or more header rows merged by position.
    private func cellColumns(_ header: [Int], dataCells: Int) -> [TableColumn] {
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

    private func role(_ column: TableColumn) -> ColumnRole {
        let isBaseline = column.texts.contains { doc.containsAny(["baseline", "position", "current", "actual", "outturn", "as at", "starting point"], in: $0) }
            && !column.texts.contains { doc.contains("target", in: $0) }
        var date: DateMatch?
        var tokens: [Token] = []
        var basis: Basis?
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

    private mutating func tableTargets(header: [Int], rows: [Int]) -> [Target] {
        let cellTable = doc.blocks[header[0]].kind == .tableRow
        let dataCells = rows.map { doc.blocks[$0].cells.count }.max() ?? 0
        var roles: [ColumnRole] = []
        var positions: [Int] = []
        if cellTable {
            let columns = cellColumns(header, dataCells: dataCells)
            roles = columns.map(role)
            positions = columns.map(\.position)
        } else {
            roles = proseColumns(read(doc.blocks[header[0]].range))
        }
        // "Each target is a figure for the financial year to date": a note beside the table sets the basis of columns
        // that do not give one.
        var noted: Basis?
        let near = (max(0, header[0] - 3)..<header[0]).map { $0 } + ((rows.last! + 1)..<min(doc.blocks.count, rows.last! + 3)).map { $0 }
        for k in near where doc.blocks[k].kind == .paragraph && doc.containsAny(["target", "targets", "figure", "figures"], in: doc.blocks[k].range) {
            if let b = basis(in: doc.blocks[k].range) { noted = b; break }
        }
        let headerText = header.map { doc.lowercased(doc.blocks[$0].range) }.joined(separator: "\n")
        if noted == nil { noted = notedBasisByHeader[headerText] } else { notedBasisByHeader[headerText] = noted }
        var targets: [Target] = []
        for row in rows {
            let block = doc.blocks[row]
            // The figures of the row, each with the column it falls under.
            var label: Range<Int>
            var figures: [(Level, Int, Range<Int>)] = []
            if cellTable {
                label = block.cells[0]
                let labelMentions = IndicatorVocabulary.mentions(in: doc, label)
                let unit = labelMentions.first?.id.naturalUnit ?? .percent
                let valueCells = Array(zip(block.columns, block.cells).dropFirst())
                for (n, (position, cell)) in valueCells.enumerated() {
                    guard let level = cellValue(cell, unit: unit) else { continue }
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
            guard !figures.isEmpty else { continue }
            var unit = figures[0].0.unit
            if unit == .count || unit == .percent && !doc.bytes[figures[0].2].contains(0x25) {
                unit = doc.containsAny(["per fte", "days per", "days lost"], in: label) ? .daysPerFTE : (IndicatorVocabulary.mentions(in: doc, label).first?.id.naturalUnit ?? unit)
            }
            if unit == .percent && !figures.contains(where: { doc.bytes[$0.2].contains(0x25) }) && IndicatorVocabulary.mentions(in: doc, label).isEmpty {
                unit = .count  // "Average days from referral to assessment completion | 38 | 35": a count, not a percentage
            }
            let id = IndicatorVocabulary.refine(IndicatorVocabulary.mentions(in: doc, label).first?.id ?? .other, unit: unit)
            let rowBasis = basis(in: label)
            var baseline: Baseline?
            var milestones: [Milestone] = []
            for (level, column, range) in figures where column < roles.count {
                switch roles[column] {
                case .baseline(let period):
                    baseline = Baseline(value: level.value, period: period, source: doc.span(range))
                case .milestone(let date, let basis, let tokens):
                    let due = date.flatMap { resolver.due($0, words: wordsOf($0, tokens), warnings: &warnings) }
                    milestones.append(Milestone(value: level.value, due: due, basis: basis ?? rowBasis ?? noted ?? .unspecified,
                                                words: doc.string(range), source: doc.span(range)))
                case .ignored:
                    continue
                }
            }
            if figures.contains(where: { $0.1 >= roles.count }) {
                warnings.append("a table row has more figures than its header has columns: '\(doc.string(block.range))'")
            }
            let direction: TargetDirection
            if let b = baseline?.value, let f = milestones.first?.value, b != f { direction = f > b ? .increase : .decrease }
            else { direction = id.betterWhen ?? .increase }
            targets.append(Target(indicator: doc.string(doc.trimmed(label)), indicatorID: id, unit: unit, direction: direction,
                                  baseline: baseline, milestones: milestones, source: doc.span(block.range)))
        }
        return targets
    }

    /// Columns of a header written as prose: "Indicator Baseline 2009-10 June 2011 (in-month) December 2011".
    private func proseColumns(_ h: Reading) -> [ColumnRole] {
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

    // MARK: Merge

    private func joinedWithinBlock(_ targets: [Target]) -> [Target] {
        var joined: [Target] = []
        for target in targets {
            // "The rate … was 712 per 10,000 … I expect this rate to fall to no more than 600 per 10,000": an unnamed
            // figure with only a starting point takes the next unnamed figure's milestones.
            if target.indicatorID == .other, let k = joined.lastIndex(where: { $0.indicatorID == .other && $0.milestones.isEmpty }),
               target.unit == joined[k].unit {
                joined[k].milestones = target.milestones
                joined[k].direction = target.direction
                continue
            }
            if target.indicatorID != .other, let k = joined.firstIndex(where: { $0.indicatorID == target.indicatorID }) {
                joined[k].milestones += target.milestones
                if joined[k].baseline == nil { joined[k].baseline = target.baseline }
                if let a = joined[k].source, let b = target.source { joined[k].source = a.union(b) }
            } else {
                joined.append(target)
            }
        }
        // A baseline with nowhere to go ("must rise from 52%") is an aim with no figure yet; an unnamed one is dropped.
        joined.removeAll { $0.indicatorID == .other && $0.milestones.isEmpty }
        return joined.map { target in
            guard target.milestones.isEmpty else { return target }
            var t = target
            t.milestones = [Milestone(value: nil, due: nil, basis: .unspecified, words: t.indicator, source: t.source)]
            return t
        }
    }

    /// The same target stated twice (in a measure and again in a summary) is one target.
    private func merge(_ targets: [Target]) -> [Target] {
        var result: [Target] = []
        var seen: [String: Int] = [:]
        for target in targets {
            let key = target.indicatorID.rawValue + ":" + target.milestones.map { "\($0.value.map { String($0) } ?? "-")@\($0.due?.contractValue ?? "-")" }.joined(separator: ",")
            if target.indicatorID != .other, let k = seen[key] {
                if result[k].baseline == nil { result[k].baseline = target.baseline }
                continue
            }
            seen[key] = result.count
            result.append(target)
        }
        return result
    }
}
