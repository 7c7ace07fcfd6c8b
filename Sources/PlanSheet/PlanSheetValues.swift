import Domain
import Foundation

/// What is wrong with one cell's value, in words for the person who typed it.
struct ValueProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// The readers of each column's values: one function per kind of value, each giving the value or what is wrong with
/// it. Nothing here guesses: a value that could be read two ways is refused with the way to write it.
enum PlanValues {
    static let dateForms = "write dates as 31/03/2012, 31 March 2012 or 2012-03-31"

    /// Matching key for headings and names: case, surrounding spaces and runs of spaces inside do not count.
    static func key(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A value as a message quotes it: cut short, so a pasted paragraph does not swamp the list of problems.
    static func quoted(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        return "'" + (flat.count > 60 ? flat.prefix(57) + "..." : flat) + "'"
    }

    /// A number cell as text: whole numbers without a decimal point ("3", not "3.0"), so a reference typed as 12 in
    /// Excel reads as "12".
    static func text(of number: Double) -> String {
        number.isFinite && number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    /// Characters no one types and an xlsx file cannot hold (XML 1.0 forbids them): Word's line break (U+000B) becomes
    /// a line break, the other control characters are dropped. Tab, line feed and carriage return are kept.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0x0B { out.append("\n") } else if !isForbidden(scalar) { out.append(scalar) }
        }
        return String(out)
    }

    private static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s.value != 0x09 && s.value != 0x0A && s.value != 0x0D) || s.value == 0xFFFE || s.value == 0xFFFF
    }

    // MARK: Dates

    /// A date as people type it: 31/03/2012, 31-03-2012, 31.03.2012, 31 03 2012, 31 March 2012, 31 Mar 2012,
    /// 31st March 2012, 2012-03-31. The day always comes first (or the year, in the ISO form): 12/31/2012 is refused,
    /// not read month first, and so is a two-digit year.
    static func date(text: String) -> Result<CalendarDate, ValueProblem> {
        var t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // A date column exported from another system often carries midnight; any other time is not a plan's date.
        for midnight in [" 00:00:00", " 00:00", "T00:00:00Z", "T00:00:00.000Z", "T00:00:00", "T00:00"] where t.hasSuffix(midnight) {
            t = String(t.dropLast(midnight.count))
            break
        }
        let shown = quoted(text)
        let parts = t.split(whereSeparator: { " /-.,".contains($0) })
        guard parts.count == 3 else { return .failure(ValueProblem("\(shown) is not a date: \(dateForms)")) }
        let yearFirst = parts[0].count == 4 && isDigits(parts[0])
        let (dayText, monthText, yearText) = yearFirst ? (parts[2], parts[1], parts[0]) : (parts[0], parts[1], parts[2])

        guard isDigits(yearText) else {
            return .failure(ValueProblem("\(shown) is not a date: \(dateForms), the day first and the year last, in full"))
        }
        if yearText.count == 2 {
            return .failure(ValueProblem("\(shown) has a two-digit year: write the year in full (2012, not 12), so that the century is not guessed"))
        }
        guard yearText.count == 4, let year = Int(yearText), year >= 1900 else {
            return .failure(ValueProblem("\(shown) is not a date: \(yearText) is not a year (write it in full, such as 2012)"))
        }

        // "March 31 2012": the month before the day, as Americans write it.
        if !yearFirst, monthNumber(dayText) != nil {
            return .failure(ValueProblem("\(shown) is not a date: write the day before the month, such as 31 March 2012"))
        }
        let month: Int
        if isDigits(monthText) {
            guard monthText.count <= 2, let m = Int(monthText), (1...12).contains(m) else {
                if !yearFirst, isDigits(dayText), let d = Int(dayText), (1...12).contains(d) {
                    return .failure(ValueProblem("\(shown) is not a date: there is no month \(monthText). Dates are read day first, so this looks like a month-first (American) date: write it day first (\(monthText)/\(dayText)/\(yearText) if that is the date meant)"))
                }
                return .failure(ValueProblem("\(shown) is not a date: there is no month \(monthText) (\(dateForms))"))
            }
            month = m
        } else if let m = monthNumber(monthText) {
            month = m
        } else {
            return .failure(ValueProblem("\(shown) is not a date: \(quoted(String(monthText))) is not a month (\(dateForms))"))
        }

        var day = Substring(dayText.lowercased())
        // "31st", "2nd", "3rd", "4th".
        for suffix in ["st", "nd", "rd", "th"] where day.hasSuffix(suffix) && day.count > 2 {
            day = day.dropLast(2)
            break
        }
        guard isDigits(day), day.count <= 2, let d = Int(day) else {
            return .failure(ValueProblem("\(shown) is not a date: \(dateForms)"))
        }
        guard d >= 1, let date = CalendarDate(year: year, month: month, day: d) else {
            return .failure(ValueProblem("\(shown) is not a date: there is no \(d) \(MonthNames.full[month - 1]) \(year)"))
        }
        return .success(date)
    }

    /// An xlsx date cell: Excel's serial day in its 1900 date system, where day 1 is 1 January 1900 and day 60 is
    /// 29 February 1900, a day that never was (Lotus 1-2-3 took 1900 for a leap year, and Excel kept the mistake). So
    /// from day 61 (1 March 1900) a serial is one more than the days since 31 December 1899, and before day 60 it is
    /// exactly that. A time of day (the fraction) is dropped: a plan's dates are whole days.
    static func date(serial: Double) -> Result<CalendarDate, ValueProblem> {
        // Serial 2,958,465 is 31 December 9999, Excel's last day.
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else {
            return .failure(ValueProblem("the number \(text(of: serial)) is not a date: \(dateForms), or format the cell as a date"))
        }
        let whole = Int(serial.rounded(.down))
        if whole == 60 {
            return .failure(ValueProblem("the cell holds Excel's day 60, 29 February 1900, a day that never was (Excel counts 1900 as a leap year): type the date again"))
        }
        // Day numbers count from 1 January 1970, Excel's day 25,569.
        return .success(CalendarDate(dayNumber: whole - (whole < 60 ? 25_568 : 25_569)))
    }

    /// "March", "mar", "Sept" → 3, 3, 9.
    static func monthNumber<S: StringProtocol>(_ text: S) -> Int? {
        let lowered = text.lowercased()
        if lowered == "sept" { return 9 }
        return MonthNames.full.firstIndex { $0.lowercased() == lowered || $0.lowercased().prefix(3) == lowered }.map { $0 + 1 }
    }

    static func isDigits<S: StringProtocol>(_ text: S) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    // MARK: Names

    static let ownerWords = "The council, Police, Health, Safeguarding partnership, Schools and education or Another partner"
    static let statusWords = "Not started, In progress, Complete or Blocked"

    /// An owner by its label ("Schools and education") or its stored value ("education").
    static func owner(_ text: String) -> Result<PlanAction.Owner, ValueProblem> {
        let k = key(text)
        if let owner = PlanAction.Owner.allCases.first(where: { key($0.label) == k || $0.rawValue == k }) { return .success(owner) }
        return .failure(ValueProblem("\(quoted(text)) is not an owner: write one of \(ownerWords)"))
    }

    /// A status by its label ("In progress") or its stored value ("in_progress"); empty is not started.
    static func status(_ text: String) -> Result<PlanAction.Status, ValueProblem> {
        let k = key(text)
        if k.isEmpty { return .success(.notStarted) }
        if let status = PlanAction.Status.allCases.first(where: { key($0.label) == k || $0.rawValue == k }) { return .success(status) }
        return .failure(ValueProblem("\(quoted(text)) is not a status: write one of \(statusWords), or leave the cell empty for not started"))
    }

    /// Every indicator the product computes, by its id and by the name the product shows for it. `other` (a target
    /// no return computes) by its id only: its name is a description, not a name anyone would type.
    static let indicators: [String: IndicatorID] = {
        var table: [String: IndicatorID] = ["other": .other]
        for id in IndicatorID.computed {
            table[key(id.rawValue)] = id
            // The first indicator of a name keeps it, should two ever share one.
            if table[key(id.info.title)] == nil { table[key(id.info.title)] = id }
        }
        return table
    }()

    static func indicator(_ text: String) -> Result<IndicatorID, ValueProblem> {
        if let id = indicators[key(text)] { return .success(id) }
        return .failure(ValueProblem("\(quoted(text)) is not an indicator the product knows: write its id (such as cp_visits_in_timescale) or its name as the product shows it (such as \"Children on child protection plans visited in time\"), or leave the cell empty"))
    }

    /// The notice's measure as the notice numbers it, from 1; given back 0-based, as `PlanAction.measure` holds it.
    static func measure(_ cell: Grid.Cell, count: Int?) -> Result<Int, ValueProblem> {
        let number: Int
        switch cell {
        case .number(let value):
            guard value.isFinite, value == value.rounded(), abs(value) < 1e9 else {
                return .failure(ValueProblem("\(text(of: value)) is not a measure's number: write the measure's number as the notice numbers it (1, 2, 3 ...)"))
            }
            number = Int(value)
        case .text(let raw):
            let t = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            let digits = t.hasPrefix("-") ? t.dropFirst() : Substring(t)
            guard isDigits(digits), digits.count <= 9, let n = Int(digits) else {
                return .failure(ValueProblem("\(quoted(raw)) is not a measure's number: write the measure's number as the notice numbers it (1, 2, 3 ...)"))
            }
            number = t.hasPrefix("-") ? -n : n
        }
        guard number >= 1 else {
            return .failure(ValueProblem("the notice's measures are numbered from 1, so there is no measure \(number)"))
        }
        if let count, number > count {
            let has = count <= 0 ? "no measures" : count == 1 ? "1 measure" : "\(count) measures"
            return .failure(ValueProblem("the notice has \(has), so there is no measure \(number)"))
        }
        return .success(number - 1)
    }
}
