import CaseRecords
import Domain

/// §8.2 The cohorts counted at a date for the rates per 10,000 children: each child once, with the record that puts
/// them there.
enum Cohorts {
    /// Children in need at D: a referral on or before D not closed by it (§1.3, open at D). The record is the child's
    /// latest open referral.
    static func childrenInNeed(at d: Int32, _ t: CINTables) -> [RecordRef] {
        openReferrals(at: d, t).values.sorted().map { RecordRef(.referral, $0) }
    }

    /// Each child with a referral open at D (§1.3), and the latest of those referrals: the cohort of children in need,
    /// and of the open cases that allocation is judged on.
    static func openReferrals(at d: Int32, _ t: CINTables) -> [Int: Int] {
        var open: [Int: Int] = [:]
        for e in 0..<t.episodeCount where t.referralDate[e] <= d && (t.closureDate[e] == noDate || t.closureDate[e] > d) {
            let child = t.childOfEpisode(e)
            if let seen = open[child], (t.referralDate[seen], seen) > (t.referralDate[e], e) { continue }
            open[child] = e
        }
        return open
    }

    /// Children on a child protection plan at D; the record is the child's latest plan open then.
    static func childrenOnPlans(at d: Int32, _ t: CINTables) -> [RecordRef] {
        var open: [Int: Int] = [:]
        for p in 0..<t.planCount where t.planStart[p] <= d && (t.planEnd[p] == noDate || t.planEnd[p] > d) {
            let child = t.childOfPlan(p)
            if let seen = open[child], (t.planStart[seen], seen) > (t.planStart[p], p) { continue }
            open[child] = p
        }
        return open.values.sorted().map { RecordRef(.plan, $0) }
    }

    /// Children looked after at D, as the looked-after indicators count them (short breaks, V3 and V4, are not
    /// periods of care); the record is the episode in force at D, so a breakdown shows the placement then.
    static func lookedAfter(at d: Int32, _ data: CaseData) -> [(child: String, episode: Int)] {
        guard let l = data.lac else { return [] }
        return lookedAfter(at: d, l, index: LACIndex(l, asOf: data.asOf))
    }

    /// The same, with the periods of care already built (a cohort asked at many dates builds them once).
    static func lookedAfter(at d: Int32, _ l: SSDA903Tables, index: LACIndex) -> [(child: String, episode: Int)] {
        var atDate: [String: Int] = [:]
        for e in 0..<l.episodeCount where l.episodeStart[e] <= d && (l.episodeEnd[e] == noDate || l.episodeEnd[e] > d)
            && !LACIndex.shortBreaks.contains(l.episodeLegalStatus[e]) {
            let child = l.episodeChild[e]
            guard index.period(of: child, at: d) != nil else { continue }
            if let seen = atDate[child], (l.episodeStart[seen], seen) > (l.episodeStart[e], e) { continue }
            atDate[child] = e
        }
        return atDate.map { ($0.key, $0.value) }.sorted { $0.episode < $1.episode }
    }
}

/// §8.2 `cin_rate_per_10k`, `cpp_rate_per_10k`, `cla_rate_per_10k`: children in need, on a child protection plan,
/// and looked after at the period's end, per 10,000 children aged 0 to 17 in the council (ONS mid-year estimate,
/// `ChildPopulation.estimate(at:)`). DfE's published rates are these at 31 March. No direction is better: a rate
/// far from comparable councils' is a question for the board, not a target to push one way.
public struct RatePer10k: AmountIndicator {
    public enum Cohort: Sendable { case childrenInNeed, childProtectionPlans, lookedAfter }
    public let id: IndicatorID
    let cohort: Cohort
    public let scale = 10_000.0

    public init(_ cohort: Cohort) {
        self.cohort = cohort
        switch cohort {
        case .childrenInNeed: id = .cinRatePer10k
        case .childProtectionPlans: id = .cppRatePer10k
        case .lookedAfter: id = .claRatePer10k
        }
    }

    public func isSupported(by data: CaseData) -> Bool {
        guard data.population != nil else { return false }
        switch cohort {
        case .childrenInNeed, .childProtectionPlans: return data.cin != nil
        case .lookedAfter: return data.hasLookedAfterEpisodes
        }
    }

    func cohort(at d: Int32, _ data: CaseData) -> [RecordRef] {
        switch cohort {
        case .childrenInNeed: return data.cin.map { Cohorts.childrenInNeed(at: d, $0) } ?? []
        case .childProtectionPlans: return data.cin.map { Cohorts.childrenOnPlans(at: d, $0) } ?? []
        case .lookedAfter: return Cohorts.lookedAfter(at: d, data).map { RecordRef(.lacEpisode, $0.episode) }
        }
    }

    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        guard let population = data.population?.estimate(at: period.end) else { return nil }
        return (Double(cohort(at: period.end.column, data).count), population.count)
    }

    /// The children counted; the population has no records.
    public func records(in period: ReportingPeriod, data: CaseData) -> Tally? {
        var tally = Tally()
        tally.numerator = cohort(at: period.end.column, data)
        return tally
    }
}

/// §8.4 `factor_…_per_10k`: assessments completed (authorised) in the period that identified the factor, per 10,000
/// children aged 0 to 17 (population at the period's end). An assessment counts once however many of the factor's
/// codes it records (domestic abuse is 3A, 3B or 3C: concerning the child, a parent, or another person). As DfE's
/// table C3 does, the unit is the assessment, not the child.
public struct FactorPer10k: AmountIndicator {
    public let id: IndicatorID
    let codes: Set<Substring>
    public let scale = 10_000.0

    /// The factors a board asks about (National Framework outcome 3, children safe in and outside their homes).
    public static let all: [FactorPer10k] = [
        .init(.factorDomesticAbusePer10k, ["3A", "3B", "3C"]), .init(.factorNeglectPer10k, ["16A"]),
        .init(.factorCSEPer10k, ["11A"]), .init(.factorCCEPer10k, ["24A"]), .init(.factorMissingPer10k, ["10A"]),
        .init(.factorTraffickingPer10k, ["12A"]), .init(.factorGangsPer10k, ["13A"]),
    ]

    init(_ id: IndicatorID, _ codes: Set<Substring>) {
        self.id = id
        self.codes = codes
    }

    public func isSupported(by data: CaseData) -> Bool { data.population != nil && data.cin != nil }

    func assessments(in period: ReportingPeriod, _ data: CaseData) -> [Int] {
        guard let t = data.cin else { return [] }
        let from = period.start.column, to = period.end.column
        return (0..<t.assessmentCount).filter { a in
            let d = t.assessmentAuthorised[a]
            return d != noDate && d >= from && d <= to && t.assessmentFactors[a].split(separator: ",").contains { codes.contains($0) }
        }
    }

    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        guard let population = data.population?.estimate(at: period.end) else { return nil }
        return (Double(assessments(in: period, data).count), population.count)
    }

    public func records(in period: ReportingPeriod, data: CaseData) -> Tally? {
        var tally = Tally()
        tally.numerator = assessments(in: period, data).map { RecordRef(.assessment, $0) }
        return tally
    }
}

/// §8.3 `icpc_per_100_s47`: of section 47 enquiries started in the period (S47ActualStartDate qualifies), how many
/// per 100 led to an initial child protection conference (a DateOfInitialCPC on the enquiry). Counted by the
/// enquiry, so every conference in the numerator is an enquiry in the denominator and a board can open both; the
/// latest month's figure rises as its conferences are held. No direction is better: too few conferences can mean
/// risk missed, too many, enquiries begun where they need not have been.
public struct ICPCPer100S47: EventIndicator {
    public let id = IndicatorID.icpcPer100S47
    public init() {}

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let t = data.cin else { return events }
        for s in 0..<t.s47Count {
            events.add(day: t.s47Start[s], met: t.s47ICPCDate[s] != noDate, record: RecordRef(.section47, s))
        }
        return events
    }
}
