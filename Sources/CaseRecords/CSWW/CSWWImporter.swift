import Domain
import Spreadsheet

/// The children's social work workforce census (CSWW) for one council and year, reduced to the totals DfE's
/// formulas need (INDICATORS.md §3.15). Everything is FTE at the reference date (30 September) or over the year to it.
public struct WorkforceCensus: Sendable, Equatable {
    public var year: Int
    public var referenceDate: CalendarDate
    /// Permanent (not agency) social workers in post at the reference date: FTE30, or FTE where FTE30 is absent.
    public var inPostFTE: Double
    public var inPostHeadcount: Int
    /// `LALevelVacancies/NumberOfVacancies`; nil when the council did not return it.
    public var vacanciesFTE: Double?
    /// `LALevelVacancies/NoAgencyFTE`, or else the agency workers' own FTE.
    public var agencyFTE: Double
    /// Permanent workers whose role ended in the year to the reference date, by their FTE.
    public var leaversFTE: Double
    public var leaversHeadcount: Int
    /// Working days lost to sickness in the year by permanent workers in post at the reference date or who left in
    /// the year to it.
    public var workingDaysLost: Double
    /// Cases held at the reference date by the social workers holding any, agency workers included (§3.15 counts
    /// every case holder, and DfE's published case-holder FTE exceeds the permanent in-post FTE for some councils,
    /// which only agency case holders can explain), and those workers' FTE.
    public var cases: Double
    public var caseHoldingFTE: Double

    /// The month the census describes: the rates it gives are for that month's end.
    public var month: YearMonth { YearMonth(referenceDate) }
}

/// Reads a CSWW census XML (`Message > Header > LALevelVacancies > CSWWWorker*`), streaming. A file that is not
/// well-formed, or has no reference date, is rejected whole; a worker whose values cannot be read is left out and
/// reported by line, worker (SWENo) and field; elements the importer does not use are passed over.
public struct CSWWImporter {
    public init() {}

    public struct FileResult: Sendable {
        public var census: WorkforceCensus
        public var report: FileReport
    }

    public static func recognises(_ bytes: [UInt8]) -> Bool {
        String(decoding: bytes.prefix(4096), as: UTF8.self).contains("<Collection>CSWW</Collection>")
    }

    struct Worker {
        var line = 0
        var fields: [String: (value: String, line: Int)] = [:]
    }

    public func read(bytes: [UInt8], file: String) throws(ImportRejection) -> FileResult {
        var scanner = XMLScanner(bytes: bytes)
        var stack: [String] = []
        var header: [String: String] = [:]
        var workers: [Worker] = []
        var current: Worker?
        do {
            while let event = try scanner.next() {
                switch event {
                case .start(let range, let line, let selfClosing):
                    let name = scanner.name(range)
                    if selfClosing { continue }
                    stack.append(name)
                    if name == "CSWWWorker" { current = Worker(line: line) }
                case .end(let range, let line):
                    let name = scanner.name(range)
                    guard stack.last == name else {
                        throw ImportRejection(file: file, line: line, reason: "not well-formed XML: </\(name)> closes <\(stack.last ?? "nothing")>")
                    }
                    stack.removeLast()
                    if name == "CSWWWorker", let w = current { workers.append(w); current = nil }
                case .text(let range, let line):
                    guard stack.count >= 2, !scanner.isBlank(range) else { continue }
                    let leaf = stack[stack.count - 1], parent = stack[stack.count - 2]
                    if parent == "CSWWWorker" {
                        current?.fields[leaf] = (scanner.text(range), line)
                    } else if parent == "CollectionDetails" || parent == "LALevelVacancies" || parent == "Source" {
                        header[leaf] = scanner.text(range)
                    }
                }
            }
        } catch let error as XMLScanner.SyntaxError {
            throw ImportRejection(file: file, line: error.line, reason: "not well-formed XML: \(error.message)")
        } catch let error as ImportRejection {
            throw error
        } catch {
            throw ImportRejection(file: file, line: 0, reason: "\(error)")
        }
        if let open = stack.last { throw ImportRejection(file: file, line: 0, reason: "not well-formed XML: <\(open)> is never closed") }
        guard header["Collection"] == "CSWW" else { throw ImportRejection(file: file, line: 1, reason: "not a CSWW census: no <Collection>CSWW</Collection>") }
        guard let reference = header["ReferenceDate"].flatMap(CalendarDate.init(iso:)) else {
            throw ImportRejection(file: file, line: 1, reason: "the census has no readable ReferenceDate")
        }
        return tally(workers, header: header, reference: reference, file: file)
    }

    private func tally(_ workers: [Worker], header: [String: String], reference: CalendarDate, file: String) -> FileResult {
        var faults: [ImportFault] = []
        let yearStart = (CalendarDate(year: reference.year - 1, month: reference.month, day: reference.day) ?? reference.adding(days: -365)).column
        var census = WorkforceCensus(year: Int(header["Year"] ?? "") ?? reference.year, referenceDate: reference, inPostFTE: 0, inPostHeadcount: 0,
                                     vacanciesFTE: nil, agencyFTE: 0, leaversFTE: 0, leaversHeadcount: 0, workingDaysLost: 0, cases: 0, caseHoldingFTE: 0)
        func laNumber(_ name: String) -> Double? {
            guard let text = header[name] else { return nil }
            // Read as an exact decimal: "1e999", "inf" and "nan" are no count of posts or vacancies.
            guard let n = ExactDecimal(text: text)?.double, n >= 0 else {
                faults.append(ImportFault(severity: .error, file: file, line: 0, childID: nil, field: name, rule: "bad-value", message: "'\(text)' is not a number of 0 or more; not used"))
                return nil
            }
            return n
        }
        census.vacanciesFTE = laNumber("NumberOfVacancies")
        if census.vacanciesFTE == nil {
            faults.append(ImportFault(severity: .warning, file: file, line: 0, childID: nil, field: "NumberOfVacancies", rule: "missing-value", message: "no vacancies returned; the vacancy rate cannot be computed"))
        }
        let laAgency = laNumber("NoAgencyFTE")
        // Summed as exact decimals: binary sums print 53 as 52.99999999999999.
        var inPost = ExactDecimal.zero, agencyOwn = ExactDecimal.zero, leavers = ExactDecimal.zero
        var lostDays = ExactDecimal.zero, cases = ExactDecimal.zero, caseHolding = ExactDecimal.zero
        var leftOut = 0
        for w in workers {
            let id = w.fields["SWENo"]?.value
            var failed = false
            func fault(_ field: String, _ message: String, severity: ImportFault.Severity = .error, rule: String = "bad-value") {
                faults.append(ImportFault(severity: severity, file: file, line: w.fields[field]?.line ?? w.line, childID: id, recordKind: "worker", field: field, rule: rule, message: message))
                if severity == .error { failed = true }
            }
            func number(_ field: String) -> ExactDecimal? {
                guard let text = w.fields[field]?.value else { return nil }
                guard let n = ExactDecimal(text: text), n >= .zero else { fault(field, "'\(text)' is not a number of 0 or more"); return nil }
                return n
            }
            func date(_ field: String) -> Int32? {
                guard let text = w.fields[field]?.value else { return nil }
                guard let d = CalendarDate(iso: text) else { fault(field, "'\(text)' is not a date (YYYY-MM-DD)"); return nil }
                return d.column
            }
            let agencyText = w.fields["AgencyWorker"]?.value.lowercased() ?? ""
            let agency: Bool
            switch agencyText {
            case "1", "true", "yes", "y": agency = true
            case "0", "false", "no", "n": agency = false
            default:
                fault("AgencyWorker", agencyText.isEmpty ? "AgencyWorker is required" : "'\(agencyText)' is not 0 or 1")
                agency = false
            }
            let fte = number("FTE"), fte30 = number("FTE30"), held = number("Cases30"), lost = number("WorkingDaysLost")
            let end = date("RoleEndDate"), start = date("RoleStartDate")
            if let f = fte ?? fte30, f.double > 1.5 { fault(w.fields["FTE"] != nil ? "FTE" : "FTE30", "an FTE of \(f) is more than one post", severity: .warning, rule: "doubtful-value") }
            if let end, end > reference.column {
                fault("RoleEndDate", "\(CalendarDate(column: end)!.iso) is after the census reference date \(reference.iso); counted as in post", severity: .warning, rule: "future-date")
            }
            let notStarted = start.map { $0 > reference.column } ?? false
            if notStarted {
                fault("RoleStartDate", "\(CalendarDate(column: start!)!.iso) is after the census reference date \(reference.iso); not in post, so not counted", severity: .warning, rule: "future-date")
            }
            if failed { leftOut += 1; continue }
            if notStarted { continue }
            let isInPost = end == nil || end! > reference.column
            let postFTE = fte30 ?? fte ?? .zero
            if isInPost, let held, held > .zero {
                cases += held
                caseHolding += postFTE
            }
            if agency {
                if isInPost { agencyOwn += postFTE }
                continue
            }
            if isInPost {
                inPost += postFTE
                census.inPostHeadcount += 1
                lostDays += lost ?? .zero
            } else if let end, end > yearStart {
                leavers += fte ?? fte30 ?? .zero
                census.leaversHeadcount += 1
                lostDays += lost ?? .zero
            }
        }
        census.inPostFTE = inPost.double
        census.leaversFTE = leavers.double
        census.workingDaysLost = lostDays.double
        census.cases = cases.double
        census.caseHoldingFTE = caseHolding.double
        census.agencyFTE = laAgency ?? agencyOwn.double
        let counts = ["workers": workers.count - leftOut, "records_left_out": leftOut, "in_post": census.inPostHeadcount, "leavers": census.leaversHeadcount]
        return FileResult(census: census, report: FileReport(file: file, accepted: true, counts: counts, faults: faults))
    }
}
