import ArgumentParser
import Foundation
import WebApp

/// `improve report`: a meeting's board pack from the configured database, as HTML for A4 or as PDF.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a board meeting's pack (DATABASE_URL for PostgreSQL, else the SQLite file under ./data/)."
    )

    @Option(help: "The council's three-digit LA code.")
    var council: String

    @Option(help: "The meeting's number (default: the next meeting).")
    var meeting: Int?

    @Option(help: "html (prints on A4) or pdf (printed by headless Chromium).")
    var format: String = "html"

    @Option(help: "The file to write (default: board-pack-<LA>-meeting-<N>.<format>).")
    var out: String?

    func run() async throws {
        guard let format = BoardReports.Format(rawValue: format) else { throw CommandFailure("--format must be html or pdf") }
        let settings: Settings
        do { settings = try Settings.fromEnvironment() } catch { throw CommandFailure("\(error)") }
        do {
            let (number, bytes) = try await BoardReports.pack(laCode: council, meeting: meeting, format: format, settings: settings)
            let path = out ?? "board-pack-\(council)-meeting-\(number).\(format.rawValue)"
            try bytes.write(to: URL(fileURLWithPath: path))
            print("\(path) \(bytes.count) bytes")
        } catch let failure as BoardReports.Failure {
            throw CommandFailure(failure.description)
        }
    }
}
