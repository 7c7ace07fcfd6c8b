import Domain
import Spreadsheet

/// Reads one CSV table of the SSDA903 return, as the DfE specifies it and councils export it (upper-case headers,
/// dates `dd/mm/yyyy`). Which table a file is comes from its header row. A file that is not well-formed CSV, or whose
/// header is no 903 table, is rejected whole; a row whose value cannot be read is left out and reported by file, line,
/// child and field; columns the table does not have are skipped with one warning each.
public struct SSDA903Importer {
    /// Dates after this day are events that cannot have happened yet (the return has no reference date to judge by).
    public var today: Int32

    public init(today: CalendarDate) {
        self.today = today.column
    }

    public enum Table: String, CaseIterable, Sendable {
        case header, episodes, reviews, oc2, oc3, ad1
        case placedForAdoption = "placed_for_adoption"
        case previousPermanence = "previous_permanence"
        case missing, uasc
        case socialWorkerEpisodes = "sw_episodes"
        /// Deprivation of Liberty orders, from 2026-27.
        case deprivationOfLiberty = "dol_orders"

        /// The columns that identify the table. Tables no indicator reads are recognised so that a council can pass
        /// its whole extract without an error.
        public var required: [String] {
            switch self {
            case .header: return ["CHILD", "SEX", "DOB", "ETHNIC"]
            case .episodes: return ["CHILD", "DECOM", "RNE", "LS", "PLACE", "DEC"]
            case .reviews: return ["CHILD", "REVIEW", "REVIEW_CODE"]
            case .oc2: return ["CHILD", "SDQ_SCORE", "HEALTH_CHECK"]
            case .oc3: return ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"]
            case .ad1: return ["CHILD", "DATE_INT", "DATE_MATCH"]
            case .placedForAdoption: return ["CHILD", "DATE_PLACED"]
            case .previousPermanence: return ["CHILD", "PREV_PERM"]
            case .missing: return ["CHILD", "MISSING", "MIS_START"]
            case .uasc: return ["CHILD", "DUC"]
            case .socialWorkerEpisodes: return ["CHILD", "SW_ID", "SW_DECOM"]
            case .deprivationOfLiberty: return ["CHILD", "DOLO_START"]
            }
        }

        /// Every column the DfE's specification gives the table.
        public var columns: [String] {
            switch self {
            case .header: return ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
            case .episodes: return ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"]
            case .reviews: return ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]
            case .oc2: return ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"]
            case .oc3: return ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]
            case .ad1: return ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"]
            case .placedForAdoption: return ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"]
            case .previousPermanence: return ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"]
            case .missing: return ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"]
            case .uasc: return ["CHILD", "SEX", "DOB", "DUC"]
            case .socialWorkerEpisodes: return ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"]
            case .deprivationOfLiberty: return ["CHILD", "DOB", "DOLO_START", "DOLO_END"]
            }
        }

        public static func matching(_ header: [String]) -> Table? {
            let names = Set(header.map { $0.trimmingSpaces.uppercased() })
            return allCases.filter { Set($0.required).isSubset(of: names) }.max { $0.required.count < $1.required.count }
        }
    }

    public struct FileResult: Sendable {
        public var table: Table
        public var tables: SSDA903Tables
        public var report: FileReport
    }

    /// How the 903 names its tables and columns: upper case, as DfE's specification writes them.
    static var rules: CSVFrame<Table>.Rules {
        .init(normalise: { $0.trimmingSpaces.uppercased() }, recognise: Table.matching, columns: { Set($0.columns) },
              notATable: { "the header (\($0)) is not a table of the SSDA903 return" },
              unknownColumn: { "column '\($0)' is not part of the 903 \($1.rawValue) table; skipped" })
    }

    /// Whether the bytes start with the header row of a 903 table. Bundle headers are lower case and never match.
    public static func recognises(_ bytes: [UInt8]) -> Bool {
        var reader = CSVReader(bytes: Array(bytes.prefix(4096)))
        guard let first = try? reader.next(), first.row.contains(where: { $0.trimmingSpaces == "CHILD" }) else { return false }
        return CSVFrame.recognises(bytes, rules)
    }

    /// The episode reasons (RNE) and legal statuses (LS) the DfE's code lists allow; others are kept and flagged.
    static let reasons: Set<String> = ["S", "L", "P", "T", "U", "B", "X1"]
    static let legalStatuses: Set<String> = ["C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"]
    /// SEX: `1` male and `2` female until 2023-24; `M`, `F`, `U` from 2024-25. A CSV table carries no year, so both
    /// are read.
    static let sexes: Set<String> = ["1", "2", "M", "F", "U"]
    /// SW_REASON, the reasons a child's social worker changed (2023-24 on).
    public static let socialWorkerChangeReasons: Set<String> = ["MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS"]

    public func read(bytes: [UInt8], file: String) throws(ImportRejection) -> FileResult {
        var faults: [ImportFault] = []
        var t = SSDA903Tables()
        var leftOut = 0
        var lines: [Int] = []
        let today = self.today
        let (frame, rows) = try CSVFrame.read(bytes: bytes, file: file, Self.rules) { table, index, fields, line in
            var parser = Row903(row: fields, index: index, line: line, file: file, today: today)
            if parser.append(table, into: &t) { lines.append(line) } else { leftOut += 1 }
            t.latestDate = max(t.latestDate, parser.latest)
            faults += parser.faults
        }
        faults = frame.faults + faults
        if frame.table == .episodes { faults += SSDA903Importer.overlapFaults(t, lines: lines, file: file) }
        return FileResult(table: frame.table, tables: t, report: FileReport(
            file: file, accepted: true, counts: ["rows": rows, "records_left_out": leftOut, frame.table.rawValue: rows - leftOut], faults: faults))
    }
}

extension SSDA903Importer {
    /// Whether the bytes start an SSDA903 return in its XML form.
    public static func recognisesXML(_ bytes: [UInt8]) -> Bool {
        String(decoding: bytes.prefix(4096), as: UTF8.self).contains("<EXPSSDA903")
    }

    /// Reads the XML form (`<EXPSSDA903><CHILD><HEADER>…<AREVIEW>…</HEADER><EPISODE>…`): each HEADER, EPISODE and
    /// AREVIEW is read as a row of the matching CSV table, by the same rules, its line the element's. `PL` is the
    /// CSV's `PLACE`. Elements no indicator uses (OC2, OC3, adoption, missing) are passed over; a file that is not
    /// well-formed XML is rejected whole.
    public func readXML(bytes: [UInt8], file: String) throws(ImportRejection) -> FileReport.WithTables {
        var scanner = XMLScanner(bytes: bytes)
        var t = SSDA903Tables()
        var faults: [ImportFault] = []
        var counts: [String: Int] = ["header": 0, "episodes": 0, "reviews": 0, "records_left_out": 0]
        var stack: [String] = []
        // The record being read for each kind of element; a HEADER holds its AREVIEWs, so both can be open at once.
        var open: [String: (fields: [String: String], line: Int)] = [:]
        var child = ""
        let records: Set<String> = ["HEADER", "EPISODE", "AREVIEW"]
        var sawRoot = false
        var episodeLines: [Int] = []

        func finish(_ element: String, as table: Table) {
            guard let (read, line) = open.removeValue(forKey: element) else { return }
            var fields = read
            fields["CHILD"] = child
            if let pl = fields.removeValue(forKey: "PL") { fields["PLACE"] = pl }
            let names = Array(fields.keys)
            let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
            var parser = Row903(row: names.map { fields[$0]! }, index: index, line: line, file: file, today: today)
            let before = t.episodeCount
            if parser.append(table, into: &t) { counts[table.rawValue, default: 0] += 1 } else { counts["records_left_out", default: 0] += 1 }
            if t.episodeCount > before { episodeLines.append(line) }
            t.latestDate = max(t.latestDate, parser.latest)
            faults += parser.faults
        }

        do {
            while let event = try scanner.next() {
                switch event {
                case .start(let range, let line, let selfClosing):
                    let name = scanner.name(range)
                    if name == "EXPSSDA903" { sawRoot = true }
                    if selfClosing { continue }
                    stack.append(name)
                    if name == "CHILD" { child = "" }
                    if records.contains(name) { open[name] = ([:], line) }
                case .end(let range, let line):
                    let name = scanner.name(range)
                    guard stack.last == name else {
                        throw ImportRejection(file: file, line: line, reason: "not well-formed XML: </\(name)> closes <\(stack.last ?? "nothing")>")
                    }
                    stack.removeLast()
                    switch name {
                    case "HEADER":
                        // The XML form keeps a care leaver's OC3 fields inside HEADER.
                        if let header = open["HEADER"], header.fields["IN_TOUCH"] != nil || header.fields["ACTIV"] != nil {
                            open["OC3"] = header
                            finish("OC3", as: .oc3)
                        }
                        finish(name, as: .header)
                    case "EPISODE": finish(name, as: .episodes)
                    case "AREVIEW": finish(name, as: .reviews)
                    default: break
                    }
                case .text(let range, _):
                    guard stack.count >= 2, !scanner.isBlank(range) else { continue }
                    let leaf = stack[stack.count - 1], parent = stack[stack.count - 2]
                    if leaf == "CHILDID" && parent == "HEADER" { child = scanner.text(range) }
                    if records.contains(parent) { open[parent]?.fields[leaf] = scanner.text(range) }
                }
            }
        } catch let error as XMLScanner.SyntaxError {
            throw ImportRejection(file: file, line: error.line, reason: "not well-formed XML: \(error.message)")
        } catch let error as ImportRejection {
            throw error
        } catch {
            throw ImportRejection(file: file, line: 0, reason: "\(error)")
        }
        guard sawRoot else { throw ImportRejection(file: file, line: 1, reason: "not an SSDA903 return: no <EXPSSDA903> element") }
        if let open = stack.last { throw ImportRejection(file: file, line: 0, reason: "not well-formed XML: <\(open)> is never closed") }
        faults += Self.overlapFaults(t, lines: episodeLines, file: file)
        return .init(tables: t, report: FileReport(file: file, accepted: true, counts: counts, faults: faults))
    }
}

extension FileReport {
    /// A file's report with the 903 tables read from it.
    public struct WithTables: Sendable {
        public var tables: SSDA903Tables
        public var report: FileReport

        public init(tables: SSDA903Tables, report: FileReport) {
            self.tables = tables
            self.report = report
        }

        init(_ csv: SSDA903Importer.FileResult) {
            self.init(tables: csv.tables, report: csv.report)
        }
    }
}

/// One row of a 903 table, with the faults found in it.
private struct Row903 {
    let row: [String]
    let index: [String: Int]
    let line: Int
    let file: String
    let today: Int32
    var faults: [ImportFault] = []
    var failed = false
    /// The latest date read from the row, kept or not.
    var latest: Int32 = noDate

    init(row: [String], index: [String: Int], line: Int, file: String, today: Int32) {
        self.row = row
        self.index = index
        self.line = line
        self.file = file
        self.today = today
    }

    var child: String? {
        let c = text("CHILD")
        return c.isEmpty ? nil : c
    }

    func text(_ name: String) -> String {
        guard let i = index[name], i < row.count else { return "" }
        return row[i].trimmingSpaces
    }

    mutating func fault(_ name: String, _ rule: String, _ message: String, severity: ImportFault.Severity = .error) {
        faults.append(ImportFault(severity: severity, file: file, line: line, childID: child, field: name, rule: rule, message: message))
        if severity == .error { failed = true }
    }

    mutating func required(_ name: String) -> String {
        let value = text(name)
        if value.isEmpty { fault(name, "missing-value", "\(name) is required") }
        return value
    }

    /// A `dd/mm/yyyy` date (the 903's form); ISO dates are accepted too, since some exports convert them.
    mutating func date(_ name: String, required: Bool = true) -> Int32 {
        let value = text(name)
        if value.isEmpty {
            if required { fault(name, "missing-value", "\(name) is required") }
            return noDate
        }
        if let d = Self.parseDate(value) {
            latest = max(latest, d.column)
            if d.column > today {
                fault(name, "future-date", "\(d.iso) is in the future; the record is left out")
                return noDate
            }
            return d.column
        }
        fault(name, "bad-date", "'\(value)' is not a date (dd/mm/yyyy)")
        return noDate
    }

    static func parseDate(_ s: String) -> CalendarDate? {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4 {
            return CalendarDate(year: y, month: m, day: d)
        }
        return CalendarDate(iso: s)
    }

    mutating func code(_ name: String, in allowed: Set<String>) -> String {
        let value = text(name).uppercased()
        if value.isEmpty {
            fault(name, "missing-value", "\(name) is required")
        } else if !allowed.contains(value) {
            fault(name, "unknown-code", "'\(value)' is not in the 903 code list for \(name); kept", severity: .warning)
        }
        return value
    }

    mutating func append(_ table: SSDA903Importer.Table, into t: inout SSDA903Tables) -> Bool {
        let child = required("CHILD")
        switch table {
        case .header:
            let birth = date("DOB")
            if !text("SEX").isEmpty { _ = code("SEX", in: SSDA903Importer.sexes) }
            guard !failed else { return false }
            t.childID.append(child); t.childBirth.append(birth)
        case .episodes:
            let start = date("DECOM"), end = date("DEC", required: false)
            let reason = code("RNE", in: SSDA903Importer.reasons), status = code("LS", in: SSDA903Importer.legalStatuses)
            let placement = required("PLACE").uppercased()
            let ceased = text("REC").uppercased()
            if end != noDate, ceased.isEmpty {
                fault("REC", "missing-value", "REC is required when the episode has ceased (DEC given); read as going on into the next episode that starts that day",
                      severity: .warning)
            }
            if start != noDate, end != noDate, end < start {
                fault("DEC", "dates-out-of-order", "\(CalendarDate(column: end)!.iso) is before DECOM \(CalendarDate(column: start)!.iso); episode left out")
            }
            guard !failed else { return false }
            t.episodeChild.append(child); t.episodeStart.append(start); t.episodeEnd.append(end)
            t.episodeReason.append(reason); t.episodeLegalStatus.append(status); t.episodePlacement.append(placement)
            t.episodeEndReason.append(end == noDate ? "" : ceased)
        case .reviews:
            let day = date("REVIEW")
            guard !failed else { return false }
            t.reviewChild.append(child); t.reviewDate.append(day)
        case .oc3:
            let birth = date("DOB", required: false)
            guard !failed else { return false }
            t.leaverChild.append(child); t.leaverBirth.append(birth)
            t.leaverInTouch.append(text("IN_TOUCH").uppercased()); t.leaverActivity.append(text("ACTIV").uppercased())
            t.leaverAccommodation.append(text("ACCOM").uppercased())
        case .socialWorkerEpisodes:
            let start = date("SW_DECOM"), end = date("SW_DEC", required: false)
            let reason = text("SW_REASON").uppercased()
            if !reason.isEmpty, !SSDA903Importer.socialWorkerChangeReasons.contains(reason) {
                fault("SW_REASON", "unknown-code", "'\(reason)' is not in the 903 code list for SW_REASON; kept", severity: .warning)
            }
            if end != noDate, reason.isEmpty {
                fault("SW_REASON", "missing-value", "SW_REASON is required when the social worker episode has ended (SW_DEC given)", severity: .warning)
            }
            if start != noDate, end != noDate, end < start {
                fault("SW_DEC", "dates-out-of-order", "\(CalendarDate(column: end)!.iso) is before SW_DECOM \(CalendarDate(column: start)!.iso); episode left out")
            }
            let worker = required("SW_ID")
            guard !failed else { return false }
            t.swChild.append(child); t.swWorker.append(worker); t.swStart.append(start); t.swEnd.append(end)
            t.swReason.append(end == noDate ? "" : reason)
        case .deprivationOfLiberty:
            let start = date("DOLO_START"), end = date("DOLO_END", required: false)
            if start != noDate, end != noDate, end < start {
                fault("DOLO_END", "dates-out-of-order", "\(CalendarDate(column: end)!.iso) is before DOLO_START \(CalendarDate(column: start)!.iso); order left out")
            }
            guard !failed else { return false }
            t.dolChild.append(child); t.dolStart.append(start); t.dolEnd.append(end)
        default:
            // Tables no indicator reads yet: the child id is still required, so a broken row is reported.
            return !failed
        }
        return true
    }
}
