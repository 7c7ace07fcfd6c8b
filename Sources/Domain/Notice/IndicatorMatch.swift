/// How sure the reader is that a target's words name its indicator, and the words that decided it: a person checks
/// the unsure ones first. A match below `IndicatorMatch.threshold` is not trusted at all: the target is read as
/// `other` (figures entered by hand) rather than as the nearest standard indicator.
public struct IndicatorMatch: Hashable, Codable, Sendable {
    /// From 0 (nothing matched) to 1.
    public var confidence: Double
    /// The phrases of the target's words that named the indicator ("re-referrals", "within 12 months").
    public var words: [String]
    /// Why a person should look, in a sentence; nil when the words leave no doubt.
    public var doubt: String?

    /// Below this the reader does not name a standard indicator.
    public static let threshold = 0.5
    /// Below this a person should check the indicator before anything else.
    public static let checkBelow = 0.8

    public init(confidence: Double, words: [String], doubt: String? = nil) {
        self.confidence = confidence
        self.words = words
        self.doubt = doubt
    }

    public var needsChecking: Bool { confidence < Self.checkBelow }
}
