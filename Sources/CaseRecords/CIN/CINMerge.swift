import Domain

/// Several years' census files, made into one history per council.
///
/// Each census repeats the episodes still open or recently closed, so the same referral appears in consecutive
/// files. Episodes are matched by council, LAchildID and CINreferralDate; the file with the later reference date wins,
/// because a closure or a plan added in the next census updates the episode rather than adding a second one. Within
/// one file every CINdetails is its own episode, even two of one child on one day (a contact closed with no further
/// action and a re-referral the same day): an older file's episodes of such a day are matched first to kept episodes
/// they agree with (same dates, or fewer of them), then in file order to those left, and any still unmatched are
/// added, so episodes of one file are never collapsed into one. Files
/// are taken newest first, so an episode is copied once, from the file that wins, and memory holds the merged
/// tables and one file at a time. An older version that contradicts the kept one (a date it gave, changed or gone)
/// is reported; an older version that merely knew less is not.
public struct CINAccumulator {
    public private(set) var tables = CINTables()
    public private(set) var faults: [ImportFault] = []
    /// The council being merged: children and episodes are looked up within it, and the lookups are dropped when the
    /// next council begins, so memory holds one council's keys at a time.
    private var council: String?
    private var childIndex: [String: Int32] = [:]
    /// (child, referral day) → the kept episodes of that day, as indices in `tables` (usually one).
    private var episodeIndex: [Int64: [Int32]] = [:]
    private var files: [String] = []
    /// For each kept episode: the file it came from, and where its nested records start in `tables` and how many
    /// there are (they are copied together, so a start and a count say which).
    private var keptFrom: [Int32] = []
    private var nestedStart: [(assessments: Int32, plans: Int32, s47s: Int32, cinPlans: Int32)] = []
    private var nestedCount: [(assessments: UInt16, plans: UInt16, s47s: UInt16, cinPlans: UInt16)] = []

    public init() {}

    /// The order to add files in: council by council, newest census first.
    public static func order(_ reports: [FileReport]) -> [Int] {
        reports.indices.sorted { a, b in
            let ra = reports[a], rb = reports[b]
            if (ra.laCode ?? "") != (rb.laCode ?? "") { return (ra.laCode ?? "") < (rb.laCode ?? "") }
            if (ra.referenceDate ?? "") != (rb.referenceDate ?? "") { return (ra.referenceDate ?? "") > (rb.referenceDate ?? "") }
            return a > b
        }
    }

    /// Adds a file; call in `order(_:)`.
    public mutating func add(_ file: CINCensusImporter.FileResult) {
        let t = file.tables
        if t.collectsPreProceedings { tables.collectsPreProceedings = true }
        let la = file.report.laCode ?? ""
        if la != council {
            council = la
            childIndex = [:]
            episodeIndex = [:]
        }
        files.append(file.report.file)
        let fileNumber = Int32(files.count - 1)
        let nested = Nested(t)
        // Each episode's key, and for keys already kept, this file's episodes under them in file order.
        var keys = [Int64](repeating: 0, count: t.episodeCount)
        var known: [Int64: [Int]] = [:]
        for e in 0..<t.episodeCount {
            let c = Int(t.episodeChild[e])
            let childKey = la + "|" + t.childID[c]
            let child = childIndex[childKey] ?? appendChild(c, from: t, key: childKey)
            keys[e] = Int64(child) << 32 | Int64(UInt32(bitPattern: t.referralDate[e]))
            if episodeIndex[keys[e]] != nil { known[keys[e], default: []].append(e) }
        }
        var matched = [Bool](repeating: false, count: t.episodeCount)
        for (key, episodes) in known.sorted(by: { $0.key < $1.key }) {
            var free = episodeIndex[key]!
            var left: [Int] = []
            for e in episodes {
                if let i = free.firstIndex(where: { !contradicts(older: t, nested, e, kept: $0) }) {
                    free.remove(at: i)
                    matched[e] = true
                } else {
                    left.append(e)
                }
            }
            for e in left where !free.isEmpty {
                let kept = free.removeFirst()
                matched[e] = true
                let c = Int(t.episodeChild[e])
                faults.append(ImportFault(
                    severity: .warning, file: files[Int(keptFrom[Int(kept)])], line: 0, childID: t.childID[c], field: "CINdetails", rule: "merge-conflict",
                    message: "the referral of \(CalendarDate(column: t.referralDate[e])!.iso) differs from \(file.report.file); this later file's version is kept"))
            }
        }
        for e in 0..<t.episodeCount where !matched[e] {
            episodeIndex[keys[e], default: []].append(Int32(tables.episodeCount))
            keptFrom.append(fileNumber)
            copy(e, from: t, nested: nested, child: Int32(truncatingIfNeeded: keys[e] >> 32))
        }
        // Children listed with no referral are kept too.
        for c in 0..<t.childCount where childIndex[la + "|" + t.childID[c]] == nil {
            appendChild(c, from: t, key: la + "|" + t.childID[c])
        }
    }

    @discardableResult
    private mutating func appendChild(_ c: Int, from t: CINTables, key: String) -> Int32 {
        let child = Int32(tables.childCount)
        childIndex[key] = child
        tables.childID.append(t.childID[c])
        tables.upn.append(t.upn[c])
        tables.birthDate.append(t.birthDate[c])
        tables.gender.append(t.gender[c])
        tables.ethnicity.append(t.ethnicity[c])
        tables.disabilities.append(t.disabilities[c])
        return child
    }

    /// Which nested records belong to each episode of one file, and which reviews to each plan.
    struct Nested {
        var assessments: [[Int]]
        var cinPlans: [[Int]]
        var s47s: [[Int]]
        var plans: [[Int]]
        var reviews: [[Int]]
        var preProceedings: [[Int]]

        init(_ t: CINTables) {
            func group(_ parents: [Int32], count: Int) -> [[Int]] {
                var groups = [[Int]](repeating: [], count: count)
                for (i, p) in parents.enumerated() { groups[Int(p)].append(i) }
                return groups
            }
            assessments = group(t.assessmentEpisode, count: t.episodeCount)
            cinPlans = group(t.cinPlanEpisode, count: t.episodeCount)
            s47s = group(t.s47Episode, count: t.episodeCount)
            plans = group(t.planEpisode, count: t.episodeCount)
            reviews = group(t.reviewPlan, count: t.planCount)
            preProceedings = group(t.ppEpisode, count: t.episodeCount)
        }
    }

    /// Whether an older census said something of an episode that the kept, newer one contradicts. Knowing less (no
    /// closure yet, an assessment not yet authorised, fewer reviews) is not a contradiction.
    private func contradicts(older o: CINTables, _ n: Nested, _ e: Int, kept k: Int32) -> Bool {
        let m = tables
        let ki = Int(k)
        func changed(_ old: Int32, _ new: Int32) -> Bool { old != noDate && old != new }
        if changed(o.closureDate[e], m.closureDate[ki]) || changed(o.episodeICPCDate[e], m.episodeICPCDate[ki]) { return true }
        let start = nestedStart[ki], count = nestedCount[ki]
        func kept(_ first: Int32, _ n: UInt16) -> [Int] { (0..<Int(n)).map { Int(first) + $0 } }
        let assessments = kept(start.assessments, count.assessments), plans = kept(start.plans, count.plans)
        let s47s = kept(start.s47s, count.s47s), cinPlans = kept(start.cinPlans, count.cinPlans)
        if n.assessments[e].count > assessments.count || n.plans[e].count > plans.count
            || n.s47s[e].count > s47s.count || n.cinPlans[e].count > cinPlans.count { return true }
        for (x, y) in zip(n.assessments[e], assessments)
            where changed(o.assessmentStart[x], m.assessmentStart[y]) || changed(o.assessmentAuthorised[x], m.assessmentAuthorised[y]) { return true }
        for (x, y) in zip(n.plans[e], plans) where changed(o.planStart[x], m.planStart[y]) || changed(o.planEnd[x], m.planEnd[y]) { return true }
        for (x, y) in zip(n.s47s[e], s47s) where changed(o.s47Start[x], m.s47Start[y]) || changed(o.s47ICPCDate[x], m.s47ICPCDate[y]) { return true }
        for (x, y) in zip(n.cinPlans[e], cinPlans) where changed(o.cinPlanStart[x], m.cinPlanStart[y]) || changed(o.cinPlanEnd[x], m.cinPlanEnd[y]) { return true }
        return false
    }

    private mutating func copy(_ e: Int, from t: CINTables, nested n: Nested, child: Int32) {
        let episode = Int32(tables.episodeCount)
        tables.episodeChild.append(child)
        tables.referralDate.append(t.referralDate[e])
        tables.referralSource.append(t.referralSource[e])
        tables.primaryNeed.append(t.primaryNeed[e])
        tables.closureDate.append(t.closureDate[e])
        tables.closureReason.append(t.closureReason[e])
        tables.referralNFA.append(t.referralNFA[e])
        tables.episodeICPCDate.append(t.episodeICPCDate[e])
        nestedStart.append((Int32(tables.assessmentCount), Int32(tables.planCount), Int32(tables.s47Count), Int32(tables.cinPlanCount)))
        nestedCount.append((UInt16(clamping: n.assessments[e].count), UInt16(clamping: n.plans[e].count),
                            UInt16(clamping: n.s47s[e].count), UInt16(clamping: n.cinPlans[e].count)))
        for a in n.assessments[e] {
            tables.assessmentEpisode.append(episode)
            tables.assessmentStart.append(t.assessmentStart[a])
            tables.assessmentInternalReview.append(t.assessmentInternalReview[a])
            tables.assessmentAuthorised.append(t.assessmentAuthorised[a])
            tables.assessmentFactors.append(t.assessmentFactors[a])
        }
        for c in n.cinPlans[e] {
            tables.cinPlanEpisode.append(episode)
            tables.cinPlanStart.append(t.cinPlanStart[c])
            tables.cinPlanEnd.append(t.cinPlanEnd[c])
        }
        for s in n.s47s[e] {
            tables.s47Episode.append(episode)
            tables.s47Start.append(t.s47Start[s])
            tables.s47ICPCTarget.append(t.s47ICPCTarget[s])
            tables.s47ICPCDate.append(t.s47ICPCDate[s])
            tables.s47ICPCNotRequired.append(t.s47ICPCNotRequired[s])
        }
        for p in n.preProceedings[e] {
            tables.ppEpisode.append(episode)
            tables.ppStart.append(t.ppStart[p])
            tables.ppLetterSent.append(t.ppLetterSent[p])
            tables.ppFGDMOffered.append(t.ppFGDMOffered[p])
            tables.ppFGDMFacilitated.append(t.ppFGDMFacilitated[p])
            tables.ppFirstMeeting.append(t.ppFirstMeeting[p])
            tables.ppReviewMeetings.append(t.ppReviewMeetings[p])
            tables.ppStepDecision.append(t.ppStepDecision[p])
            tables.ppOutcome.append(t.ppOutcome[p])
            tables.ppCourtApplication.append(t.ppCourtApplication[p])
            tables.ppLetterInitiatingCP.append(t.ppLetterInitiatingCP[p])
        }
        for p in n.plans[e] {
            let plan = Int32(tables.planCount)
            tables.planEpisode.append(episode)
            tables.planStart.append(t.planStart[p])
            tables.planEnd.append(t.planEnd[p])
            tables.planInitialCategory.append(t.planInitialCategory[p])
            tables.planLatestCategory.append(t.planLatestCategory[p])
            tables.planPreviousCPP.append(t.planPreviousCPP[p])
            for r in n.reviews[p] {
                tables.reviewPlan.append(plan)
                tables.reviewDate.append(t.reviewDate[r])
            }
        }
    }
}

/// Merging files already read.
public enum CINMerge {
    public static func merge(_ files: [CINCensusImporter.FileResult]) -> (tables: CINTables, faults: [ImportFault]) {
        var accumulator = CINAccumulator()
        for i in CINAccumulator.order(files.map(\.report)) { accumulator.add(files[i]) }
        return (accumulator.tables, accumulator.faults)
    }
}
