import CaseRecords
import Domain

/// A deterministic synthetic council: children referred over a span of months, with assessments, section 47
/// enquiries, conferences, child protection plans and reviews, at realistic volumes and with the edge cases that
/// decide figures (weekend and bank-holiday referrals, re-referrals, repeat plans, late reviews, assessments left
/// open). Its practice can start poor and improve, for demonstrations and for tracking a notice's targets.
///
/// No real child's data is involved: ids are made up from the council code and a counter.
public struct SyntheticCouncil {
    public enum Trend: String, CaseIterable, Sendable {
        /// Timeliness and review rates start poor and improve month by month: a council under a notice that works.
        case improving
        /// Practice holds steady around national averages.
        case steady
    }

    public var laCode: String
    public var from: YearMonth
    public var to: YearMonth
    /// Children referred for the first time in each year of the span (a mid-sized council refers about 3,500).
    public var childrenPerYear: Int
    public var seed: UInt64
    public var trend: Trend
    public var calendar: WorkingDayCalendar

    public init(laCode: String, from: YearMonth, to: YearMonth, childrenPerYear: Int = 3_500, seed: UInt64 = 1,
                trend: Trend = .improving, calendar: WorkingDayCalendar = .englandAndWales) {
        self.laCode = laCode
        self.from = from
        self.to = to
        self.childrenPerYear = childrenPerYear
        self.seed = seed
        self.trend = trend
        self.calendar = calendar
    }

    /// The council's whole history as column tables.
    public func history() -> CINTables {
        var rng = SeededGenerator(seed: seed &* 0x2545_F491_4F6C_DD1D &+ (UInt64(laCode) ?? 0))
        var t = CINTables()
        let first = from.firstDay.column
        let last = to.lastDay.column
        let span = Int(last - first) + 1
        let children = max(1, childrenPerYear * span / 365)
        var referrals: [(child: Int, day: Int32)] = []
        for c in 0..<children {
            t.childID.append("\(laCode)C\(String(c + 1).leftPadded(to: 7))")  // letters and digits: the 2024-25 form
            t.upn.append("")
            t.gender.append(rng.pick(["M", "F", "M", "F", "U", "U"]))
            t.ethnicity.append(rng.pick(["WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "AIND", "BAFR", "APKN", "OOTH", "NOBT"]))
            t.disabilities.append(rng.chance(0.08) ? rng.pick(["LD", "COMM", "AUT", "BEH", "HEAR"]) : "")
            var day = first + Int32(rng.int(0...(span - 1)))
            // Most referrals come on working days; a few at weekends or on bank holidays (out-of-hours work).
            if rng.chance(0.93) { while !calendar.isWorkingDay(CalendarDate(column: day)!) { day += 1 } }
            t.birthDate.append(day - Int32(rng.int(0...(17 * 365))))
            referrals.append((c, day))
            // About one child in five is referred again, most within the year.
            var next = day
            while rng.chance(0.22) {
                next += Int32(rng.chance(0.8) ? rng.int(20...364) : rng.int(365...900))
                if next > last { break }
                referrals.append((c, next))
            }
        }
        referrals.sort { ($0.day, $0.child) < ($1.day, $1.child) }
        var lastReferral: [Int: Int32] = [:]
        var planStarts: [Int: Int] = [:]
        for (n, (child, day)) in referrals.enumerated() {
            if lastReferral[child] == day { continue }
            lastReferral[child] = day
            // About one referral in a hundred follows a contact closed with no further action the same day: two
            // CINdetails of one child on one date, both real (the second carries the assessment). Planted without
            // drawing on the generator, so every other record stays as it was.
            if n % 97 == 13 { addSameDayContact(child: child, day: day, into: &t) }
            addEpisode(child: child, referral: day, into: &t, rng: &rng, priorPlans: &planStarts, lastDay: last, firstDay: first)
        }
        addPreProceedings(into: &t, lastDay: last)
        return t
    }

    /// How far through the span a day is, 0 to 1, for trends.
    private func progress(_ day: Int32) -> Double {
        let first = Double(from.firstDay.column), last = Double(to.lastDay.column)
        return max(0, min(1, (Double(day) - first) / max(1, last - first)))
    }

    /// The chance of doing something on time at a given day: improving councils go from poor to good.
    func onTimeRate(_ day: Int32, poor: Double, good: Double) -> Double {
        switch trend {
        case .improving: return poor + (good - poor) * progress(day)
        case .steady: return (poor + good) / 2 + 0.1
        }
    }

    private func workingDaysAfter(_ day: Int32, _ n: Int) -> Int32 {
        calendar.deadline(from: CalendarDate(column: day)!, workingDays: n).column
    }

    /// A contact closed with no further action on the day it came.
    private func addSameDayContact(child: Int, day: Int32, into t: inout CINTables) {
        t.episodeChild.append(Int32(child))
        t.referralDate.append(day)
        t.referralSource.append("9")
        t.primaryNeed.append("N9")
        t.referralNFA.append(1)
        t.closureDate.append(day)
        t.closureReason.append("RC8")
        t.episodeICPCDate.append(noDate)
    }

    private func addEpisode(child: Int, referral: Int32, into t: inout CINTables, rng: inout SeededGenerator,
                            priorPlans: inout [Int: Int], lastDay: Int32, firstDay: Int32) {
        let e = Int32(t.episodeCount)
        t.episodeChild.append(Int32(child))
        t.referralDate.append(referral)
        t.referralSource.append(rng.pick(["1A", "1B", "2A", "3A", "3B", "3C", "3D", "4", "5A", "5B", "5C", "6", "7", "8", "9", "10"]))
        t.primaryNeed.append(rng.pick(["N1", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"]))
        var closure: Int32 = noDate
        var reason = ""
        var icpc: Int32 = noDate
        let nfa = rng.chance(0.09)
        t.referralNFA.append(nfa ? 1 : 0)
        defer {
            t.closureDate.append(closure <= lastDay ? closure : noDate)
            t.closureReason.append(closure <= lastDay ? reason : "")
            t.episodeICPCDate.append(icpc)
        }
        if nfa {
            closure = referral + Int32(rng.int(0...5))
            reason = "RC8"
            return
        }
        // The assessment: started within a few days, authorised within 45 working days of referral at the trend's rate.
        let start = referral + Int32(rng.int(0...3))
        let onTime = rng.chance(onTimeRate(referral, poor: 0.62, good: 0.9))
        let working = onTime ? rng.int(8...45) : rng.int(46...90)
        var authorised = workingDaysAfter(referral, working)
        if authorised < start { authorised = start }
        let open = authorised > lastDay
        t.assessmentEpisode.append(e)
        t.assessmentStart.append(start)
        t.assessmentInternalReview.append(noDate)
        t.assessmentAuthorised.append(open ? noDate : authorised)
        t.assessmentFactors.append(rng.pick(["1C", "2A,3B", "4A", "1B,2B", "3A", "6A,21", "22A"]))
        if open { return }

        // A section 47 enquiry for some; a conference for most of those, then often a plan.
        if rng.chance(0.16) {
            let s47Start = referral + Int32(rng.int(0...10))
            let target = workingDaysAfter(s47Start, 15)
            t.s47Episode.append(e)
            t.s47Start.append(s47Start)
            t.s47ICPCTarget.append(target)
            let conference = rng.chance(0.7)
            var icpcDay: Int32 = noDate
            if conference {
                let inTime = rng.chance(onTimeRate(s47Start, poor: 0.6, good: 0.88))
                icpcDay = workingDaysAfter(s47Start, inTime ? rng.int(5...15) : rng.int(16...30))
                if icpcDay > lastDay { icpcDay = noDate }
            }
            t.s47ICPCDate.append(icpcDay)
            t.s47ICPCNotRequired.append(conference ? 0 : 1)
            if icpcDay != noDate {
                icpc = icpcDay
                if rng.chance(0.85) {
                    addPlan(episode: e, start: icpcDay, child: child, into: &t, rng: &rng, priorPlans: &priorPlans, lastDay: lastDay)
                    let planEnd = t.planEnd[t.planCount - 1]
                    if planEnd != noDate { closure = planEnd + Int32(rng.int(0...60)); reason = "RC1" }
                    return
                }
            }
        }
        // Otherwise a child in need plan for some, or closure after assessment.
        if rng.chance(0.35) {
            let planStart = authorised + Int32(rng.int(0...14))
            let planEnd = planStart + Int32(rng.int(60...400))
            t.cinPlanEpisode.append(e)
            t.cinPlanStart.append(planStart)
            t.cinPlanEnd.append(planEnd <= lastDay ? planEnd : noDate)
            closure = planEnd + Int32(rng.int(0...20))
            reason = "RC1"
        } else {
            closure = authorised + Int32(rng.int(0...30))
            reason = rng.pick(["RC1", "RC2", "RC7", "RC8"])
        }
    }

    private func addPlan(episode e: Int32, start: Int32, child: Int, into t: inout CINTables, rng: inout SeededGenerator,
                         priorPlans: inout [Int: Int], lastDay: Int32) {
        let plan = Int32(t.planCount)
        let earlier = priorPlans[child, default: 0]
        priorPlans[child] = earlier + 1
        // Some children had plans before the data begins: the census says so through NumberOfPreviousCPP.
        let previous = earlier > 0 ? earlier : (rng.chance(0.12) ? rng.int(1...2) : 0)
        let months = rng.chance(0.04) ? rng.int(24...30) : rng.int(3...20)
        let end = CalendarDate(column: start)!.adding(months: months).column + Int32(rng.int(0...20))
        t.planEpisode.append(e)
        t.planStart.append(start)
        t.planEnd.append(end <= lastDay ? end : noDate)
        let category = rng.pick(["NEG", "NEG", "EMO", "EMO", "PHY", "SAB", "MUL"])
        t.planInitialCategory.append(category)
        t.planLatestCategory.append(rng.chance(0.9) ? category : rng.pick(["NEG", "EMO"]))
        t.planPreviousCPP.append(Int32(previous))
        // Reviews: the first due three months after the conference, then six-monthly; some are held late.
        let stop = min(end, lastDay)
        var due = CalendarDate(column: start)!.adding(months: 3).column
        while due < stop {
            let late = !rng.chance(onTimeRate(due, poor: 0.8, good: 0.97))
            let held = due - Int32(rng.int(0...10)) + (late ? Int32(rng.int(5...40)) : 0)
            if held >= stop { break }
            t.reviewPlan.append(plan)
            t.reviewDate.append(held)
            due = CalendarDate(column: held)!.adding(months: 6).column
        }
    }

    /// The census files for every collection year the span touches, by year (ending 31 March).
    public func censusFiles(plantFaults: Bool) -> [(year: Int, bytes: [UInt8])] {
        let t = history()
        let firstYear = from.financialYear.startYear + 1
        let lastYear = to.financialYear.startYear + 1
        var writer = CINCensusWriter(laCode: laCode)
        return (firstYear...lastYear).map { year in
            writer.plantedChildXML = plantFaults ? SyntheticCouncil.plantedFaults(laCode: laCode, censusYear: year) : []
            return (year, writer.write(t, censusYear: year))
        }
    }

    /// Faults planted on purpose in every generated file, so `improve check` has something to find: an unknown
    /// referral source, an assessment authorised before it started, and an element the census does not have (a local
    /// field a case-management export let through).
    public static func plantedFaults(laCode: String, censusYear year: Int) -> [String] {
        let y = year - 1  // dates early in the census year, so they widen no month range
        let sex = year >= 2025 ? "<Sex>M</Sex>" : "<GenderCurrent>1</GenderCurrent>"
        return ["""
            <Child>
              <ChildIdentifiers><LAchildID>\(laCode)PLANTED</LAchildID>\(sex)</ChildIdentifiers>
              <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
              <CINdetails>
                <CINreferralDate>\(y)-06-01</CINreferralDate><ReferralSource>9Z</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
                <CINclosureDate>\(y)-07-01</CINclosureDate><ReasonForClosure>RC8</ReasonForClosure>
                <Assessments><AssessmentActualStartDate>\(y)-06-10</AssessmentActualStartDate><AssessmentAuthorisationDate>\(y)-06-05</AssessmentAuthorisationDate></Assessments>
                <ReferralNFA>false</ReferralNFA>
                <TeamName>Duty and assessment</TeamName>
              </CINdetails>
            </Child>
        """]
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
