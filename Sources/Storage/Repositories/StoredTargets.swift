import Domain
import FluentKit
import Foundation

/// A target as stored: its row's id (what links and figures refer to) and the target.
public struct StoredTarget: Sendable, Hashable {
    public var id: UUID
    public var target: Target
}

/// A `Domain.Target` to its typed rows (a `TargetModel` and one `MilestoneModel` per milestone) and back. A row holds
/// only what the target holds, so reading it back gives the same target (the storage tests check the five notices).
enum StoredTargets {
    static func fill(_ row: TargetModel, from target: Target) {
        row.indicator = target.indicatorID.rawValue
        row.words = target.indicator
        row.unit = target.unit.rawValue
        row.direction = target.direction.rawValue
        row.sourceStart = target.source?.start
        row.sourceEnd = target.source?.end
        row.hasBaseline = target.baseline != nil
        row.baselineValue = target.baseline?.value
        row.baselinePeriod = target.baseline?.period
        row.baselineQualifiers = (try? StoredJSON.encode(target.baseline?.qualifiers ?? [])) ?? "[]"
        row.baselineSourceStart = target.baseline?.source?.start
        row.baselineSourceEnd = target.baseline?.source?.end
    }

    static func milestoneRows(_ target: Target, targetID: UUID, council: UUID) -> [MilestoneModel] {
        target.milestones.enumerated().map { position, m in
            let row = MilestoneModel()
            row.targetID = targetID
            row.councilID = council
            row.position = position
            row.value = m.value
            switch m.due {
            case nil: row.dueKind = nil
            case .day(let day):
                row.dueKind = "day"
                row.dueOn = day.iso
            case .month(let month):
                row.dueKind = "month"
                row.dueOn = month.iso
            case .afterNotice(let months):
                row.dueKind = "after_notice"
                row.dueMonthsAfterNotice = months
            case .meeting(let name, let month):
                row.dueKind = "meeting"
                row.dueMeeting = name
                row.dueOn = month?.iso
            }
            row.basis = m.basis.rawValue
            row.judged = m.judged.rawValue
            row.referencePeriod = m.referencePeriod
            row.words = m.words
            row.sourceStart = m.source?.start
            row.sourceEnd = m.source?.end
            return row
        }
    }

    static func matchRow(_ target: Target, targetID: UUID, council: UUID) -> TargetMatchModel? {
        guard let match = target.match else { return nil }
        let row = TargetMatchModel()
        row.targetID = targetID
        row.councilID = council
        row.confidence = match.confidence
        row.words = (try? StoredJSON.encode(match.words)) ?? "[]"
        row.doubt = match.doubt
        return row
    }

    /// The target's rows (milestones, match) replaced by those of `target`.
    static func replaceRows(of targetID: UUID, with target: Target, council: UUID, on tx: any Database) async throws {
        try await MilestoneModel.query(on: tx).filter(\.$targetID == targetID).filter(\.$councilID == council).delete()
        try await TargetMatchModel.query(on: tx).filter(\.$targetID == targetID).filter(\.$councilID == council).delete()
        for milestone in milestoneRows(target, targetID: targetID, council: council) { try await milestone.create(on: tx) }
        try await matchRow(target, targetID: targetID, council: council)?.create(on: tx)
    }

    /// The target the rows hold; nil when a value is not one this version knows (an indicator since withdrawn), so
    /// that the caller can leave the target out rather than show something else.
    static func target(_ row: TargetModel, milestones: [MilestoneModel], match: TargetMatchModel? = nil) -> Target? {
        guard let id = IndicatorID(rawValue: row.indicator), let unit = TargetUnit(rawValue: row.unit),
              let direction = TargetDirection(rawValue: row.direction) else { return nil }
        var parsed: [Milestone] = []
        for m in milestones.sorted(by: { $0.position < $1.position }) {
            guard let basis = Basis(rawValue: m.basis), let judged = Milestone.Judged(rawValue: m.judged) else { return nil }
            let due: Due?
            switch m.dueKind {
            case nil: due = nil
            case "day": guard let day = m.dueOn.flatMap(CalendarDate.init(iso:)) else { return nil }; due = .day(day)
            case "month": guard let month = m.dueOn.flatMap(YearMonth.init(iso:)) else { return nil }; due = .month(month)
            case "after_notice": guard let months = m.dueMonthsAfterNotice else { return nil }; due = .afterNotice(months: months)
            case "meeting": due = .meeting(name: m.dueMeeting ?? "", month: m.dueOn.flatMap(YearMonth.init(iso:)))
            default: return nil
            }
            parsed.append(Milestone(value: m.value, due: due, basis: basis, judged: judged, referencePeriod: m.referencePeriod, words: m.words,
                                    source: span(m.sourceStart, m.sourceEnd)))
        }
        let baseline = row.hasBaseline
            ? Baseline(value: row.baselineValue, period: row.baselinePeriod,
                       qualifiers: StoredJSON.decode([String].self, row.baselineQualifiers) ?? [],
                       source: span(row.baselineSourceStart, row.baselineSourceEnd))
            : nil
        return Target(indicator: row.words, indicatorID: id, unit: unit, direction: direction, baseline: baseline, milestones: parsed,
                      source: span(row.sourceStart, row.sourceEnd),
                      match: match.map { IndicatorMatch(confidence: $0.confidence, words: StoredJSON.decode([String].self, $0.words) ?? [], doubt: $0.doubt) })
    }

    private static func span(_ start: Int?, _ end: Int?) -> SourceSpan? {
        guard let start, let end else { return nil }
        return SourceSpan(start: start, end: end)
    }

    /// The targets of a notice with their milestones, in the notice's order; rows that no longer read are left out.
    /// `matches: false` reads a schema from before migration 006 (migration 004's way back runs after 006 is undone).
    static func read(notice: UUID, council: UUID, on database: any Database, matches: Bool = true) async throws -> [StoredTarget] {
        let rows = try await TargetModel.query(on: database).filter(\.$noticeID == notice).filter(\.$councilID == council).sort(\.$position).all()
        return try await read(rows, council: council, on: database, matches: matches)
    }

    static func read(_ rows: [TargetModel], council: UUID, on database: any Database, matches readMatches: Bool = true) async throws -> [StoredTarget] {
        let ids = try rows.map { try $0.requireID() }
        guard !ids.isEmpty else { return [] }
        let milestones = try await MilestoneModel.query(on: database).filter(\.$targetID ~~ ids).filter(\.$councilID == council).all()
        let byTarget = Dictionary(grouping: milestones, by: \.targetID)
        let matches = !readMatches ? [] : try await TargetMatchModel.query(on: database).filter(\.$targetID ~~ ids).filter(\.$councilID == council).all()
        let matchOf = Dictionary(matches.map { ($0.targetID, $0) }, uniquingKeysWith: { a, _ in a })
        return zip(ids, rows).compactMap { id, row in
            target(row, milestones: byTarget[id] ?? [], match: matchOf[id]).map { StoredTarget(id: id, target: $0) }
        }
    }
}
