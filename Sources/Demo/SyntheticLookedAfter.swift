import CaseRecords
import Domain

/// The synthetic council's looked-after children and workforce, consistent with its census: some children on child
/// protection plans come into care some weeks after the plan starts. Written as the SSDA903 tables (header, episodes,
/// reviews), the bundle's health assessments, care leavers and pathway plan reviews, and a CSWW workforce census for
/// each 30 September in the span, all improving with the council's trend.
extension SyntheticCouncil {
    public func lookedAfterFiles() -> [(name: String, bytes: [UInt8])] {
        let t = history()
        var rng = SeededGenerator(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 29 &+ (UInt64(laCode) ?? 0))
        let lastDay = to.lastDay.column
        func day(_ d: Int32) -> String {
            let c = CalendarDate(column: d)!
            return String(format: "%02d/%02d/%04d", c.day, c.month, c.year)
        }
        func iso(_ d: Int32) -> String { CalendarDate(column: d)!.iso }
        func after(_ d: Int32, _ n: Int) -> Int32 { calendar.deadline(from: CalendarDate(column: d)!, workingDays: n).column }
        func months(_ d: Int32, _ n: Int) -> Int32 {
            let c = CalendarDate(column: d)!
            let m = YearMonth(year: c.year, month: c.month)!.adding(months: n)
            return (CalendarDate(year: m.year, month: m.month, day: min(c.day, m.lastDay.day)) ?? m.lastDay).column
        }

        var header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
        var episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
        var reviews = "CHILD,DOB,REVIEW,REVIEW_CODE\n"
        var health = "child_id,assessment_date,kind\n"
        var leavers = "child_id,care_leaver_from,care_leaver_to\n"
        var pathway = "child_id,pathway_plan_review_date\n"
        // The tables of 2023-24 on (social workers, care leavers' OC3) and 2026-27 (Deprivation of Liberty orders),
        // drawn from their own generator so every record above stays as it was.
        var later = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 31 &+ (UInt64(laCode) ?? 0))
        var workers = "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n"
        var liberty = "CHILD,DOB,DOLO_START,DOLO_END\n"
        var oc3 = "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n"
        var workerNumber = 0
        var inCare = Set<Int>()
        for p in 0..<t.planCount {
            let child = t.childOfPlan(p)
            guard !inCare.contains(child), rng.chance(0.25) else { continue }
            let start = t.planStart[p] + Int32(rng.int(20...120))
            let birth = t.birthDate[child]
            guard start <= lastDay, birth != noDate, birth < start else { continue }
            inCare.insert(child)
            let id = t.childID[child]
            let sex = t.gender[child] == "F" ? "F" : "M"
            header += "\(id),\(sex),\(day(birth)),\(t.ethnicity[child]),\(t.upn[child]),,\n"
            // A period of care: a placement, perhaps moves, perhaps an end (at eighteen at the latest).
            let eighteen = months(birth, 18 * 12)
            var end: Int32 = rng.chance(0.4) ? start + Int32(rng.int(120...900)) : noDate
            if eighteen <= lastDay, end == noDate || end > eighteen { end = eighteen }
            if end != noDate, end > lastDay { end = noDate }
            var episodeStart = start
            var reason = "S"
            let status = rng.pick(["C2", "C2", "V2", "C1", "E1"])
            let stable = rng.chance(onTime(start, poor: 0.55, good: 0.8))
            while true {
                var next = episodeStart + Int32(rng.int(stable ? 300...900 : 60...300))
                if end != noDate, next >= end { next = end }
                let closes = next > lastDay || (end == noDate && next > lastDay)
                let dec: Int32 = closes ? noDate : next
                let place = rng.pick(["U1", "U3", "U4", "U5", "U6", "K2", "R1"])
                let rec = dec == noDate ? "" : (dec == end ? (dec == eighteen ? "E8" : "E4A") : "X1")
                episodes += "\(id),\(day(episodeStart)),\(reason),\(status),N1,\(place),PR1,\(dec == noDate ? "" : day(dec)),\(rec),\(rec == "X1" ? "CARPL" : ""),,,\n"
                // Some children in a home registered for it are there under a Deprivation of Liberty order.
                if place == "K2", later.chance(0.4) {
                    liberty += "\(id),\(day(birth)),\(day(episodeStart)),\(dec == noDate ? "" : day(dec))\n"
                }
                if dec == noDate || dec == end { break }
                episodeStart = dec
                reason = "P"
            }
            // Social workers: one allocated when the child comes into care, changing now and then (more often while
            // practice is poor); the last stays allocated.
            var allocated = start
            while true {
                workerNumber += 1
                let next = allocated + Int32(later.int(later.chance(onTime(allocated, poor: 0.4, good: 0.8)) ? 240...700 : 60...200))
                let changes = next <= (end == noDate ? lastDay : min(end, lastDay))
                let reason = later.pick(["MANAGE", "LEFTRL", "ORGRST", "CHCHAN", "ABSENC", "OTHERS"])
                workers += "\(id),\(day(birth)),SW\(workerNumber % 97),\(day(allocated)),\(changes ? day(next) : ""),\(changes ? reason : "")\n"
                if !changes { break }
                allocated = next
            }
            // Reviews: the first within 20 working days, then three months, then six; late more often early on.
            let leaving = end == noDate ? lastDay : end
            var due = after(start, 20)
            var number = 0
            while due <= leaving {
                let held = rng.chance(onTime(due, poor: 0.7, good: 0.96)) ? due - Int32(rng.int(0...10)) : due + Int32(rng.int(3...40))
                guard held <= leaving else { break }
                reviews += "\(id),\(day(birth)),\(day(held)),PN\(rng.int(0...7))\n"
                due = months(held, number == 0 ? 3 : 6)
                number += 1
            }
            // Health: the initial assessment within 20 working days (or late), then by age.
            var assessment = rng.chance(onTime(start, poor: 0.5, good: 0.9)) ? after(start, rng.int(5...20)) : after(start, rng.int(21...45))
            var kind = "initial"
            while assessment <= leaving {
                health += "\(id),\(iso(assessment)),\(kind)\n"
                let interval = assessment < months(birth, 60) ? 6 : 12
                let onTimeNext = rng.chance(onTime(assessment, poor: 0.65, good: 0.95))
                assessment = months(assessment, interval) + Int32(onTimeNext ? -rng.int(0...20) : rng.int(5...60))
                kind = "review"
            }
            // Leaving care at eighteen: a care leaver, with a pathway plan reviewed about every six months.
            if end != noDate, end == eighteen {
                let duties = months(eighteen, 36)
                leavers += "\(id),\(iso(eighteen)),\(duties <= lastDay ? iso(duties) : "")\n"
                // OC3: how the young person is doing around each birthday from the 18th to the 21st.
                for age in 18...21 where months(birth, 12 * age) <= lastDay {
                    let inTouch = later.chance(0.9)
                    let activity = inTouch ? later.pick(["F1", "P1", "F2", "P2", "F3", "P3", "G4", "G5", "G6"]) : "0"
                    let accommodation = inTouch ? later.pick(["B1", "C1", "D1", "E1", "G1", "T1", "U1", "S2", "R2"]) : "0"
                    oc3 += "\(id),\(day(birth)),\(inTouch ? "YES" : "NO"),\(activity),\(accommodation)\n"
                }
                var review = eighteen + Int32(rng.int(0...30))
                while review <= min(lastDay, duties) {
                    pathway += "\(id),\(iso(review))\n"
                    review = months(review, 6) + Int32(rng.chance(onTime(review, poor: 0.6, good: 0.92)) ? -rng.int(0...20) : rng.int(10...90))
                }
            }
        }
        var files: [(String, String)] = [
            ("ssda903-header.csv", header), ("ssda903-episodes.csv", episodes), ("ssda903-reviews.csv", reviews),
            ("health_assessments.csv", health), ("care_leavers.csv", leavers), ("pathway_plan_reviews.csv", pathway),
            ("ssda903-sw_episodes.csv", workers), ("ssda903-oc3.csv", oc3), ("ssda903-dol_orders.csv", liberty),
        ]
        for year in from.year...to.year {
            let reference = CalendarDate(year: year, month: 9, day: 30)!
            guard reference.column >= from.firstDay.column, reference.column <= lastDay else { continue }
            files.append(("csww-\(year).xml", workforceCensus(at: reference, rng: &rng)))
        }
        return files.map { ($0.0, Array($0.1.utf8)) }
    }

    /// A CSWW census at a reference date: permanent and agency workers, leavers in the year, vacancies. Valid against
    /// DfE's schema (`social_work_workforce_2022.xsd`, checked by a test): elements in the schema's order, the
    /// council-level agency totals, a qualifying institution for each worker, SWENo as two letters and ten digits.
    private func workforceCensus(at reference: CalendarDate, rng: inout SeededGenerator) -> String {
        let p = onTime(reference.column, poor: 0, good: 1)
        let permanent = Int(Double(childrenPerYear) / 60 * (0.75 + 0.2 * p)) + 5
        let agency = Int(Double(permanent) * (0.35 - 0.25 * p)) + 1
        let vacancies = Double(agency) + Double(rng.int(0...4))
        let yearStart = reference.column - 364
        var workers = "", agencyFTE = ExactDecimal.zero
        for n in 0..<(permanent + agency) {
            let isAgency = n >= permanent
            let leaves = !isAgency && rng.chance(0.25 - 0.12 * p)
            let fte = rng.chance(0.8) ? 1.0 : 0.8
            let caseload = Int(Double(rng.int(12...26)) * (1.2 - 0.3 * p))
            let number = laCode + String(format: "%02d%05d", reference.year % 100, n)
            workers += "  <CSWWWorker><AgencyWorker>\(isAgency ? 1 : 0)</AgencyWorker><SWENo>SW\(number)</SWENo><FTE>\(fte)</FTE>"
            workers += "<QualInst>Synthetic University</QualInst>"
            if leaves {
                let ended = CalendarDate(column: yearStart + Int32(rng.int(0...360)))!
                workers += "<RoleEndDate>\(ended.iso)</RoleEndDate><ReasonLeave>\(rng.int(1...9))</ReasonLeave>"
            } else {
                workers += "<FTE30>\(fte)</FTE30><Cases30>\(caseload)</Cases30>"
                if isAgency { agencyFTE += ExactDecimal(fte)! }
            }
            workers += "<WorkingDaysLost>\(isAgency ? 0 : rng.int(0...20))</WorkingDaysLost></CSWWWorker>\n"
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Message>
          <Header>
            <CollectionDetails><Collection>CSWW</Collection><Year>\(reference.year)</Year><ReferenceDate>\(reference.iso)</ReferenceDate></CollectionDetails>
            <Source><SourceLevel>L</SourceLevel><LEA>\(laCode)</LEA><SoftwareCode>improve generate</SoftwareCode></Source>
          </Header>
          <LALevelVacancies><NumberOfVacancies>\(vacancies)</NumberOfVacancies><NoAgencyFTE>\(agencyFTE)</NoAgencyFTE><NoAgencyHeadcount>\(agency)</NoAgencyHeadcount></LALevelVacancies>

        """ + workers + "</Message>\n"
    }
}
