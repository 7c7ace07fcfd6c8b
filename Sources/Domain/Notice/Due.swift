/// When something is due, in the terms the notice used.
///
/// Notices date things absolutely ("by 30 June 2011", "June 2011"), relative to the notice
/// ("within two months of the date of this Improvement Notice"), or by a board meeting
/// ("in time for the January Improvement Board"). The relative forms resolve once the notice date is known.
public enum Due: Hashable, Codable, Sendable, CustomStringConvertible {
    /// A named day.
    case day(CalendarDate)
    /// A month with no day: due by the month's end.
    case month(YearMonth)
    /// N months after the notice date ("within two months of the notice" is 2; "from the date of the notice" is 0).
    case afterNotice(months: Int)
    /// A named board meeting. `month` is the month the meeting falls in, when it could be resolved.
    case meeting(name: String, month: YearMonth?)

    /// The contract form: `YYYY-MM-DD`, `YYYY-MM`, or `notice+Nm`. A meeting prints its month when known.
    public var contractValue: String? {
        switch self {
        case .day(let d): return d.iso
        case .month(let m): return m.iso
        case .afterNotice(let n): return "notice+\(n)m"
        case .meeting(_, let month): return month?.iso
        }
    }

    public var description: String {
        switch self {
        case .meeting(let name, let month): return month.map { "\(name) (\($0.iso))" } ?? name
        default: return contractValue ?? ""
        }
    }

    /// The last day this falls due, given the notice date when the due is relative to it.
    public func resolved(noticeDate: CalendarDate?) -> CalendarDate? {
        switch self {
        case .day(let d): return d
        case .month(let m): return m.lastDay
        case .afterNotice(let n): return noticeDate?.adding(months: n)
        case .meeting(_, let month): return month?.lastDay
        }
    }
}
