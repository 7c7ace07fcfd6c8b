import Domain

/// A child read whole: its values checked, and the child and its episodes appended to the tables.
extension Reader {
    // MARK: Checking and appending a child

    mutating func fault(_ severity: ImportFault.Severity, line: Int, childID: String? = nil, field: String, rule: String, _ message: String) {
        faults.append(ImportFault(severity: severity, file: file, line: line, childID: childID, field: field, rule: rule, message: message))
    }

    /// A date field: nil when absent; reported (and nil) when it is not a date.
    mutating func date(_ value: Value?, field: String, child id: String, required: Bool = false) -> Int32? {
        guard let value, !scanner.isBlank(value.range) else {
            return nil
        }
        guard let column = day(value) else {
            fault(required ? .error : .warning, line: value.line, childID: id, field: field, rule: "bad-date",
                  "'\(text(value))' is not a date (YYYY-MM-DD)\(required ? "" : "; read as not given")")
            return nil
        }
        // A target date (InitialCPCtarget) may rightly lie beyond the census; an event may not.
        if referenceDay != noDate, column > referenceDay, field != "InitialCPCtarget" {
            fault(.warning, line: value.line, childID: id, field: field, rule: "future-date",
                  "\(CalendarDate(column: column)!.iso) is after the census reference date \(referenceDate ?? "")")
        }
        return column
    }

    mutating func code(_ value: Value?, in list: Set<String>, field: String, child id: String) -> String {
        guard let value else { return "" }
        let code = text(value)
        if !code.isEmpty, !list.contains(code) {
            fault(.warning, line: value.line, childID: id, field: field, rule: "unknown-code", "'\(code)' is not a code the census uses")
        }
        return code
    }

    mutating func boolean(_ value: Value?, field: String, child id: String) -> Int8 {
        guard let value else { return -1 }
        let word = text(value)
        if word.isEmpty { return -1 }
        guard let b = CINCodes.boolean(word) else {
            fault(.warning, line: value.line, childID: id, field: field, rule: "bad-boolean", "'\(word)' is not true or false; read as not given")
            return -1
        }
        return b
    }

    mutating func order(_ start: Int32?, _ end: Int32?, line: Int, child id: String, field: String, after startField: String) {
        if let s = start, let e = end, e < s {
            fault(.warning, line: line, childID: id, field: field, rule: "end-before-start",
                  "\(CalendarDate(column: e)!.iso) is before \(startField) \(CalendarDate(column: s)!.iso)")
        }
    }

    mutating func append(_ draft: ChildDraft) {
        guard let idValue = draft.id, !text(idValue).isEmpty else {
            let records = draft.episodes.count
            leftOut += 1 + records
            fault(.error, line: draft.line, field: "LAchildID", rule: "missing-field",
                  "a child has no LAchildID; the child and \(records) referral\(records == 1 ? "" : "s") were left out")
            return
        }
        let id = text(idValue)
        let index: Int32
        if let known = childIndex[id] {
            index = known
            fault(.warning, line: draft.line, childID: id, field: "LAchildID", rule: "duplicate-child",
                  "this child appears more than once in the file; the referrals are read together")
        } else {
            index = Int32(tables.childCount)
            childIndex[id] = index
            tables.childID.append(id)
            tables.upn.append(draft.upn.map(text) ?? "")
            tables.birthDate.append(date(draft.birth, field: "PersonBirthDate", child: id) ?? noDate)
            tables.gender.append(sex(draft.gender, element: draft.genderElement, child: id))
            tables.ethnicity.append(code(draft.ethnicity, in: CINCodes.ethnicity, field: "Ethnicity", child: id))
            var disabilities: [String] = []
            for d in draft.disabilities { disabilities.append(code(d, in: CINCodes.disability, field: "Disability", child: id)) }
            tables.disabilities.append(disabilities.joined(separator: ","))
            if draft.gender == nil {
                fault(.warning, line: draft.line, childID: id, field: layout.sexElement, rule: "missing-field", "\(layout.sexElement) is not given")
            }
            if (layout.year ?? 0) >= 2025, !CINCodes.isChildIDForm(id) {
                fault(.warning, line: idValue.line, childID: id, field: "LAchildID", rule: "child-id-form",
                      "from the 2024-25 census LAchildID is at most 20 letters and digits")
            }
        }
        for episode in draft.episodes { appendEpisode(episode, child: index, id: id) }
    }

    mutating func appendEpisode(_ e: EpisodeDraft, child: Int32, id: String) {
        let nested = e.assessments.count + e.cinPlans.count + e.s47s.count + e.plans.count
        guard let referral = date(e.referralDate, field: "CINreferralDate", child: id, required: true) else {
            leftOut += 1 + nested
            fault(.error, line: e.referralDate?.line ?? e.line, childID: id, field: "CINreferralDate", rule: "missing-field",
                  "a referral without a readable CINreferralDate was left out, with \(nested) record\(nested == 1 ? "" : "s") within it")
            return
        }
        // Two CINdetails of one child are two episodes, whatever their dates: a contact closed with no further action
        // and a re-referral the same day are both real, and the second usually carries the assessment and the plan.
        let episode = Int32(tables.episodeCount)
        let closure = date(e.closureDate, field: "CINclosureDate", child: id)
        order(referral, closure, line: e.closureDate?.line ?? e.line, child: id, field: "CINclosureDate", after: "CINreferralDate")
        tables.episodeChild.append(child)
        tables.referralDate.append(referral)
        tables.referralSource.append(code(e.source, in: CINCodes.referralSource, field: "ReferralSource", child: id))
        tables.primaryNeed.append(code(e.need, in: CINCodes.primaryNeed, field: "PrimaryNeedCode", child: id))
        tables.closureDate.append(closure ?? noDate)
        tables.closureReason.append(code(e.closureReason, in: CINCodes.reasonForClosure, field: "ReasonForClosure", child: id))
        tables.referralNFA.append(boolean(e.nfa, field: "ReferralNFA", child: id))
        tables.episodeICPCDate.append(date(e.icpc, field: "DateOfInitialCPC", child: id) ?? noDate)

        for a in e.assessments {
            guard let start = date(a.start, field: "AssessmentActualStartDate", child: id, required: true) else {
                leftOut += 1
                fault(.error, line: a.start?.line ?? a.line, childID: id, field: "AssessmentActualStartDate", rule: "missing-field",
                      "an assessment without a readable start date was left out")
                continue
            }
            let authorised = date(a.authorised, field: "AssessmentAuthorisationDate", child: id)
            order(start, authorised, line: a.authorised?.line ?? a.line, child: id, field: "AssessmentAuthorisationDate", after: "AssessmentActualStartDate")
            tables.assessmentEpisode.append(episode)
            tables.assessmentStart.append(start)
            tables.assessmentInternalReview.append(date(a.review, field: "AssessmentInternalReviewDate", child: id) ?? noDate)
            tables.assessmentAuthorised.append(authorised ?? noDate)
            tables.assessmentFactors.append(a.factors.joined(separator: ","))
            if (layout.year ?? 0) >= 2025 {
                for queried in ["18A", "19A"] where a.factors.contains(queried) {
                    fault(.warning, line: a.line, childID: id, field: "AssessmentFactors", rule: "queried-factor",
                          "DfE queries \(queried) from the 2024-25 census: record \(queried.prefix(2))B (by another child) or \(queried.prefix(2))C (by an adult)")
                }
            }
        }
        for p in e.cinPlans {
            guard let start = date(p.start, field: "CINPlanStartDate", child: id, required: true) else {
                leftOut += 1
                fault(.error, line: p.start?.line ?? p.line, childID: id, field: "CINPlanStartDate", rule: "missing-field",
                      "a CIN plan without a readable start date was left out")
                continue
            }
            let end = date(p.end, field: "CINPlanEndDate", child: id)
            order(start, end, line: p.end?.line ?? p.line, child: id, field: "CINPlanEndDate", after: "CINPlanStartDate")
            tables.cinPlanEpisode.append(episode)
            tables.cinPlanStart.append(start)
            tables.cinPlanEnd.append(end ?? noDate)
        }
        for s in e.s47s {
            guard let start = date(s.start, field: "S47ActualStartDate", child: id, required: true) else {
                leftOut += 1
                fault(.error, line: s.start?.line ?? s.line, childID: id, field: "S47ActualStartDate", rule: "missing-field",
                      "a section 47 enquiry without a readable start date was left out")
                continue
            }
            let icpc = date(s.icpc, field: "DateOfInitialCPC", child: id)
            order(start, icpc, line: s.icpc?.line ?? s.line, child: id, field: "DateOfInitialCPC", after: "S47ActualStartDate")
            let notRequired = boolean(s.notRequired, field: "ICPCnotRequired", child: id)
            if notRequired == 1, icpc != nil {
                fault(.warning, line: s.icpc?.line ?? s.line, childID: id, field: "DateOfInitialCPC", rule: "icpc-not-required",
                      "a conference date is recorded although ICPCnotRequired is true; the conference is counted")
            }
            tables.s47Episode.append(episode)
            tables.s47Start.append(start)
            tables.s47ICPCTarget.append(date(s.target, field: "InitialCPCtarget", child: id) ?? noDate)
            tables.s47ICPCDate.append(icpc ?? noDate)
            tables.s47ICPCNotRequired.append(notRequired)
        }
        for p in e.preProceedings { appendPreProceedings(p, episode: episode, child: id) }
        for p in e.plans {
            guard let start = date(p.start, field: "CPPstartDate", child: id, required: true) else {
                leftOut += 1 + p.reviews.count
                fault(.error, line: p.start?.line ?? p.line, childID: id, field: "CPPstartDate", rule: "missing-field",
                      "a child protection plan without a readable start date was left out")
                continue
            }
            let end = date(p.end, field: "CPPendDate", child: id)
            order(start, end, line: p.end?.line ?? p.line, child: id, field: "CPPendDate", after: "CPPstartDate")
            var previous: Int32 = -1
            if let number = p.previous.map(text), !number.isEmpty {
                if let n = Int32(number), n >= 0 { previous = n }
                else {
                    fault(.warning, line: p.previous!.line, childID: id, field: "NumberOfPreviousCPP", rule: "bad-number",
                          "'\(number)' is not a whole number of 0 or more; read as not given")
                }
            }
            let plan = Int32(tables.planCount)
            tables.planEpisode.append(episode)
            tables.planStart.append(start)
            tables.planEnd.append(end ?? noDate)
            tables.planInitialCategory.append(code(p.initial, in: CINCodes.categoryOfAbuse, field: "InitialCategoryOfAbuse", child: id))
            tables.planLatestCategory.append(code(p.latest, in: CINCodes.categoryOfAbuse, field: "LatestCategoryOfAbuse", child: id))
            tables.planPreviousCPP.append(previous)
            for r in p.reviews {
                guard let day = date(r, field: "CPPreviewDate", child: id) else { continue }
                if day < start {
                    fault(.warning, line: r.line, childID: id, field: "CPPreviewDate", rule: "end-before-start",
                          "review \(CalendarDate(column: day)!.iso) is before the plan began")
                }
                tables.reviewPlan.append(plan)
                tables.reviewDate.append(day)
            }
        }
    }
}

/// The index of the last element, for appending to the newest draft.
extension Array {
    var lastIndex: Int? { isEmpty ? nil : count - 1 }
}
