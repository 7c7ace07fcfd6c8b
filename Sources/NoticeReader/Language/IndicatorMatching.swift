import Domain

/// How sure the reader may be of each target's indicator, judged from the target's own words after it has been read.
///
/// The vocabulary names an indicator when every one of its ideas is present, which is right for the notices it
/// knows and too eager for the ones it does not: "EHC plans issued within 20 weeks" has the shape of a timeliness
/// measure, and "care leavers in suitable accommodation" names care leavers. So a match is doubted when the words
/// also speak of something no standard indicator measures, when they name more than one indicator, or when the
/// indicator came from a heading rather than the target's own words; a match in serious doubt is not made at all.
enum IndicatorMatching {
    /// Subjects that no standard indicator measures (INDICATORS.md §3.19), as a notice words them, with the plain
    /// name a person is told. Whole words, lower case.
    static let beyondTheIndicators: [(phrases: [String], subject: String)] = [
        (["ehc", "ehcp", "ehcps", "ehc plan", "ehc plans", "education, health and care", "education health and care"], "education, health and care plans"),
        (["special educational needs", "send", "sen support", "annual review", "annual reviews", "tribunal", "tribunals"], "special educational needs"),
        (["school", "schools", "attendance", "exclusion", "exclusions", "excluded", "missing education", "missing from education",
          "elective home education", "alternative provision"], "education"),
        (["youth justice", "youth offending", "reoffending", "re-offending", "custody", "remand", "remanded"], "youth justice"),
        (["adoption", "adoptions", "adopted", "adopters", "special guardianship", "permanence plan", "permanence plans", "plan for permanence"], "adoption and permanence"),
        (["missing from home", "missing from care", "return home interview", "return home interviews", "return interview", "return interviews",
          "missing episodes", "go missing", "went missing"], "children who go missing"),
        (["suitable accommodation", "education, employment or training", "employment", "neet", "staying put", "staying close"], "care leavers' accommodation or work"),
        (["early help", "family help", "troubled families", "supporting families"], "early help"),
        (["foster carers", "fostering households", "foster care households", "sufficiency"], "carers and placements available"),
        (["dental", "immunisation", "immunisations", "camhs", "mental health", "strengths and difficulties", "sdq"], "children's health"),
        (["complaint", "complaints", "private fostering", "lado", "allegations"], "another part of the service"),
    ]

    /// Pairs the vocabulary tells apart only by unit or by degree: naming both is not a doubt.
    static func sameFamily(_ a: IndicatorID, _ b: IndicatorID) -> Bool {
        let pairs: [Set<IndicatorID>] = [
            [.swAbsenceRate, .swSicknessDaysPerFTE], [.placementStabilityShortTerm, .placementStabilityLongTerm],
            [.caseAuditGoodOrBetter, .caseAuditAdequateOrBetter], [.unallocatedCases, .casesAllocatedToQualifiedSW],
            [.cpReviewsOnTime, .cpVisitsInTimescale],
        ]
        return pairs.contains { $0.contains(a) && $0.contains(b) }
    }

    /// The target with its match judged: its indicator kept, with a confidence and the deciding words, or, when the
    /// doubt is serious, replaced by `other`.
    static func judged(_ target: Target, statement: String) -> Target {
        var t = target
        // The target's own words (what is measured) decide; its whole statement (which may hold other targets too)
        // is the fallback when those words were cut short.
        let words = Layout.document(from: target.indicator)
        let wordsRange = 0..<words.lower.count
        let wordMentions = IndicatorVocabulary.mentions(in: words, wordsRange)
        let whole = Layout.document(from: statement)
        let wholeRange = 0..<whole.lower.count
        // A subject the product now measures for the indicator matched is no doubt: care leavers' accommodation and
        // activity, by age group, are the OC3 measures of §8.6.
        let measured: Set<String> = IndicatorVocabulary.careLeaverMeasures.contains(target.indicatorID) ? ["care leavers' accommodation or work"] : []
        func beyond(in doc: Document, _ range: Range<Int>) -> String? {
            beyondTheIndicators.first { entry in !measured.contains(entry.subject) && entry.phrases.contains { doc.contains($0, in: range) } }?.subject
        }
        let subject = beyond(in: words, wordsRange) ?? (wordMentions.isEmpty ? beyond(in: whole, wholeRange) : nil)
        guard target.indicatorID != .other else {
            let doubt = subject.map { "The words speak of \($0), which no standard indicator measures; its figures will be entered by hand." }
                ?? "The words match no standard indicator; its figures will be entered by hand."
            t.match = IndicatorMatch(confidence: 0, words: [], doubt: doubt)
            return t
        }
        func names(_ m: IndicatorVocabulary.Mention) -> Bool {
            m.id == target.indicatorID || IndicatorVocabulary.refine(m.id, unit: target.unit) == target.indicatorID
        }
        var doubts: [String] = []
        var confidence: Double
        let own: IndicatorVocabulary.Mention?
        if let inWords = wordMentions.first(where: names) {
            own = inWords
            confidence = 0.95
        } else if let inStatement = IndicatorVocabulary.mentions(in: whole, wholeRange).first(where: names) {
            own = inStatement
            confidence = 0.85
        } else {
            own = nil
            confidence = 0.65
            doubts.append("The indicator was taken from the words around the target, not the target's own.")
        }
        let rivals = wordMentions.filter { !names($0) && !sameFamily($0.id, target.indicatorID) }
        if let rival = rivals.first {
            confidence *= 0.75
            doubts.append("The words could also mean \(rival.id.info.title.lowercasedFirst).")
        }
        if let subject {
            confidence *= 0.3
            doubts.append("The words speak of \(subject), which no standard indicator measures.")
        }
        if confidence < IndicatorMatch.threshold {
            doubts.append("Read as a measure with figures entered by hand, not as \(target.indicatorID.info.title.lowercasedFirst).")
            t.indicatorID = .other
        }
        t.match = IndicatorMatch(confidence: (confidence * 100).rounded() / 100, words: own?.words ?? [],
                                 doubt: doubts.isEmpty ? nil : doubts.joined(separator: " "))
        // "90 per 10,000 children" reads as a plain number; the measure says what the number is.
        if t.unit == .count, [.perTenThousand, .perHundred, .workingDays].contains(t.indicatorID.naturalUnit) { t.unit = t.indicatorID.naturalUnit }
        return t
    }
}

extension String {
    /// "Re-referrals within 12 months" → "re-referrals within 12 months", leaving acronyms ("ICPC") alone.
    var lowercasedFirst: String {
        guard let first, first.isUppercase, !(dropFirst().first?.isUppercase ?? false) else { return self }
        return first.lowercased() + dropFirst()
    }
}
