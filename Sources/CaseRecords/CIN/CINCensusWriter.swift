import Domain

/// Writes CIN census XML for one collection year from a council's history, as a case-management system would:
/// every child with an episode open at some point in the year (1 April to the reference date, 31 March), each episode
/// as it stood at the reference date (closures, authorisations, plan ends and reviews after it not yet happened).
public struct CINCensusWriter {
    public var laCode: String
    /// Extra text to insert in a file, for planting the faults a test expects (`improve generate` plants a few).
    public var plantedChildXML: [String] = []

    public init(laCode: String) {
        self.laCode = laCode
    }

    /// The census for the year ending 31 March `year`.
    public func write(_ t: CINTables, censusYear year: Int) -> [UInt8] {
        let yearStart = CalendarDate(year: year - 1, month: 4, day: 1)!.column
        let reference = CalendarDate(year: year, month: 3, day: 31)!.column
        func known(_ d: Int32) -> Bool { d != noDate && d <= reference }
        func date(_ d: Int32) -> String { CalendarDate(column: d)!.iso }

        var episodes = [[Int]](repeating: [], count: t.childCount)
        for e in 0..<t.episodeCount { episodes[Int(t.episodeChild[e])].append(e) }
        let assessments = group(t.assessmentEpisode, t.episodeCount)
        let cinPlans = group(t.cinPlanEpisode, t.episodeCount)
        let s47s = group(t.s47Episode, t.episodeCount)
        let plans = group(t.planEpisode, t.episodeCount)
        let reviews = group(t.reviewPlan, t.planCount)
        let preProceedings = group(t.ppEpisode, t.episodeCount)

        var out = XMLOut()
        out.line("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
        out.line("<Message>")
        out.line("  <Header>")
        out.line("    <CollectionDetails>")
        out.element("Collection", "CIN", 6)
        out.element("Year", String(year), 6)
        out.element("ReferenceDate", date(reference), 6)
        out.line("    </CollectionDetails>")
        out.line("    <Source>")
        out.element("SourceLevel", "L", 6)
        out.element("LEA", laCode, 6)
        out.element("SoftwareCode", "improve generate", 6)
        out.element("Release", "1", 6)
        out.element("SerialNo", String(year), 6)
        out.element("DateTime", "\(date(reference))T00:00:00", 6)
        out.line("    </Source>")
        out.line("  </Header>")
        out.line("  <Children>")
        for c in 0..<t.childCount {
            let open = episodes[c].filter { e in
                t.referralDate[e] <= reference && (t.closureDate[e] == noDate || t.closureDate[e] >= yearStart)
            }
            guard !open.isEmpty else { continue }
            out.line("    <Child>")
            out.line("      <ChildIdentifiers>")
            out.element("LAchildID", t.childID[c], 8)
            if !t.upn[c].isEmpty { out.element("UPN", t.upn[c], 8) }
            if t.birthDate[c] != noDate { out.element("PersonBirthDate", date(t.birthDate[c]), 8) }
            // The child's sex as the year codes it: GenderCurrent 1/2/0 before 2024-25, Sex M/F/U from it.
            if year >= 2025 {
                out.element("Sex", t.gender[c], 8)
            } else {
                out.element("GenderCurrent", ["M": "1", "F": "2"][t.gender[c]] ?? "0", 8)
            }
            out.line("      </ChildIdentifiers>")
            out.line("      <ChildCharacteristics>")
            out.element("Ethnicity", t.ethnicity[c], 8)
            if !t.disabilities[c].isEmpty {
                out.line("        <Disabilities>")
                for d in t.disabilities[c].split(separator: ",") { out.element("Disability", String(d), 10) }
                out.line("        </Disabilities>")
            }
            out.line("      </ChildCharacteristics>")
            for e in open {
                out.line("      <CINdetails>")
                out.element("CINreferralDate", date(t.referralDate[e]), 8)
                out.element("ReferralSource", t.referralSource[e], 8)
                out.element("PrimaryNeedCode", t.primaryNeed[e], 8)
                if known(t.closureDate[e]) {
                    out.element("CINclosureDate", date(t.closureDate[e]), 8)
                    out.element("ReasonForClosure", t.closureReason[e], 8)
                }
                if known(t.episodeICPCDate[e]) { out.element("DateOfInitialCPC", date(t.episodeICPCDate[e]), 8) }
                for a in assessments[e] where t.assessmentStart[a] <= reference {
                    out.line("        <Assessments>")
                    out.element("AssessmentActualStartDate", date(t.assessmentStart[a]), 10)
                    if known(t.assessmentAuthorised[a]) {
                        out.element("AssessmentAuthorisationDate", date(t.assessmentAuthorised[a]), 10)
                        out.line("          <FactorsIdentifiedAtAssessment>")
                        for f in t.assessmentFactors[a].split(separator: ",") { out.element("AssessmentFactors", String(f), 12) }
                        out.line("          </FactorsIdentifiedAtAssessment>")
                    }
                    out.line("        </Assessments>")
                }
                for p in cinPlans[e] where t.cinPlanStart[p] <= reference {
                    out.line("        <CINPlanDates>")
                    out.element("CINPlanStartDate", date(t.cinPlanStart[p]), 10)
                    if known(t.cinPlanEnd[p]) { out.element("CINPlanEndDate", date(t.cinPlanEnd[p]), 10) }
                    out.line("        </CINPlanDates>")
                }
                for s in s47s[e] where t.s47Start[s] <= reference {
                    out.line("        <Section47>")
                    out.element("S47ActualStartDate", date(t.s47Start[s]), 10)
                    if t.s47ICPCTarget[s] != noDate { out.element("InitialCPCtarget", date(t.s47ICPCTarget[s]), 10) }
                    if known(t.s47ICPCDate[s]) { out.element("DateOfInitialCPC", date(t.s47ICPCDate[s]), 10) }
                    out.element("ICPCnotRequired", t.s47ICPCNotRequired[s] == 1 ? "true" : "false", 10)
                    out.line("        </Section47>")
                }
                out.element("ReferralNFA", t.referralNFA[e] == 1 ? "true" : "false", 8)
                if year >= 2027 {
                    for p in preProceedings[e] where t.ppStart[p] <= reference {
                        writePreProceedings(t, p, into: &out, yearStart: yearStart, reference: reference)
                    }
                }
                for p in plans[e] where t.planStart[p] <= reference {
                    out.line("        <ChildProtectionPlans>")
                    out.element("CPPstartDate", date(t.planStart[p]), 10)
                    if known(t.planEnd[p]) { out.element("CPPendDate", date(t.planEnd[p]), 10) }
                    out.element("InitialCategoryOfAbuse", t.planInitialCategory[p], 10)
                    out.element("LatestCategoryOfAbuse", t.planLatestCategory[p], 10)
                    out.element("NumberOfPreviousCPP", String(max(0, t.planPreviousCPP[p])), 10)
                    let held = reviews[p].filter { known(t.reviewDate[$0]) }
                    if !held.isEmpty {
                        out.line("          <Reviews>")
                        for r in held { out.element("CPPreviewDate", date(t.reviewDate[r]), 12) }
                        out.line("          </Reviews>")
                    }
                    out.line("        </ChildProtectionPlans>")
                }
                out.line("      </CINdetails>")
            }
            out.line("    </Child>")
        }
        for planted in plantedChildXML { out.line(planted) }
        out.line("  </Children>")
        out.line("</Message>")
        return out.bytes
    }

    /// A pre-proceedings block (from 2026-27) as it stood at the reference date, in the schema's order; one decided
    /// before the year began is not returned again.
    private func writePreProceedings(_ t: CINTables, _ p: Int, into out: inout XMLOut, yearStart: Int32, reference: Int32) {
        func known(_ d: Int32) -> Bool { d != noDate && d <= reference }
        let decided = known(t.ppStepDecision[p]) ? t.ppStepDecision[p] : noDate
        let latest = [t.ppStart[p], t.ppLetterSent[p], t.ppFirstMeeting[p], t.ppStepDecision[p], t.ppCourtApplication[p], t.ppLetterInitiatingCP[p]]
            .filter(known).max() ?? t.ppStart[p]
        if decided != noDate, latest < yearStart { return }
        out.line("        <PreProceedingsandFGDM>")
        out.element("PPStartDate", CalendarDate(column: t.ppStart[p])!.iso, 10)
        if known(t.ppLetterSent[p]) {
            out.element("LBPSentDate", CalendarDate(column: t.ppLetterSent[p])!.iso, 10)
            if t.ppFGDMOffered[p] >= 0 { out.element("FGDMMeetingOffer", String(t.ppFGDMOffered[p]), 10) }
            if t.ppFGDMFacilitated[p] >= 0 { out.element("FGDMMeetingFac", String(t.ppFGDMFacilitated[p]), 10) }
        }
        if known(t.ppFirstMeeting[p]) { out.element("InitialPPMeetingDate", CalendarDate(column: t.ppFirstMeeting[p])!.iso, 10) }
        if t.ppReviewMeetings[p] >= 0 { out.element("ReviewMeetingsCount", String(t.ppReviewMeetings[p]), 10) }
        if decided != noDate {
            out.element("StepDecisionDate", CalendarDate(column: decided)!.iso, 10)
            if !t.ppOutcome[p].isEmpty { out.element("PPOutcome", t.ppOutcome[p], 10) }
        }
        if known(t.ppCourtApplication[p]) { out.element("CourtAppDate", CalendarDate(column: t.ppCourtApplication[p])!.iso, 10) }
        if known(t.ppLetterInitiatingCP[p]) { out.element("LetterInitCPDate", CalendarDate(column: t.ppLetterInitiatingCP[p])!.iso, 10) }
        out.line("        </PreProceedingsandFGDM>")
    }

    private func group(_ parents: [Int32], _ count: Int) -> [[Int]] {
        var groups = [[Int]](repeating: [], count: count)
        for (i, p) in parents.enumerated() { groups[Int(p)].append(i) }
        return groups
    }
}

/// Appends XML text to a byte buffer (values here are codes, dates and ids: nothing needs escaping but "&" and "<").
struct XMLOut {
    var bytes: [UInt8] = []

    mutating func line(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        bytes.append(0x0A)
    }

    mutating func element(_ name: String, _ value: String, _ indent: Int) {
        bytes.append(contentsOf: repeatElement(0x20, count: indent))
        bytes.append(0x3C)
        bytes.append(contentsOf: name.utf8)
        bytes.append(0x3E)
        for b in value.utf8 {
            switch b {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            default: bytes.append(b)
            }
        }
        bytes.append(contentsOf: "</".utf8)
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: ">\n".utf8)
    }
}
