import CaseRecords
import Domain

/// Children with a case open at a date (a referral on or before it, not closed by it) and the allocation covering
/// that date, from the census and the bundle's allocations. Each case's record is its latest open referral, so the
/// records behind a figure name the child and the referral, and break down like any referral.
struct OpenCases {
    /// Child id → the allocation row covering the date, if any, and the child's latest open referral.
    static func at(_ date: Int32, _ data: CaseData) -> [(child: String, allocation: Int?, referral: Int)] {
        guard let t = data.cin, let b = data.bundle else { return [] }
        // By child id: two children of one id in different councils' files are one case, as they always were here.
        var open: [String: Int] = [:]
        for (child, e) in Cohorts.openReferrals(at: date, t) {
            let id = t.childID[child]
            if let seen = open[id], (t.referralDate[seen], seen) > (t.referralDate[e], e) { continue }
            open[id] = e
        }
        let allocations = Allocations(b)
        return open.keys.sorted().map { ($0, allocations.covering($0, on: date), open[$0]!) }
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

/// The bundle's allocations by child: which allocation covers a child's case on a day (the latest to begin among
/// those naming a worker; of two beginning the same day, the one that lasts longer, since a one-day allocation
/// replaced that day is not the worker the case is left with; the first listed when they end alike too). Open cases and the records behind a figure both ask here.
struct Allocations {
    let bundle: BundleTables?
    let byChild: [String: [Int]]

    init(_ bundle: BundleTables?) {
        self.bundle = bundle
        var byChild: [String: [Int]] = [:]
        if let b = bundle { for i in b.allocationChild.indices where !b.allocationWorker[i].isEmpty { byChild[b.allocationChild[i], default: []].append(i) } }
        self.byChild = byChild
    }

    /// The allocation row covering the child's case on the day, if any.
    func covering(_ child: String, on day: Int32) -> Int? {
        guard let b = bundle, let rows = byChild[child] else { return nil }
        var best: Int?
        for i in rows where b.allocationFrom[i] <= day && (b.allocationTo[i] == noDate || b.allocationTo[i] >= day) {
            func end(_ k: Int) -> Int32 { b.allocationTo[k] == noDate ? .max : b.allocationTo[k] }
            if let j = best, (b.allocationFrom[j], end(j)) >= (b.allocationFrom[i], end(i)) { continue }
            best = i
        }
        return best
    }

    /// The worker allocated to the child on the day.
    func worker(of child: String, on day: Int32) -> String? {
        covering(child, on: day).map { bundle!.allocationWorker[$0] }
    }
}
