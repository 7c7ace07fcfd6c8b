import FluentKit
import Foundation

/// One target of a stored notice, kept as its own row so that figures and statuses can refer to it by id, in typed
/// columns: what is measured, the unit and direction, the baseline. Its milestones are `MilestoneModel` rows.
/// `StoredTargets` turns the rows into a `Domain.Target` and back.
public final class TargetModel: Model, @unchecked Sendable {
    public static let schema = "targets"

    @ID(key: .id) public var id: UUID?

    @Field(key: "notice_id") public var noticeID: UUID
    @Field(key: "council_id") public var councilID: UUID

    /// The target's place in the notice, from 0.
    @Field(key: "position") public var position: Int
    /// The indicator's id (`IndicatorID`).
    @Field(key: "indicator") public var indicator: String
    /// The notice's own words for what is measured.
    @Field(key: "words") public var words: String
    @Field(key: "unit") public var unit: String
    @Field(key: "direction") public var direction: String
    @OptionalField(key: "source_start") public var sourceStart: Int?
    @OptionalField(key: "source_end") public var sourceEnd: Int?
    /// Whether the notice gives a baseline at all (it may give one without a value: "from the 2009-10 baseline").
    @Field(key: "has_baseline") public var hasBaseline: Bool
    @OptionalField(key: "baseline_value") public var baselineValue: Double?
    @OptionalField(key: "baseline_period") public var baselinePeriod: String?
    /// "provisional", "outturn": a JSON array of the phrases, as the notice words them.
    @Field(key: "baseline_qualifiers") public var baselineQualifiers: String
    @OptionalField(key: "baseline_source_start") public var baselineSourceStart: Int?
    @OptionalField(key: "baseline_source_end") public var baselineSourceEnd: Int?

    public init() {}
}

/// One milestone of a target: the level, when it is due (in the notice's terms), the basis and how it is judged.
public final class MilestoneModel: Model, @unchecked Sendable {
    public static let schema = "target_milestones"

    @ID(key: .id) public var id: UUID?
    @Field(key: "target_id") public var targetID: UUID
    @Field(key: "council_id") public var councilID: UUID
    @Field(key: "position") public var position: Int
    @OptionalField(key: "value") public var value: Double?
    /// day, month, after_notice or meeting; nil when the notice gives no date.
    @OptionalField(key: "due_kind") public var dueKind: String?
    /// The day (YYYY-MM-DD) or the month (YYYY-MM), for `day` and `month`; a meeting's month when it is known.
    @OptionalField(key: "due_on") public var dueOn: String?
    @OptionalField(key: "due_months_after_notice") public var dueMonthsAfterNotice: Int?
    @OptionalField(key: "due_meeting") public var dueMeeting: String?
    @Field(key: "basis") public var basis: String
    @Field(key: "judged") public var judged: String
    @OptionalField(key: "reference_period") public var referencePeriod: String?
    @Field(key: "words") public var words: String
    @OptionalField(key: "source_start") public var sourceStart: Int?
    @OptionalField(key: "source_end") public var sourceEnd: Int?

    public init() {}
}

/// How sure the reader was of a target's indicator (`Domain.IndicatorMatch`): a row of its own, beside the target's,
/// since a target a person entered or corrected has none.
public final class TargetMatchModel: Model, @unchecked Sendable {
    public static let schema = "target_matches"

    @ID(key: .id) public var id: UUID?
    @Field(key: "target_id") public var targetID: UUID
    @Field(key: "council_id") public var councilID: UUID
    @Field(key: "confidence") public var confidence: Double
    /// The deciding phrases, a JSON array.
    @Field(key: "words") public var words: String
    @OptionalField(key: "doubt") public var doubt: String?

    public init() {}
}
