import Domain

/// Dates as people type them into a form: "16/12/2011", "16 12 2011", "16 December 2011", "16 Dec 2011" or
/// "2011-12-16". Anything else, or a day that does not exist (31 June), is refused with a message that shows the form
/// wanted, never guessed.
enum DateEntry {
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    static func parse(_ typed: String) -> CalendarDate? {
        let text = typed.trimmingCharacters(in: .whitespaces)
        if let iso = CalendarDate(iso: text) { return iso }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]), parts[2].count == 4 else { return nil }
        let month: Int
        if let number = Int(parts[1]) {
            month = number
        } else {
            let word = parts[1].lowercased()
            guard word.count >= 3, let index = months.firstIndex(where: { $0 == word || ($0.hasPrefix(word) && word.count == 3) }) else { return nil }
            month = index + 1
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// A month as people type it: "June 2011", "Jun 2011", "6 2011", "06/2011" or "2011-06".
    static func month(_ typed: String) -> YearMonth? {
        let text = typed.trimmingCharacters(in: .whitespaces)
        if let iso = YearMonth(iso: text) { return iso }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 2, parts[1].count == 4, let year = Int(parts[1]) else { return nil }
        let number = Int(parts[0]) ?? months.firstIndex { $0 == parts[0].lowercased() || (parts[0].count == 3 && $0.hasPrefix(parts[0].lowercased())) }.map { $0 + 1 }
        guard let number, (1...12).contains(number) else { return nil }
        return YearMonth(year: year, month: number)
    }

    /// "The due date must be a real date, like 31 12 2011".
    static func hint(_ what: String, example: String) -> String {
        "\(what) must be a real date, like \(example)"
    }
}
