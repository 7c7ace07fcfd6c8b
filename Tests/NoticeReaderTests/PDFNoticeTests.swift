import Domain
import Foundation
@testable import NoticeReader
import Testing

/// Notices as published: PDFs read through poppler's `pdftotext -layout` (the real tool, which `.ci/run` installs).
/// The five notices' PDFs were made from their texts by `Benchmarks/notices/make_pdfs.py` (A4, a proportional font,
/// prose wrapped to the page, nested lists indented, page numbers in the footer).
@Suite("Notices as PDFs")
struct PDFNoticeTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/pdf")
    static let notices = ["worcestershire-2010", "nottinghamshire-2010", "gloucestershire-2011", "cumbria-2012", "somerset-2013"]

    static func pdf(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: folder.appendingPathComponent(name))) }

    /// What a target is, without where its words sit (a PDF's text is laid out differently from the text file's).
    struct Shape: Equatable {
        var indicator: IndicatorID
        var unit: TargetUnit
        var direction: TargetDirection
        var baseline: Double?
        var baselinePeriod: String?
        var milestones: [String]

        init(_ t: Target) {
            indicator = t.indicatorID
            unit = t.unit
            direction = t.direction
            baseline = t.baseline?.value
            baselinePeriod = t.baseline?.period
            milestones = t.milestones.map { "\($0.value.map { "\($0)" } ?? "–") \($0.due?.description ?? "–") \($0.basis.rawValue) \($0.judged.rawValue)" }
        }
    }

    @Test("each of the five notices as a PDF reads to the same council, targets, milestones, reviews and board as its text", arguments: notices)
    func pdfReadsAsItsText(_ name: String) throws {
        let fromText = try Fixtures.draft(name)
        let fromPDF = try NoticeReader.read(bytes: try Self.pdf("\(name).pdf"))
        #expect(fromPDF.encoding == "PDF")
        let council = fromPDF.notice.council, expected = fromText.notice.council
        #expect([council.name, council.address, council.laCode] == [expected.name, expected.address, expected.laCode])
        #expect(fromPDF.notice.targets.map(Shape.init) == fromText.notice.targets.map(Shape.init))
        #expect(!fromPDF.notice.targets.isEmpty)
        #expect(fromPDF.notice.reviews.map(\.kind) == fromText.notice.reviews.map(\.kind))
        #expect(fromPDF.notice.board.cadenceWeeks == fromText.notice.board.cadenceWeeks)
        // Every field still points at its own words, and each word is on a page.
        for target in fromPDF.notice.targets {
            let span = try #require(target.source)
            #expect(!fromPDF.words(at: span).isEmpty)
            #expect((PDFText.page(in: fromPDF.text, at: span.start) ?? 0) >= 1)
        }
    }

    @Test("a long notice's last target is on a later page than its first")
    func pagesAreCounted() throws {
        let draft = try NoticeReader.read(bytes: try Self.pdf("nottinghamshire-2010.pdf"))
        #expect(draft.text.unicodeScalars.contains("\u{0C}"), "pdftotext ends each page with a form feed")
        #expect(PDFText.page(in: draft.text, at: 0) == 1)
        #expect(PDFText.page(in: "no pages here", at: 3) == nil, "text that did not come from a PDF has no pages")
    }

    /// Fuzz finding 9: Foundation's Process leaked itself, a file handle and its descriptor on every PDF; a server
    /// reading uploads would run out of descriptors. Reading good and refused PDFs must leave no file open.
    @Test("reading PDFs, good and refused, leaves no file open")
    func readingPDFsLeavesNoFileOpen() throws {
        // Only the reader's own temporary files count (other tests run alongside and open files of their own); a
        // reader of another test's PDF may hold one for a moment, a leak holds one for every PDF read.
        func heldByTheReader() throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter { fd in
                ((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)")) ?? "").contains("notice-pdf-")
            }.count
        }
        let good = try Self.pdf("worcestershire-2010.pdf"), scanned = try Self.pdf("scanned-no-text.pdf")
        for _ in 0..<25 {
            _ = try NoticeReader.read(bytes: good)
            #expect(throws: (any Error).self) { try NoticeReader.read(bytes: scanned) }
        }
        #expect(try heldByTheReader() < 4)
    }

    @Test("a scanned PDF, a damaged one and bytes that only claim to be a PDF are refused with a reason, never read as text")
    func unreadablePDFsAreRefused() throws {
        func problem(_ bytes: [UInt8]) -> String? {
            do {
                _ = try NoticeReader.read(bytes: bytes)
                return nil
            } catch {
                return error.description
            }
        }
        #expect(problem(try Self.pdf("scanned-no-text.pdf"))?.contains("no text layer") == true)
        let whole = try Self.pdf("worcestershire-2010.pdf")
        #expect(problem(Array(whole.prefix(whole.count / 2)))?.contains("damaged") == true)
        // The header and then compressed-looking bytes: before PDFs were recognised these were read as Windows-1252.
        let fake = Array("%PDF-1.7\n".utf8) + (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 128) }
        #expect(problem(fake)?.contains("damaged") == true)
        // Neither text nor a PDF: a PNG's signature and binary data.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array(repeating: 0, count: 64)
        #expect(problem(png)?.contains("neither text nor a PDF") == true)
        #expect(PDFText.isPDF(Array("  \n%PDF-1.4".utf8)), "the header may follow a little leading junk")
        #expect(!PDFText.isPDF(Array("a notice about %PDF files".utf8.prefix(8))))
    }
}
