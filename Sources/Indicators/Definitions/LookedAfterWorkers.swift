import CaseRecords
import Domain

/// §8.5 `cla_three_plus_social_workers`: of children looked after at D, the share who had three or more different
/// social workers (distinct SW_ID) allocated at some time in the twelve months to D: a worker episode counts when it
/// began on or before D and had not ended by the start of that year, `addMonths(D, −12)` (§1.2). Lower is better:
/// children in care say changes of worker are what they mind most. Needs the 903 social worker table (2023-24 on).
public struct CLAThreePlusSocialWorkers: SnapshotIndicator {
    public let id = IndicatorID.claThreePlusSocialWorkers
    public init() {}
    public func isSupported(by data: CaseData) -> Bool { data.hasLookedAfterEpisodes && !(data.lac?.swChild.isEmpty ?? true) }

    public func tally(at date: Int32, in data: CaseData) -> Tally { tallies(at: [date], in: data)[0] }

    public func tallies(at dates: [Int32], in data: CaseData) -> [Tally] {
        guard let l = data.lac else { return dates.map { _ in Tally() } }
        var byChild: [String: [Int]] = [:]
        for i in l.swChild.indices { byChild[l.swChild[i], default: []].append(i) }
        let index = LACIndex(l, asOf: data.asOf)
        return dates.map { d in
            let yearStart = addMonths(d, -12)
            var tally = Tally()
            for (child, episode) in Cohorts.lookedAfter(at: d, l, index: index) {
                let ref = RecordRef(.lacEpisode, episode)
                tally.denominator.append(ref)
                let workers = Set((byChild[child] ?? []).filter { l.swStart[$0] <= d && (l.swEnd[$0] == noDate || l.swEnd[$0] > yearStart) }.map { l.swWorker[$0] })
                if workers.count >= 3 { tally.numerator.append(ref) }
            }
            return tally
        }
    }
}

/// §8.5 `cla_social_worker_changes`: the number of times a looked-after child's social worker changed in the period
/// (a worker episode with SW_DEC in the period and a reason for the change, SW_REASON); the figure breaks down by
/// reason. An episode ended without a reason is not counted (the importer reports it). Lower is better.
public struct CLASocialWorkerChanges: AmountIndicator {
    public let id = IndicatorID.claSocialWorkerChanges
    public let scale = 1.0
    public init() {}
    public func isSupported(by data: CaseData) -> Bool { !(data.lac?.swChild.isEmpty ?? true) }

    func changes(in period: ReportingPeriod, _ data: CaseData) -> [Int] {
        guard let l = data.lac else { return [] }
        let from = period.start.column, to = period.end.column
        return l.swChild.indices.filter { l.swEnd[$0] != noDate && l.swEnd[$0] >= from && l.swEnd[$0] <= to && !l.swReason[$0].isEmpty }
    }

    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        (Double(changes(in: period, data).count), 1)
    }

    public func records(in period: ReportingPeriod, data: CaseData) -> Tally? {
        var tally = Tally()
        tally.numerator = changes(in: period, data).map { RecordRef(.socialWorkerEpisode, $0) }
        return tally
    }
}

/// §8.5 `cla_deprivation_of_liberty`: children under a Deprivation of Liberty order at D (DOLO_START on or before
/// D, DOLO_END not given or after D), each child once. A count with no better direction. Needs the 903 table of
/// such orders (2026-27 on).
public struct CLADeprivationOfLiberty: AmountIndicator {
    public let id = IndicatorID.claDeprivationOfLiberty
    public let scale = 1.0
    public init() {}
    public func isSupported(by data: CaseData) -> Bool { !(data.lac?.dolChild.isEmpty ?? true) }

    func orders(at d: Int32, _ data: CaseData) -> [Int] {
        guard let l = data.lac else { return [] }
        var byChild: [String: Int] = [:]
        for i in l.dolChild.indices where l.dolStart[i] <= d && (l.dolEnd[i] == noDate || l.dolEnd[i] > d) {
            if let seen = byChild[l.dolChild[i]], l.dolStart[seen] >= l.dolStart[i] { continue }
            byChild[l.dolChild[i]] = i
        }
        return byChild.values.sorted()
    }

    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        (Double(orders(at: period.end.column, data).count), 1)
    }

    public func records(in period: ReportingPeriod, data: CaseData) -> Tally? {
        var tally = Tally()
        tally.numerator = orders(at: period.end.column, data).map { RecordRef(.dolOrder, $0) }
        return tally
    }
}
