import Domain

/// What a file's year decides: the elements it should have, how it codes a child's sex, and the pre-proceedings
/// block of the census from 2026-27.
extension Reader {
    struct PreProceedingsDraft {
        var line: Int
        var start: Value?
        var letter: Value?
        var offered: Value?
        var facilitated: Value?
        var firstMeeting: Value?
        var reviewMeetings: Value?
        var stepDecision: Value?
        var outcome: Value?
        var court: Value?
        var letterInitiatingCP: Value?
    }

    /// Notes an element the file's year does not have; reported once per element when the file ends.
    mutating func noteYear(_ element: String, line: Int) {
        guard !layout.has(element) else { return }
        if let seen = outOfYear[element] {
            outOfYear[element] = (seen.line, seen.count + 1)
        } else {
            outOfYear[element] = (line, 1)
            outOfYearOrder.append(element)
        }
    }

    /// The once-per-file warnings of a file that mixes years' layouts.
    mutating func reportLayoutFaults() {
        let year = layout.year.map(CINLayout.name) ?? "?"
        for element in outOfYearOrder {
            let (line, count) = outOfYear[element]!
            let times = "\(count) occurrence\(count == 1 ? "" : "s")"
            if let first = CINLayout.firstYear[element] {
                fault(.warning, line: line, field: element, rule: "later-element",
                      "<\(element)> belongs to the census from \(CINLayout.name(first)) on, but this file is the \(year) census; read anyway (\(times))")
            } else if let dropped = CINLayout.droppedFrom[element] {
                fault(.warning, line: line, field: element, rule: "earlier-element",
                      "<\(element)> was dropped from the census in \(CINLayout.name(dropped)), and this file is the \(year) census; read anyway (\(times))")
            }
        }
        if let (line, count) = otherSexCoding {
            let coding = (layout.year ?? 0) >= 2025 ? "1, 2, 0 or 9 (the coding before 2024-25)" : "M, F or U (the coding from 2024-25)"
            fault(.warning, line: line, field: layout.sexElement, rule: "sex-coding",
                  "\(count) child\(count == 1 ? "'s" : "ren's") sex is coded \(coding) in the \(year) census; read as the same sex")
        }
        if layout.source == .yearElement {
            fault(.warning, line: 0, field: "ReferenceDate", rule: "no-reference-date",
                  "the header gives no reference date; read as \(layout.description), taking <Year> as the year's end")
        } else if layout.source == .none {
            fault(.warning, line: 0, field: "ReferenceDate", rule: "no-reference-date",
                  "the header gives neither a reference date nor a year; read by the latest census's layout")
        }
    }

    /// A child's sex in the newer coding, from either element; another year's coding is counted for one warning.
    mutating func sex(_ value: Value?, element: String, child id: String) -> String {
        guard let value else { return "" }
        let raw = text(value)
        if raw.isEmpty { return "" }
        guard let read = CINCodes.sex(raw) else {
            fault(.warning, line: value.line, childID: id, field: element, rule: "unknown-code", "'\(raw)' is not a code the census uses for sex")
            return raw
        }
        let expectsNew = (layout.year ?? 2025) >= 2025
        // Only a value coded against the element's own year counts: <Sex>1</Sex> in a 2023-24 file is already
        // reported as an element of a later year.
        if read.new != expectsNew, layout.has(element) {
            otherSexCoding = (otherSexCoding?.line ?? value.line, (otherSexCoding?.count ?? 0) + 1)
        }
        return read.code
    }

    mutating func assignPreProceedingsField(_ tag: CINTag, _ value: Value, episode e: Int) {
        guard let p = child!.episodes[e].preProceedings.lastIndex else { return }
        switch tag {
        case .ppStartDate: child!.episodes[e].preProceedings[p].start = value
        case .lbpSentDate: child!.episodes[e].preProceedings[p].letter = value
        case .fgdmMeetingOffer: child!.episodes[e].preProceedings[p].offered = value
        case .fgdmMeetingFac: child!.episodes[e].preProceedings[p].facilitated = value
        case .initialPPMeetingDate: child!.episodes[e].preProceedings[p].firstMeeting = value
        case .reviewMeetingsCount: child!.episodes[e].preProceedings[p].reviewMeetings = value
        case .stepDecisionDate: child!.episodes[e].preProceedings[p].stepDecision = value
        case .ppOutcome: child!.episodes[e].preProceedings[p].outcome = value
        case .courtAppDate: child!.episodes[e].preProceedings[p].court = value
        case .letterInitCPDate: child!.episodes[e].preProceedings[p].letterInitiatingCP = value
        default: noteUnknown("PreProceedingsandFGDM/\(tag.name)", line: value.line)
        }
    }

    /// Checks one pre-proceedings block as DfE's rules 9000–9015 do, in our words, and appends it.
    ///
    /// - Every date lies within the collection year (1 April to 31 March), except that a block still running when the
    ///   year began keeps its earlier dates: like every CIN record it is returned each year it is open, and the next
    ///   year's census must repeat it whole for the years to merge [D]. A block decided before the year began belongs
    ///   to an earlier census.
    /// - The dates come in the order pre-proceedings runs: start, letter before proceedings, first meeting, step
    ///   decision, application to court, letter initiating care proceedings; each on or after the one before it that
    ///   is given (two steps on one day are allowed: a letter can be handed over at the meeting that starts them).
    /// - Whenever a letter before proceedings was sent, whether a family group decision-making meeting was offered in
    ///   it is recorded; a meeting facilitated implies one offered.
    /// - The outcome is one of the census's codes; the review count a whole number of 0 or more.
    /// A block without a readable start date cannot be placed in time and is left out; every other fault is a
    /// warning and the block is kept.
    mutating func appendPreProceedings(_ p: PreProceedingsDraft, episode: Int32, child id: String) {
        guard let start = date(p.start, field: "PPStartDate", child: id, required: true) else {
            leftOut += 1
            fault(.error, line: p.start?.line ?? p.line, childID: id, field: "PPStartDate", rule: "pp-missing-start",
                  "a pre-proceedings block without a readable PPStartDate was left out")
            return
        }
        let steps: [(name: String, value: Value?)] = [
            ("PPStartDate", p.start), ("LBPSentDate", p.letter), ("InitialPPMeetingDate", p.firstMeeting),
            ("StepDecisionDate", p.stepDecision), ("CourtAppDate", p.court), ("LetterInitCPDate", p.letterInitiatingCP),
        ]
        var days: [Int32] = [start]
        var previous: (name: String, day: Int32) = ("PPStartDate", start)
        for (name, value) in steps.dropFirst() {
            guard let day = date(value, field: name, child: id) else { days.append(noDate); continue }
            days.append(day)
            if day < previous.day {
                fault(.warning, line: value!.line, childID: id, field: name, rule: "pp-order",
                      "\(CalendarDate(column: day)!.iso) is before \(previous.name) \(CalendarDate(column: previous.day)!.iso)")
            }
            previous = (name, day)
        }
        if let year = layout.days {
            for (i, (name, value)) in steps.enumerated() where days[i] != noDate && days[i] > year.upperBound {
                fault(.warning, line: value?.line ?? p.line, childID: id, field: name, rule: "pp-outside-year",
                      "\(CalendarDate(column: days[i])!.iso) is after the end of the collection year \(CINLayout.name(layout.year!)) (31 March)")
            }
            let latest = days.max()!
            if days[3] != noDate, latest < year.lowerBound {
                fault(.warning, line: p.line, childID: id, field: "PreProceedingsandFGDM", rule: "pp-outside-year",
                      "pre-proceedings decided on \(CalendarDate(column: days[3])!.iso), before the collection year \(CINLayout.name(layout.year!)) began; it belongs to an earlier census")
            }
        }
        let offered = boolean(p.offered, field: "FGDMMeetingOffer", child: id)
        let facilitated = boolean(p.facilitated, field: "FGDMMeetingFac", child: id)
        if days[1] != noDate, offered == -1 {
            fault(.warning, line: p.letter?.line ?? p.line, childID: id, field: "FGDMMeetingOffer", rule: "pp-fgdm-offer-missing",
                  "a letter before proceedings was sent but whether a family group decision-making meeting was offered is not recorded")
        }
        if facilitated == 1, offered == 0 {
            fault(.warning, line: p.facilitated?.line ?? p.line, childID: id, field: "FGDMMeetingFac", rule: "pp-fgdm-not-offered",
                  "a family group decision-making meeting is recorded as facilitated but not as offered")
        }
        var reviews: Int32 = -1
        if let raw = p.reviewMeetings.map(text), !raw.isEmpty {
            if let n = Int32(raw), n >= 0 { reviews = n } else {
                fault(.warning, line: p.reviewMeetings!.line, childID: id, field: "ReviewMeetingsCount", rule: "bad-number",
                      "'\(raw)' is not a whole number of 0 or more; read as not given")
            }
        }
        tables.ppEpisode.append(episode)
        tables.ppStart.append(start)
        tables.ppLetterSent.append(days[1])
        tables.ppFGDMOffered.append(offered)
        tables.ppFGDMFacilitated.append(facilitated)
        tables.ppFirstMeeting.append(days[2])
        tables.ppReviewMeetings.append(reviews)
        tables.ppStepDecision.append(days[3])
        tables.ppOutcome.append(code(p.outcome, in: CINCodes.preProceedingsOutcome, field: "PPOutcome", child: id))
        tables.ppCourtApplication.append(days[4])
        tables.ppLetterInitiatingCP.append(days[5])
    }
}
