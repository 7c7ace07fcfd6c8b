import Domain

/// The SSDA903 return (children looked after) as columns: the header table (one row per child), episodes of care
/// (each change of placement or legal status starts a new episode), reviews, care leavers (OC3), social worker
/// episodes (from 2023-24) and Deprivation of Liberty orders (from 2026-27). The return's other tables (OC2,
/// adoption, missing, UASC) are read and counted but no indicator uses them yet.
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

    // oc3.csv: care leavers, one row a year for each young person whose 17th to 21st birthday falls in the year.
    public var leaverChild: [String] = []
    public var leaverBirth: [Int32] = []
    /// IN_TOUCH: `YES`, `NO`, `DIED`, `REFU`, `NREQ`, `RHOM`.
    public var leaverInTouch: [String] = []
    /// ACTIV: main activity (`F1`–`F5`, `P1`–`P5` in education, training or employment; `G4`–`G6` not; `0` unknown).
    public var leaverActivity: [String] = []
    /// ACCOM: accommodation type and suitability (`B1` … `Z2`; a second character `1` is suitable, `2` not; `0` unknown).
    public var leaverAccommodation: [String] = []

    // sw_episodes.csv: each social worker allocated to a child looked after (2023-24 on).
    public var swChild: [String] = []
    public var swWorker: [String] = []
    public var swStart: [Int32] = []
    /// `noDate` while the worker is still allocated.
    public var swEnd: [Int32] = []
    /// SW_REASON: why the worker changed (`MANAGE`, `FCONTA`, `LEFTRL`, `ORGRST`, `TSPROC`, `ABSENC`, `CHCHAN`,
    /// `PCCHAN`, `SWDIED`, `OTHERS`); empty while allocated.
    public var swReason: [String] = []

    // Deprivation of Liberty orders (2026-27 on).
    public var dolChild: [String] = []
    public var dolStart: [Int32] = []
    public var dolEnd: [Int32] = []

    /// The latest date written anywhere in the return, including dates of rows left out for being in the future:
    /// the looked-after indicators judge due dates up to it, so whether a future-dated row was kept (which depends
    /// on the day the file is read) never moves what is judged. `noDate` when the return has no date.
    public var latestDate: Int32 = noDate

    public init() {}

    public var episodeCount: Int { episodeStart.count }

    /// The 31 March that ends the year the return describes: the first on or after the latest date of the records
    /// kept (rows left out for a future date do not move it). An OC3 table carries no dates of its own, and the
    /// return no year, so this is how its care leavers' birthdays and the year-end checks are placed. Nil when the
    /// return has no dated record.
    public var yearEnd: CalendarDate? {
        let latest = [episodeStart.max(), episodeEnd.max(), reviewDate.max(), swStart.max(), swEnd.max(), dolStart.max(), dolEnd.max()]
            .compactMap { $0 }.filter { $0 != noDate }.max()
        guard let latest, let day = CalendarDate(column: latest) else { return nil }
        return CalendarDate(year: day.month <= 3 ? day.year : day.year + 1, month: 3, day: 31)
    }
    public var isEmpty: Bool { self == SSDA903Tables() }

    public mutating func append(_ o: SSDA903Tables) {
        childID += o.childID; childBirth += o.childBirth
        episodeChild += o.episodeChild; episodeStart += o.episodeStart; episodeEnd += o.episodeEnd
        episodeReason += o.episodeReason; episodeLegalStatus += o.episodeLegalStatus; episodePlacement += o.episodePlacement
        episodeEndReason += o.episodeEndReason
        latestDate = max(latestDate, o.latestDate)
        reviewChild += o.reviewChild; reviewDate += o.reviewDate
        leaverChild += o.leaverChild; leaverBirth += o.leaverBirth; leaverInTouch += o.leaverInTouch
        leaverActivity += o.leaverActivity; leaverAccommodation += o.leaverAccommodation
        // A social worker episode or an order runs across years, so each yearly return repeats it: one row per worker
        // episode (child, worker, start) and per order (child, start), the one that says it ended kept over one that
        // was still open when an earlier return was made.
        var workers = Dictionary(swChild.indices.map { ("\(swChild[$0])|\(swWorker[$0])|\(swStart[$0])", $0) }, uniquingKeysWith: { a, _ in a })
        for i in o.swChild.indices {
            let key = "\(o.swChild[i])|\(o.swWorker[i])|\(o.swStart[i])"
            if let k = workers[key] {
                if swEnd[k] == noDate, o.swEnd[i] != noDate { (swEnd[k], swReason[k]) = (o.swEnd[i], o.swReason[i]) }
                continue
            }
            workers[key] = swChild.count
            swChild.append(o.swChild[i]); swWorker.append(o.swWorker[i]); swStart.append(o.swStart[i]); swEnd.append(o.swEnd[i])
            swReason.append(o.swReason[i])
        }
        var orders = Dictionary(dolChild.indices.map { ("\(dolChild[$0])|\(dolStart[$0])", $0) }, uniquingKeysWith: { a, _ in a })
        for i in o.dolChild.indices {
            let key = "\(o.dolChild[i])|\(o.dolStart[i])"
            if let k = orders[key] {
                if dolEnd[k] == noDate, o.dolEnd[i] != noDate { dolEnd[k] = o.dolEnd[i] }
                continue
            }
            orders[key] = dolChild.count
            dolChild.append(o.dolChild[i]); dolStart.append(o.dolStart[i]); dolEnd.append(o.dolEnd[i])
        }
    }
}
