import Demo
import Domain
import Foundation
import Monitoring
import NoticeReader
import Plot
import Storage
import Testing
import TestSupport
@testable import WebApp

/// Pages rendered from fixed inputs and compared as indented text with `__Snapshots__`, so a change to a page's
/// markup is seen in review.
@Suite("Page snapshots")
struct PageSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    static let councilID = UUID(uuidString: "00000000-0000-4000-8000-000000000885")!
    static let noticeID = UUID(uuidString: "00000000-0000-4000-8000-000000002010")!
    static let officer = CurrentUser(id: UUID(uuidString: "00000000-0000-4000-8000-000000000001")!, email: "officer@worcestershire.example",
                                     displayName: "Council officer", role: .councilOfficer, council: councilID, csrfToken: "fixed-csrf-token")

    static func check(_ html: HTML, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        TextSnapshot.check(html.render(indentedBy: .spaces(2)), named: name, in: folder, sourceLocation: sourceLocation)
    }

    @Test("the sign-in page, with an error")
    func signIn() {
        Self.check(SignInView.page(error: "Enter a correct email address and password", email: "someone@example.org", next: "/councils", csrf: "fixed-csrf-token"),
                   "sign-in-error.html")
    }

    @Test("the seed notice's page: fields, marked words, calendar, as a council officer sees it")
    func noticePage() throws {
        let draft = try NoticeReader.read(bytes: Array(SeedNotice.text.utf8))
        let council = CouncilModel(id: Self.councilID, laCode: "885", name: "Worcestershire", asOf: "2011-10-31")
        let record = NoticeModel(id: Self.noticeID, councilID: Self.councilID, sourceText: draft.text, encoding: draft.encoding,
                                 noticeJSON: try StoredJSON.encode(draft.notice), createdBy: "system")
        let asOf = CalendarDate(iso: "2011-10-31")!
        let calendar = NoticeCalendar(notice: draft.notice, noticeDate: CalendarDate(iso: "2010-11-30"), asOf: asOf)
        let model = try NoticeView.Page(council: CouncilRef(council), record: record, notice: draft.notice, warnings: draft.warnings, reviews: [], calendar: calendar, asOf: asOf)
        let page = NoticeView.page(model, user: Self.officer, error: nil, message: nil)
        Self.check(page, "notice-worcestershire.html")
        // Every field that has words has a mark, and every mark is the text of the notice it claims to be.
        let marks = NoticeView.Marks(fields: NoticeFields.list(draft.notice))
        #expect(marks.spans.count >= 8)
        for span in marks.spans { #expect(!draft.words(at: SourceSpan(start: span.start, end: span.end)).isEmpty) }
    }

    @Test("the page a board member sees for a missing page")
    func notFound() {
        let board = CurrentUser(id: Self.officer.id, email: "board@worcestershire.example", displayName: "Board member", role: .boardMember,
                                council: Self.councilID, csrfToken: "fixed-csrf-token")
        Self.check(Layout.page(title: ErrorPageMiddleware.title(.notFound), user: board, content: .p(.text(ErrorPageMiddleware.plain(.notFound)))), "not-found.html")
    }
}
