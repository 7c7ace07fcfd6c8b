import CaseRecords
import Domain

/// §8.6 Care leavers from the 903's OC3 table (NI 147 and 148 as DfE now publishes them): one row a year for each
/// former relevant young person whose 17th to 21st birthday falls in the collection year, saying whether the council
/// is in touch, their main activity and their accommodation around that birthday.
///
/// - The collection year is the one the return describes: the year to the first 31 March on or after the latest
///   date of the records it keeps (`SSDA903Tables.yearEnd`) [D]; an OC3 table carries no dates of its own.
/// - The qualifying date is that birthday (a 29 February birthday falls on 28 February in other years, §1.2).
/// - Ages 17 and 18 make one group, 19 to 21 the other, as DfE's tables do.
/// - The denominator is every row of the group except young people who have died; "no information" stays in it, as
///   in DfE's totals.
/// - In education, employment or training: an activity code beginning `F` (full time) or `P` (part time). Suitable
///   accommodation: a code whose second character is `1`.
public struct CareLeaversOC3: EventIndicator {
    public enum Measure: Sendable { case eet, suitableAccommodation }
    public let id: IndicatorID
    let measure: Measure
    let ages: ClosedRange<Int>

    public static let all: [CareLeaversOC3] = [
        .init(.careLeavers1718EET, .eet, 17...18), .init(.careLeavers1921EET, .eet, 19...21),
        .init(.careLeavers1718SuitableAccommodation, .suitableAccommodation, 17...18),
        .init(.careLeavers1921SuitableAccommodation, .suitableAccommodation, 19...21),
    ]

    init(_ id: IndicatorID, _ measure: Measure, _ ages: ClosedRange<Int>) {
        self.id = id
        self.measure = measure
        self.ages = ages
    }

    public func isSupported(by data: CaseData) -> Bool { !(data.lac?.leaverChild.isEmpty ?? true) }

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let l = data.lac, let end = l.yearEnd else { return events }
        let start = CalendarDate(year: end.year - 1, month: 4, day: 1)!.column
        var births: [String: Int32] = [:]
        for i in l.childID.indices { births[l.childID[i]] = l.childBirth[i] }
        for i in l.leaverChild.indices where l.leaverInTouch[i] != "DIED" {
            let birth = l.leaverBirth[i] != noDate ? l.leaverBirth[i] : births[l.leaverChild[i]] ?? noDate
            guard let born = CalendarDate(column: birth) else { continue }
            // The birthday within the year: in the calendar year the year starts, or the next.
            let age = born.month >= 4 ? end.year - 1 - born.year : end.year - born.year
            let birthday = addMonths(birth, 12 * age)
            guard ages.contains(age), birthday >= start, birthday <= end.column else { continue }
            let met: Bool
            switch measure {
            case .eet: met = l.leaverActivity[i].hasPrefix("F") || l.leaverActivity[i].hasPrefix("P")
            case .suitableAccommodation: met = l.leaverAccommodation[i].count == 2 && l.leaverAccommodation[i].hasSuffix("1")
            }
            events.add(day: birthday, met: met, record: RecordRef(.oc3, i))
        }
        return events
    }
}
