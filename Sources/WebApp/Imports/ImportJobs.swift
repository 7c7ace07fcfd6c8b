import Foundation
import Storage

/// Imports run in the background, so a large upload shows its progress: the upload's page refreshes itself (a meta
/// refresh, no script) until the import is done. The job is kept in the database (`ImportJobModel`), so whichever
/// server a refresh reaches can answer it.
struct ImportJob: Sendable {
    var id: UUID
    var user: UUID
    var files: [String]
    var progress: String
    var outcome: Outcome?

    enum Outcome: Sendable {
        case accepted(importID: UUID, report: ImportReport)
        case rejected(ImportReport)
        case failed(String)
    }

    /// The children the report's faults name (the council's own ids).
    var reportChildren: [String] {
        switch outcome {
        case .accepted(_, let report), .rejected(let report): report.files.flatMap(\.faults).compactMap(\.child)
        default: []
        }
    }

    static let stopped = "The server running this import stopped before it finished. An import is stored whole or not at all: "
        + "the list of imports on the upload page shows whether it was stored; if it was not, upload the files again."

    init(_ model: ImportJobModel, now: Date = Date()) {
        id = model.id ?? UUID()
        user = model.userID
        files = model.fileNames
        progress = model.progress
        let report = model.reportJSON.flatMap(ImportReport.decode)
        switch model.state {
        case .running:
            outcome = now.timeIntervalSince(model.updatedAt) > CouncilScope.importJobSilence ? .failed(Self.stopped) : nil
        case .accepted:
            outcome = report.map { .accepted(importID: model.importID ?? UUID(), report: $0) } ?? .failed("The import was stored; its report could not be read.")
        case .rejected:
            outcome = report.map { .rejected($0) } ?? .failed("Nothing was imported; the report could not be read.")
        case .failed:
            outcome = .failed(model.message ?? "The import could not be stored; nothing was changed.")
        }
    }
}
