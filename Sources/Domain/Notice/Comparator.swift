/// A level a notice sets by comparison rather than by a figure: "at or above the England average", "in line with
/// statistical neighbours", "below the regional average". The level for a due date is the published figure of the
/// year that covers it, once DfE has published that year.
public enum Comparator: String, Codable, Sendable, CaseIterable {
    case england
    case region
    case neighbours

    /// The comparator a target's words name, if any ("the England average" → england).
    public static func named(in words: String) -> Comparator? {
        let text = words.lowercased()
        func has(_ phrases: [String]) -> Bool { phrases.contains { text.contains($0) } }
        if has(["statistical neighbour", "comparator authorit", "comparator councils", "similar authorities", "similar councils"]) { return .neighbours }
        if has(["regional average", "the region's average", "average for the region", "regional figure"]) { return .region }
        if has(["england average", "national average", "average for england", "england figure", "national figure", "the average in england"]) { return .england }
        return nil
    }

    /// For a sentence: "England's", "the region's", "the statistical neighbours' average".
    public var figureWords: String {
        switch self {
        case .england: return "England's figure"
        case .region: return "the region's figure"
        case .neighbours: return "the statistical neighbours' average"
        }
    }
}

/// The published levels a council's comparator targets are judged against: for each indicator and comparator, the
/// figure of each published year. Plain values, made at the edge from the published statistics, so monitoring stays
/// pure.
public struct ComparatorLevels: Sendable {
    public struct Level: Sendable, Equatable {
        public var value: Double
        /// The publisher's text ("22.6"), and the year as people name it ("2024-25", "30 September 2025").
        public var text: String
        public var yearLabel: String

        public init(value: Double, text: String, yearLabel: String) {
            self.value = value
            self.text = text
            self.yearLabel = yearLabel
        }
    }

    /// Which month the published year ends in (3 for the year to 31 March, 9 for the census at 30 September).
    public var yearEndMonth: [IndicatorID: Int]
    public var levels: [IndicatorID: [Comparator: [Int: Level]]]

    public init(yearEndMonth: [IndicatorID: Int] = [:], levels: [IndicatorID: [Comparator: [Int: Level]]] = [:]) {
        self.yearEndMonth = yearEndMonth
        self.levels = levels
    }

    public static let none = ComparatorLevels()

    /// Whether anything is published for the indicator at all (a comparator with no published counterpart cannot
    /// be judged from here).
    public func publishes(_ indicator: IndicatorID) -> Bool { yearEndMonth[indicator] != nil }

    /// The published year that covers a date: the year ending in the month after it or later.
    public func year(of indicator: IndicatorID, covering date: CalendarDate) -> Int? {
        guard let end = yearEndMonth[indicator] else { return nil }
        return date.month <= end ? date.year : date.year + 1
    }

    public func level(_ indicator: IndicatorID, _ comparator: Comparator, covering date: CalendarDate) -> Level? {
        guard let year = year(of: indicator, covering: date) else { return nil }
        return levels[indicator]?[comparator]?[year]
    }
}
