/// A case-file audit grade on Ofsted's scales (INDICATORS.md §3.17): the four-point scale to November 2013
/// (outstanding, good, adequate, inadequate) and the single inspection framework's after it (outstanding, good,
/// requires improvement, inadequate). "Requires improvement" is not a renamed "adequate", but both rank 3.
public enum AuditGrade: String, Codable, Hashable, Sendable, CaseIterable {
    case outstanding, good, adequate
    case requiresImprovement = "requires improvement"
    case inadequate

    /// 1 outstanding … 4 inadequate.
    public var rank: Int {
        switch self {
        case .outstanding: return 1
        case .good: return 2
        case .adequate, .requiresImprovement: return 3
        case .inadequate: return 4
        }
    }

    /// Reads a grade as councils write it: "Good", "RI", "requires improvement to be good", "1".."4".
    public init?(text: String) {
        let t = text.lowercased().split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        switch t {
        case "outstanding", "1": self = .outstanding
        case "good", "2": self = .good
        case "adequate": self = .adequate
        case "requires improvement", "requires improvement to be good", "ri", "3": self = .requiresImprovement
        case "inadequate", "4": self = .inadequate
        default: return nil
        }
    }

    /// "Requires improvement", for people.
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// The grades on the scale in force on a date: adequate before the single inspection framework (November 2013),
    /// requires improvement after.
    public static func scale(on date: CalendarDate) -> [AuditGrade] {
        date < CalendarDate(year: 2013, month: 11, day: 1)! ? [.outstanding, .good, .adequate, .inadequate] : [.outstanding, .good, .requiresImprovement, .inadequate]
    }
}
