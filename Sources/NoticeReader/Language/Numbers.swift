/// Numbers written as words ("ten per cent", "twelve months", "the six month stage").
enum NumberWords {
    static let values: [String: Int] = [
        "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1,
    ]

    /// "ten" → 10, "twenty-five" → 25, "six-month" → 6 (the number part of a compound adjective).
    static func value(of word: String) -> Int? {
        if let v = values[word] { return word == "a" || word == "an" ? nil : v }
        guard word.utf8.contains(0x2D) else { return nil }
        let parts = word.split(separator: "-").map(String.init)
        if parts.count == 2, let tens = values[parts[0]], tens >= 20, let units = values[parts[1]], units < 10 { return tens + units }
        if parts.count >= 2, let v = values[parts[0]], parts[0] != "a" { return v }
        return nil
    }

    /// A count at token `i`: digits or a number word. Returns the value and the tokens used.
    static func count(_ tokens: [Token], at i: Int) -> (Int, Int)? {
        guard i < tokens.count else { return nil }
        let t = tokens[i]
        if t.isNumber, !t.isDecimal, t.value < 1000 { return (Int(t.value), 1) }
        if t.kind == .word, let v = value(of: t.text) { return (v, 1) }
        return nil
    }
}

/// A level a target sets: "62%", "69.45 per cent", "ten per cent", "10 days per FTE", "18 cases per worker".
struct Level {
    var value: Double
    var unit: TargetUnit
    /// Token indices covered.
    var tokens: Range<Int>
}

import Domain

enum Levels {
    /// Reads a level starting at token `i`, or nil. Numbers without a unit are never levels: "within 10 working
    /// days", "NI 59" and "2 years or more" define an indicator, they do not set a target.
    static func level(_ t: [Token], at i: Int) -> Level? {
        guard i < t.count else { return nil }
        let value: Double
        if t[i].isNumber {
            value = t[i].value
            // "NI 59", "s 47", "section 47", "reg 33": a reference, not an amount.
            if i > 0, t[i - 1].kind == .word, ["ni", "s", "section", "reg", "regulation", "paragraph", "para", "page", "list", "table", "annex", "clause", "schedule", "q", "quarter"].contains(t[i - 1].text) { return nil }
        } else if t[i].kind == .word, let v = NumberWords.value(of: t[i].text), !t[i].text.contains("-") || t[i].text.split(separator: "-").count == 2 {
            value = Double(v)
        } else {
            return nil
        }
        var j = i + 1
        func word(_ k: Int) -> String? { k < t.count && t[k].kind == .word ? t[k].text : nil }
        if j < t.count, t[j].isPunct("%") { return Level(value: value, unit: .percent, tokens: i..<(j + 1)) }
        if word(j) == "per", word(j + 1) == "cent" { return Level(value: value, unit: .percent, tokens: i..<(j + 2)) }
        if word(j) == "percent" || word(j) == "pc" { return Level(value: value, unit: .percent, tokens: i..<(j + 1)) }
        if word(j) == "percentage", word(j + 1) == "points" { return nil }
        // "712 per 10,000 children": a rate, counted as a number of the stated population.
        if word(j) == "per", j + 1 < t.count, t[j + 1].isNumber, t[j + 1].value >= 1000 {
            var end = j + 2
            if let w = word(end), ["children", "child", "population", "people", "young"].contains(w) { end += 1 }
            return Level(value: value, unit: .count, tokens: i..<end)
        }
        // "10 days per FTE", "10 working days lost per FTE", "10 days sickness per full-time equivalent".
        if word(j) == "working" { j += 1 }
        if word(j) == "days" || word(j) == "day" {
            var k = j + 1
            while let w = word(k), ["lost", "sickness", "absence", "of", "sick", "leave", "on", "average"].contains(w), k < j + 4 { k += 1 }
            if word(k) == "per" || word(k) == "a" || word(k) == "each",
               let unitWord = word(k + 1), ["fte", "full-time", "employee", "head", "person", "worker", "member", "staff", "social", "year", "wte"].contains(unitWord) {
                var end = k + 2
                if unitWord == "full-time" && word(end) == "equivalent" { end += 1 }
                if unitWord == "social" && word(end) == "worker" { end += 1 }
                if unitWord == "member" && word(end) == "of" { end += 2 }
                return Level(value: value, unit: .daysPerFTE, tokens: i..<end)
            }
            return nil
        }
        // "18 cases per worker", "20 children per social worker", "an average caseload of 18".
        if let w = word(j), ["cases", "children", "case"].contains(w), word(j + 1) == "per" || word(j + 1) == "for" {
            var end = j + 2
            while let w2 = word(end), ["each", "a", "social", "qualified", "worker", "workers", "fte", "practitioner", "caseholder", "case-holding"].contains(w2), end < j + 5 { end += 1 }
            return Level(value: value, unit: .childrenPerWorker, tokens: i..<end)
        }
        return nil
    }

    /// A bare count or rate with no unit, used where the indicator alone says what the number counts
    /// ("reduce average caseloads to 18", "fewer than 20 unallocated cases").
    static func bareNumber(_ t: [Token], at i: Int) -> Level? {
        guard i < t.count, t[i].isNumber, t[i].value < 1000 else { return nil }
        if i + 1 < t.count, t[i + 1].kind == .word, Months.number(t[i + 1].text) != nil { return nil }
        if i + 1 < t.count, t[i + 1].isPunct("-") || t[i + 1].isPunct("/") { return nil }
        if i > 0, t[i - 1].kind == .word, Months.number(t[i - 1].text) != nil { return nil }
        return Level(value: t[i].value, unit: .count, tokens: i..<(i + 1))
    }
}
