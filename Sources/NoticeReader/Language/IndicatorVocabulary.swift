import Domain

/// Maps the words of a target to a canonical indicator by meaning: each indicator is a set of ideas, each idea a set
/// of ways to say it ("re-referral", "referred again", "repeat referral"); all ideas must be present.
///
/// Order matters where one reading contains another: "referrals resulting in an initial assessment that are closed
/// without further action" is the NFA rate, not NI 68 and not IA timeliness.
enum IndicatorVocabulary {
    struct Concept {
        var id: IndicatorID
        var ideas: [[String]]
        var unless: [String] = []
    }

    struct Mention {
        var id: IndicatorID
        /// Byte offset in the document of the idea found last: the word nearest the figure it governs.
        var anchor: Int
        var start: Int
        /// The phrase that stood for each of the concept's ideas.
        var words: [String] = []
    }

    static let timely = ["timescale", "timescales", "within", "working days", "timely", "on time", "in time", "days", "timeliness", "promptly"]
    static let cpWords = ["child protection", "protection plan", "protection plans", "cpp", "cpps", "cp plan", "cp plans", "cp cases"]
    static let lacWords = ["looked after", "looked-after", "in care", "lac", "cla", "children in our care", "entering care", "into care", "enter care"]

    static let concepts: [Concept] = [
        Concept(id: .iaOutcomeNFARate, ideas: [["initial assessment", "initial assessments", "assessment", "assessments"], ["no further action", "nfa", "without further action", "closed with no", "closed without", "no further involvement"]]),
        Concept(id: .referralsToInitialAssessment, ideas: [["referral", "referrals"], ["initial assessment", "initial assessments"], ["result in", "resulting in", "go on to", "going on to", "lead to", "leading to", "led to", "progress to", "proceed to", "progressing to", "proceeding to", "which receive", "that receive"]]),
        Concept(id: .coreAssessmentTimeliness, ideas: [["core assessment", "core assessments"], timely]),
        Concept(id: .initialAssessmentTimeliness, ideas: [["initial assessment", "initial assessments"], timely]),
        Concept(id: .reReferral12m, ideas: [["re-referral", "re-referrals", "rereferral", "rereferrals", "re referral", "re referrals", "re-referred", "referred again", "repeat referral", "repeat referrals", "further referral within"]]),
        Concept(id: .cppRepeatWithin2y, ideas: [cpWords + ["subject to a plan", "subject of a plan", "on a plan"], ["second or subsequent", "second time", "subsequent time", "repeat", "again"],
                                                 ["within two years", "within 2 years", "within two years of", "within 24 months"]]),
        Concept(id: .cppRepeatEver, ideas: [cpWords + ["child protection register", "protection plan", "subject to a plan", "subject of a plan", "on a plan"], ["second or subsequent", "second time", "subsequent time", "repeat", "repeated", "again", "previously been", "more than once", "second or further"]]),
        Concept(id: .cppLasting2yPlus, ideas: [cpWords, ["2 years or more", "two years or more", "2 years or longer", "two years or longer", "more than 2 years", "more than two years", "over 2 years", "over two years", "longer than two years", "longer than 2 years", "lasting 2 years", "lasting two years", "for 2 years", "for two years", "24 months or more", "2+ years"]]),
        Concept(id: .icpcWithin15wd, ideas: [["initial child protection conference", "initial child protection conferences", "initial conference", "initial conferences", "icpc", "icpcs", "initial case conference", "initial case conferences", "initial cp conference", "initial cp conferences"]], unless: ["attend", "attending", "attendance", "participat"]),
        Concept(id: .icpcWithin15wd, ideas: [["conference", "conferences"], ["15 working days", "fifteen working days", "strategy discussion", "strategy discussions", "strategy meeting", "section 47 enquiry", "s47 enquiry"]], unless: ["attend", "attending", "attendance", "participat", "review conference"]),
        Concept(id: .lacHealthAssessmentTimeliness, ideas: [["health assessment", "health assessments", "health check", "health checks", "health review", "health reviews"], lacWords], unless: ["quality of"]),
        Concept(id: .lacReviewsOnTime, ideas: [["review", "reviews", "reviewed"], lacWords], unless: ["health", "pathway"]),
        Concept(id: .careLeaversPathwayPlan, ideas: [["pathway plan", "pathway plans"]], unless: ["quality of"]),
        Concept(id: .cpReviewsOnTime, ideas: [["review", "reviews", "reviewed", "review conference", "review conferences"], cpWords + ["child protection cases", "child protection case"], timely + ["regular", "statutory"]], unless: ["continue to be required", "reviewing current"]),
        Concept(id: .cpVisitsInTimescale, ideas: [["visit", "visits", "visited", "seen"], cpWords], unless: ["looked after"]),
        Concept(id: .placementStabilityLongTerm, ideas: [["placement", "placements", "carer", "carers"], ["same placement", "same carer", "2 years", "two years", "long term", "long-term", "2.5 years", "two and a half years"]]),
        Concept(id: .placementStabilityShortTerm, ideas: [["placement", "placements"], ["three or more", "3 or more", "3+", "placement moves", "placement changes", "moves", "short term", "short-term", "stability"]]),
        Concept(id: .supervisionRecordsAdequateOrBetter, ideas: [["supervision", "management overview", "management oversight", "managers' records", "manager's records", "managers records"], ["adequate", "good", "judged", "graded", "rated", "audit"]]),
        Concept(id: .caseAuditGoodOrBetter, ideas: [["audit", "audits", "audited", "judged", "graded", "rated"], ["good or better", "good or outstanding", "good or above", "at least good"]],
                unless: ["requires improvement to be good", "require improvement to be good"]),
        Concept(id: .caseAuditAdequateOrBetter, ideas: [["audit", "audits", "audited", "judged", "graded", "rated"], ["adequate or better", "adequate or above", "requires improvement or better", "at least adequate", "adequate or good",
                                                                                                                      "requires improvement to be good or better", "require improvement to be good or better"]]),
        Concept(id: .referrerInformedOfOutcome, ideas: [["referrer", "referrers", "referring agency", "referring agencies"], ["inform", "informed", "told", "notified", "feedback", "outcome", "outcomes"]]),
        Concept(id: .unallocatedCases, ideas: [["unallocated", "not allocated", "without an allocated", "awaiting allocation"]]),
        Concept(id: .casesAllocatedToQualifiedSW, ideas: [["qualified social worker", "qualified social workers", "registered social worker", "registered social workers", "qualified worker"], ["allocated", "carried out", "undertaken", "held by", "case", "cases", "enquiries", "enquiry"]]),
        Concept(id: .swVacancyRate, ideas: [["vacancy", "vacancies", "vacant"]]),
        Concept(id: .swTurnoverRate, ideas: [["turnover"]]),
        Concept(id: .swAgencyRate, ideas: [["agency social worker", "agency social workers", "agency staff", "agency worker", "agency workers", "locum", "locums", "interim staff", "agency rate", "use of agency", "reliance on agency", "agency usage",
                                                  "through agencies", "through an agency", "via agencies", "from agencies", "agency social work", "agency staffing"]]),
        Concept(id: .swAverageCaseload, ideas: [["caseload", "caseloads", "cases per worker", "cases per social worker", "children per social worker", "children per worker"]]),
        Concept(id: .swSicknessDaysPerFTE, ideas: [["sickness", "absence"], ["days"]]),
        Concept(id: .swAbsenceRate, ideas: [["absence", "sickness"]]),
        Concept(id: .singleAssessmentTimeliness, ideas: [["assessment", "assessments"], ["45 working days", "45 days", "forty-five", "forty five", "within timescale", "within timescales", "timescales", "timescale", "timely", "single assessment", "single assessments", "continuous assessment", "on time"]],
                unless: ["health assessment", "independent assessment", "self assessment", "self-assessment", "assessment audit", "risk assessment", "formal assessment", "final assessment", "initial child protection", "initial assessment", "core assessment"]),
    ] + additions

    /// Every phrase of every concept, indexed by its first two bytes, so a stretch of text is scanned once for all of
    /// them rather than once per phrase.
    private struct PhraseIndex {
        var phrases: [[UInt8]] = []
        var wholeWord: [Bool] = []
        var byFirstTwo: [UInt16: [Int]] = [:]
        /// For each concept, each idea as phrase numbers; and the phrases that rule the concept out.
        var ideas: [[[Int]]] = []
        var unless: [[Int]] = []

        init() {
            var numbers: [String: Int] = [:]
            func number(_ phrase: String, whole: Bool) -> Int {
                let key = (whole ? "w:" : "p:") + phrase
                if let n = numbers[key] { return n }
                let n = phrases.count
                numbers[key] = n
                let bytes = Array(phrase.utf8)
                phrases.append(bytes)
                wholeWord.append(whole)
                byFirstTwo[PhraseIndex.key(bytes[0], bytes.count > 1 ? bytes[1] : 0), default: []].append(n)
                return n
            }
            for concept in IndicatorVocabulary.concepts {
                ideas.append(concept.ideas.map { $0.map { number($0, whole: true) } })
                unless.append(concept.unless.map { number($0, whole: false) })
            }
        }

        static func key(_ a: UInt8, _ b: UInt8) -> UInt16 { UInt16(a) << 8 | UInt16(b) }

        /// The first position of each phrase in the range (Int.max where absent). Phrases start at word starts;
        /// quote marks in the text are skipped, as `Document.find` does.
        func firstPositions(in doc: Document, _ range: Range<Int>) -> [Int] {
            var first = [Int](repeating: .max, count: phrases.count)
            doc.lower.withUnsafeBufferPointer { lower in
                let end = range.upperBound
                var i = range.lowerBound
                while i < end {
                    defer { i += 1 }
                    guard i == range.lowerBound || !isWordByte(lower[i - 1]) else { continue }
                    let second: UInt8 = i + 1 < end ? lower[i + 1] : 0
                    guard let candidates = byFirstTwo[PhraseIndex.key(lower[i], second)] else { continue }
                    for n in candidates where first[n] == .max {
                        let p = phrases[n]
                        var h = i, j = 0
                        while j < p.count && h < end {
                            if lower[h] == p[j] { h += 1; j += 1 }
                            else if (lower[h] == 0x27 || lower[h] == 0x22) && p[j] != 0x27 && p[j] != 0x22 { h += 1 }
                            else { break }
                        }
                        if j == p.count && (!wholeWord[n] || h >= end || !isWordByte(lower[h])) { first[n] = i }
                    }
                }
            }
            return first
        }
    }

    private static let index = PhraseIndex()

    /// Every indicator the text speaks of, with where. A specific reading hides the general one it contains.
    static func mentions(in doc: Document, _ range: Range<Int>) -> [Mention] {
        let first = index.firstPositions(in: doc, range)
        var found: [Mention] = []
        for (c, concept) in concepts.enumerated() {
            if index.unless[c].contains(where: { first[$0] != .max }) { continue }
            var anchor = range.lowerBound
            var start = range.upperBound
            var ok = true
            var words: [String] = []
            for idea in index.ideas[c] {
                guard let phrase = idea.min(by: { first[$0] < first[$1] }), first[phrase] != .max else { ok = false; break }
                let hit = first[phrase]
                anchor = max(anchor, hit)
                start = min(start, hit)
                words.append(String(decoding: index.phrases[phrase], as: UTF8.self))
            }
            guard ok, !found.contains(where: { $0.id == concept.id }) else { continue }
            found.append(Mention(id: concept.id, anchor: anchor, start: start, words: words))
        }
        let ids = Set(found.map(\.id))
        func hides(_ general: IndicatorID, _ specifics: [IndicatorID]) -> Bool {
            ids.contains(general) && specifics.contains(where: ids.contains)
        }
        var hidden: Set<IndicatorID> = []
        if hides(.cppRepeatEver, [.cppRepeatWithin2y]) { hidden.insert(.cppRepeatEver) }
        if hides(.initialAssessmentTimeliness, [.iaOutcomeNFARate, .referralsToInitialAssessment]) { hidden.insert(.initialAssessmentTimeliness) }
        if hides(.referralsToInitialAssessment, [.iaOutcomeNFARate]) { hidden.insert(.referralsToInitialAssessment) }
        if hides(.swAbsenceRate, [.swSicknessDaysPerFTE]) { hidden.insert(.swAbsenceRate) }
        if hides(.placementStabilityShortTerm, [.placementStabilityLongTerm]) { hidden.insert(.placementStabilityShortTerm) }
        if hides(.caseAuditAdequateOrBetter, [.supervisionRecordsAdequateOrBetter]) { hidden.insert(.caseAuditAdequateOrBetter) }
        if hides(.caseAuditGoodOrBetter, [.supervisionRecordsAdequateOrBetter]) { hidden.insert(.caseAuditGoodOrBetter) }
        if hides(.cpVisitsInTimescale, [.cpReviewsOnTime]) { hidden.insert(.cpVisitsInTimescale) }
        if hides(.cpReviewsOnTime, [.cppRepeatEver, .cppLasting2yPlus]) { hidden.insert(.cpReviewsOnTime) }
        if hides(.casesAllocatedToQualifiedSW, [.unallocatedCases]) { hidden.insert(.casesAllocatedToQualifiedSW) }
        if hides(.swAverageCaseload, [.unallocatedCases, .casesAllocatedToQualifiedSW]) { hidden.insert(.swAverageCaseload) }
        return found.filter { !hidden.contains($0.id) }.sorted { $0.anchor < $1.anchor }
    }

    /// Settles between readings that only the unit tells apart: absence in days per FTE is the sickness measure,
    /// as a percentage it is the absence rate.
    static func refine(_ id: IndicatorID, unit: TargetUnit) -> IndicatorID {
        switch (id, unit) {
        case (.swAbsenceRate, .daysPerFTE): return .swSicknessDaysPerFTE
        case (.swSicknessDaysPerFTE, .percent): return .swAbsenceRate
        default: return id
        }
    }
}
