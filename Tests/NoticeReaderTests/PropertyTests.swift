import Domain
import Foundation
import NoticeReader
import PropertyBased
import Testing

/// Whatever text arrives, the reader returns a draft (never a crash or a hang) and every span it reports lies within
/// the text it read.
@Suite("Reader properties")
struct PropertyTests {
    /// The words notices are made of, so random text reaches deep into the reader rather than stopping at the first word.
    static let vocabulary = [
        "by", "for", "from", "to", "to:", "of", "the", "a", "baseline", "provisional", "outturn", "30", "31", "June", "September",
        "2011", "2009-10", "2011/12", "Q3", "quarter", "first", "three", "quarters", "%", "per", "cent", "ten", "no", "all",
        "days", "per FTE", "cases per worker", "within", "two", "months", "notice", "Improvement", "Notice", "Board",
        "January", "every", "4", "weeks", "once a month", "independent chair", "participant observer", "review", "final",
        "assessment", "initial assessments", "core assessments", "re-referrals", "vacancy rate", "unallocated cases",
        "sustain", "at", "levels", "(in-month figure)", "(cumulative figure)", "rolling 12 months", "as at", "end of",
        "\n", "\n\n", "\n- ", "\n  - ", "\n• ", "\u{F0B7}", "²", "\u{00A0}", "\u{2019}", "\u{201C}", ".", ";", ":", "|", "   ",
        "Page 2 of 5", "Date:", "29. vi. 10", "14/03/2012", "31 September 2010", "s497A", "0", "100", "69.45", "-", "(", ")",
    ]

    static let word = Gen<String?>.element(of: vocabulary).map { $0 ?? "" }
    static let soup = word.array(of: 0...120).map { $0.joined(separator: " ") }

    @Test func arbitraryNoticeWordsNeverCrashTheReader() async {
        await propertyCheck(count: 300, input: Self.soup) { text in
            let draft = NoticeReader.read(text: text)
            expectSpansWithin(draft)
        }
    }

    @Test func arbitraryScalarsNeverCrashTheReader() async {
        let scalars = Gen.unicodeScalar(in: "\u{1}"..."\u{D7FF}").array(of: 0...400).map { String(String.UnicodeScalarView($0)) }
        await propertyCheck(count: 200, input: scalars) { text in
            expectSpansWithin(NoticeReader.read(text: text))
        }
    }

    @Test func arbitraryBytesAreReadOrRefusedWithAReason() async {
        await propertyCheck(count: 300, input: Gen<UInt8>.value(in: 0...255).array(of: 0...600)) { bytes in
            do {
                expectSpansWithin(try NoticeReader.read(bytes: bytes))
            } catch {
                #expect(!"\(error)".isEmpty)
            }
        }
    }

    @Test(arguments: Fixtures.noticeNames)
    func mutatedNoticesNeverCrashTheReader(name: String) async throws {
        let original = Array(try Fixtures.text(name).unicodeScalars)
        let mutation = zip(Gen.int(in: 0...3), Gen.int(in: 0...original.count), Gen.int(in: 0...400), Self.word)
        await propertyCheck(count: 40, input: mutation.array(of: 1...8)) { edits in
            var scalars = original
            for (kind, at, length, fragment) in edits {
                let start = min(at, scalars.count)
                let end = min(scalars.count, start + length)
                switch kind {
                case 0: scalars.removeSubrange(start..<end)                                   // a lost stretch
                case 1: scalars.insert(contentsOf: Array(scalars[start..<end]), at: start)    // a repeated stretch
                case 2: scalars.insert(contentsOf: Array(fragment.unicodeScalars), at: start) // stray words
                default: scalars.insert(contentsOf: Array("\n\nPage 7\n\n".unicodeScalars), at: start) // a page break
                }
            }
            let text = String(String.UnicodeScalarView(scalars))
            let draft = NoticeReader.read(text: text)
            expectSpansWithin(draft)
            #expect(!draft.contractJSON.rendered().isEmpty)
        }
    }
}

/// Every span of every field lies within the text as read.
func expectSpansWithin(_ draft: NoticeDraft, sourceLocation: SourceLocation = #_sourceLocation) {
    let n = draft.notice
    let length = draft.text.unicodeScalars.count
    var spans: [SourceSpan?] = [n.council.source, n.inspection.source, n.board.source, n.consequence?.source,
                                n.sources.service, n.sources.noticeDate, n.sources.duration, n.sources.signatory]
    spans += n.measures.map(\.source) + n.deadlines.map(\.source) + n.reviews.map(\.source)
    for target in n.targets {
        spans += [target.source, target.baseline?.source] + target.milestones.map(\.source)
    }
    for span in spans.compactMap({ $0 }) {
        #expect(span.start >= 0 && span.start <= span.end && span.end <= length, "span \(span) outside 0..<\(length)", sourceLocation: sourceLocation)
    }
}
