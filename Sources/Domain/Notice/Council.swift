/// The local authority a notice is addressed to.
public struct Council: Hashable, Codable, Sendable {
    /// As a person would write it: "Cumbria County Council", not the notice's capitals.
    public var name: String
    public var address: String?
    /// DfE's three-digit local authority code (Cumbria is 909), when the name is one we know.
    public var laCode: String?
    public var source: SourceSpan?

    public init(name: String, address: String? = nil, laCode: String? = nil, source: SourceSpan? = nil) {
        self.name = name
        self.address = address
        self.laCode = laCode
        self.source = source
    }
}
