import CaseRecords
import Domain

/// §3.13 `care_leavers_pathway_plan`: of care leavers open at D (eligible, relevant or former relevant young people,
/// from the bundle's care_leavers.csv), the share whose pathway plan was reviewed in the six months to D
/// (on or after `addMonths(D, −6)`), as the Care Leavers (England) Regulations 2010 require.
public struct CareLeaversPathwayPlan: SnapshotIndicator {
    public let id = IndicatorID.careLeaversPathwayPlan

    public init() {}

    public func isSupported(by data: CaseData) -> Bool { !(data.bundle?.leaverChild.isEmpty ?? true) }

    public func tally(at date: Int32, in data: CaseData) -> Tally { tallies(at: [date], in: data)[0] }

    public func tallies(at dates: [Int32], in data: CaseData) -> [Tally] {
        guard let b = data.bundle else { return dates.map { _ in Tally() } }
        var reviews: [String: [Int32]] = [:]
        for i in b.pathwayChild.indices { reviews[b.pathwayChild[i], default: []].append(b.pathwayReview[i]) }
        return dates.map { date in
            var tally = Tally()
            let since = addMonths(date, -6)
            for i in b.leaverChild.indices where b.leaverFrom[i] <= date && (b.leaverTo[i] == noDate || b.leaverTo[i] > date) {
                let ref = RecordRef(.careLeaver, i)
                tally.denominator.append(ref)
                if reviews[b.leaverChild[i]]?.contains(where: { $0 >= since && $0 <= date }) ?? false { tally.numerator.append(ref) }
            }
            return tally
        }
    }
}
