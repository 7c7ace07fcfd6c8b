import CaseRecords
import Domain

/// Children with a case open at a date (a referral on or before it, not closed by it) and the allocation covering
/// that date, from the census and the bundle's allocations. Each case's record is its latest open referral, so the
/// records behind a figure name the child and the referral, and break down like any referral.
struct OpenCases {
    /// Child id → the allocation row covering the date, if any, and the child's latest open referral.
    static func at(_ date: Int32, _ data: CaseData) -> [(child: String, allocation: Int?, referral: Int)] {
        guard let t = data.cin, let b = data.bundle else { return [] }
        var open: [String: Int] = [:]
        for e in 0..<t.episodeCount where t.referralDate[e] <= date && (t.closureDate[e] == noDate || t.closureDate[e] > date) {
            let child = t.childID[t.childOfEpisode(e)]
            if let seen = open[child], (t.referralDate[seen], seen) > (t.referralDate[e], e) { continue }
            open[child] = e
        }
        var covering: [String: Int] = [:]
        for i in b.allocationChild.indices where open[b.allocationChild[i]] != nil && !b.allocationWorker[i].isEmpty
            && b.allocationFrom[i] <= date && (b.allocationTo[i] == noDate || b.allocationTo[i] >= date) {
            if let j = covering[b.allocationChild[i]], b.allocationFrom[j] >= b.allocationFrom[i] { continue }
            covering[b.allocationChild[i]] = i
        }
        return open.keys.sorted().map { ($0, covering[$0], open[$0]!) }
    }

    static func supported(_ data: CaseData) -> Bool { data.cin != nil && !(data.bundle?.allocationChild.isEmpty ?? true) }
}

/// §3.16 `unallocated_cases`: children with an open case at the date and no named worker allocated (allocation to a
/// team or a duty system has no worker id, so counts as unallocated). The value is the count.
public struct UnallocatedCases: AmountIndicator {
    public let id = IndicatorID.unallocatedCases
    public let scale = 1.0
    public init() {}
    public func isSupported(by data: CaseData) -> Bool { OpenCases.supported(data) }
    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        let cases = OpenCases.at(period.end.column, data)
        return (Double(cases.filter { $0.allocation == nil }.count), 1)
    }

    /// The unallocated cases; the count has no denominator records (it is divided by one).
    public func records(in period: ReportingPeriod, data: CaseData) -> Tally? {
        var tally = Tally()
        tally.numerator = OpenCases.at(period.end.column, data).filter { $0.allocation == nil }.map { RecordRef(.referral, $0.referral) }
        return tally
    }
}

/// §3.16 `cases_allocated_to_qualified_sw`: open cases at the date whose allocated worker is a registered social
/// worker, of all open cases.
public struct CasesAllocatedToQualifiedSW: AmountIndicator {
    public let id = IndicatorID.casesAllocatedToQualifiedSW
    public let scale = 100.0
    public init() {}
    public func isSupported(by data: CaseData) -> Bool { OpenCases.supported(data) }
    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        guard let b = data.bundle else { return nil }
        let cases = OpenCases.at(period.end.column, data)
        let qualified = cases.filter { $0.allocation.map { b.allocationQualified[$0] } ?? false }.count
        return (Double(qualified), Double(cases.count))
    }

    public func records(in period: ReportingPeriod, data: CaseData) -> Tally? {
        guard let b = data.bundle else { return nil }
        var tally = Tally()
        for c in OpenCases.at(period.end.column, data) {
            tally.denominator.append(RecordRef(.referral, c.referral))
            if c.allocation.map({ b.allocationQualified[$0] }) ?? false { tally.numerator.append(RecordRef(.referral, c.referral)) }
        }
        return tally
    }
}
