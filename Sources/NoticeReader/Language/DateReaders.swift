import Domain

/// Each form a date takes in a notice, read at a token.
extension Dates {
    // MARK: Readers

    /// "within two months of the date of this Improvement Notice", "within one month of the issue of this Notice",
    /// "twelve months from the start of the Notice", "after six months", "at the six month stage",
    /// "by the time of the six month review", "from the date of the Improvement Notice", "the end of the notice period".
    static func relative(_ t: [Token], at i: Int) -> DateMatch? {
        guard i < t.count, t[i].kind == .word || t[i].isNumber else { return nil }
        let w = t[i].kind == .word ? t[i].text : ""
        // "twelve months from the start of the Notice", "6 months after the notice" open with the count.
        if !relativeOpeners.contains(w) && !t[i].isNumber && NumberWords.value(of: w) == nil { return nil }
        // "from the date of the (Improvement) Notice"
        if w == "from" || w == "since", word(t, i + 1) == "the", let next = word(t, i + 2), ["date", "issue", "start"].contains(next),
           word(t, i + 3) == "of", let end = noticeReference(t, at: i + 4) {
            return DateMatch(value: .afterNotice(months: 0), tokens: i..<end)
        }
        // "for the duration of this Improvement Notice", "throughout the period of the Notice"
        if ["for", "during", "throughout", "over"].contains(w), word(t, i + 1) == "the", let what = word(t, i + 2), ["duration", "period", "life", "lifetime"].contains(what),
           word(t, i + 3) == "of", let end = noticeReference(t, at: i + 4) {
            return DateMatch(value: .endOfNotice, tokens: i..<end)
        }
        // "(following|at|by) the end of the (Improvement) Notice (period)"
        if w == "end", word(t, i + 1) == "of", let end = noticeReference(t, at: i + 2) {
            var stop = end
            if word(t, stop) == "period" { stop += 1 }
            return DateMatch(value: .endOfNotice, tokens: i..<stop)
        }
        // "within N months (of the date of this notice)", "after N months", "N months from the start of the notice"
        var k = i
        let lead = w
        if ["within", "after", "by", "at", "in"].contains(lead) { k += 1 }
        if word(t, k) == "the" && lead != "within" { k += 1 }
        if word(t, k) == "time", word(t, k + 1) == "of", word(t, k + 2) == "the" { k += 3 }
        guard k < t.count, let (n, used) = monthsCount(t, at: k) else { return nil }
        var j = k + used
        let compound = word(t, k)?.contains("-month") ?? false
        if !compound {
            guard let unit = word(t, j), unit == "months" || unit == "month" else { return nil }
            j += 1
        }
        // What follows decides whether this is relative to the notice.
        if let next = word(t, j), ["stage", "review", "point", "mark"].contains(next) {
            return DateMatch(value: .afterNotice(months: n), tokens: i..<(j + 1))
        }
        if let next = word(t, j), ["of", "from", "after"].contains(next) {
            var m = j + 1
            if word(t, m) == "the", let what = word(t, m + 1), ["date", "issue", "start", "issuing"].contains(what), word(t, m + 2) == "of" {
                m += 3
            }
            if let end = noticeReference(t, at: m) { return DateMatch(value: .afterNotice(months: n), tokens: i..<end) }
            return nil
        }
        // A bare "within two months", "after six months", "at six months": the notice is the only clock a notice has;
        // but "re-referrals within 12 months" defines an indicator.
        if ["within", "after", "at"].contains(lead), !compound, !(i > 0 && t[i - 1].text.contains("referral")) {
            return DateMatch(value: .afterNotice(months: n), tokens: i..<j)
        }
        return nil
    }

    /// "this Improvement Notice", "the Notice", "the notice": returns the index after it.
    static func noticeReference(_ t: [Token], at k: Int) -> Int? {
        var m = k
        if let w = word(t, m), ["this", "the"].contains(w) { m += 1 }
        if word(t, m) == "improvement" { m += 1 }
        return word(t, m) == "notice" || word(t, m) == "letter" ? m + 1 : nil
    }

    /// "the January Improvement Board", "the December Board", "the March 2014 Board meeting", "the first meeting of
    /// the Board" (a meeting with no month yet).
    static func meeting(_ t: [Token], at i: Int) -> DateMatch? {
        if let w = word(t, i), ["first", "next", "second", "inaugural"].contains(w), word(t, i + 1) == "meeting", word(t, i + 2) == "of", word(t, i + 3) == "the" {
            var k = i + 4
            var nameWords: [String] = []
            while let n = word(t, k), ["safeguarding", "improvement", "children's"].contains(n) { nameWords.append(n); k += 1 }
            if word(t, k) == "board" {
                let name = "\(w) meeting of the " + (nameWords.map(capitalised) + ["Board"]).joined(separator: " ")
                return DateMatch(value: .meeting(name: name, month: nil, year: nil), tokens: i..<(k + 1))
            }
        }
        guard let m = monthName(t, i) else { return nil }
        var k = i + 1
        let y = year(t, k)
        if y != nil { k += 1 }
        var nameWords: [String] = []
        while let w = word(t, k), ["safeguarding", "improvement", "children's", "partnership"].contains(w) {
            nameWords.append(w)
            k += 1
        }
        guard word(t, k) == "board" else { return nil }
        k += 1
        if word(t, k) == "meeting" { k += 1 }
        let name = ([Months.fullNames[m - 1]] + (y.map { [String($0)] } ?? []) + nameWords.map(capitalised) + ["Board"]).joined(separator: " ")
        return DateMatch(value: .meeting(name: name, month: m, year: y), tokens: i..<k)
    }

    static func capitalised(_ w: String) -> String {
        w.prefix(1).uppercased() + w.dropFirst()
    }

    /// "(the) end of January 2012", "end of March": the month's last day.
    static func endOf(_ t: [Token], at i: Int, in doc: Document) -> DateMatch? {
        guard word(t, i) == "end" else { return nil }
        // "end of March 2014", and the clipped "end March 2014".
        var k = word(t, i + 1) == "of" ? i + 2 : i + 1
        if k == i + 1 && monthName(t, k) == nil { return nil }
        if word(t, k) == "the" { k += 1 }
        if let fy = financialYearEnd(t, at: k) { return DateMatch(value: fy.0, tokens: i..<fy.1) }
        guard let m = monthName(t, k) else { return nil }
        if let y = year(t, k + 1) {
            return DateMatch(value: .day(CalendarDate.endOf(month: m, year: y)), tokens: i..<(k + 2))
        }
        return DateMatch(value: .yearlessDay(month: m, day: 31), tokens: i..<(k + 1))
    }

    /// "(the) financial year 2012-13" → March 2013; used after "end of".
    static func financialYearEnd(_ t: [Token], at k: Int) -> (DateValue, Int)? {
        var m = k
        if word(t, m) == "financial" || word(t, m) == "reporting" { m += 1 }
        guard word(t, m) == "year" else { return nil }
        guard let (fy, used) = financialYearTokens(t, at: m + 1) else { return nil }
        return (.financialYear(fy), m + 1 + used)
    }

    /// "Q1 2011-12", "quarter 2 of 2011-12", "the first quarter of 2011-12", "the first three quarters of the 2011-12
    /// reporting year", "first quarter of 2011-12 year".
    static func quarterExpression(_ t: [Token], at i: Int) -> DateMatch? {
        var k = i
        var quarter: Int?
        var toDate = false
        if word(t, k) == "q", k + 1 < t.count, t[k + 1].isNumber {
            quarter = t[k + 1].integer
            k += 2
        } else if word(t, k) == "quarter", k + 1 < t.count, t[k + 1].isNumber {
            quarter = t[k + 1].integer
            k += 2
        } else {
            if word(t, k) == "the" { k += 1 }
            if let w = word(t, k), let q = Self.quarterOrdinals[w], word(t, k + 1) == "quarter" {
                quarter = q
                k += 2
            } else if word(t, k) == "first", let n = word(t, k + 1).flatMap({ NumberWords.value(of: $0) }), word(t, k + 2) == "quarters" {
                quarter = n
                toDate = true
                k += 3
            } else {
                return nil
            }
        }
        guard let q = quarter, (1...4).contains(q) else { return nil }
        if word(t, k) == "of" || word(t, k) == "in" { k += 1 }
        if word(t, k) == "the" { k += 1 }
        if word(t, k) == "financial" || word(t, k) == "reporting" { k += 1 }
        if word(t, k) == "year" { k += 1 }
        guard let (fy, used) = financialYearTokens(t, at: k) else { return nil }
        k += used
        if word(t, k) == "reporting" || word(t, k) == "financial" { k += 1 }
        if word(t, k) == "year" { k += 1 }
        let value: DateValue = toDate ? .quartersToDate(financialYear: fy, quarters: q) : .quarter(financialYear: fy, quarter: q)
        return DateMatch(value: value, tokens: i..<k)
    }

    /// "14/03/2012", "14/3/12", "29.06.2010", "29. vi. 10".
    static func numericDate(_ t: [Token], at i: Int, in doc: Document) -> DateMatch? {
        guard i < t.count, t[i].isNumber else { return nil }
        var day: Int, month: Int?, k: Int
        if t[i].isDecimal {
            // "29.06.2010" tokenises as "29.06", ".", "2010".
            let parts = t[i].text.split(separator: ".")
            guard parts.count == 2, let d = Int(parts[0]), let m = Int(parts[1]), i + 2 < t.count, t[i + 1].isPunct(".") else { return nil }
            day = d; month = m; k = i + 2
        } else {
            guard i + 2 < t.count, let sep = t[i + 1].kind == .punct ? t[i + 1].text : nil, ["/", ".", "-"].contains(sep),
                  let d = t[i].integer else { return nil }
            day = d
            if t[i + 2].isNumber, !t[i + 2].isDecimal {
                month = t[i + 2].integer
            } else if t[i + 2].kind == .word {
                month = Months.romanNumber(t[i + 2].text) ?? Months.number(t[i + 2].text)
            }
            guard month != nil, i + 4 < t.count, t[i + 3].isPunct(sep) else { return nil }
            k = i + 4
        }
        guard let m = month, (1...12).contains(m), (1...31).contains(day), k < t.count, t[k].isNumber, !t[k].isDecimal,
              var y = t[k].integer else { return nil }
        if t[k].text.count == 2 { y += 2000 } else if t[k].text.count != 4 { return nil }
        guard (1990...2100).contains(y) else { return nil }
        return dayValue(day: day, month: m, year: y, tokens: i..<(k + 1), t, doc)
    }

    static func dayValue(day: Int, month: Int, year: Int, tokens: Range<Int>, _ t: [Token], _ doc: Document) -> DateMatch {
        if let date = CalendarDate(year: year, month: month, day: day) {
            return DateMatch(value: .day(date), tokens: tokens)
        }
        let clamped = CalendarDate.endOf(month: month, year: year)
        let words = doc.string(t[tokens.lowerBound].range.lowerBound..<t[tokens.upperBound - 1].range.upperBound)
        return DateMatch(value: .day(clamped), tokens: tokens,
                         warnings: ["'\(words)' is not a date; read as \(clamped.iso)"])
    }

    /// "30 June 2011", "29th May 2012", "1st of April 2011", "30 June" (no year).
    static func dayMonthYear(_ t: [Token], at i: Int, in doc: Document) -> DateMatch? {
        guard i < t.count, t[i].isNumber, !t[i].isDecimal, t[i].text.count <= 2 else { return nil }
        let day = Int(t[i].value)
        guard (1...31).contains(day) else { return nil }
        var k = i + 1
        if let w = word(t, k), ["st", "nd", "rd", "th"].contains(w) { k += 1 }
        if word(t, k) == "day", word(t, k + 1) == "of" { k += 1 }  // "the 21st day of June 2012"
        if word(t, k) == "of" { k += 1 }
        guard let m = monthName(t, k) else { return nil }
        k += 1
        if k < t.count, t[k].isPunct(",") { k += 1 }
        if let y = year(t, k) {
            return dayValue(day: day, month: m, year: y, tokens: i..<(k + 1), t, doc)
        }
        if k > 0, t[k - 1].isPunct(",") { k -= 1 }
        return DateMatch(value: .yearlessDay(month: m, day: day), tokens: i..<k)
    }

    /// "June 2011", "Sep 2010", "(published January 2011)", "June 30, 2011", "June 2011" — and a month alone.
    static func monthYear(_ t: [Token], at i: Int) -> DateMatch? {
        guard let m = monthName(t, i) else { return nil }
        var k = i + 1
        if k < t.count, t[k].isPunct(",") { k += 1 }
        if let y = year(t, k) { return DateMatch(value: .month(YearMonth(year: y, month: m)!), tokens: i..<(k + 1)) }
        // "June 30, 2011", "March 31st 2014"
        if k < t.count, t[k].isNumber, !t[k].isDecimal, let day = t[k].integer, (1...31).contains(day), k + 1 < t.count {
            var j = k + 1
            if let w = word(t, j), ["st", "nd", "rd", "th"].contains(w) { j += 1 }
            guard j < t.count else { return nil }
            if t[j].isPunct(",") { j += 1 }
            if let y = year(t, j), let d = CalendarDate(year: y, month: m, day: day) {
                return DateMatch(value: .day(d), tokens: i..<(j + 1))
            }
        }
        // "in May and November 2018": the year given once serves the months before it.
        if word(t, k) == "and" || (k < t.count && t[k].isPunct(",")), t[i].capitalised {
            var j = k + 1
            while j < t.count, let other = monthName(t, j), other != 0 {
                if let y = year(t, j + 1) { return DateMatch(value: .month(YearMonth(year: y, month: m)!), tokens: i..<(i + 1)) }
                j += 1
                if word(t, j) == "and" || (j < t.count && t[j].isPunct(",")) { j += 1 } else { break }
            }
        }
        // A bare month: only when a preposition leads to it ("by June", "in October").
        if let before = word(t, i - 1), ["by", "in", "until", "before", "for", "from", "during", "of", "and"].contains(before), t[i].capitalised {
            if t[i].text == "may" { return nil }
            return DateMatch(value: .yearlessMonth(m), tokens: i..<(i + 1))
        }
        return nil
    }

    /// "2012-13", "financial year 2012-13", "the 2009-10 year".
    static func financialYear(_ t: [Token], at i: Int) -> DateMatch? {
        var k = i
        if word(t, k) == "financial" || word(t, k) == "reporting" {
            k += 1
            guard word(t, k) == "year" else { return nil }
            k += 1
        }
        guard let (fy, used) = financialYearTokens(t, at: k) else { return nil }
        return DateMatch(value: .financialYear(fy), tokens: i..<(k + used))
    }

    /// "2011-06-30" and "2011-06".
    static func isoLike(_ t: [Token], at i: Int) -> DateMatch? {
        guard let y = year(t, i), i + 2 < t.count, t[i + 1].isPunct("-"), t[i + 2].isNumber, t[i + 2].text.count == 2 else { return nil }
        let m = Int(t[i + 2].value)
        guard (1...12).contains(m) else { return nil }
        if i + 4 < t.count, t[i + 3].isPunct("-"), t[i + 4].isNumber, t[i + 4].text.count == 2,
           let d = CalendarDate(year: y, month: m, day: Int(t[i + 4].value)) {
            return DateMatch(value: .day(d), tokens: i..<(i + 5))
        }
        return DateMatch(value: .month(YearMonth(year: y, month: m)!), tokens: i..<(i + 3))
    }
}
