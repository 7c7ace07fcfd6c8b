/// The Improvement Board the notice requires: how often it meets, who chairs it, and DfE's place at it.
public struct BoardArrangement: Hashable, Codable, Sendable {
    public enum DfERole: String, Hashable, Codable, Sendable, CaseIterable {
        /// "An official from the Department for Education will attend as an observer."
        case observer
        /// "… will attend as a participant observer."
        case participantObserver = "participant_observer"
        /// "… to include representation from the Department for Education."
        case representative
    }

    /// "Improvement Board", "Safeguarding Improvement Board", "Board of key partners".
    public var name: String?
    /// Weeks between meetings; "once a month" is read as 4.
    public var cadenceWeeks: Int?
    /// The cadence in the notice's words ("once every 4 weeks initially").
    public var cadenceWords: String?
    /// A longer interval the board may move to, and whether DfE must agree it first.
    public var alternativeCadenceWeeks: Int?
    public var alternativeNeedsDfEAgreement: Bool
    public var independentChair: Bool
    /// Independent peer support from another authority, in place of an independent chair.
    public var peerSupport: Bool
    public var dfeRole: DfERole?
    /// Who sits on the board besides the council, in the notice's words.
    public var partners: [String]
    public var source: SourceSpan?

    public var dfeObserver: Bool { dfeRole != nil }

    public init(
        name: String? = nil, cadenceWeeks: Int? = nil, cadenceWords: String? = nil, alternativeCadenceWeeks: Int? = nil,
        alternativeNeedsDfEAgreement: Bool = false, independentChair: Bool = false, peerSupport: Bool = false,
        dfeRole: DfERole? = nil, partners: [String] = [], source: SourceSpan? = nil
    ) {
        self.name = name
        self.cadenceWeeks = cadenceWeeks
        self.cadenceWords = cadenceWords
        self.alternativeCadenceWeeks = alternativeCadenceWeeks
        self.alternativeNeedsDfEAgreement = alternativeNeedsDfEAgreement
        self.independentChair = independentChair
        self.peerSupport = peerSupport
        self.dfeRole = dfeRole
        self.partners = partners
        self.source = source
    }
}

/// What happens if the council fails to comply: the statutory power the notice cites.
public struct Consequence: Hashable, Codable, Sendable {
    /// "s497A Education Act 1996".
    public var power: String?
    public var text: String
    public var source: SourceSpan?

    public init(power: String?, text: String, source: SourceSpan? = nil) {
        self.power = power
        self.text = text
        self.source = source
    }
}
