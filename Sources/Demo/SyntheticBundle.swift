import CaseRecords
import Domain

/// The synthetic council's own records, consistent with its census: the CSV bundle (docs/csv-bundle.md) with
/// initial and core assessments, referrals, visits to children on plans, allocations, monthly workforce figures,
/// case-file audits and feedback to referrers, all improving with the council's trend.
extension SyntheticCouncil {
    /// Each table's file name and bytes.
    public func bundleFiles() -> [(name: String, bytes: [UInt8])] {
        let t = history()
        var rng = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 17 &+ (UInt64(laCode) ?? 0))
        let lastDay = to.lastDay.column
        func iso(_ d: Int32) -> String { CalendarDate(column: d)!.iso }
        func after(_ day: Int32, _ n: Int) -> Int32 { calendar.deadline(from: CalendarDate(column: day)!, workingDays: n).column }

        var ia = "child_id,referral_id,referral_date,start_date,completion_date,outcome\n"
        var core = "child_id,start_date,completion_date\n"
        var referrals = "child_id,referral_id,referral_date,source\n"
        var feedback = "referral_id,decision_date,referrer_informed_date,referrer_type\n"
        var allocations = "child_id,worker_id,from_date,to_date,worker_qualified\n"
        var hasAssessment = [Bool](repeating: false, count: t.episodeCount)
        for a in 0..<t.assessmentCount { hasAssessment[Int(t.assessmentEpisode[a])] = true }
        var goesFurther = [Bool](repeating: false, count: t.episodeCount)
        for s in t.s47Episode { goesFurther[Int(s)] = true }
        for c in t.cinPlanEpisode { goesFurther[Int(c)] = true }

        for e in 0..<t.episodeCount {
            let child = t.childID[t.childOfEpisode(e)]
            let referral = t.referralDate[e]
            let id = "\(laCode)-R\(e + 1)"
            referrals += "\(child),\(id),\(iso(referral)),\(t.referralSource[e])\n"
            var decision = referral + Int32(rng.int(0...2))
            if hasAssessment[e] {
                let start = referral + Int32(rng.int(0...2))
                let inTime = rng.chance(onTime(referral, poor: 0.55, good: 0.88))
                let completed = after(referral, inTime ? rng.int(3...10) : rng.int(11...25))
                let outcome = goesFurther[e] ? "CORE" : (rng.chance(0.55) ? "NFA" : "SERVICES")
                ia += "\(child),\(id),\(iso(referral)),\(iso(start)),\(completed <= lastDay ? iso(completed) : ""),\(completed <= lastDay ? outcome : "")\n"
                if completed <= lastDay {
                    decision = completed
                    if outcome == "CORE" {
                        let coreOnTime = rng.chance(onTime(completed, poor: 0.5, good: 0.85))
                        let coreDone = after(completed, coreOnTime ? rng.int(15...35) : rng.int(36...60))
                        core += "\(child),\(iso(completed)),\(coreDone <= lastDay ? iso(coreDone) : "")\n"
                    }
                }
            }
            if decision <= lastDay {
                let type = rng.chance(0.85) ? "agency" : (rng.chance(0.5) ? "anonymous" : "self")
                let told = rng.chance(onTime(decision, poor: 0.6, good: 0.95))
                feedback += "\(id),\(iso(decision)),\(told ? iso(decision + Int32(rng.int(0...5))) : ""),\(type)\n"
            }
            // Allocation: most cases to a named worker at once; some wait with the duty team first.
            let end = t.closureDate[e]
            var from = referral
            if rng.chance(onTime(referral, poor: 0.25, good: 0.03)) {
                let wait = referral + Int32(rng.int(5...30))
                allocations += "\(child),,\(iso(referral)),\(iso(min(wait, end == noDate ? wait : end))),\n"
                from = wait + 1
            }
            if end == noDate || from <= end {
                allocations += "\(child),\(laCode)-W\(rng.int(1...60)),\(iso(from)),\(end == noDate ? "" : iso(end)),\(rng.chance(0.92) ? "Y" : "N")\n"
            }
        }

        var visits = "child_id,visit_date,seen,seen_alone\n"
        for p in 0..<t.planCount {
            let child = t.childID[t.childOfPlan(p)]
            let stop = t.planEnd[p] == noDate ? lastDay : min(t.planEnd[p], lastDay)
            var day = after(t.planStart[p], rng.int(2...8))
            while day <= stop {
                visits += "\(child),\(iso(day)),\(rng.chance(0.95) ? "Y" : "N"),\(rng.chance(0.6) ? "Y" : "N")\n"
                let regular = rng.chance(onTime(day, poor: 0.7, good: 0.95))
                day = after(day, regular ? rng.int(5...10) : rng.int(11...20))
            }
        }

        var workforce = "month,in_post_fte,vacancies_fte,agency_fte,leavers_fte,working_days_lost,cases,case_holding_fte\n"
        let establishment = max(10.0, 240.0 * Double(childrenPerYear) / 3_500)
        var month = from
        while month <= to {
            let end = month.lastDay.column
            let p = onTime(end, poor: 0, good: 1)  // 0 at the start of an improving span, 1 at its end
            let vacancy = establishment * (0.26 - 0.16 * p) * (0.9 + 0.2 * rng.unit())
            let inPost = establishment - vacancy
            let agency = vacancy * (0.8 + 0.2 * rng.unit())
            let leavers = inPost * (0.022 - 0.01 * p) * (0.7 + 0.6 * rng.unit())
            let lost = inPost * (1.0 - 0.35 * p) * (0.8 + 0.4 * rng.unit())
            var open = 0
            for e in 0..<t.episodeCount where t.referralDate[e] <= end && (t.closureDate[e] == noDate || t.closureDate[e] > end) { open += 1 }
            workforce += "\(month.iso),\(f1(inPost)),\(f1(vacancy)),\(f1(agency)),\(f1(leavers)),\(f1(lost)),\(open),\(f1(inPost * 0.85))\n"
            month = month.adding(months: 1)
        }

        var audits = "case_id,audit_date,auditor,grade,scale_version,management_oversight_grade,child_voice_recorded,moderated_grade,moderation_date\n"
        let sifStarts = CalendarDate(year: 2013, month: 11, day: 1)!.column
        month = from
        while month <= to {
            let perMonth = max(2, childrenPerYear / 200)
            for _ in 0..<perMonth {
                let day = month.firstDay.column + Int32(rng.int(0...27))
                guard day <= lastDay, t.childCount > 0 else { continue }
                let child = t.childID[rng.int(0...(t.childCount - 1))]
                let p = onTime(day, poor: 0.45, good: 0.85)  // share adequate or better
                let newScale = day >= sifStarts
                func grade() -> String {
                    if !rng.chance(p) { return "inadequate" }
                    if rng.chance(0.05) { return "outstanding" }
                    if rng.chance(0.35) { return "good" }
                    return newScale ? "requires improvement" : "adequate"
                }
                let g = grade(), oversight = grade()
                var moderated = "", moderation = ""
                if rng.chance(0.1) {
                    moderated = grade()
                    moderation = iso(min(lastDay, day + Int32(rng.int(3...20))))
                }
                audits += "\(child),\(iso(day)),\(laCode)-A\(rng.int(1...8)),\(g),\(newScale ? 2013 : 2010),\(oversight),\(rng.chance(p) ? "Y" : "N"),\(moderated),\(moderation)\n"
            }
            month = month.adding(months: 1)
        }

        return [
            ("initial_assessments.csv", ia), ("core_assessments.csv", core), ("referrals.csv", referrals), ("visits.csv", visits),
            ("allocations.csv", allocations), ("workforce_monthly.csv", workforce), ("case_audits.csv", audits),
            ("referrer_feedback.csv", feedback),
        ].map { ($0.0, Array($0.1.utf8)) }
    }

    /// The trend's rate at a day, for the bundle (the same shape as the census's).
    func onTime(_ day: Int32, poor: Double, good: Double) -> Double {
        let first = Double(from.firstDay.column), last = Double(to.lastDay.column)
        let progress = max(0, min(1, (Double(day) - first) / max(1, last - first)))
        switch trend {
        case .improving: return poor + (good - poor) * progress
        case .steady: return (poor + good) / 2
        }
    }
}

private func f1(_ x: Double) -> String {
    let r = (x * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) + ".0" : String(r)
}
