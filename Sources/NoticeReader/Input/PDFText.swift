import Foundation

/// The text layer of a notice published as a PDF, as poppler's `pdftotext -layout` lays it out (pages end with a form
/// feed). poppler is the real component for this job; it runs as a separate process, bounded in time and in the text
/// it may write, so a damaged or hostile PDF can cost at most `timeout` seconds and `NoticeInput.maximumBytes` of text.
public enum PDFText {
    /// Longest a PDF may take to yield its text.
    public static let timeout: TimeInterval = 30
    /// A published notice is a few hundred kilobytes; a larger "notice" is refused before poppler sees it.
    public static let maximumPDFBytes = 30_000_000

    /// Whether the bytes are a PDF: the header `%PDF-` within the first 1,024 bytes, as the format allows.
    public static func isPDF(_ bytes: [UInt8]) -> Bool {
        let head = Array(bytes.prefix(1024)), magic = Array("%PDF-".utf8)
        guard head.count >= magic.count else { return false }
        return (0...(head.count - magic.count)).contains { head[$0..<$0 + magic.count].elementsEqual(magic) }
    }

    /// Where `pdftotext` is: $PDFTOTEXT, else the first on $PATH, else /usr/bin.
    static func tool() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        var candidates = environment["PDFTOTEXT"].map { [$0] } ?? []
        candidates += (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/pdftotext" } + ["/usr/bin/pdftotext"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map(URL.init(fileURLWithPath:))
    }

    /// The PDF's text. Refuses a PDF with no text layer (a scan), one that is encrypted or forbids copying its text,
    /// one poppler cannot read, and one that takes too long or yields too much text, each with a reason a person can act on.
    public static func text(of bytes: [UInt8]) throws(NoticeInput.Problem) -> String {
        guard bytes.count <= maximumPDFBytes else { throw .tooLarge(bytes: bytes.count) }
        guard let tool = tool() else { throw .pdf("poppler's pdftotext is not installed (Debian package poppler-utils)") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notice-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("notice.pdf"), output = folder.appendingPathComponent("notice.txt")
        let errors = folder.appendingPathComponent("errors.txt")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: input)
        } catch {
            throw .pdf("the PDF could not be handed to pdftotext (\(error.localizedDescription))")
        }
        // Run, watching the clock and the size of the text written so far.
        let started = Date()
        var stop: NoticeInput.Problem?
        let ending: BoundedProcess.Ending
        do {
            ending = try BoundedProcess.run(tool.path, ["-layout", "-enc", "UTF-8", "-eol", "unix", input.path, output.path],
                                            output: "/dev/null", errors: errors.path) {
                let written = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0
                if written > NoticeInput.maximumBytes { stop = .tooLarge(bytes: written); return false }
                if Date().timeIntervalSince(started) > timeout {
                    stop = .pdf("reading its text took more than \(Int(timeout)) seconds; the PDF may be damaged")
                    return false
                }
                return true
            }
        } catch {
            throw .pdf("the PDF could not be handed to pdftotext (\(error.reason))")
        }
        if let stop { throw stop }
        let said = String(decoding: contents(of: errors), as: UTF8.self)
        switch ending {
        case .exited(0): break
        case .exited(3): throw .pdf("the PDF does not allow its text to be copied; ask for a copy without restrictions, or paste the notice's text")
        default:
            if said.localizedCaseInsensitiveContains("password") || said.localizedCaseInsensitiveContains("encrypt") {
                throw .pdf("the PDF is encrypted; ask for a copy without a password, or paste the notice's text")
            }
            let first = said.split(separator: "\n").first.map { ": \($0.prefix(160))" } ?? ""
            throw .pdf("the PDF is damaged and its text cannot be read\(first)")
        }
        let data = contents(of: output)
        guard data.count <= NoticeInput.maximumBytes else { throw .tooLarge(bytes: data.count) }
        let text = String(decoding: data, as: UTF8.self)
        guard text.unicodeScalars.contains(where: { !CharacterSet.whitespacesAndNewlines.contains($0) }) else {
            throw .pdf("the PDF has no text layer (it looks scanned); run it through text recognition, or paste the notice's text")
        }
        return text
    }

    /// A file pdftotext wrote, which may be empty. Foundation's whole-file readers leak their 4 KB buffer on an empty
    /// file (found by fuzz-notice-pdf: every scanned or refused PDF leaked), so the size is asked first.
    private static func contents(of url: URL) -> [UInt8] {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size > 0, let handle = try? FileHandle(forReadingFrom: url) else { return [] }
        defer { try? handle.close() }
        return Array((try? handle.readToEnd()) ?? Data())
    }

    /// The page (from 1) that the character at `offset` (in Unicode scalars) of a PDF's text is on; nil for text that
    /// did not come from a PDF (it has no page breaks).
    public static func page(in text: String, at offset: Int) -> Int? {
        let formFeed: Unicode.Scalar = "\u{0C}"
        guard text.unicodeScalars.contains(formFeed) else { return nil }
        return 1 + text.unicodeScalars.prefix(offset).filter { $0 == formFeed }.count
    }
}
