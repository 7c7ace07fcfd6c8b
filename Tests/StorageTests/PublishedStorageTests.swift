import FluentKit
import Foundation
import Published
import Storage
import Testing

/// Published statistics in the store (migration 007): loaded file by file, each with its audit entry, read back into
/// the same figures the files hold, on SQLite and on PostgreSQL.
extension StorageTests {
    static let publishedFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Resources/published").standardizedFileURL

    static func publishedBytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: publishedFolder.appendingPathComponent(name)))
    }

    @Test("published files go in whole, each with its audit entry, and come back as the same figures", arguments: Backend.allCases)
    func publishedFilesRoundTrip(_ backend: Backend) async throws {
        try await withStore(backend) { _, database in
            let db = database.database
            let referrals = try PublishedStatistics.check(Self.publishedBytes("c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"),
                                                          name: "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv")
            let model = try PublishedStatistics.check(Self.publishedBytes("sn_model_2025_wide.csv"), name: "sn_model_2025_wide.csv")
            #expect(try await PublishedStatistics.store(referrals, by: Actor("admin@dfe"), on: db) == .added)
            #expect(try await PublishedStatistics.store(model, by: Actor("admin@dfe"), on: db) == .added)
            // The same bytes again change nothing and write no audit entry.
            #expect(try await PublishedStatistics.store(referrals, by: Actor("admin@dfe"), on: db) == .unchanged)

            let listed = try await PublishedStatistics.list(on: db)
            #expect(listed.map(\.name).sorted() == ["c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv", "sn_model_2025_wide.csv"])
            #expect(listed.first { $0.kind == "table" }?.summary == "2,132 rows, 2013 to 2025, 10 measures")

            let library = try await PublishedStatistics.library(on: db)
            let measure = try #require(PublishedMeasure.forIndicator(.reReferral12m))
            let years = try Benchmarks.compare(council: "885", measure: measure, library: library)
            #expect(years.map { $0.council?.cell.text } == ["15", "13.9", "13.6", "18.2", "20.5", "24.2", "16.4", "24.2", "22.1", "21.2", "19.5", "20.9", "17.8"])
            #expect(years.last?.neighboursMean == "19.7")

            let audit = try await AuditEventModel.query(on: db).filter(\.$entity == "published_file").sort(\.$id).all()
            #expect(audit.map(\.action) == ["published.load", "published.load"])
            #expect(audit.allSatisfy { $0.actor == "admin@dfe" && $0.councilID == nil })
            #expect(try await AuditTrail.verify(on: db).intact)
        }
    }

    @Test("a corrected release replaces the file of its name; a refused file leaves the store as it was", arguments: Backend.allCases)
    func publishedFileReplacedOrRefused(_ backend: Backend) async throws {
        try await withStore(backend) { _, database in
            let db = database.database
            let name = "d3_cpps_subsequent_plan_2013_to_2025.csv"
            let original = try Self.publishedBytes(name)
            try await PublishedStatistics.store(PublishedStatistics.check(original, name: name), by: Actor("admin"), on: db)

            // The publisher revises Worcestershire's 2025 figure: the file of the same name replaces the first.
            var text = String(decoding: original, as: UTF8.self)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let index = try #require(lines.firstIndex { $0.hasPrefix("2025,") && $0.contains(",885,") })
            var cells = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let before = cells[cells.count - 1]
            cells[cells.count - 1] = "c"
            text = (lines[..<index] + [Substring(cells.joined(separator: ","))] + lines[(index + 1)...]).joined(separator: "\n")
            #expect(try await PublishedStatistics.store(PublishedStatistics.check(Array(text.utf8), name: name), by: Actor("admin"), on: db) == .replaced)
            let library = try await PublishedStatistics.library(on: db)
            let repeats = try #require(PublishedMeasure.forIndicator(.cppRepeatEver))
            let series = try #require(library.series(repeats))
            #expect(series.councils["885"]?[2025]?.cell == .code(.suppressed))
            #expect(before != "c")

            // A file that does not read is refused before anything is written.
            let broken = Array("time_period,geographic_level\n2025,National\n".utf8)
            #expect(throws: PublishedFileError.self) { try PublishedStatistics.check(broken, name: name) }
            #expect(try await PublishedStatistics.list(on: db).count == 1)
            #expect(try await PublishedStatistics.remove(name: name, by: Actor("admin"), on: db))
            #expect(try await PublishedStatistics.list(on: db).isEmpty)
            let actions = try await AuditEventModel.query(on: db).filter(\.$entity == "published_file").sort(\.$id).all().map(\.action)
            #expect(actions == ["published.load", "published.replace", "published.remove"])
        }
    }
}
