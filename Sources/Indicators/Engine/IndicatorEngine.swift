import CaseRecords
import Dispatch
import Domain

/// Evaluates indicator definitions over the column tables for every month and basis asked for.
///
/// Event indicators are sorted by qualifying day once; a period's figure is then two binary searches and a difference
/// of prefix sums, so every month on every basis costs the same as one. Cumulative figures are recomputed from the
/// records in the range (Σ numerator / Σ denominator), never averaged from months.
public struct IndicatorEngine: Sendable {
    public var definitions: [any IndicatorDefinition]

    public init(definitions: [any IndicatorDefinition] = IndicatorCatalogue.all) {
        self.definitions = definitions
    }

    public struct Request: Sendable {
        public var months: [YearMonth]
        public var bases: [Basis]?
        public var keepRecords: Bool

        public init(months: [YearMonth], bases: [Basis]? = nil, keepRecords: Bool = false) {
            self.months = months
            self.bases = bases
            self.keepRecords = keepRecords
        }
    }

    /// Every supported definition's figures. Definitions are independent of one another, so they are evaluated in
    /// parallel, one per core.
    public func evaluate(_ data: CaseData, _ request: Request) -> [IndicatorResult] {
        let supported = definitions.filter { $0.isSupported(by: data) }
        var perDefinition = [[IndicatorResult]](repeating: [], count: supported.count)
        perDefinition.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own slot.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: supported.count) { i in
                slots[i] = evaluate(supported[i], data, request)
            }
        }
        return perDefinition.flatMap { $0 }.sorted {
            ($0.indicator, $0.basis.rawValue, $0.period.start, $0.period.end) < ($1.indicator, $1.basis.rawValue, $1.period.start, $1.period.end)
        }
    }

    private func evaluate(_ definition: any IndicatorDefinition, _ data: CaseData, _ request: Request) -> [IndicatorResult] {
        let bases = definition.bases.filter { request.bases?.contains($0) ?? true }
        guard !bases.isEmpty else { return [] }
        if let event = definition as? any EventIndicator {
            return evaluate(event, data, request, bases)
        }
        if let amount = definition as? any AmountIndicator {
            return bases.flatMap { basis in
                request.months.map { month in
                    let period = ReportingPeriod.of(basis, month: month)
                    let (n, d) = amount.amounts(in: period, data: data) ?? (0, 0)
                    let records = request.keepRecords ? amount.records(in: period, data: data) : nil
                    return IndicatorResult(indicator: amount.id, basis: basis, period: period, numerator: n, denominator: d, scale: amount.scale,
                                           numeratorRecords: records?.numerator.sorted() ?? [], denominatorRecords: records?.denominator.sorted() ?? [])
                }
            }
        }
        if let periodic = definition as? any PeriodIndicator {
            return bases.flatMap { basis in
                let periods = request.months.map { ReportingPeriod.of(basis, month: $0) }
                return zip(periods, periodic.tallies(in: periods, data: data)).map { period, tally in
                    IndicatorResult(indicator: periodic.id, basis: basis, period: period,
                                           numerator: tally.numerator.count, denominator: tally.denominator.count,
                                           numeratorRecords: request.keepRecords ? tally.numerator.sorted() : [],
                                           denominatorRecords: request.keepRecords ? tally.denominator.sorted() : [])
                }
            }
        }
        guard let snapshot = definition as? any SnapshotIndicator else { return [] }
        let days = request.months.map(\.lastDay)
        let tallies = snapshot.tallies(at: days.map(\.column), in: data)
        return zip(days, tallies).map { day, tally in
            IndicatorResult(
                indicator: snapshot.id, basis: .snapshot, period: .snapshot(day),
                numerator: tally.numerator.count, denominator: tally.denominator.count,
                numeratorRecords: request.keepRecords ? tally.numerator.sorted() : [],
                denominatorRecords: request.keepRecords ? tally.denominator.sorted() : [])
        }
    }

    /// Record indices ordered by day: a counting sort over the days the records span (a few thousand), stable.
    static func orderByDay(_ days: [Int32]) -> [Int] {
        guard let low = days.min(), let high = days.max() else { return [] }
        let span = Int(high - low) + 1
        guard span <= 200_000 else { return days.indices.sorted { days[$0] < days[$1] } }
        var start = [Int](repeating: 0, count: span + 1)
        for d in days { start[Int(d - low) + 1] += 1 }
        for k in 0..<span { start[k + 1] += start[k] }
        var order = [Int](repeating: 0, count: days.count)
        for (i, d) in days.enumerated() {
            let k = Int(d - low)
            order[start[k]] = i
            start[k] += 1
        }
        return order
    }

    private func evaluate(_ definition: any EventIndicator, _ data: CaseData, _ request: Request, _ bases: [Basis]) -> [IndicatorResult] {
        let events = definition.events(in: data)
        let order = Self.orderByDay(events.day)
        let days = order.map { events.day[$0] }
        var metBefore = [Int](repeating: 0, count: order.count + 1)
        for (k, i) in order.enumerated() { metBefore[k + 1] = metBefore[k] + (events.met[i] ? 1 : 0) }

        func firstIndex(atOrAfter day: Int32) -> Int {
            var lo = 0, hi = days.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if days[mid] < day { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        var results: [IndicatorResult] = []
        for basis in bases {
            for month in request.months {
                let period = ReportingPeriod.of(basis, month: month)
                let lo = firstIndex(atOrAfter: period.start.column)
                let hi = firstIndex(atOrAfter: period.end.column + 1)
                var result = IndicatorResult(indicator: definition.id, basis: basis, period: period,
                                             numerator: metBefore[hi] - metBefore[lo], denominator: hi - lo)
                if request.keepRecords {
                    let slice = order[lo..<hi]
                    result.denominatorRecords = slice.map { events.record[$0] }.sorted()
                    result.numeratorRecords = slice.filter { events.met[$0] }.map { events.record[$0] }.sorted()
                }
                results.append(result)
            }
        }
        return results
    }
}
