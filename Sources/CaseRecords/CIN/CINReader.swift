import Domain
import Spreadsheet

/// The state machine behind `CINCensusImporter`: XML events in, checked records out.
struct Reader {
    var scanner: XMLScanner
    let file: String
    var tables = CINTables()
    var faults: [ImportFault] = []
    var leftOut = 0
    var yearText: String?
    var referenceDate: String?
    /// The year's layout, known once the header's CollectionDetails closes.
    var layout = CINLayout(referenceDate: nil, yearElement: nil)
    /// Elements the file's year does not have, each reported once at the end: first line and count.
    var outOfYear: [String: (line: Int, count: Int)] = [:]
    var outOfYearOrder: [String] = []
    /// Children whose sex is coded as another year's census codes it (1/2 in a 2024-25 file, M/F before).
    var otherSexCoding: (line: Int, count: Int)?
    var laCode: String?
    var referenceDay: Int32 = noDate

    var stack: [CINTag?] = []
    var leafText: Range<Int>?
    var child: ChildDraft?
    var childIndex: [String: Int32] = [:]
    var unknown: [String: (line: Int, count: Int)] = [:]
    var unknownOrder: [String] = []

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
        var genderElement = "Sex"
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
        var preProceedings: [PreProceedingsDraft] = []
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
        reportLayoutFaults()
        for name in unknownOrder {
            let (line, count) = unknown[name]!
            let occurrences = "\(count) occurrence\(count == 1 ? "" : "s") skipped"
            fault(.warning, line: line, field: name, rule: "unknown-element",
                  "<\(name)> is not an element of the \(layout.year.map { CINLayout.name($0) + " " } ?? "")CIN census; \(occurrences)")
        }
    }

    mutating func skipSubtree() throws {
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

    mutating func noteUnknown(_ name: String, line: Int) {
        if let seen = unknown[name] {
            unknown[name] = (seen.line, seen.count + 1)
        } else {
            unknown[name] = (line, 1)
            unknownOrder.append(name)
        }
    }

    func isLeaf(_ tag: CINTag??) -> Bool {
        guard let t = tag, let tag = t else { return false }
        switch tag {
        case .message, .header, .collectionDetails, .source, .children, .child, .childIdentifiers, .childCharacteristics,
             .disabilities, .cinDetails, .assessments, .factorsIdentifiedAtAssessment, .cinPlanDates, .section47,
             .childProtectionPlans, .reviews, .preProceedings:
            return false
        default:
            return true
        }
    }

    mutating func open(_ tag: CINTag, line: Int) {
        switch tag {
        case .child: child = ChildDraft(line: line)
        case .cinDetails: child?.episodes.append(EpisodeDraft(line: line))
        case .assessments: child?.episodes.lastIndex.map { child!.episodes[$0].assessments.append(AssessmentDraft(line: line)) }
        case .cinPlanDates: child?.episodes.lastIndex.map { child!.episodes[$0].cinPlans.append(CINPlanDraft(line: line)) }
        case .section47: child?.episodes.lastIndex.map { child!.episodes[$0].s47s.append(S47Draft(line: line)) }
        case .childProtectionPlans: child?.episodes.lastIndex.map { child!.episodes[$0].plans.append(PlanDraft(line: line)) }
        case .preProceedings:
            noteYear("PreProceedingsandFGDM", line: line)
            child?.episodes.lastIndex.map { child!.episodes[$0].preProceedings.append(PreProceedingsDraft(line: line)) }
        default: break
        }
    }

    mutating func close(_ tag: CINTag, line: Int) throws {
        if tag == .child {
            if let draft = child { append(draft) }
            child = nil
            return
        }
        if tag == .collectionDetails { layout = CINLayout(referenceDate: referenceDate, yearElement: yearText) }
        guard isLeaf(tag) else { return }
        let value = Value(range: leafText ?? 0..<0, line: line)
        leafText = nil
        let parent = stack.last ?? nil
        switch (parent, tag) {
        case (.collectionDetails?, .collection):
            if text(value) != "CIN" {
                throw ImportRejection(file: file, line: line, reason: "not a CIN census: <Collection> is '\(text(value))'")
            }
        case (.collectionDetails?, .year): yearText = text(value)
        case (.collectionDetails?, .referenceDate):
            referenceDate = text(value)
            referenceDay = day(value) ?? noDate
        case (.source?, .lea): laCode = text(value)
        case (.childIdentifiers?, .laChildID): child?.id = value
        case (.childIdentifiers?, .upn): child?.upn = value
        case (.childIdentifiers?, .personBirthDate): child?.birth = value
        case (.childIdentifiers?, .genderCurrent):
            noteYear("GenderCurrent", line: value.line)
            child?.gender = value; child?.genderElement = "GenderCurrent"
        case (.childIdentifiers?, .sex):
            noteYear("Sex", line: value.line)
            child?.gender = value; child?.genderElement = "Sex"
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

    mutating func assignEpisodeField(_ parent: CINTag?, _ tag: CINTag, _ value: Value) {
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
        case (.preProceedings?, _): assignPreProceedingsField(tag, value, episode: e)
        default:
            // A known element in a place the census does not put it.
            noteUnknown("\(parent?.name ?? "?")/\(tag.name)", line: value.line)
        }
    }
}
