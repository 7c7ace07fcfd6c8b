import Domain

/// The notice's fields as a flat list a person can go through: each with a path that names it, its value as text,
/// and the words it was read from. `apply` sets one from what the person typed, checking it reads as its kind.
public enum NoticeFields {
    public enum Kind: String, Sendable {
        case text, number, date, due, weeks, indicator
    }

    public struct Field: Sendable, Equatable {
        /// "council.name", "targets[0].milestones[1].value", …
        public var path: String
        public var label: String
        public var value: String
        public var kind: Kind
        public var source: SourceSpan?
    }

    public static func list(_ notice: Notice) -> [Field] {
        var fields: [Field] = [
            Field(path: "council.name", label: "Council", value: notice.council.name, kind: .text, source: notice.council.source),
            Field(path: "noticeDate", label: "Date of the notice", value: notice.noticeDate?.iso ?? "", kind: .date, source: notice.sources.noticeDate),
            Field(path: "durationMonths", label: "Length of the notice (months)", value: notice.durationMonths.map(String.init) ?? "", kind: .number,
                  source: notice.sources.duration),
        ]
        for (i, measure) in notice.measures.enumerated() {
            fields.append(Field(path: "measures[\(i)].text", label: "Measure \(i + 1)", value: measure.text, kind: .text, source: measure.source))
        }
        for (i, target) in notice.targets.enumerated() {
            let name = "Target \(i + 1)"
            fields.append(Field(path: "targets[\(i)].indicator", label: "\(name): what is measured", value: indicatorName(target.indicatorID),
                                kind: .indicator, source: target.source))
            fields.append(Field(path: "targets[\(i)].baseline.value", label: "\(name): baseline", value: target.baseline?.value.map(number) ?? "",
                                kind: .number, source: target.baseline?.source ?? target.source))
            for (j, milestone) in target.milestones.enumerated() {
                fields.append(Field(path: "targets[\(i)].milestones[\(j)].value", label: "\(name): milestone \(j + 1) level",
                                    value: milestone.value.map(number) ?? "", kind: .number, source: milestone.source))
                fields.append(Field(path: "targets[\(i)].milestones[\(j)].due", label: "\(name): milestone \(j + 1) due",
                                    value: milestone.due?.contractValue ?? "", kind: .due, source: milestone.source))
            }
        }
        for (i, deadline) in notice.deadlines.enumerated() {
            fields.append(Field(path: "deadlines[\(i)].due", label: "Deadline: \(deadline.what)", value: deadline.due?.contractValue ?? "", kind: .due,
                                source: deadline.source))
        }
        for (i, review) in notice.reviews.enumerated() {
            fields.append(Field(path: "reviews[\(i)].due", label: "Review: \(review.what)", value: review.due?.contractValue ?? "", kind: .due,
                                source: review.source))
        }
        fields.append(Field(path: "board.cadenceWeeks", label: "Board meets every (weeks)", value: notice.board.cadenceWeeks.map(String.init) ?? "",
                            kind: .weeks, source: notice.board.source))
        return fields
    }

    public struct Invalid: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// The notice with one field set from text. Throws, naming the field, when the text does not read as its kind.
    public static func apply(_ text: String, to path: String, in notice: Notice) throws(Invalid) -> Notice {
        var n = notice
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        func bad(_ why: String) -> Invalid { Invalid(description: "\(label(path, notice)): \(why)") }
        func num() throws(Invalid) -> Double? {
            if value.isEmpty { return nil }
            guard let d = Double(value.replacingOccurrences(of: "%", with: "")), d.isFinite else { throw bad("enter a number, like 70 or 12.5") }
            return d
        }
        func due() throws(Invalid) -> Due? {
            if value.isEmpty { return nil }
            if let d = CalendarDate(iso: value) { return .day(d) }
            if let m = YearMonth(iso: value) { return .month(m) }
            let parts = value.lowercased().replacingOccurrences(of: "notice+", with: "").replacingOccurrences(of: "m", with: " m").split(separator: " ")
            if let first = parts.first, let months = Int(first), months > 0, months < 120 { return .afterNotice(months: months) }
            throw bad("enter a date (2011-06-30), a month (2011-06) or months after the notice (notice+2m)")
        }
        let indices = path.split(whereSeparator: { "[]".contains($0) }).compactMap { Int($0) }
        switch path {
        case "council.name":
            guard !value.isEmpty else { throw bad("enter the council's name") }
            n.council.name = value
        case "noticeDate":
            if value.isEmpty { n.noticeDate = nil } else {
                guard let d = CalendarDate(iso: value) else { throw bad("enter a date as 2011-01-31") }
                n.noticeDate = d
            }
        case "durationMonths":
            if value.isEmpty { n.durationMonths = nil } else {
                guard let m = Int(value), m > 0, m < 120 else { throw bad("enter a number of months") }
                n.durationMonths = m
            }
        case _ where path.hasPrefix("targets[") && path.hasSuffix("].indicator"):
            guard let i = indices.first, n.targets.indices.contains(i) else { throw Invalid(description: "there is no field \(path)") }
            guard let id = indicator(named: value) else { throw bad("choose one of the standard indicators, or another measure") }
            n.targets[i].indicatorID = id
            // A person has decided: the reader's doubt no longer applies.
            n.targets[i].match = nil
        case "board.cadenceWeeks":
            if value.isEmpty { n.board.cadenceWeeks = nil } else {
                guard let w = Int(value), w > 0, w < 53 else { throw bad("enter a number of weeks") }
                n.board.cadenceWeeks = w
            }
        default:
            if path.hasPrefix("measures["), path.hasSuffix("].text"), let i = indices.first, n.measures.indices.contains(i) {
                guard !value.isEmpty else { throw bad("a measure cannot be empty") }
                n.measures[i].text = value
            } else if path.hasPrefix("targets["), path.hasSuffix("].baseline.value"), let i = indices.first, n.targets.indices.contains(i) {
                let v = try num()
                if n.targets[i].baseline == nil { n.targets[i].baseline = Baseline(value: v) } else { n.targets[i].baseline!.value = v }
            } else if path.hasPrefix("targets["), indices.count == 2, n.targets.indices.contains(indices[0]),
                      n.targets[indices[0]].milestones.indices.contains(indices[1]) {
                if path.hasSuffix("].value") {
                    n.targets[indices[0]].milestones[indices[1]].value = try num()
                } else if path.hasSuffix("].due") {
                    n.targets[indices[0]].milestones[indices[1]].due = try due()
                } else {
                    throw Invalid(description: "there is no field \(path)")
                }
            } else if path.hasPrefix("deadlines["), path.hasSuffix("].due"), let i = indices.first, n.deadlines.indices.contains(i) {
                n.deadlines[i].due = try due()
            } else if path.hasPrefix("reviews["), path.hasSuffix("].due"), let i = indices.first, n.reviews.indices.contains(i) {
                n.reviews[i].due = try due()
            } else {
                throw Invalid(description: "there is no field \(path)")
            }
        }
        return n
    }

    /// What a person calls an indicator: its title, or for `other` what becomes of it.
    public static func indicatorName(_ id: IndicatorID) -> String {
        id == .other ? otherName : id.info.title
    }

    public static let otherName = "Another measure (figures entered by hand)"

    /// The indicators a target can be set to, as a person chooses: the canonical ones by title, then `other`.
    public static var indicatorChoices: [(id: IndicatorID, name: String)] {
        IndicatorID.allCases.filter { $0 != .other && $0.info.variantOf == nil }.map { ($0, $0.info.title) }.sorted { $0.name < $1.name }
            + [(.other, otherName)]
    }

    static func indicator(named text: String) -> IndicatorID? {
        let key = text.lowercased()
        if let id = IndicatorID(rawValue: text) { return id }
        return (IndicatorID.allCases.map { ($0, indicatorName($0)) }).first { $0.1.lowercased() == key }?.0
    }

    /// A field a person should look at before the rest, and why.
    public struct Check: Sendable, Equatable {
        public var path: String
        public var label: String
        public var reason: String
    }

    /// The fields most likely to be wrong, in the page's order: indicators the reader doubted, figures and dates it
    /// could not find, the notice's date when missing (every relative date waits on it) and the board's cadence.
    public static func toCheck(_ notice: Notice) -> [Check] {
        var checks: [Check] = []
        let fields = list(notice)
        func add(_ path: String, _ reason: String) {
            if let field = fields.first(where: { $0.path == path }) { checks.append(Check(path: path, label: field.label, reason: reason)) }
        }
        if notice.noticeDate == nil { add("noticeDate", "The notice's date was not found; dates counted from it wait for it.") }
        for (i, target) in notice.targets.enumerated() {
            if let match = target.match, match.needsChecking {
                add("targets[\(i)].indicator", match.doubt ?? "The reader was not sure what this target measures.")
            }
            for (j, milestone) in target.milestones.enumerated() {
                if milestone.value == nil { add("targets[\(i)].milestones[\(j)].value", "No figure was read for this milestone.") }
                if milestone.due == nil { add("targets[\(i)].milestones[\(j)].due", "No date was read for this milestone.") }
            }
        }
        if notice.board.cadenceWeeks == nil { add("board.cadenceWeeks", "How often the board meets was not found.") }
        return checks
    }

    static func label(_ path: String, _ notice: Notice) -> String {
        list(notice).first { $0.path == path }?.label ?? path
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
