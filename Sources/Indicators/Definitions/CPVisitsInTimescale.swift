import CaseRecords
import Domain

/// §3.10 `cp_visits_in_timescale`, on both of the spec's definitions. Plans from the census; visits from the bundle,
/// matched by child id; only visits with the child seen count. The unit is the child.
///
/// Snapshot at D: children on a child protection plan open at D that began more than ten working days before it, and
/// of those, the children seen within the last ten working days.
///
/// In month: children on a plan at any time in the month; of those, the children for whom every interval between
/// consecutive visits in the month, including the one running from the last visit before the month, was at most ten
/// working days. The interval from the month's last visit to its end is not one of them (the spec's words: it is
/// judged in the next month). A child with no visit in the month has one interval still running at its end, from the
/// last visit before the month (or the plan's start, if later or there was none), and it is judged at the month's
/// end; a child with no intervals at all would otherwise count as visited in time.
public struct CPVisitsInTimescale: PeriodIndicator {
    public let id = IndicatorID.cpVisitsInTimescale
    public static let intervalWorkingDays = 10

    public init() {}

    public func isSupported(by data: CaseData) -> Bool { data.cin != nil && !(data.bundle?.visitChild.isEmpty ?? true) }

    public func tally(in period: ReportingPeriod, data: CaseData) -> Tally { tallies(in: [period], data: data)[0] }

    public func tallies(in periods: [ReportingPeriod], data: CaseData) -> [Tally] {
        guard let t = data.cin, let b = data.bundle else { return periods.map { _ in Tally() } }
        var seen: [String: [Int32]] = [:]
        for i in b.visitChild.indices where b.visitSeen[i] { seen[b.visitChild[i], default: []].append(b.visitDate[i]) }
        for k in seen.keys { seen[k]!.sort() }
        return periods.map { period in
            period.basis == .snapshot ? snapshot(at: period.end.column, t, seen, data) : inPeriod(period.start.column, period.end.column, t, seen, data)
        }
    }

    func snapshot(at date: Int32, _ t: CINTables, _ seen: [String: [Int32]], _ data: CaseData) -> Tally {
        var tally = Tally()
        var counted = Set<Int>()
        for p in 0..<t.planCount where t.planStart[p] <= date && (t.planEnd[p] == noDate || t.planEnd[p] > date) {
            let child = t.childOfPlan(p)
            guard !counted.contains(child),
                  data.calendar.workingDays(fromDay: Int(t.planStart[p]), toDay: Int(date)) > Self.intervalWorkingDays else { continue }
            counted.insert(child)
            tally.denominator.append(RecordRef(.plan, p))
            let last = seen[t.childID[child]]?.last { $0 <= date }
            if let last, data.calendar.workingDays(fromDay: Int(last), toDay: Int(date)) <= Self.intervalWorkingDays {
                tally.numerator.append(RecordRef(.plan, p))
            }
        }
        return tally
    }

    func inPeriod(_ first: Int32, _ last: Int32, _ t: CINTables, _ seen: [String: [Int32]], _ data: CaseData) -> Tally {
        var tally = Tally()
        // Each child once, by the earliest-starting of its plans open in the month.
        var planOf: [Int: Int] = [:]
        for p in 0..<t.planCount where t.planStart[p] <= last && (t.planEnd[p] == noDate || t.planEnd[p] > first) {
            let child = t.childOfPlan(p)
            if let q = planOf[child], t.planStart[q] <= t.planStart[p] { continue }
            planOf[child] = p
        }
        for (child, p) in planOf.sorted(by: { $0.value < $1.value }) {
            let ref = RecordRef(.plan, p)
            tally.denominator.append(ref)
            let visits = seen[t.childID[child]] ?? []
            let within = visits.filter { $0 >= first && $0 <= last }
            let before = visits.last { $0 < first }
            var inTime: Bool
            if within.isEmpty {
                let from = max(before ?? t.planStart[p], t.planStart[p])
                inTime = data.calendar.workingDays(fromDay: Int(from), toDay: Int(last)) <= Self.intervalWorkingDays
            } else {
                let sequence = (before.map { [$0] } ?? []) + within
                inTime = zip(sequence, sequence.dropFirst()).allSatisfy {
                    data.calendar.workingDays(fromDay: Int($0.0), toDay: Int($0.1)) <= Self.intervalWorkingDays
                }
            }
            if inTime { tally.numerator.append(ref) }
        }
        return tally
    }
}
