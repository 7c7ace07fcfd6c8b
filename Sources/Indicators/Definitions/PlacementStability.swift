import CaseRecords
import Domain

/// §3.14 `placement_stability_short_term` (NI 62): of children looked after at D, the share with three or more
/// placements during the year ending on D. Lower is better. The unit is the child, counted once. Placements are
/// counted as `LACIndex` builds them (changes of legal status only, temporary placements and returns from them are
/// not moves), in every period of care that touches the year: §3.14 asks for placements "during the year", with no
/// "continuously" condition (unlike NI 63), so a child who left care and came back brings both periods' placements.
public struct PlacementStabilityShortTerm: SnapshotIndicator {
    public let id = IndicatorID.placementStabilityShortTerm

    public init() {}

    public func isSupported(by data: CaseData) -> Bool { data.hasLookedAfterEpisodes }

    public func tally(at date: Int32, in data: CaseData) -> Tally { tallies(at: [date], in: data)[0] }

    public func tallies(at dates: [Int32], in data: CaseData) -> [Tally] {
        guard let l = data.lac else { return dates.map { _ in Tally() } }
        let index = LACIndex(l, asOf: data.asOf)
        return dates.map { date in
            var tally = Tally()
            let yearStart = addMonths(date, -12)
            for (child, periods) in index.periodsOfChild {
                guard let now = index.period(of: child, at: date) else { continue }
                let ref = RecordRef(.lacEpisode, index.periods[now].firstEpisode)
                tally.denominator.append(ref)
                let placements = periods.reduce(0) { count, n in
                    count + index.periods[n].placements.filter { $0.start <= date && ($0.end == noDate || $0.end > yearStart) }.count
                }
                if placements >= 3 { tally.numerator.append(ref) }
            }
            tally.denominator.sort()
            tally.numerator.sort()
            return tally
        }
    }
}

/// §3.14 `placement_stability_long_term` (NI 63): of children under 16 at D looked after continuously for at least
/// two and a half years, the share living in the same placement for at least two years, or placed for adoption where
/// the adoptive placement and the one before it together last two years. Higher is better. A child with no date of
/// birth in the header table cannot be placed in the cohort and is left out.
public struct PlacementStabilityLongTerm: SnapshotIndicator {
    public let id = IndicatorID.placementStabilityLongTerm

    /// Placed for adoption (PLACE A3–A6).
    static let adoptive: Set<String> = ["A3", "A4", "A5", "A6"]

    public init() {}

    public func isSupported(by data: CaseData) -> Bool { data.hasLookedAfterEpisodes }

    public func tally(at date: Int32, in data: CaseData) -> Tally { tallies(at: [date], in: data)[0] }

    public func tallies(at dates: [Int32], in data: CaseData) -> [Tally] {
        guard let l = data.lac else { return dates.map { _ in Tally() } }
        let index = LACIndex(l, asOf: data.asOf)
        return dates.map { date in
            var tally = Tally()
            let cohortStart = addMonths(date, -30), settled = addMonths(date, -24), sixteen = addMonths(date, -16 * 12)
            for (child, _) in index.periodsOfChild {
                guard let now = index.period(of: child, at: date) else { continue }
                let p = index.periods[now]
                guard p.start <= cohortStart, let birth = index.birth[p.child], birth != noDate, birth > sixteen else { continue }
                let ref = RecordRef(.lacEpisode, p.firstEpisode)
                tally.denominator.append(ref)
                guard let current = p.placement(at: date) else { continue }
                var since = p.placements[current].start
                if Self.adoptive.contains(p.placements[current].code), current > 0 { since = p.placements[current - 1].start }
                if since <= settled { tally.numerator.append(ref) }
            }
            tally.denominator.sort()
            tally.numerator.sort()
            return tally
        }
    }
}
