import CaseRecords
import Domain

extension SyntheticCouncil {
    /// Pre-proceedings for some children on child protection plans, as the census records them from 2026-27: a
    /// start some weeks into the plan, the letter before proceedings (offering a family group decision-making meeting
    /// more often as practice improves), a first meeting, reviews, and a decision to step up to court or down.
    /// Drawn from their own generator, after everything else, so every other record stays as it was.
    func addPreProceedings(into t: inout CINTables, lastDay: Int32) {
        var rng = SeededGenerator(seed: seed &* 0xD1B5_4A32_D192_ED03 &+ 7 &+ (UInt64(laCode) ?? 0))
        func workingDays(_ d: Int32, _ n: Int) -> Int32 { calendar.deadline(from: CalendarDate(column: d)!, workingDays: n).column }
        for p in 0..<t.planCount where rng.chance(0.15) {
            let start = t.planStart[p] + Int32(rng.int(30...200))
            guard start <= lastDay else { continue }
            t.ppEpisode.append(t.planEpisode[p])
            t.ppStart.append(start)
            let letter = workingDays(start, rng.int(0...15))
            let offered: Int8 = rng.chance(onTimeRate(letter, poor: 0.5, good: 0.95)) ? 1 : 0
            t.ppLetterSent.append(letter)
            t.ppFGDMOffered.append(offered)
            t.ppFGDMFacilitated.append(offered == 1 && rng.chance(0.6) ? 1 : 0)
            let meeting = workingDays(letter, rng.int(3...15))
            t.ppFirstMeeting.append(meeting)
            t.ppReviewMeetings.append(Int32(rng.int(0...3)))
            let decision = meeting + Int32(rng.int(40...120))
            t.ppStepDecision.append(decision)
            let outcome = rng.pick(["A", "A", "B", "C"])
            t.ppOutcome.append(outcome)
            let court = outcome == "B" ? workingDays(decision, rng.int(1...10)) : noDate
            t.ppCourtApplication.append(court)
            t.ppLetterInitiatingCP.append(noDate)
        }
    }
}
