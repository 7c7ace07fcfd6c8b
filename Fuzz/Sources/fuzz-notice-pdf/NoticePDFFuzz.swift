import FuzzSupport
import NoticeReader

/// Damaged PDFs into `NoticeReader.read(bytes:)`: every input is given a PDF header if it lacks one, so each goes down
/// the PDF path (poppler's `pdftotext -layout`, run as a bounded process; its exit status, stderr and output limits;
/// then the reader on whatever text comes out). A PDF must be read or refused with a reason: never crash the reader,
/// hang it past the process's time limit or exhaust its memory. Seeds: the five notices as PDFs, a scanned one, and
/// the corpus's PDFs with real tables.
func run(_ input: [UInt8]) -> String {
    let header = Array("%PDF-".utf8)
    let bytes = input.starts(with: header) ? input : header + input
    do {
        let draft = try NoticeReader.read(bytes: bytes)
        expect(draft.encoding == "PDF", "a PDF was read as \(draft.encoding)")
        _ = draft.contractJSON
        _ = draft.textSummary
        return "read: \(draft.notice.targets.count) targets, \(draft.warnings.count) warnings"
    } catch {
        expect(!error.description.isEmpty, "a refused PDF gives no reason")
        expect(!error.description.contains("%PDF"), "a refusal repeats the file's bytes")
        return "refused: \(error)"
    }
}

@main struct Main {
    static func main() { fuzzMain("fuzz-notice-pdf", run) }
}
