import Foundation
import Storage

/// Imports run in the background, so a large upload shows its progress: the upload's page refreshes itself (a meta
/// refresh, no script) until the import is done. Jobs are kept in this server's memory for an hour.
actor ImportJobs {
    struct Job: Sendable {
        var id: UUID
        var council: UUID
        var user: UUID
        var started: Date
        var files: [String]
        var progress: String
        var outcome: Outcome?
    }

    enum Outcome: Sendable {
        case accepted(importID: UUID, report: ImportReport)
        case rejected(ImportReport)
        case failed(String)
    }

    private var jobs: [UUID: Job] = [:]

    func start(council: UUID, user: UUID, files: [String]) -> UUID {
        let cutoff = Date().addingTimeInterval(-3600)
        jobs = jobs.filter { $0.value.started > cutoff }
        let id = UUID()
        jobs[id] = Job(id: id, council: council, user: user, started: Date(), files: files, progress: "waiting to start")
        return id
    }

    func progress(_ id: UUID, _ message: String) {
        jobs[id]?.progress = message
    }

    func finish(_ id: UUID, _ outcome: Outcome) {
        jobs[id]?.outcome = outcome
        jobs[id]?.progress = "done"
    }

    func job(_ id: UUID) -> Job? { jobs[id] }
}
