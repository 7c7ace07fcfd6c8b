import Domain

/// The SSDA903 return (children looked after) as columns: the header table (one row per child), episodes of care
/// (each change of placement or legal status starts a new episode) and reviews. The return's other tables (OC2, OC3,
/// adoption, missing, UASC, social worker episodes) are read and counted but no indicator uses them yet.
public struct SSDA903Tables: Sendable, Equatable {
    // header.csv
    public var childID: [String] = []
    public var childBirth: [Int32] = []

    // episodes.csv
    public var episodeChild: [String] = []
    /// DECOM: the day the episode began.
    public var episodeStart: [Int32] = []
    /// DEC: the day it ceased; `noDate` while open.
    public var episodeEnd: [Int32] = []
    /// RNE: why a new episode began (S started to be looked after, L legal status only, P placement only, T/U both, B
    /// both before 2003).
    public var episodeReason: [String] = []
    public var episodeLegalStatus: [String] = []
    /// PLACE (`PL` in the XML form): the placement type code.
    public var episodePlacement: [String] = []
    /// REC: why the episode ceased (`X1` the period of care goes on in a new episode, `E*` it ended); empty while open.
    public var episodeEndReason: [String] = []

    // reviews.csv
    public var reviewChild: [String] = []
    public var reviewDate: [Int32] = []

    /// The latest date written anywhere in the return, including dates of rows left out for being in the future:
    /// the looked-after indicators judge due dates up to it, so whether a future-dated row was kept (which depends
    /// on the day the file is read) never moves what is judged. `noDate` when the return has no date.
    public var latestDate: Int32 = noDate

    public init() {}

    public var episodeCount: Int { episodeStart.count }
    public var isEmpty: Bool { self == SSDA903Tables() }

    public mutating func append(_ o: SSDA903Tables) {
        childID += o.childID; childBirth += o.childBirth
        episodeChild += o.episodeChild; episodeStart += o.episodeStart; episodeEnd += o.episodeEnd
        episodeReason += o.episodeReason; episodeLegalStatus += o.episodeLegalStatus; episodePlacement += o.episodePlacement
        episodeEndReason += o.episodeEndReason
        latestDate = max(latestDate, o.latestDate)
        reviewChild += o.reviewChild; reviewDate += o.reviewDate
    }
}
