import Foundation
import Testing

/// `improve published import` and `improve benchmarks`, run as a user runs them, on DfE's real published files.
@Suite("improve benchmarks")
struct BenchmarksCommandTests {
    static let published = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Resources/published").standardizedFileURL

    func run(_ arguments: [String], sqlite: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = NoticeParseCommandTests.improve
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SQLITE_PATH"] = sqlite
        environment["DATABASE_URL"] = nil
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Worcestershire's re-referrals 2013–2025 with the West Midlands and England, exactly as table C1 has them; the
    /// neighbours' mean, least, greatest and rank counted by hand from the file and the 2025 model.
    @Test func worcestershireReReferralsAsPublished() throws {
        let sqlite = NSTemporaryDirectory() + "benchmarks-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: sqlite) }
        let loaded = try run(["published", "import", Self.published.path], sqlite: sqlite)
        #expect(loaded.status == 0, "\(loaded.stderr)")
        #expect(loaded.stdout.contains("added c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv: 2,132 rows, 2013 to 2025, 10 measures"))
        #expect(loaded.stdout.contains("added LA_Inspection_Outcomes_as_at_31_March_2025.ods: Ofsted's latest inspections of 153 councils' children's services, with 331 inspections and visits since 2018"))
        #expect(loaded.stdout.contains("passed over README.md: not a CSV table or an ODS workbook"))
        #expect(!loaded.stderr.contains("Migrator"), "a command's log says only warnings")

        let result = try run(["benchmarks", "--council", "885", "--indicator", "re_referral_12m"], sqlite: sqlite)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "year,council,england,region,neighbours_mean,neighbours_min,neighbours_max,rank,neighbours_ranked")
        #expect(lines.count == 14)
        #expect(lines[1] == "2013,15,24.7,22.4,24.3,12.2,29.9,2,10")
        #expect(lines[7] == "2019,16.4,22.6,23.6,22.3,16.2,28.8,2,10")
        #expect(lines[13] == "2025,17.8,22.6,19.5,19.7,12.9,28.9,5,11")
        let council = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[1] }
        #expect(council == ["15", "13.9", "13.6", "18.2", "20.5", "24.2", "16.4", "24.2", "22.1", "21.2", "19.5", "20.9", "17.8"])

        let json = try run(["benchmarks", "--council", "885", "--indicator", "re_referral_12m", "--format", "json"], sqlite: sqlite)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let years = try #require(document["years"] as? [[String: Any]])
        let last = try #require(years.last)
        #expect(last["label"] as? String == "2024-25")
        #expect((last["council"] as? [String: Any])?["figure"] as? String == "17.8")
        #expect((last["neighbours_min"] as? [String: Any])?["council"] as? String == "893")

        // Loading the same folder again changes nothing.
        let again = try run(["published", "import", Self.published.path], sqlite: sqlite)
        #expect(again.stdout.contains("unchanged c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"))
    }

    @Test func refusalsAreNamedAndNothingOfThemIsStored() throws {
        let sqlite = NSTemporaryDirectory() + "benchmarks-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: sqlite) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("published-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("la,figure\n885,12\n".utf8).write(to: folder.appendingPathComponent("other_layout.csv"))
        try Data(contentsOf: Self.published.appendingPathComponent("sn_model_2025_wide.csv")).write(to: folder.appendingPathComponent("sn_model_2025_wide.csv"))

        let loaded = try run(["published", "import", folder.path], sqlite: sqlite)
        #expect(loaded.status == 1)
        #expect(loaded.stderr.contains("refused other_layout.csv: not in DfE's explore-education-statistics layout: it has no time_period, time_identifier, geographic_level, a place"))
        #expect(loaded.stdout.contains("added sn_model_2025_wide.csv"))
        let listed = try run(["published", "list"], sqlite: sqlite)
        #expect(listed.stdout.split(separator: "\n").map(String.init) == ["sn_model_2025_wide.csv: the 2025 statistical neighbours: 153 councils, up to 10 neighbours each"])

        let missing = try run(["benchmarks", "--council", "885", "--indicator", "re_referral_12m"], sqlite: sqlite)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no loaded table holds 'rereferral_percent'"))
        let unknown = try run(["benchmarks", "--council", "885", "--indicator", "unallocated_cases"], sqlite: sqlite)
        #expect(unknown.stderr.contains("DfE publishes no figure that means what unallocated_cases means"))
    }
}
