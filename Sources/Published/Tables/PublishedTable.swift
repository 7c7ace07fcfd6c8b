/// One of DfE's explore-education-statistics tables ("tidy" CSV), as read: one row per period, place and
/// breakdown, with its measures as published. Any file in this layout is one, not only the tables we ship.
public struct PublishedTable: Sendable {
    /// The file's name: the table's identity, so loading a file of the same name again replaces it.
    public var name: String
    /// The columns that split a place's figures (category, care_leaver_age, ...), in the file's order.
    public var breakdownColumns: [String]
    /// The columns of figures, in the file's order.
    public var measures: [String]
    public var rows: [PublishedRow]

    public init(name: String, breakdownColumns: [String], measures: [String], rows: [PublishedRow]) {
        self.name = name
        self.breakdownColumns = breakdownColumns
        self.measures = measures
        self.rows = rows
    }

    /// The years the table covers, oldest first.
    public var years: [Int] { Array(Set(rows.map(\.period.year))).sorted() }
}

/// A year of a published table. DfE writes `2025` (the year to 31 March 2025, or the census at 30 September 2025)
/// or `202425` (the financial year 2024-25); both are the year that ends in 2025.
public struct PublishedPeriod: Sendable, Hashable, Comparable {
    /// As written in `time_period`.
    public var text: String
    /// `time_identifier`: "Reporting year", "Financial year", "Academic year", ...
    public var identifier: String
    /// The calendar year the period ends in.
    public var year: Int

    public init?(text: String, identifier: String) {
        let digits = text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        guard digits, let number = Int(text) else { return nil }
        switch text.count {
        case 4 where (1900...2199).contains(number):
            year = number
        case 6:
            // 202425: the second part must follow the first (2024 then 25).
            let first = number / 100, second = number % 100
            guard (1900...2199).contains(first), (first + 1) % 100 == second else { return nil }
            year = first + 1
        default:
            return nil
        }
        self.text = text
        self.identifier = identifier
    }

    public static func < (a: PublishedPeriod, b: PublishedPeriod) -> Bool { (a.year, a.text) < (b.year, b.text) }

    /// As DfE labels it on its own pages: "2024-25" for `202425`, otherwise the year as written.
    public var label: String {
        guard text.count == 6 else { return text }
        let short = year % 100
        return "\(year - 1)-\(short < 10 ? "0" : "")\(short)"
    }
}

/// The level of a row's place.
public enum GeographicLevel: Sendable, Hashable {
    case national, regional, localAuthority
    /// A level this product does not compare on (local authority district, ...): kept, never mixed in.
    case other(String)

    public init(_ text: String) {
        switch text {
        case "National": self = .national
        case "Regional": self = .regional
        case "Local authority": self = .localAuthority
        default: self = .other(text)
        }
    }

    public var text: String {
        switch self {
        case .national: return "National"
        case .regional: return "Regional"
        case .localAuthority: return "Local authority"
        case .other(let text): return text
        }
    }
}

/// Where a row's figures are for. Councils are found by `laCode`, the three-digit number the returns use; the ONS
/// code (`newCode`) changes when a council is reorganised and is kept to show, not to join on.
public struct PublishedPlace: Sendable, Hashable {
    public var countryCode: String
    public var countryName: String
    public var regionCode: String
    public var regionName: String
    public var laCode: String
    public var newCode: String
    public var laName: String

    public init(countryCode: String = "", countryName: String = "", regionCode: String = "", regionName: String = "",
                laCode: String = "", newCode: String = "", laName: String = "") {
        self.countryCode = countryCode
        self.countryName = countryName
        self.regionCode = regionCode
        self.regionName = regionName
        self.laCode = laCode
        self.newCode = newCode
        self.laName = laName
    }
}

/// One line of a published table.
public struct PublishedRow: Sendable, Hashable {
    /// The file's line the row starts on (the header is line 1).
    public var line: Int
    public var period: PublishedPeriod
    public var level: GeographicLevel
    public var place: PublishedPlace
    /// Aligned with the table's `breakdownColumns`.
    public var breakdown: [String]
    /// Aligned with the table's `measures`.
    public var cells: [PublishedCell]

    public init(line: Int, period: PublishedPeriod, level: GeographicLevel, place: PublishedPlace, breakdown: [String], cells: [PublishedCell]) {
        self.line = line
        self.period = period
        self.level = level
        self.place = place
        self.breakdown = breakdown
        self.cells = cells
    }
}
