import ArgumentParser
import CaseRecords
import Domain
import Foundation
import Indicators
import Monitoring
import NoticeReader

/// `improve status`: the whole picture for a notice and a council's data on a date.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Where each target of a notice stands, where it is heading, what the board must discuss, and the calendar."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "The notice, as text.")
    var notice: String

    @Option(name: .customLong("input"), parsing: .upToNextOption, help: "Files or folders of the council's returns.")
    var inputs: [String] = []

    @Option(name: .customLong("as-of"), help: "The date to judge on, YYYY-MM-DD.")
    var asOf: String

    @Option(name: .customLong("notice-date"), help: "The notice's date, when the text does not carry it (YYYY-MM-DD).")
    var noticeDate: String?

    @Option(help: "Figures entered by hand: a CSV with indicator,basis,month,value,entered_by,entered_at.")
    var manual: String?

    @Flag(name: .customLong("longer-interval-agreed"), help: "DfE has agreed the longer meeting interval the notice allows.")
    var longerIntervalAgreed = false

    @Option(help: "text (for a terminal) or json.")
    var format: Format = .text

    func run() throws {
        guard let asOfDate = CalendarDate(iso: asOf) else { throw CommandFailure("--as-of '\(asOf)' is not a YYYY-MM-DD date") }
        let draft: NoticeDraft
        do {
            draft = try NoticeReader.read(bytes: try InputFile.read(notice, limit: PDFText.maximumPDFBytes))
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("\(notice): \(error)")
        }
        var notes: [String] = []
        var date = draft.notice.noticeDate
        if let given = noticeDate {
            guard let d = CalendarDate(iso: given) else { throw CommandFailure("--notice-date '\(given)' is not a YYYY-MM-DD date") }
            date = d
        } else if date == nil, let published = draft.notice.inspection.published {
            date = published.latestDay
            notes.append("the notice carries no date; dates relative to it are counted from the inspection report's publication (\(published.iso)); give --notice-date to set it")
        }

        var results: [IndicatorResult] = []
        var data: CaseData?
        if !inputs.isEmpty {
            let loaded = try Inputs.load(inputs)
            if let first = loaded.rejections.first { throw CommandFailure(first.description) }
            if loaded.cin != nil || loaded.bundle != nil || loaded.lac != nil || !loaded.workforceCensus.isEmpty || loaded.annexA != nil {
                let caseData = CaseData(cin: loaded.cin, bundle: loaded.bundle, lac: loaded.lac, workforceCensus: loaded.workforceCensus, annexA: loaded.annexA)
                data = caseData
                let days = caseData.eventDays.filter { $0 != noDate && $0 <= asOfDate.column }
                if let low = days.min() {
                    var months: [YearMonth] = []
                    var m = YearMonth(CalendarDate(column: low)!)
                    while m <= YearMonth(asOfDate) { months.append(m); m = m.adding(months: 1) }
                    results = IndicatorEngine().evaluate(caseData, .init(months: months))
                }
            }
        }
        let manualFigures = try manual.map(ManualFigures.read) ?? []
        let monitored = NoticeMonitoring.run(.init(notice: draft.notice, noticeDate: date, asOf: asOfDate, results: results, manual: manualFigures,
                                                   records: data, longerIntervalAgreed: longerIntervalAgreed))
        let (statuses, calendar, exceptions) = (monitored.statuses, monitored.calendar, monitored.exceptions)
        switch format {
        case .text:
            print(StatusText.render(draft.notice, date: date, asOf: asOfDate, statuses: statuses, calendar: calendar, exceptions: exceptions, notes: notes))
        case .json:
            let json = try JSONSerialization.data(withJSONObject: StatusJSON.object(draft.notice, date: date, asOf: asOfDate, statuses: statuses,
                                                                                     calendar: calendar, exceptions: exceptions, notes: notes),
                                                  options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: json, as: UTF8.self))
        }
    }
}

/// Figures entered by hand, from a CSV file.
enum ManualFigures {
    static func read(_ path: String) throws -> [ManualFigure] {
        let text = String(decoding: try InputFile.read(path, limit: 50_000_000), as: UTF8.self)
        var figures: [ManualFigure] = []
        for (n, line) in text.split(whereSeparator: \.isNewline).enumerated() where n > 0 && !line.isEmpty {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            func fail(_ field: String) -> CommandFailure { CommandFailure("\(path):\(n + 1): \(field) '\(cells.count > 0 ? line : "")' cannot be read") }
            guard cells.count >= 6 else { throw CommandFailure("\(path):\(n + 1): expected indicator,basis,month,value,entered_by,entered_at") }
            guard let indicator = IndicatorID(rawValue: cells[0]) else {
                throw CommandFailure("\(path):\(n + 1): indicator '\(cells[0])' is not an indicator id (INDICATORS.md §3.19, or other)")
            }
            guard let basis = Basis(rawValue: cells[1]) else { throw CommandFailure("\(path):\(n + 1): basis '\(cells[1])' is not a basis") }
            guard let month = YearMonth(iso: cells[2]) else { throw CommandFailure("\(path):\(n + 1): month '\(cells[2])' is not YYYY-MM") }
            guard let value = Double(cells[3]) else { throw CommandFailure("\(path):\(n + 1): value '\(cells[3])' is not a number") }
            guard let at = CalendarDate(iso: cells[5]) else { throw fail("entered_at") }
            figures.append(ManualFigure(indicator: indicator, basis: basis, month: month, value: value, enteredBy: cells[4], enteredAt: at))
        }
        return figures
    }
}
