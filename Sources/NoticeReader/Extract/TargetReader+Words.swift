import Domain

/// The words a target is known by, targets with no figure, and how targets read from one text are joined.
extension TargetReader {
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
    func cutAfter(_ start: Int, in r: Reading) -> Int {
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

    func stripLeadingVerbs(_ start: Int, in range: Range<Int>) -> Int {
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

    func tidyWords(_ range: Range<Int>) -> String {
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
    mutating func universalTarget(_ r: Reading, inherited: Inherited) -> Target? {
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
    mutating func aimWithoutNumber(_ r: Reading, inherited: Inherited) -> Target? {
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

    // MARK: Merge

    func joinedWithinBlock(_ targets: [Target]) -> [Target] {
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
    func merge(_ targets: [Target]) -> [Target] {
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

extension TargetReader {
    /// The basis a span of words names, if any: year to date, rolling twelve months, in-month or a snapshot.
    func basis(in range: Range<Int>) -> Basis? {
        guard !range.isEmpty else { return nil }
        if doc.containsAny(["cumulative", "cumulatively", "year to date", "year-to-date", "ytd", "first three quarters", "first two quarters", "as a whole", "full year", "whole year", "outturn"], in: range) { return .cumulativeYearToDate }
        if doc.containsAny(["rolling", "rolling 12 months", "rolling year", "12 months to", "twelve months to"], in: range) { return .rolling12Months }
        if doc.containsAny(["in-month", "in month", "monthly figure", "month figure", "month only", "for the month of", "in the month of"], in: range) { return .inMonth }
        if doc.containsAny(["as at", "snapshot", "point in time", "at any one time", "at any time"], in: range) { return .snapshot }
        return nil
    }
}
