import Domain

/// Several years' census files for one council, made into one history.
///
/// Each census repeats the episodes still open or recently closed, so the same referral appears in consecutive
/// files. Episodes are matched by LAchildID and CINreferralDate; the file with the later reference date wins, because
/// a closure or a plan added in the next census updates the episode rather than adding a second one. Where the two
/// versions differ, a warning says so.
public enum CINMerge {
    public static func merge(_ files: [CINCensusImporter.FileResult]) -> (tables: CINTables, faults: [ImportFault]) {
        if files.count == 1 { return (files[0].tables, []) }
        // Earliest first, so that a later file's version replaces an earlier one.
        let ordered = files.enumerated().sorted { a, b in
            (a.element.report.referenceDate ?? "", a.offset) < (b.element.report.referenceDate ?? "", b.offset)
        }.map(\.element)

        struct Key: Hashable { var child: String; var referral: Int32 }
        var winner: [Key: (file: Int, episode: Int)] = [:]
        var faults: [ImportFault] = []
        let nesteds = ordered.map { Nested($0.tables) }
        for (f, file) in ordered.enumerated() {
            let t = file.tables
            let nested = nesteds[f]
            for e in 0..<t.episodeCount {
                let key = Key(child: t.childID[Int(t.episodeChild[e])], referral: t.referralDate[e])
                if let earlier = winner[key] {
                    let old = ordered[earlier.file].tables
                    let oldNested = nesteds[earlier.file]
                    if contradicts(old, oldNested, earlier.episode, t, nested, e) {
                        faults.append(ImportFault(
                            severity: .warning, file: file.report.file, line: 0, childID: key.child, field: "CINdetails", rule: "merge-conflict",
                            message: "the referral of \(CalendarDate(column: key.referral)!.iso) differs from \(ordered[earlier.file].report.file); this later file's version is kept"))
                    }
                }
                winner[key] = (f, e)
            }
        }

        var merged = CINTables()
        var childIndex: [String: Int32] = [:]
        var kept = ordered.map { [Bool](repeating: false, count: $0.tables.episodeCount) }
        for w in winner.values { kept[w.file][w.episode] = true }
        for (f, file) in ordered.enumerated() {
            let t = file.tables
            let nested = nesteds[f]
            for e in 0..<t.episodeCount where kept[f][e] {
                let c = Int(t.episodeChild[e])
                let id = t.childID[c]
                let child: Int32
                if let known = childIndex[id] {
                    child = known
                } else {
                    child = Int32(merged.childCount)
                    childIndex[id] = child
                    merged.childID.append(id)
                    merged.upn.append(t.upn[c])
                    merged.birthDate.append(t.birthDate[c])
                    merged.gender.append(t.gender[c])
                    merged.ethnicity.append(t.ethnicity[c])
                    merged.disabilities.append(t.disabilities[c])
                }
                copyEpisode(e, from: t, nested: nested, child: child, into: &merged)
            }
        }
        // Children with no referral left are kept too: the census lists them.
        for file in ordered {
            let t = file.tables
            for c in 0..<t.childCount where childIndex[t.childID[c]] == nil {
                childIndex[t.childID[c]] = Int32(merged.childCount)
                merged.childID.append(t.childID[c])
                merged.upn.append(t.upn[c])
                merged.birthDate.append(t.birthDate[c])
                merged.gender.append(t.gender[c])
                merged.ethnicity.append(t.ethnicity[c])
                merged.disabilities.append(t.disabilities[c])
            }
        }
        return (merged, faults)
    }

    /// Which nested records belong to each episode, and which reviews to each plan.
    struct Nested {
        var assessments: [[Int]]
        var cinPlans: [[Int]]
        var s47s: [[Int]]
        var plans: [[Int]]
        var reviews: [[Int]]

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
        }
    }

    /// Whether a later census contradicts what an earlier one said of an episode. Adding what had not happened yet (a
    /// closure, an authorisation, a plan's end, more reviews, a new plan) is the census doing its job; changing or
    /// dropping a date already given is a contradiction a person should see.
    private static func contradicts(_ a: CINTables, _ an: Nested, _ ea: Int, _ b: CINTables, _ bn: Nested, _ eb: Int) -> Bool {
        func changed(_ old: Int32, _ new: Int32) -> Bool { old != noDate && old != new }
        if changed(a.closureDate[ea], b.closureDate[eb]) || changed(a.episodeICPCDate[ea], b.episodeICPCDate[eb]) { return true }
        func pairs(_ x: [Int], _ y: [Int]) -> Zip2Sequence<[Int], [Int]>? { y.count >= x.count ? zip(x, y) : nil }
        guard let assessments = pairs(an.assessments[ea], bn.assessments[eb]),
              let plans = pairs(an.plans[ea], bn.plans[eb]),
              let s47s = pairs(an.s47s[ea], bn.s47s[eb]),
              let cinPlans = pairs(an.cinPlans[ea], bn.cinPlans[eb]) else { return true }
        for (x, y) in assessments where changed(a.assessmentStart[x], b.assessmentStart[y]) || changed(a.assessmentAuthorised[x], b.assessmentAuthorised[y]) { return true }
        for (x, y) in plans where changed(a.planStart[x], b.planStart[y]) || changed(a.planEnd[x], b.planEnd[y]) || an.reviews[x].count > bn.reviews[y].count { return true }
        for (x, y) in s47s where changed(a.s47Start[x], b.s47Start[y]) || changed(a.s47ICPCDate[x], b.s47ICPCDate[y]) { return true }
        for (x, y) in cinPlans where changed(a.cinPlanStart[x], b.cinPlanStart[y]) || changed(a.cinPlanEnd[x], b.cinPlanEnd[y]) { return true }
        return false
    }

    private static func copyEpisode(_ e: Int, from t: CINTables, nested n: Nested, child: Int32, into m: inout CINTables) {
        let episode = Int32(m.episodeCount)
        m.episodeChild.append(child)
        m.referralDate.append(t.referralDate[e])
        m.referralSource.append(t.referralSource[e])
        m.primaryNeed.append(t.primaryNeed[e])
        m.closureDate.append(t.closureDate[e])
        m.closureReason.append(t.closureReason[e])
        m.referralNFA.append(t.referralNFA[e])
        m.episodeICPCDate.append(t.episodeICPCDate[e])
        for a in n.assessments[e] {
            m.assessmentEpisode.append(episode)
            m.assessmentStart.append(t.assessmentStart[a])
            m.assessmentInternalReview.append(t.assessmentInternalReview[a])
            m.assessmentAuthorised.append(t.assessmentAuthorised[a])
            m.assessmentFactors.append(t.assessmentFactors[a])
        }
        for c in n.cinPlans[e] {
            m.cinPlanEpisode.append(episode)
            m.cinPlanStart.append(t.cinPlanStart[c])
            m.cinPlanEnd.append(t.cinPlanEnd[c])
        }
        for s in n.s47s[e] {
            m.s47Episode.append(episode)
            m.s47Start.append(t.s47Start[s])
            m.s47ICPCTarget.append(t.s47ICPCTarget[s])
            m.s47ICPCDate.append(t.s47ICPCDate[s])
            m.s47ICPCNotRequired.append(t.s47ICPCNotRequired[s])
        }
        for p in n.plans[e] {
            let plan = Int32(m.planCount)
            m.planEpisode.append(episode)
            m.planStart.append(t.planStart[p])
            m.planEnd.append(t.planEnd[p])
            m.planInitialCategory.append(t.planInitialCategory[p])
            m.planLatestCategory.append(t.planLatestCategory[p])
            m.planPreviousCPP.append(t.planPreviousCPP[p])
            for r in n.reviews[p] {
                m.reviewPlan.append(plan)
                m.reviewDate.append(t.reviewDate[r])
            }
        }
    }
}
