/// A published statistics file, told by what its header holds: one of DfE's tables, or a statistical neighbour model.
public enum PublishedFile: Sendable {
    case table(PublishedTable)
    case neighbours(NeighbourModel)
    case ofsted(OfstedOutcomes)

    public enum Kind: String, Sendable { case table, neighbours, ofsted }

    public var kind: Kind {
        switch self {
        case .table: return .table
        case .neighbours: return .neighbours
        case .ofsted: return .ofsted
        }
    }

    public var name: String {
        switch self {
        case .table(let table): return table.name
        case .neighbours(let model): return model.file
        case .ofsted(let outcomes): return outcomes.file
        }
    }

    /// Reads a file whole, or says why it was refused: nothing of a refused file is used. A zip archive is read as
    /// Ofsted's OpenDocument workbook (and refused if it is not one); anything else as a CSV table or model.
    public static func read(_ bytes: [UInt8], name: String) throws(PublishedFileError) -> PublishedFile {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .ofsted(try OfstedOutcomes.read(bytes, file: name)) }
        try TextBytes.check(bytes, file: name, expecting: "a CSV table")
        let rows = try PublishedTableReader.csvRows(Array(bytes.prefix(64 * 1024)), file: name, partial: true)
        if let header = rows.first, NeighbourModelReader.isNeighbourHeader(header.row) {
            return .neighbours(try NeighbourModelReader.read(bytes, file: name))
        }
        return .table(try PublishedTableReader.read(bytes, file: name))
    }

    /// For the list of loaded files: "2,132 rows, 2013 to 2025, 10 measures"; "153 councils, ten neighbours each".
    public var summary: String {
        switch self {
        case .table(let table):
            let years = table.years
            let span = years.count > 1 ? "\(years.first!) to \(years.last!)" : years.first.map(String.init) ?? "no years"
            return "\(grouped(table.rows.count)) rows, \(span), \(table.measures.count) measure\(table.measures.count == 1 ? "" : "s")"
        case .neighbours(let model):
            let most = model.councils.values.map(\.neighbours.count).max() ?? 0
            return "the \(model.name) statistical neighbours: \(grouped(model.councils.count)) councils, up to \(most) neighbours each"
        case .ofsted(let outcomes):
            let n = outcomes.latest.count
            let history = outcomes.history.values.map(\.count).reduce(0, +)
            return "Ofsted's latest inspections of " + (n == 1 ? "1 council's" : "\(grouped(n)) councils'") + " children's services"
                + (history == 0 ? "" : ", with \(grouped(history)) inspections and visits since 2018")
        }
    }

    private func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}

extension PublishedLibrary {
    /// The library of files in the order they were loaded.
    public init(files: [PublishedFile]) {
        self.init()
        for file in files {
            switch file {
            case .table(let table):
                tables.removeAll { $0.name == table.name }
                tables.append(table)
            case .neighbours(let model):
                neighbourModels[model.name] = model
            case .ofsted(let outcomes):
                ofsted = outcomes
            }
        }
    }
}
