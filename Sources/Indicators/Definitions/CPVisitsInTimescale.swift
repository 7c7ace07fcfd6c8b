import CaseRecords
import Domain

/// §3.10 `cp_visits_in_timescale`, snapshot at D: children on a child protection plan open at D that began more than
/// ten working days before it, and of those, the children seen (a visit with the child seen) within the last ten
/// working days. Plans from the census; visits from the bundle, matched by child id.
public struct CPVisitsInTimescale: SnapshotIndicator {
    public let id = IndicatorID.cpVisitsInTimescale
    public static let intervalWorkingDays = 10

    public init() {}

    public func isSupported(by data: CaseData) -> Bool { data.cin != nil && !(data.bundle?.visitChild.isEmpty ?? true) }

    public func tally(at date: Int32, in data: CaseData) -> Tally { tallies(at: [date], in: data)[0] }

    public func tallies(at dates: [Int32], in data: CaseData) -> [Tally] {
        guard let t = data.cin, let b = data.bundle else { return dates.map { _ in Tally() } }
        var seen: [String: [Int32]] = [:]
        for i in b.visitChild.indices where b.visitSeen[i] { seen[b.visitChild[i], default: []].append(b.visitDate[i]) }
        for k in seen.keys { seen[k]!.sort() }
        return dates.map { date in
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
    }
}
