import Domain

/// Reads the notice's calendar: the reviews at which progress is judged or reported, and the deadlines for what the
/// council must deliver.
struct ScheduleReader {
    let doc: Document
    let resolver: DateResolver
    var warnings: [String] = []

    init(doc: Document, resolver: DateResolver) {
        self.doc = doc
        self.resolver = resolver
    }

    static let reviewAnchors: [(String, Review.Kind)] = [
        ("ministers must receive information on progress", .reportToMinisters), ("ministers will receive", .reportToMinisters),
        ("report to ministers", .reportToMinisters), ("report to the minister", .reportToMinisters),
        ("written report", .reportToMinisters), ("report to the secretary of state", .reportToMinisters),
        ("independent assessment of progress", .chairAssessment), ("independent assessment", .chairAssessment),
        ("initial review of progress", .progressReview), ("initial review", .progressReview),
        ("further reviews", .progressReview), ("further review", .progressReview),
        ("reviews of progress", .progressReview), ("review of progress", .progressReview), ("progress review", .progressReview),
        ("a review will", .progressReview), ("six month review of progress", .progressReview),
        ("progress will be reviewed", .progressReview), ("progress will be assessed", .progressReview),
        ("progress will be formally reviewed", .formalAssessment), ("will review progress", .progressReview),
        ("will review the council's progress", .progressReview), ("review the council's progress", .progressReview),
        ("will formally review", .formalAssessment), ("write to the minister", .reportToMinisters),
        ("write to me", .reportToMinisters), ("report to me", .reportToMinisters), ("an assessment of progress", .chairAssessment),
        ("written assessment of progress", .chairAssessment), ("give the minister a written assessment", .chairAssessment),
        ("formal review", .formalAssessment), ("formal assessment", .formalAssessment),
        ("final review", .finalReview), ("final assessment", .finalReview),
    ]

    // MARK: Reviews

    mutating func reviews(durationMonths: Int?) -> [Review] {
        var reviews: [Review] = []
        for block in doc.blocks {
            for sentence in doc.sentences(in: block.range) {
                reviews += reviewsIn(sentence, durationMonths: durationMonths)
            }
        }
        // "a formal review … at the six month stage" and "a formal assessment … within six months" are one event.
        var unique: [Review] = []
        for review in reviews where !unique.contains(where: { $0.kind == review.kind && $0.due == review.due && review.due != nil }) {
            unique.append(review)
        }
        return unique
    }

    private func anchors(in s: Range<Int>) -> [(Range<Int>, Review.Kind)] {
        var hits: [(Range<Int>, Review.Kind)] = []
        for (phrase, kind) in Self.reviewAnchors {
            for hit in doc.findAll(phrase, in: s) { hits.append((hit, kind)) }
        }
        // Earliest first, the longer of two that start together: "formal review of progress" is a formal review.
        hits.sort { ($0.0.lowerBound, -$0.0.count) < ($1.0.lowerBound, -$1.0.count) }
        var found: [(Range<Int>, Review.Kind)] = []
        for hit in hits where !found.contains(where: { $0.0.overlaps(hit.0) }) {
            // "write to the Minister with an assessment of progress by …": two names for one event, close together
            // with no date between, are one review.
            if let last = found.last, hit.0.lowerBound - last.0.upperBound < 40 {
                let between = last.0.upperBound..<hit.0.lowerBound
                let tokens = Tokenizer.tokens(doc, between)
                if Dates.all(tokens, in: doc).isEmpty { continue }
            }
            found.append(hit)
        }
        return found
    }

    private mutating func reviewsIn(_ s: Range<Int>, durationMonths: Int?) -> [Review] {
        let found = anchors(in: s)
        guard !found.isEmpty else { return [] }
        // A review named only as a point in time ("by the time of the six month review") is not a review being set.
        guard doc.containsAny(["will", "must", "should", "shall", "held", "take place", "carried out", "with a formal", "expected", "expect", "would like", "to write"], in: s) else { return [] }
        let tokens = Tokenizer.tokens(doc, s)
        let dates = Dates.all(tokens, in: doc)
        var reviews: [Review] = []
        for (n, (anchor, kind)) in found.enumerated() {
            let nextStart = n + 1 < found.count ? found[n + 1].0.lowerBound : s.upperBound
            let previousEnd = n > 0 ? found[n - 1].0.upperBound : s.lowerBound
            var mine = dates.filter { let at = tokens[$0.tokens.lowerBound].range.lowerBound; return at >= anchor.upperBound && at < nextStart }
            if mine.isEmpty {
                mine = dates.filter { let at = tokens[$0.tokens.lowerBound].range.lowerBound; return at >= previousEnd && at < anchor.lowerBound }.suffix(1)
            }
            let what = doc.string(anchor)
            var whatText = what
            if kind == .reportToMinisters && what.lowercased().hasPrefix("ministers") { whatText = "information on progress to ministers" }
            if what.lowercased().hasSuffix(" will") { whatText = "review of progress" }
            if mine.isEmpty {
                // "The Department will review progress at least every six months": no first date, only the interval,
                // so the reviews fall at each interval after the notice, through its length.
                if let interval = repeatInterval(in: previousEnd..<nextStart) {
                    let limit = durationMonths ?? interval
                    for m in stride(from: interval, through: limit, by: interval) {
                        reviews.append(Review(kind: kind, what: whatText, due: .afterNotice(months: m), source: doc.span(anchor.lowerBound..<nextStart)))
                    }
                    if durationMonths == nil {
                        warnings.append("'\(what)' is every \(interval) months from the notice, but the notice's length is not given; only the first is listed")
                    }
                    continue
                }
                if doc.containsAny(["end of the improvement notice", "end of the notice"], in: anchor.upperBound..<nextStart), let d = durationMonths {
                    reviews.append(Review(kind: kind, what: whatText, due: .afterNotice(months: d), source: doc.span(anchor.lowerBound..<nextStart)))
                } else {
                    warnings.append("'\(what)' has no date in the notice; enter it")
                    reviews.append(Review(kind: kind, what: whatText, due: nil, source: doc.span(anchor)))
                }
                continue
            }
            for date in mine {
                let dateRange = tokens[date.tokens.lowerBound].range.lowerBound..<tokens[date.tokens.upperBound - 1].range.upperBound
                let due = resolver.due(date, words: doc.string(dateRange), warnings: &warnings)
                reviews.append(Review(kind: kind, what: whatText, due: due, source: doc.span(min(anchor.lowerBound, dateRange.lowerBound)..<max(anchor.upperBound, dateRange.upperBound))))
            }
            // "within two months and then at six-monthly intervals": repeat through the notice's length.
            if let interval = repeatInterval(in: anchor.upperBound..<nextStart), case .afterNotice(let first)? = reviews.last?.due {
                var m = first + interval
                let limit = durationMonths ?? (first + interval)
                while m <= limit {
                    reviews.append(Review(kind: kind, what: whatText, due: .afterNotice(months: m), source: reviews.last?.source))
                    m += interval
                }
                if durationMonths == nil { warnings.append("'\(what)' repeats, but the notice's length is not given; only the first repeat is listed") }
            }
        }
        return reviews
    }

    private func repeatInterval(in r: Range<Int>) -> Int? {
        for (phrase, months) in [("six-monthly", 6), ("six monthly", 6), ("every six months", 6), ("every 6 months", 6), ("six-month intervals", 6),
                               ("six month intervals", 6), ("twice a year", 6), ("twice yearly", 6), ("quarterly", 3), ("every three months", 3),
                               ("three-monthly", 3), ("annually", 12)] {
            if doc.contains(phrase, in: r) { return months }
        }
        return nil
    }

    // MARK: Deadlines

    /// Deadlines, leaving out text that set targets (`excluding`): a milestone's date is not a deadline.
    mutating func deadlines(excluding targetText: [Range<Int>]) -> [Deadline] {
        var deadlines: [Deadline] = []
        for block in doc.blocks {
            if doc.containsAny(["497a", "statutory powers"], in: block.range) { continue }
            for sentence in doc.sentences(in: block.range) {
                if !anchors(in: sentence).isEmpty { continue }
                for clause in split(sentence) where !targetText.contains(where: { $0.overlaps(clause) }) {
                    if let deadline = deadlineIn(clause), !deadlines.contains(where: { $0.what == deadline.what && $0.due == deadline.due }) {
                        deadlines.append(deadline)
                    }
                }
            }
        }
        return deadlines
    }

    private func split(_ s: Range<Int>) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = s.lowerBound
        for hit in doc.findAll(";", in: s, wholeWord: false) {
            parts.append(start..<hit.lowerBound)
            start = hit.upperBound
        }
        parts.append(start..<s.upperBound)
        return parts.map { doc.trimmed($0) }.filter { !$0.isEmpty }
    }

    private mutating func deadlineIn(_ clause: Range<Int>) -> Deadline? {
        let tokens = Tokenizer.tokens(doc, clause)
        // A clause that sets a figure is a target, and its date a milestone.
        var i = 0
        while i < tokens.count {
            if Levels.level(tokens, at: i) != nil { return nil }
            i += 1
        }
        for date in Dates.all(tokens, in: doc) where isDeadlineCue(tokens, date) {
            let dateStart = tokens[date.tokens.lowerBound].range.lowerBound
            let dateRange = dateStart..<tokens[date.tokens.upperBound - 1].range.upperBound
            var cueStart = dateStart
            var k = date.tokens.lowerBound
            while k > 0, ["by", "before", "within", "the", "prior", "to", "in", "time", "for", "no", "later", "than", "until", "of"].contains(tokens[k - 1].text) {
                k -= 1
                cueStart = tokens[k].range.lowerBound
            }
            var localWarnings: [String] = []
            let due = resolver.due(date, words: doc.string(dateRange), warnings: &localWarnings)
            warnings += localWarnings
            // "Within three months of the date of this Notice, the Council must agree …": when the date leads, the
            // deliverable follows it.
            let leads = doc.trimmed(clause.lowerBound..<cueStart).isEmpty
            let what = leads ? label(dateRange.upperBound..<clause.upperBound, upTo: clause.upperBound, dateEnd: clause.upperBound)
                             : label(clause, upTo: cueStart, dateEnd: dateRange.upperBound)
            guard !what.isEmpty else { continue }
            return Deadline(what: what, due: due, source: doc.span(clause))
        }
        return nil
    }

    private func isDeadlineCue(_ t: [Token], _ date: DateMatch) -> Bool {
        let i = date.tokens.lowerBound
        switch date.value {
        case .endOfNotice:
            // "meet every four weeks for the period of the Notice" is how long, not by when.
            return !["for", "during", "throughout", "over"].contains(t[i].text)
        case .afterNotice, .meeting: return true
        default: break
        }
        func w(_ k: Int) -> String { k >= 0 && k < t.count ? t[k].text : "" }
        if ["by", "before", "until"].contains(w(i - 1)) { return true }
        // "… must present a revised strategy to the Improvement Board in September": an obligation set for a month.
        if w(i - 1) == "in", t.contains(where: { ["must", "should"].contains($0.text) }) {
            switch date.value {
            case .month, .yearlessMonth: return true
            default: break
            }
        }
        if w(i - 1) == "the", ["by", "before"].contains(w(i - 2)) { return true }
        if w(i - 1) == "to" && w(i - 2) == "prior" { return true }
        if w(i - 1) == "than" && w(i - 2) == "later" { return true }
        if w(i - 1) == "the" && w(i - 2) == "to" && w(i - 3) == "prior" { return true }
        return false
    }

    /// A short name for what is due: "Improvement Plan published", "Reporting data and targets agreed"; else the
    /// clause itself, shorn of its preamble.
    private func label(_ clause: Range<Int>, upTo cue: Int, dateEnd: Int) -> String {
        let body = clause.lowerBound..<max(clause.lowerBound, cue)
        let deliverables = ["early help provision plan", "improvement plan", "action plan", "dataset", "reporting data and targets",
                            "review of the caf process", "feedback from the trial", "feedback", "performance indicators and milestones",
                            "all performance indicators", "all targets", "self assessment", "self-assessment", "external validation of progress",
                            "external validation", "peer review", "strategy", "framework", "protocol", "plan", "report", "targets"]
        let participles: [(String, String)] = [
            ("published", "published"), ("publish", "published"), ("agreed", "agreed"), ("agree", "agreed"),
            ("developed", "developed"), ("develop", "developed"), ("drafted", "drafted"), ("undertaken", "undertaken"),
            ("reported", "reported"), ("met", "met"), ("meet", "met"), ("provided", "provided"), ("provide", "provided"),
            ("submitted", "submitted"), ("submit", "submitted"), ("completed", "completed"), ("complete", "completed"),
            ("signed off", "signed off"), ("commissioned", "commissioned"), ("carried out", "carried out"), ("produced", "produced"),
            ("produce", "produced"), ("approved", "approved"), ("implemented", "implemented"), ("in place", "in place"), ("shared", "shared"),
        ]
        var noun: Range<Int>?
        for d in deliverables {
            if let hit = doc.find(d, in: body) { noun = hit; break }
        }
        var verb: (Int, String)?
        for (p, past) in participles {
            for hit in doc.findAll(p, in: body) where verb == nil || hit.lowerBound > verb!.0 { verb = (hit.lowerBound, past) }
        }
        if let noun, let verb {
            var text = doc.string(noun)
            text = text.prefix(1).uppercased() + text.dropFirst()
            return "\(text) \(verb.1)"
        }
        // Fall back to the clause, without the lead-in ("We expect that the Council will …").
        var start = body.lowerBound
        for lead in ["we expect that the council will", "we expect the council to", "i expect the council to", "the council must", "the council should", "the council will", "it is expected that", "there is an expectation that", "an", "a", "the"] {
            if let hit = doc.find(lead, in: start..<body.upperBound), hit.lowerBound == start { start = min(body.upperBound, hit.upperBound + 1) }
        }
        var text = doc.string(doc.trimmed(start..<body.upperBound, trimming: [0x20, 0x2C, 0x3B, 0x3A, 0x2E]))
        if text.count > 160 {
            let cut = text.prefix(160).lastIndex(of: " ") ?? text.index(text.startIndex, offsetBy: 160)
            text = String(text[..<cut]) + "…"
        }
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
