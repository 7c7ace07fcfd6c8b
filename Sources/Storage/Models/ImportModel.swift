import FluentKit
import Foundation

/// One upload of a council's returns: who, when, what, and the validation report. Stored only when every file
/// was read; a rejected upload leaves nothing behind but its audit entry.
public final class ImportModel: Model, @unchecked Sendable {
    public static let schema = "imports"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "imported_at", on: .create) public var importedAt: Date?

    @Field(key: "council_id") public var councilID: UUID

    @Field(key: "imported_by") public var importedBy: String
    @Field(key: "file_count") public var fileCount: Int
    /// The validation report (files, counts, faults by rule), JSON.
    @Field(key: "report_json") public var reportJSON: String

    public init() {}

    public init(id: UUID? = nil, councilID: UUID, importedBy: String, fileCount: Int, reportJSON: String) {
        self.id = id
        self.councilID = councilID
        self.importedBy = importedBy
        self.fileCount = fileCount
        self.reportJSON = reportJSON
    }
}

/// A return file as the council sent it. The case records are kept in this form: the importers read them back into
/// column tables in memory, which is how the indicators are computed (never row by row through the ORM).
public final class ImportFileModel: Model, @unchecked Sendable {
    public static let schema = "import_files"

    @ID(key: .id) public var id: UUID?

    @Field(key: "import_id") public var importID: UUID
    @Field(key: "council_id") public var councilID: UUID

    @Field(key: "name") public var name: String
    /// cin_census, bundle, ssda903, workforce_census, annex_a.
    @Field(key: "kind") public var kind: String
    /// What a later file replaces: a CIN census by its reference date, anything else by its name.
    @Field(key: "replaces_key") public var replacesKey: String
    @Field(key: "sha256") public var sha256: String
    @Field(key: "size") public var size: Int
    @Field(key: "content") public var content: Data
    /// Set when a later import brought a file with the same key.
    @Field(key: "superseded") public var superseded: Bool

    public init() {}

    public init(importID: UUID, councilID: UUID, name: String, kind: String, replacesKey: String, sha256: String, content: Data) {
        self.importID = importID
        self.councilID = councilID
        self.name = name
        self.kind = kind
        self.replacesKey = replacesKey
        self.sha256 = sha256
        self.size = content.count
        self.content = content
        self.superseded = false
    }
}

/// An indicator's figure for one month and basis, computed when the data last changed.
public final class IndicatorValueModel: Model, @unchecked Sendable {
    public static let schema = "indicator_values"

    @ID(key: .id) public var id: UUID?

    @Field(key: "council_id") public var councilID: UUID
    /// The import after which this was computed.
    @Field(key: "import_id") public var importID: UUID

    @Field(key: "indicator") public var indicator: String
    @Field(key: "basis") public var basis: String
    /// YYYY-MM: the month the figure is for.
    @Field(key: "month") public var month: String
    @Field(key: "period_start") public var periodStart: String
    @Field(key: "period_end") public var periodEnd: String
    @Field(key: "numerator") public var numerator: Double
    @Field(key: "denominator") public var denominator: Double
    /// What numerator/denominator is multiplied by: 100 for a percentage, 1 for an amount.
    @Field(key: "scale") public var scale: Double
    @OptionalField(key: "value") public var value: Double?

    public init() {}

    public init(councilID: UUID, importID: UUID, indicator: String, basis: String, month: String, periodStart: String, periodEnd: String,
                numerator: Double, denominator: Double, scale: Double, value: Double?) {
        self.scale = scale
        self.councilID = councilID
        self.importID = importID
        self.indicator = indicator
        self.basis = basis
        self.month = month
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
    }
}

/// A figure entered by hand (from a return this product does not read), shown with who entered it and when.
public final class HandFigureModel: Model, @unchecked Sendable {
    public static let schema = "hand_figures"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "entered_at", on: .create) public var enteredAt: Date?

    @Field(key: "council_id") public var councilID: UUID

    @Field(key: "indicator") public var indicator: String
    @Field(key: "basis") public var basis: String
    @Field(key: "month") public var month: String
    @Field(key: "value") public var value: Double
    @Field(key: "entered_by") public var enteredBy: String
    @OptionalField(key: "note") public var note: String?
    /// The name of a measure counted by hand (indicator `other`), so that each such measure keeps its own figures.
    @OptionalField(key: "measure") public var measure: String?

    public init() {}

    public init(councilID: UUID, indicator: String, basis: String, month: String, value: Double, enteredBy: String, note: String?, measure: String? = nil) {
        self.measure = measure
        self.councilID = councilID
        self.indicator = indicator
        self.basis = basis
        self.month = month
        self.value = value
        self.enteredBy = enteredBy
        self.note = note
    }
}
