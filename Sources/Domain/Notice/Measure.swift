/// One thing the council must do, as the notice words it, under the heading it appears beneath.
public struct Measure: Hashable, Codable, Sendable {
    /// The heading or lead-in the measure sits under ("Social Care Practice", "The Council must take action to:").
    public var section: String
    public var text: String
    public var source: SourceSpan?

    public init(section: String, text: String, source: SourceSpan? = nil) {
        self.section = section
        self.text = text
        self.source = source
    }
}
