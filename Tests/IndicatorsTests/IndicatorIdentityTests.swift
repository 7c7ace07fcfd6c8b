import Domain
import Foundation
import Indicators
import Testing

/// One type names indicators, and one table says what each is: every definition has an entry, every entry a
/// definition, and nothing past the edges spells an id as a string.
@Suite("Indicator identity")
struct IndicatorIdentityTests {
    @Test func everyDefinitionHasItsEntryAndEveryEntryADefinition() {
        let defined = IndicatorCatalogue.all.map(\.id)
        #expect(Set(defined).count == defined.count, "one definition per id")
        #expect(Set(defined) == Set(IndicatorID.computed))
        for id in IndicatorID.computed {
            let info = id.info
            #expect(!info.bases.isEmpty && !info.title.isEmpty, "\(id)")
            // A title is for people: no underscores, no id.
            #expect(!info.title.contains("_"), "\(id)")
            #expect(IndicatorID(rawValue: id.rawValue) == id)
            if let canonical = info.variantOf { #expect(canonical.isCanonical && canonical != id, "\(id)") }
        }
        // §3.19's canonical ids are the ones a notice's target may name, and `other`.
        #expect(IndicatorID.allCases == IndicatorID.canonical + [.other])
        // 28 of §3.19 and the 27 additions of §8 (docs/indicators-2026.md).
        #expect(IndicatorID.canonical.count == 55 && IndicatorID.canonical.allSatisfy(\.isCanonical))
        #expect(IndicatorID.additions.count == 27)
        #expect(IndicatorID(rawValue: "social_worker_vacancy_rate") == nil)
        #expect(IndicatorID(rawValue: "SW_VACANCY_RATE") == nil)
    }

    @Test func idsReadFromJSONAreCheckedAtTheEdge() throws {
        #expect(try JSONDecoder().decode([IndicatorID].self, from: Data(#"["re_referral_12m","other"]"#.utf8)) == [.reReferral12m, .other])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([IndicatorID].self, from: Data(#"["average_caseload"]"#.utf8)) }
        #expect(String(decoding: try JSONEncoder().encode([IndicatorID.swAgencyRate]), as: UTF8.self) == #"["sw_agency_rate"]"#)
    }

    /// Storage, the web application, the reports and the command line name indicators only through `IndicatorID`:
    /// an id spelled as a string literal there is a key no definition checks (the pack's workforce section once asked
    /// for "social_worker_vacancy_rate", which no definition has, and was always empty).
    @Test func noIndicatorIdIsSpelledAsAStringPastTheEdges() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let ids = Set(IndicatorID.computed.map(\.rawValue))
        // Words that look like ids: lower case with underscores, as the spec writes them.
        let word = try NSRegularExpression(pattern: "[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
        var found: [String] = []
        var scanned = 0
        for folder in ["Sources/Storage", "Sources/WebApp", "Sources/Reports", "Sources/improve"] {
            let base = root.appendingPathComponent(folder)
            let files = try #require(FileManager.default.enumerator(atPath: base.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
            for file in files {
                scanned += 1
                let text = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)
                for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    for literal in Self.stringLiterals(in: String(line)) {
                        let range = NSRange(literal.startIndex..., in: literal)
                        for match in word.matches(in: literal, range: range) {
                            let w = String(literal[Range(match.range, in: literal)!])
                            if ids.contains(w) || w.hasPrefix("social_worker_") { found.append("\(folder)/\(file):\(n + 1): \(w)") }
                        }
                    }
                }
            }
        }
        #expect(scanned > 50, "the folders were read")
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// The contents of the string literals on a line, comments left out (a line comment ends the code; `///` and
    /// `//` inside a literal are kept).
    static func stringLiterals(in line: String) -> [String] {
        var literals: [String] = []
        var current: String?
        var escaped = false
        var previous: Character = " "
        for c in line {
            if var text = current {
                if escaped { escaped = false; text.append(c); current = text; continue }
                if c == "\\" { escaped = true; current = text; continue }
                if c == "\"" { literals.append(text); current = nil } else { text.append(c); current = text }
            } else {
                if c == "/" && previous == "/" { break }
                if c == "\"" { current = "" }
            }
            previous = c
        }
        return literals
    }

    @Test func amountsAndValuesPrintAsTheContractSays() {
        // A binary sum of FTE once printed "53." (CSV) and 52.99999999999999 (JSON).
        #expect(formatAmount(52.99999999999999) == "53" && formatAmount(4.012345) == "4.012345" && formatAmount(0.5) == "0.5")
        // 89 of 128 is exactly 69.53125%: to four places, half away from zero, as exact arithmetic gives it.
        let half = IndicatorResult(indicator: .reReferral12m, basis: .inMonth, period: .of(.inMonth, month: YearMonth(iso: "2024-01")!), numerator: 89, denominator: 128)
        #expect(half.valueText == "69.5313")
        let third = IndicatorResult(indicator: .reReferral12m, basis: .inMonth, period: .of(.inMonth, month: YearMonth(iso: "2024-01")!), numerator: 1, denominator: 3)
        #expect(third.valueText == "33.3333")
        let none = IndicatorResult(indicator: .reReferral12m, basis: .inMonth, period: .of(.inMonth, month: YearMonth(iso: "2024-01")!), numerator: 0, denominator: 0)
        #expect(none.valueText == nil)
    }
}
