import CaseRecords
import Domain

/// §3.6 `cpp_repeat_ever_children`: DfE's count for benchmarking. Children who became the subject of a plan in the
/// period, counted once however many plans they started in it; a repeat when any of those starts was one (an earlier
/// plan in the data, or `NumberOfPreviousCPP` > 0). Each child's record is its first plan start in the period, so the
/// list behind the figure says which plan brought the child in.
public struct CPPRepeatEverChildren: PeriodIndicator {
    public let id = IndicatorID.cppRepeatEverChildren

    public init() {}

    public func tally(in period: ReportingPeriod, data: CaseData) -> Tally { tallies(in: [period], data: data)[0] }

    /// The plan starts are found once for every period asked for: finding them is the cost, choosing a period's is not.
    public func tallies(in periods: [ReportingPeriod], data: CaseData) -> [Tally] {
        guard let t = data.cin else { return periods.map { _ in Tally() } }
        let starts = CPPRepeatEver().events(in: data)
        return periods.map { period in
            var tally = Tally()
            var children: [Int: (record: RecordRef, repeatPlan: Bool)] = [:]
            let (first, last) = (period.start.column, period.end.column)
            for i in 0..<starts.count where starts.day[i] >= first && starts.day[i] <= last {
                let child = t.childOfPlan(Int(starts.record[i].index))
                let seen = children[child]
                let earlier = seen.map { t.planStart[Int($0.record.index)] <= starts.day[i] } ?? false
                children[child] = (earlier ? seen!.record : starts.record[i], (seen?.repeatPlan ?? false) || starts.met[i])
            }
            for (_, entry) in children {
                tally.denominator.append(entry.record)
                if entry.repeatPlan { tally.numerator.append(entry.record) }
            }
            return tally
        }
    }
}
