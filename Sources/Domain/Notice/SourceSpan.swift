/// Where a field came from: offsets into the notice text as read, counted in Unicode scalars, end exclusive.
///
/// A page highlights these characters so a person can check the field against the words behind it.
/// Fields typed in by hand have no span.
public struct SourceSpan: Hashable, Codable, Sendable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public var length: Int { end - start }

    /// The smallest span covering both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }
}
