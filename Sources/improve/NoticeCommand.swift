import ArgumentParser
import Foundation
import NoticeReader

struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Work with Improvement Notices.",
        subcommands: [Parse.self]
    )

    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a notice's text into structured data, each field traced to its words."
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

        @Argument(help: "The notice: a PDF as published (its text read by poppler's pdftotext), or plain text (UTF-8, Windows-1252 or UTF-16).")
        var file: String

        @Option(help: "json (the documented contract) or text (a summary for a person).")
        var format: Format = .json

        func run() throws {
            let bytes = try InputFile.read(file, limit: PDFText.maximumPDFBytes)
            let draft: NoticeDraft
            do {
                draft = try NoticeReader.read(bytes: bytes)
            } catch {
                throw CommandFailure("\(file): \(error)")
            }
            switch format {
            case .json: print(draft.contractJSON.rendered())
            case .text: print(draft.textSummary)
            }
        }
    }
}
