import CaseRecords
import Domain

/// §3.11 `lac_reviews_on_time` (NI 66): of children with a review falling due in the period, the share all of whose
/// reviews due in it were held on or before the due date.
///
/// Due dates follow the regulations in force when the child became looked after: the first review within 28 days
/// (to 31 March 2011, Review of Children's Cases Regulations 1991) or within 20 working days (from 1 April 2011,
/// Care Planning, Placement and Case Review Regulations 2010, reg 33); the second within three months of the first;
/// then at most six months apart. A due date is met by the first review not yet counted that was held on or before
/// it, and the next runs from that review. A missed review held late (before the next would have fallen due) is
/// still that review: the next runs from the day it was held. Where none was held by then, the next falls due the
/// same interval after the missed date, so a child without reviews keeps counting as late, and a review entered
/// later changes no due date before it. The same review date entered twice counts once. A due date on or after the day the
/// child left care, or after the day figures are judged to (`LACIndex.horizon`), is not judged.
public struct LACReviewsOnTime: PeriodIndicator {
    public let id = IndicatorID.lacReviewsOnTime

    public init() {}

    public func isSupported(by data: CaseData) -> Bool { data.hasLookedAfterEpisodes }

    /// The day the 2010 regulations' 20-working-day first review applies from.
    static let changeOfRegulation = CalendarDate(year: 2011, month: 4, day: 1)!.column

    struct Due { var day: Int32; var met: Bool }

    static func dueDates(for period: LACIndex.PeriodOfCare, reviews: [Int32], horizon: Int32, calendar: WorkingDayCalendar) -> [Due] {
        let limit = period.end == noDate ? horizon : min(period.end - 1, horizon)
        var due: Int32
        if period.start < changeOfRegulation {
            due = period.start + 28
        } else {
            due = calendar.deadline(from: CalendarDate(column: period.start)!, workingDays: 20).column
        }
        // Reviews of this period, a date entered twice counted once (§7 reads child protection reviews so).
        var held: [Int32] = []
        for r in reviews where r >= period.start && (period.end == noDate || r <= period.end) && held.last != r { held.append(r) }
        var next = 0
        var dues: [Due] = []
        var number = 1
        while due <= limit {
            // The second review within three months of the first held, later ones within six; while the first is
            // still outstanding, each missed date is followed three months and then six months on.
            let afterHeld = next == 0 ? 3 : 6
            if next < held.count, held[next] <= due {
                // Held in time: the next review runs from the day it was held.
                dues.append(Due(day: due, met: true))
                due = addMonths(held[next], afterHeld)
                next += 1
            } else {
                dues.append(Due(day: due, met: false))
                let following = addMonths(due, number == 1 ? 3 : 6)
                if next < held.count, held[next] < following {
                    // The missed review, held late: the next runs from the day it was held, as the regulations say.
                    due = addMonths(held[next], afterHeld)
                    next += 1
                } else {
                    // Still not held when the next would fall due: that one falls due too, so a child without reviews
                    // keeps counting as late, and a review entered later changes no due date before it.
                    due = following
                }
            }
            number += 1
        }
        return dues
    }

    public func tally(in period: ReportingPeriod, data: CaseData) -> Tally {
        tallies(in: [period], data: data)[0]
    }

    public func tallies(in periods: [ReportingPeriod], data: CaseData) -> [Tally] {
        guard let l = data.lac else { return periods.map { _ in Tally() } }
        let index = LACIndex(l, asOf: data.asOf)
        let dues = index.periods.map {
            Self.dueDates(for: $0, reviews: index.reviews[$0.child] ?? [], horizon: index.horizon, calendar: data.calendar)
        }
        return periods.map { tally(in: $0, index, dues) }
    }

    private func tally(in period: ReportingPeriod, _ index: LACIndex, _ allDues: [[Due]]) -> Tally {
        var tally = Tally()
        let (first, last) = (period.start.column, period.end.column)
        var children: [String: (ref: RecordRef, allMet: Bool)] = [:]
        for (n, p) in index.periods.enumerated() {
            let dues = allDues[n].filter { $0.day >= first && $0.day <= last }
            guard !dues.isEmpty else { continue }
            let seen = children[p.child]
            children[p.child] = (seen?.ref ?? RecordRef(.lacEpisode, p.firstEpisode), (seen?.allMet ?? true) && dues.allSatisfy(\.met))
        }
        for (_, entry) in children.sorted(by: { $0.key < $1.key }) {
            tally.denominator.append(entry.ref)
            if entry.allMet { tally.numerator.append(entry.ref) }
        }
        return tally
    }
}
