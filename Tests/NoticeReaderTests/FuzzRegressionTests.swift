import Domain
import NoticeReader
import Testing

/// Texts that crashed the reader, found in a review made while fuzzing it (`Fuzz/`, target fuzz-notice-reader) and
/// replayed through the harness: a number too long for an `Int` where a day, month, year or quarter may stand.
/// `Int(token.value)` trapped ("Double value cannot be converted to Int because the result would be greater than
/// Int.max"); now such a number is simply not part of a date.
@Suite("Fuzzing regressions")
struct FuzzRegressionTests {
    static let long = "99999999999999999999"

    /// "June 99999999999999999999" is no day of June; "Q 99999999999999999999" and "quarter 99999999999999999999" are
    /// no quarter, so the financial year after them is the milestone's date.
    @Test(arguments: [
        ("- reduce re-referrals to 20% by June \(long).", nil),
        ("- reduce re-referrals to 20% by Q \(long) 2012-13.", "2013-03"),
        ("- reduce re-referrals to 20% by quarter \(long) of 2012-13.", "2013-03"),
    ] as [(String, String?)])
    func aLongNumberInATargetIsNoDayOrQuarter(text: String, due: String?) throws {
        let draft = try NoticeReader.read(bytes: Array(text.utf8))
        let milestone = try #require(draft.notice.targets.first?.milestones.first)
        #expect(milestone.due?.contractValue == due)
    }

    /// "14/06/99999999999999999999" and the like: day, month or year too long; the notice has no date.
    @Test(arguments: ["Date: \(long)/06/2012", "Date: 14/\(long)/2012", "Date: 14/06/\(long)"])
    func aLongNumberInANumericDateIsNoDate(line: String) throws {
        let draft = try NoticeReader.read(bytes: Array("Signed: A Minister\n\(line)\n".utf8))
        #expect(draft.notice.noticeDate == nil)
        #expect(draft.warnings.contains("the notice carries no date; dates relative to it (notice+Nm) resolve once it is entered"))
    }

    /// "2012-99999999999999999999" is no financial year.
    @Test func aLongNumberAfterAYearIsNoFinancialYear() throws {
        let draft = try NoticeReader.read(bytes: Array("Reviews will be held in 2012-\(Self.long). A final review will be held in January 2014.".utf8))
        #expect(draft.notice.reviews.map { $0.due?.contractValue } == ["2014-01"])
    }
}
