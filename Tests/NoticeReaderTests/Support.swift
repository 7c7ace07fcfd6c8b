import Domain
import Foundation
import NoticeReader

/// The five real notices the project was created from, kept beside the tests.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/notices")
    static let noticeNames = ["cumbria-2012", "gloucestershire-2011", "nottinghamshire-2010", "somerset-2013", "worcestershire-2010"]

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent("\(name).txt")))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self)
    }

    static func draft(_ name: String) throws -> NoticeDraft {
        try NoticeReader.read(bytes: try bytes(name))
    }
}

/// A target reduced to what a person checks against the notice: indicator, unit, direction, baseline, milestones.
struct TargetShape: Equatable, CustomStringConvertible {
    var id: IndicatorID
    var unit: TargetUnit
    var direction: TargetDirection
    var baseline: BaselineShape?
    var milestones: [MilestoneShape]

    var description: String { "\(id.rawValue) \(unit.rawValue) \(direction.rawValue) \(baseline.map { "\($0)" } ?? "-") \(milestones)" }
}

struct BaselineShape: Equatable, CustomStringConvertible {
    var value: Double?
    var period: String?
    var description: String { "\(value.map { "\($0)" } ?? "nil")@\(period ?? "-")" }
}

struct MilestoneShape: Equatable, CustomStringConvertible {
    var value: Double?
    var due: String?
    var basis: Basis
    var judged: Milestone.Judged = .byDueDate
    var description: String { "\(value.map { "\($0)" } ?? "nil") by \(due ?? "-") \(basis.rawValue) \(judged.rawValue)" }
}

extension Target {
    var shape: TargetShape {
        TargetShape(
            id: indicatorID, unit: unit, direction: direction,
            baseline: baseline.map { BaselineShape(value: $0.value, period: $0.period) },
            milestones: milestones.map { MilestoneShape(value: $0.value, due: $0.due?.contractValue, basis: $0.basis, judged: $0.judged) })
    }
}

func m(_ value: Double?, _ due: String?, _ basis: Basis = .unspecified, _ judged: Milestone.Judged = .byDueDate) -> MilestoneShape {
    MilestoneShape(value: value, due: due, basis: basis, judged: judged)
}

func b(_ value: Double?, _ period: String?) -> BaselineShape {
    BaselineShape(value: value, period: period)
}

extension NoticeDraft {
    var reviewShapes: [String] { notice.reviews.map { "\($0.kind.rawValue) \($0.due?.contractValue ?? "-")" } }
    var deadlineDues: [String] { notice.deadlines.map { $0.due?.contractValue ?? "-" } }
}
