import Domain

enum Months {
    static let names: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]
    static let roman: [String: Int] = [
        "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12,
    ]
    static let fullNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                            "October", "November", "December"]

    static func number(_ word: String) -> Int? { names[word] }
    static func romanNumber(_ word: String) -> Int? { roman[word] }
}

/// A date expression as the notice wrote it, before yearless months are given a year.
enum DateValue: Equatable {
    case day(CalendarDate)
    case month(YearMonth)
    case year(Int)
    /// "by June" with no year; resolved from the notice's own dates.
    case yearlessMonth(Int)
    case yearlessDay(month: Int, day: Int)
    /// "2012-13", "financial year 2012-13": the year's first calendar year.
    case financialYear(Int)
    /// "Q1 2011-12", "the first quarter of 2011-12": quarter 1…4 of a financial year.
    case quarter(financialYear: Int, quarter: Int)
    /// "the first three quarters of 2011-12": the year to date at the end of that many quarters.
    case quartersToDate(financialYear: Int, quarters: Int)
    /// "within two months of the date of this Improvement Notice", "after six months".
    case afterNotice(months: Int)
    /// "following the end of the Improvement Notice period".
    case endOfNotice
    /// "the January Improvement Board", "the December Board".
    case meeting(name: String, month: Int?, year: Int?)
}

struct DateMatch {
    var value: DateValue
    /// Token indices covered.
    var tokens: Range<Int>
    var warnings: [String] = []
}

/// Reads the date expressions notices use. Each reader looks at one token position and says what date starts there.
enum Dates {
    /// Every date expression in the tokens, left to right, never overlapping.
    static func all(_ t: [Token], in doc: Document) -> [DateMatch] {
        var found: [DateMatch] = []
        var i = 0
        while i < t.count {
            if let list = monthList(t, at: i) {
                found += list
                i = list.last!.tokens.upperBound
                continue
            }
            if let m = match(t, at: i, in: doc) {
                found.append(m)
                i = m.tokens.upperBound
            } else {
                i += 1
            }
        }
        return found
    }

    static func match(_ t: [Token], at i: Int, in doc: Document) -> DateMatch? {
        relative(t, at: i) ?? meeting(t, at: i) ?? endOf(t, at: i, in: doc) ?? quarterExpression(t, at: i)
            ?? numericDate(t, at: i, in: doc) ?? dayMonthYear(t, at: i, in: doc) ?? monthYear(t, at: i)
            ?? financialYear(t, at: i) ?? isoLike(t, at: i)
    }

    // MARK: Helpers

    static func word(_ t: [Token], _ k: Int) -> String? {
        k >= 0 && k < t.count && t[k].kind == .word ? t[k].text : nil
    }

    static func year(_ t: [Token], _ k: Int) -> Int? {
        guard k < t.count, t[k].isNumber, !t[k].isDecimal, t[k].text.count == 4 else { return nil }
        let y = Int(t[k].value)
        return (1990...2100).contains(y) ? y : nil
    }

    /// A month name, only when written with a capital ("May" the month, not "may" the verb), or an abbreviation.
    static func monthName(_ t: [Token], _ k: Int) -> Int? {
        guard k < t.count, t[k].kind == .word, let m = Months.number(t[k].text) else { return nil }
        if t[k].text == "may" && !t[k].capitalised { return nil }
        if !t[k].capitalised && t[k].text.count <= 4 { return nil }  // "mar", "dec" in lower case are not months
        return m
    }

    /// "2011-12", "2011/12", "2011-2012", "2011/2012" as a financial year; returns the start year and tokens used.
    static func financialYearTokens(_ t: [Token], at i: Int) -> (Int, Int)? {
        guard let y = year(t, i), i + 2 < t.count, t[i + 1].isPunct("-") || t[i + 1].isPunct("/"),
              t[i + 2].isNumber, !t[i + 2].isDecimal, let second = t[i + 2].integer else { return nil }
        if t[i + 2].text.count == 2, second == (y + 1) % 100 { return (y, 3) }
        if t[i + 2].text.count == 4, second == y + 1 { return (y, 3) }
        return nil
    }

    static func monthsCount(_ t: [Token], at k: Int) -> (Int, Int)? {
        guard let (n, used) = NumberWords.count(t, at: k) else {
            // "six-month", "twelve-month" compounds
            if let w = word(t, k), w.hasSuffix("-month") || w.hasSuffix("-months"), let v = NumberWords.value(of: w) { return (v, 1) }
            return nil
        }
        return (n, used)
    }

    static let quarterOrdinals = ["first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4]
    /// Words that can open a relative date; anything else is not one, and is passed over at once.
    static let relativeOpeners: Set<String> = ["from", "since", "end", "for", "during", "throughout", "over", "within", "after", "by", "at", "in"]

    /// Counts of months after the notice, given as a list: "at twelve and eighteen months", "six and twelve months
    /// after the date of this Notice", "at the end of months 3, 6 and 9 of this Notice".
    static func monthList(_ t: [Token], at i: Int) -> [DateMatch]? {
        var k = i
        var endOfMonths = false
        if word(t, k) == "at" || word(t, k) == "after" { k += 1 }
        if word(t, k) == "the", word(t, k + 1) == "end", word(t, k + 2) == "of", word(t, k + 3) == "months" {
            k += 4
            endOfMonths = true
        }
        var counts: [(Int, Int)] = []  // value, token index
        var unitEach = false
        while let (n, used) = NumberWords.count(t, at: k), n > 0, n <= 36 {
            counts.append((n, k))
            k += used
            // "six months and twelve months after …": the unit may follow each count.
            if !endOfMonths, word(t, k) == "months", let w = word(t, k + 1), w == "and" || w == "or" {
                unitEach = true
                k += 2
                continue
            }
            if k < t.count, t[k].isPunct(",") { k += 1; continue }
            if let w = word(t, k), w == "and" || w == "or" { k += 1; continue }
            break
        }
        guard counts.count >= 2 else { return nil }
        _ = unitEach
        if !endOfMonths {
            guard word(t, k) == "months" else { return nil }
            k += 1
        }
        // What follows may tie the counts to the notice; a bare list after "at" is counted from the notice too.
        if word(t, k) == "after" || word(t, k) == "from" || word(t, k) == "of" {
            var m = k + 1
            if word(t, m) == "the", let what = word(t, m + 1), ["date", "issue", "start"].contains(what), word(t, m + 2) == "of" { m += 3 }
            if let end = noticeReference(t, at: m) { k = end }
        }
        return counts.enumerated().map { n, entry in
            let start = n == 0 ? i : entry.1
            let stop = n == counts.count - 1 ? k : entry.1 + 1
            return DateMatch(value: .afterNotice(months: entry.0), tokens: start..<stop)
        }
    }
}
