import Domain

/// The state machine behind `CINCensusImporter`: XML events in, checked records out.
struct Reader {
    var scanner: XMLScanner
    let file: String
    var tables = CINTables()
    var faults: [ImportFault] = []
    var leftOut = 0
    var collectionYear: Int?
    var referenceDate: String?
    var laCode: String?
    private var referenceDay: Int32 = noDate

    private var stack: [CINTag?] = []
    private var leafText: Range<Int>?
    private var child: ChildDraft?
    private var childIndex: [String: Int32] = [:]
    private var unknown: [String: (line: Int, count: Int)] = [:]
    private var unknownOrder: [String] = []

    init(scanner: XMLScanner, file: String) {
        self.scanner = scanner
        self.file = file
    }


    /// A leaf's text, kept as a range of the file's bytes until something needs it as a string: most values are
    /// dates, read straight from the bytes.
    struct Value {
        var range: Range<Int>
        var line: Int
    }

    func text(_ value: Value) -> String {
        value.range.isEmpty ? "" : scanner.text(value.range)
    }

    /// "YYYY-MM-DD" (or a date-time starting so) read from the bytes, surrounding whitespace allowed; nil otherwise.
    func day(_ value: Value) -> Int32? {
        let b = scanner.bytes
        var lo = value.range.lowerBound, hi = value.range.upperBound
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x0A || b[lo] == 0x0D || b[lo] == 0x09 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x0A || b[hi - 1] == 0x0D || b[hi - 1] == 0x09 { hi -= 1 }
        guard hi - lo == 10 || (hi - lo > 10 && b[lo + 10] == 0x54), b[lo + 4] == 0x2D, b[lo + 7] == 0x2D else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var n = 0
            for k in from..<(from + count) {
                let d = b[k] &- 0x30
                guard d < 10 else { return nil }
                n = n * 10 + Int(d)
            }
            return n
        }
        guard let y = digits(lo, 4), let m = digits(lo + 5, 2), let d = digits(lo + 8, 2),
              let date = CalendarDate(year: y, month: m, day: d) else { return nil }
        return date.column
    }

    struct ChildDraft {
        var line: Int
        var id: Value?
        var upn: Value?
        var birth: Value?
        var gender: Value?
        var ethnicity: Value?
        var disabilities: [Value] = []
        var episodes: [EpisodeDraft] = []
    }

    struct EpisodeDraft {
        var line: Int
        var referralDate: Value?
        var source: Value?
        var need: Value?
        var closureDate: Value?
        var closureReason: Value?
        var icpc: Value?
        var nfa: Value?
        var assessments: [AssessmentDraft] = []
        var cinPlans: [CINPlanDraft] = []
        var s47s: [S47Draft] = []
        var plans: [PlanDraft] = []
    }

    struct AssessmentDraft { var line: Int; var start: Value?; var review: Value?; var authorised: Value?; var factors: [String] = [] }
    struct CINPlanDraft { var line: Int; var start: Value?; var end: Value? }
    struct S47Draft { var line: Int; var start: Value?; var target: Value?; var icpc: Value?; var notRequired: Value? }
    struct PlanDraft {
        var line: Int; var start: Value?; var end: Value?; var initial: Value?; var latest: Value?; var previous: Value?
        var reviews: [Value] = []
    }

    // MARK: Events

    mutating func run() throws {
        var sawRoot = false
        while let event = try scanner.next() {
            switch event {
            case .start(let nameRange, let line, let selfClosing):
                let tag = CINTag.lookup(CINTag.hash(scanner.bytes[nameRange]))
                if !sawRoot {
                    sawRoot = true
                    guard tag == .message else {
                        throw ImportRejection(file: file, line: line, reason: "not a CIN census: the root element is <\(scanner.name(nameRange))>, not <Message>")
                    }
                }
                guard let tag else {
                    noteUnknown(scanner.name(nameRange), line: line)
                    if !selfClosing { try skipSubtree() }
                    continue
                }
                if selfClosing { continue }
                stack.append(tag)
                leafText = nil
                open(tag, line: line)
            case .text(let range, let line):
                if isLeaf(stack.last ?? nil) {
                    leafText = range
                } else if !scanner.isBlank(range) {
                    let words = scanner.text(range)
                    fault(.warning, line: line, field: stack.last??.name ?? "Message", rule: "stray-text",
                          "text '\(words.prefix(40))' outside any element was ignored")
                }
            case .end(let nameRange, let line):
                let tag = CINTag.lookup(CINTag.hash(scanner.bytes[nameRange]))
                guard let top = stack.last, top == tag else {
                    throw ImportRejection(file: file, line: line, reason: "not well-formed XML: </\(scanner.name(nameRange))> closes <\(stack.last??.name ?? "nothing")>")
                }
                stack.removeLast()
                try close(top!, line: line)
            }
        }
        guard sawRoot else { throw ImportRejection(file: file, line: 1, reason: "the file holds no XML elements") }
        guard stack.isEmpty else { throw ImportRejection(file: file, line: 0, reason: "the file ends before <\(stack.last??.name ?? "")> is closed") }
        for name in unknownOrder {
            let (line, count) = unknown[name]!
            let occurrences = "\(count) occurrence\(count == 1 ? "" : "s") skipped"
            if let since = CINCodes.laterBlocks[name], let year = collectionYear, year >= since {
                fault(.warning, line: line, field: name, rule: "unread-element",
                      "<\(name)> belongs to the census from \(since - 1)-\(since % 100) on and is not read by this importer; \(occurrences)")
            } else {
                fault(.warning, line: line, field: name, rule: "unknown-element",
                      "<\(name)> is not an element of the \(collectionYear.map { "\($0 - 1)-\($0 % 100) " } ?? "")CIN census; \(occurrences)")
            }
        }
    }

    private mutating func skipSubtree() throws {
        var depth = 1
        while depth > 0, let event = try scanner.next() {
            switch event {
            case .start(_, _, let selfClosing): if !selfClosing { depth += 1 }
            case .end: depth -= 1
            case .text: break
            }
        }
        if depth > 0 { throw ImportRejection(file: file, line: 0, reason: "the file ends inside an element") }
    }

    private mutating func noteUnknown(_ name: String, line: Int) {
        if let seen = unknown[name] {
            unknown[name] = (seen.line, seen.count + 1)
        } else {
            unknown[name] = (line, 1)
            unknownOrder.append(name)
        }
    }

    private func isLeaf(_ tag: CINTag??) -> Bool {
        guard let t = tag, let tag = t else { return false }
        switch tag {
        case .message, .header, .collectionDetails, .source, .children, .child, .childIdentifiers, .childCharacteristics,
             .disabilities, .cinDetails, .assessments, .factorsIdentifiedAtAssessment, .cinPlanDates, .section47,
             .childProtectionPlans, .reviews:
            return false
        default:
            return true
        }
    }

    private mutating func open(_ tag: CINTag, line: Int) {
        switch tag {
        case .child: child = ChildDraft(line: line)
        case .cinDetails: child?.episodes.append(EpisodeDraft(line: line))
        case .assessments: child?.episodes.lastIndex.map { child!.episodes[$0].assessments.append(AssessmentDraft(line: line)) }
        case .cinPlanDates: child?.episodes.lastIndex.map { child!.episodes[$0].cinPlans.append(CINPlanDraft(line: line)) }
        case .section47: child?.episodes.lastIndex.map { child!.episodes[$0].s47s.append(S47Draft(line: line)) }
        case .childProtectionPlans: child?.episodes.lastIndex.map { child!.episodes[$0].plans.append(PlanDraft(line: line)) }
        default: break
        }
    }

    private mutating func close(_ tag: CINTag, line: Int) throws {
        if tag == .child {
            if let draft = child { append(draft) }
            child = nil
            return
        }
        guard isLeaf(tag) else { return }
        let value = Value(range: leafText ?? 0..<0, line: line)
        leafText = nil
        let parent = stack.last ?? nil
        switch (parent, tag) {
        case (.collectionDetails?, .collection):
            if text(value) != "CIN" {
                throw ImportRejection(file: file, line: line, reason: "not a CIN census: <Collection> is '\(text(value))'")
            }
        case (.collectionDetails?, .year): collectionYear = Int(text(value))
        case (.collectionDetails?, .referenceDate):
            referenceDate = text(value)
            referenceDay = day(value) ?? noDate
        case (.source?, .lea): laCode = text(value)
        case (.childIdentifiers?, .laChildID): child?.id = value
        case (.childIdentifiers?, .upn): child?.upn = value
        case (.childIdentifiers?, .personBirthDate): child?.birth = value
        case (.childIdentifiers?, .genderCurrent): child?.gender = value
        case (.childIdentifiers?, .formerUPN), (.childIdentifiers?, .upnUnknown), (.childIdentifiers?, .expectedPersonBirthDate),
             (.childIdentifiers?, .personDeathDate):
            break  // known, and not needed by any indicator
        case (.source?, _), (.collectionDetails?, _):
            break
        case (.childCharacteristics?, .ethnicity): child?.ethnicity = value
        case (.disabilities?, .disability): child?.disabilities.append(value)
        default:
            assignEpisodeField(parent, tag, value)
        }
    }

    private mutating func assignEpisodeField(_ parent: CINTag?, _ tag: CINTag, _ value: Value) {
        guard child != nil, let e = child!.episodes.indices.last else { return }
        switch (parent, tag) {
        case (.cinDetails?, .cinReferralDate): child!.episodes[e].referralDate = value
        case (.cinDetails?, .referralSource): child!.episodes[e].source = value
        case (.cinDetails?, .primaryNeedCode): child!.episodes[e].need = value
        case (.cinDetails?, .cinClosureDate): child!.episodes[e].closureDate = value
        case (.cinDetails?, .reasonForClosure): child!.episodes[e].closureReason = value
        case (.cinDetails?, .dateOfInitialCPC): child!.episodes[e].icpc = value
        case (.cinDetails?, .referralNFA): child!.episodes[e].nfa = value
        case (.assessments?, .assessmentActualStartDate): child!.episodes[e].assessments.lastIndex.map { child!.episodes[e].assessments[$0].start = value }
        case (.assessments?, .assessmentInternalReviewDate): child!.episodes[e].assessments.lastIndex.map { child!.episodes[e].assessments[$0].review = value }
        case (.assessments?, .assessmentAuthorisationDate): child!.episodes[e].assessments.lastIndex.map { child!.episodes[e].assessments[$0].authorised = value }
        case (.factorsIdentifiedAtAssessment?, .assessmentFactors): child!.episodes[e].assessments.lastIndex.map { child!.episodes[e].assessments[$0].factors.append(text(value)) }
        case (.cinPlanDates?, .cinPlanStartDate): child!.episodes[e].cinPlans.lastIndex.map { child!.episodes[e].cinPlans[$0].start = value }
        case (.cinPlanDates?, .cinPlanEndDate): child!.episodes[e].cinPlans.lastIndex.map { child!.episodes[e].cinPlans[$0].end = value }
        case (.section47?, .s47ActualStartDate): child!.episodes[e].s47s.lastIndex.map { child!.episodes[e].s47s[$0].start = value }
        case (.section47?, .initialCPCtarget): child!.episodes[e].s47s.lastIndex.map { child!.episodes[e].s47s[$0].target = value }
        case (.section47?, .dateOfInitialCPC): child!.episodes[e].s47s.lastIndex.map { child!.episodes[e].s47s[$0].icpc = value }
        case (.section47?, .icpcNotRequired): child!.episodes[e].s47s.lastIndex.map { child!.episodes[e].s47s[$0].notRequired = value }
        case (.childProtectionPlans?, .cppStartDate): child!.episodes[e].plans.lastIndex.map { child!.episodes[e].plans[$0].start = value }
        case (.childProtectionPlans?, .cppEndDate): child!.episodes[e].plans.lastIndex.map { child!.episodes[e].plans[$0].end = value }
        case (.childProtectionPlans?, .initialCategoryOfAbuse): child!.episodes[e].plans.lastIndex.map { child!.episodes[e].plans[$0].initial = value }
        case (.childProtectionPlans?, .latestCategoryOfAbuse): child!.episodes[e].plans.lastIndex.map { child!.episodes[e].plans[$0].latest = value }
        case (.childProtectionPlans?, .numberOfPreviousCPP): child!.episodes[e].plans.lastIndex.map { child!.episodes[e].plans[$0].previous = value }
        case (.reviews?, .cppReviewDate): child!.episodes[e].plans.lastIndex.map { child!.episodes[e].plans[$0].reviews.append(value) }
        default:
            // A known element in a place the census does not put it.
            noteUnknown("\(parent?.name ?? "?")/\(tag.name)", line: value.line)
        }
    }

    // MARK: Checking and appending a child

    private mutating func fault(_ severity: ImportFault.Severity, line: Int, childID: String? = nil, field: String, rule: String, _ message: String) {
        faults.append(ImportFault(severity: severity, file: file, line: line, childID: childID, field: field, rule: rule, message: message))
    }

    /// A date field: nil when absent; reported (and nil) when it is not a date.
    private mutating func date(_ value: Value?, field: String, child id: String, required: Bool = false) -> Int32? {
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

    private mutating func code(_ value: Value?, in list: Set<String>, field: String, child id: String) -> String {
        guard let value else { return "" }
        let code = text(value)
        if !code.isEmpty, !list.contains(code) {
            fault(.warning, line: value.line, childID: id, field: field, rule: "unknown-code", "'\(code)' is not a code the census uses")
        }
        return code
    }

    private mutating func boolean(_ value: Value?, field: String, child id: String) -> Int8 {
        guard let value else { return -1 }
        let word = text(value)
        if word.isEmpty { return -1 }
        guard let b = CINCodes.boolean(word) else {
            fault(.warning, line: value.line, childID: id, field: field, rule: "bad-boolean", "'\(word)' is not true or false; read as not given")
            return -1
        }
        return b
    }

    private mutating func order(_ start: Int32?, _ end: Int32?, line: Int, child id: String, field: String, after startField: String) {
        if let s = start, let e = end, e < s {
            fault(.warning, line: line, childID: id, field: field, rule: "end-before-start",
                  "\(CalendarDate(column: e)!.iso) is before \(startField) \(CalendarDate(column: s)!.iso)")
        }
    }

    private mutating func append(_ draft: ChildDraft) {
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
            tables.gender.append(code(draft.gender, in: CINCodes.gender, field: "GenderCurrent", child: id))
            tables.ethnicity.append(code(draft.ethnicity, in: CINCodes.ethnicity, field: "Ethnicity", child: id))
            var disabilities: [String] = []
            for d in draft.disabilities { disabilities.append(code(d, in: CINCodes.disability, field: "Disability", child: id)) }
            tables.disabilities.append(disabilities.joined(separator: ","))
            if draft.gender == nil {
                fault(.warning, line: draft.line, childID: id, field: "GenderCurrent", rule: "missing-field", "GenderCurrent is not given")
            }
        }
        for episode in draft.episodes { appendEpisode(episode, child: index, id: id) }
    }

    private mutating func appendEpisode(_ e: EpisodeDraft, child: Int32, id: String) {
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

private extension Array {
    var lastIndex: Int? { isEmpty ? nil : count - 1 }
}
