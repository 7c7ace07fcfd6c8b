import Domain

/// What the reader made of a notice's text: the notice as data, every field traced to its words, and the things a
/// person must confirm before the notice is tracked.
public struct NoticeDraft: Sendable {
    public var notice: Notice
    /// Plain sentences for a person: dates that were impossible or had no year, targets without a figure or a date,
    /// indicators that matched nothing, what the text did not say.
    public var warnings: [String]
    /// How the bytes were read ("UTF-8", "Windows-1252").
    public var encoding: String
    /// The text as read, in which every `SourceSpan` is an offset in Unicode scalars.
    public var text: String

    public init(notice: Notice, warnings: [String], encoding: String, text: String) {
        self.notice = notice
        self.warnings = warnings
        self.encoding = encoding
        self.text = text
    }

    /// The words behind a span, for showing beside the field.
    public func words(at span: SourceSpan) -> String {
        let scalars = text.unicodeScalars
        let count = scalars.count
        let lo = min(max(0, span.start), count), hi = min(max(lo, span.end), count)
        let start = scalars.index(scalars.startIndex, offsetBy: lo)
        let end = scalars.index(start, offsetBy: hi - lo)
        return String(scalars[start..<end])
    }
}
