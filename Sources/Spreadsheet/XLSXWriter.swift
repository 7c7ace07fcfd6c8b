import Foundation
import ZIPFoundation

/// Writes a plain xlsx workbook: named sheets of text and numbers (strings inline, no styles), enough for Excel,
/// LibreOffice and our own reader to open. Dates go in as Excel serial numbers, as a council's export would hold them.
public enum XLSXWriter {
    public static func workbook(_ sheets: [(name: String, rows: [[XLSXWorkbook.Cell?]])]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 1_700_000_000),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var types = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        types += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#
        types += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for n in sheets.indices {
            types += #"<Override PartName="/xl/worksheets/sheet\#(n + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        try add("[Content_Types].xml", types + "</Types>")
        try add("_rels/.rels", header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)
        var workbook = header + #"<workbook xmlns="\#(main)" xmlns:r="\#(rel)"><sheets>"#
        var rels = header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for (n, sheet) in sheets.enumerated() {
            workbook += #"<sheet name="\#(escape(sheet.name))" sheetId="\#(n + 1)" r:id="rId\#(n + 1)"/>"#
            rels += #"<Relationship Id="rId\#(n + 1)" Type="\#(rel)/worksheet" Target="worksheets/sheet\#(n + 1).xml"/>"#
        }
        try add("xl/workbook.xml", workbook + "</sheets></workbook>")
        try add("xl/_rels/workbook.xml.rels", rels + "</Relationships>")
        for (n, sheet) in sheets.enumerated() {
            var xml = header + #"<worksheet xmlns="\#(main)"><sheetData>"#
            for (r, row) in sheet.rows.enumerated() {
                xml += #"<row r="\#(r + 1)">"#
                for (c, cell) in row.enumerated() {
                    let ref = columnName(c) + String(r + 1)
                    switch cell {
                    case .text(let t)?: xml += #"<c r="\#(ref)" t="inlineStr"><is><t>\#(escape(t))</t></is></c>"#
                    case .number(let v)?: xml += #"<c r="\#(ref)"><v>\#(v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v))</v></c>"#
                    case nil: break
                    }
                }
                xml += "</row>"
            }
            try add("xl/worksheets/sheet\(n + 1).xml", xml + "</sheetData></worksheet>")
        }
        guard let data = archive.data else { throw XLSXWorkbook.Failure.notAZipArchive }
        return data
    }

    /// The Excel serial number of a day number (days since 1970-01-01).
    public static func serial(dayNumber: Int) -> Double { Double(dayNumber + 25_569) }

    static func columnName(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    private static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
