/// A value written as ISO text ("2011-06", "2011-06-30") and encoded as that text, so stored and exported
/// data reads as dates rather than as numbers.
public protocol ISOTextCodable: Codable {
    init?(iso text: String)
    var iso: String { get }
    /// What the text should look like, for the error when it does not.
    static var isoForm: String { get }
}

extension ISOTextCodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a \(Self.isoForm) date")
        }
        self = value
    }
}
