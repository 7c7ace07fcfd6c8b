import Spreadsheet

/// DfE's statistical neighbours: for each council, its ten most similar councils, nearest first, with how close
/// DfE judges each to be. The 2025 model is the default; the April 2021 groupings are kept for older comparisons.
public struct NeighbourModel: Sendable {
    /// The model's name as a year ("2025", "2021").
    public var name: String
    /// The file it was read from.
    public var file: String
    public var councils: [String: Council]

    public struct Council: Sendable, Hashable {
        public var laCode: String
        public var name: String
        public var regionName: String
        /// Nearest first.
        public var neighbours: [Neighbour]
    }

    public struct Neighbour: Sendable, Hashable {
        public var laCode: String
        /// As DfE writes it: "Close", "Somewhat close", "Not close", ...
        public var closeness: String

        public init(laCode: String, closeness: String) {
            self.laCode = laCode
            self.closeness = closeness
        }
    }

    public init(name: String, file: String, councils: [String: Council]) {
        self.name = name
        self.file = file
        self.councils = councils
    }

    public func neighbours(of laCode: String) -> [Neighbour] { councils[laCode]?.neighbours ?? [] }
}

/// Reads a neighbour model in either of DfE's layouts: the 2025 model (`old_la_code, la_name, region_ind,
/// region_name, SN_1, SN_1P, ...`) or the 2021 groupings (`LA num, LA Name, LA number, GOInd, GOReg, SN1, SNP, ...`,
/// where every closeness column is called SNP). Columns are found by name; a neighbour's closeness is the column
/// just after it.
public enum NeighbourModelReader {
    /// Whether a header is a neighbour model's (so `improve published import` can tell it from a table).
    public static func isNeighbourHeader(_ names: [String]) -> Bool {
        let set = Set(names.map { $0.trimmingSpaces })
        return (set.contains("SN_1") || set.contains("SN1")) && codeColumn(names.map { $0.trimmingSpaces }) != nil
    }

    static func codeColumn(_ names: [String]) -> Int? {
        for candidate in ["old_la_code", "LA num", "LA number", "la_code"] {
            if let i = names.firstIndex(of: candidate) { return i }
        }
        return nil
    }

    /// The model's name from the file's name: the year in it ("sn_model_2025_wide.csv" is 2025).
    public static func modelName(fromFile file: String) -> String? {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        var run = "", found: String?
        for c in base + " " {
            if c.isNumber { run.append(c) } else {
                if run.count == 4, let year = Int(run), (2000...2199).contains(year) { found = run }
                run = ""
            }
        }
        return found
    }

    public static func read(_ bytes: [UInt8], file: String, name: String? = nil) throws(PublishedFileError) -> NeighbourModel {
        try TextBytes.check(bytes, file: file, expecting: "a CSV table")
        guard let model = name ?? modelName(fromFile: file) else {
            throw PublishedFileError(file: file, reason: "says no year in its name, so which neighbour model it is cannot be told: name it like sn_model_2025.csv")
        }
        let rows = try PublishedTableReader.csvRows(bytes, file: file)
        guard let header = rows.first else { throw PublishedFileError(file: file, reason: "the file is empty") }
        let names = header.row.map { $0.trimmingSpaces }
        guard let code = codeColumn(names) else {
            throw PublishedFileError(file: file, reason: "not a statistical neighbour model: it has no old_la_code (or LA num) column")
        }
        var slots: [(code: Int, closeness: Int?)] = []
        for k in 1...20 {
            guard let i = names.firstIndex(of: "SN_\(k)") ?? names.firstIndex(of: "SN\(k)") else { break }
            let next = i + 1 < names.count && names[i + 1].hasSuffix("P") && names[i + 1].hasPrefix("SN") ? i + 1 : nil
            slots.append((i, next))
        }
        guard !slots.isEmpty else {
            throw PublishedFileError(file: file, reason: "not a statistical neighbour model: it has no SN_1 (or SN1) column")
        }
        let nameColumn = names.firstIndex(of: "la_name") ?? names.firstIndex(of: "LA Name")
        let regionColumn = names.firstIndex(of: "region_name") ?? names.firstIndex(of: "GOReg")

        var councils: [String: NeighbourModel.Council] = [:]
        for (row, line) in rows.dropFirst() {
            if row.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            guard row.count == names.count else {
                throw PublishedFileError(file: file, line: line, reason: "has \(row.count) cells where the header has \(names.count) columns")
            }
            let la = row[code].trimmingSpaces
            // A line with no council and no neighbours is a heading ("Old SNs:" in the 2021 groupings, above the
            // councils that were reorganised away): passed over.
            if la.isEmpty, slots.allSatisfy({ row[$0.code].trimmingSpaces.isEmpty }) { continue }
            guard isLACode(la) else {
                throw PublishedFileError(file: file, line: line, column: names[code], reason: "'\(la)' is not a three-digit council number")
            }
            guard councils[la] == nil else {
                throw PublishedFileError(file: file, line: line, column: names[code], reason: "council \(la) is listed twice")
            }
            var neighbours: [NeighbourModel.Neighbour] = []
            for slot in slots {
                let neighbour = row[slot.code].trimmingSpaces
                if neighbour.isEmpty { continue }
                guard isLACode(neighbour) else {
                    throw PublishedFileError(file: file, line: line, column: names[slot.code], reason: "'\(neighbour)' is not a three-digit council number")
                }
                neighbours.append(.init(laCode: neighbour, closeness: slot.closeness.map { row[$0].trimmingSpaces } ?? ""))
            }
            councils[la] = .init(laCode: la, name: nameColumn.map { row[$0].trimmingSpaces } ?? "",
                                 regionName: regionColumn.map { row[$0].trimmingSpaces } ?? "", neighbours: neighbours)
        }
        guard !councils.isEmpty else { throw PublishedFileError(file: file, reason: "has a header and no councils") }
        return NeighbourModel(name: model, file: file, councils: councils)
    }

    static func isLACode(_ text: String) -> Bool {
        text.utf8.count == 3 && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
