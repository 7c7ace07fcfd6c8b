import CaseRecords
import Domain

/// Children with a case open at a date (a referral on or before it, not closed by it) and the allocation covering
/// that date, from the census and the bundle's allocations.
struct OpenCases {
    /// Child id → the allocation row covering the date, if any.
    static func at(_ date: Int32, _ data: CaseData) -> [(child: String, allocation: Int?)] {
        guard let t = data.cin, let b = data.bundle else { return [] }
        var open = Set<String>()
        for e in 0..<t.episodeCount where t.referralDate[e] <= date && (t.closureDate[e] == noDate || t.closureDate[e] > date) {
            open.insert(t.childID[t.childOfEpisode(e)])
        }
        var covering: [String: Int] = [:]
        for i in b.allocationChild.indices where open.contains(b.allocationChild[i]) && !b.allocationWorker[i].isEmpty
            && b.allocationFrom[i] <= date && (b.allocationTo[i] == noDate || b.allocationTo[i] >= date) {
            if let j = covering[b.allocationChild[i]], b.allocationFrom[j] >= b.allocationFrom[i] { continue }
            covering[b.allocationChild[i]] = i
        }
        return open.sorted().map { ($0, covering[$0]) }
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
}
