import Foundation
import Storage
import Testing

/// The two databases every storage test runs against. PostgreSQL is a real server: `.ci/run` starts one and sets
/// TEST_DATABASE_URL (scripts/test-services.sh does the same on a developer's machine). Without it the PostgreSQL
/// half of each test fails, saying so: it is never silently skipped.
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres
    var testDescription: String { rawValue }
}

/// Runs `body` against a fresh, migrated database of the given kind, then removes what it made.
func withStore(_ backend: Backend, _ body: (Store, StandaloneDatabase) async throws -> Void) async throws {
    let configuration: StorageConfiguration
    var file: String?
    switch backend {
    case .sqlite:
        let path = NSTemporaryDirectory() + "storage-test-\(UUID().uuidString).sqlite"
        file = path
        configuration = .sqlite(path: path)
    case .postgres:
        guard let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty else {
            Issue.record("TEST_DATABASE_URL is not set: start PostgreSQL with scripts/test-services.sh (as .ci/run does) and export what it prints")
            return
        }
        configuration = .postgres(url: url)
    }
    let database = try StandaloneDatabase(configuration)
    do {
        if backend == .postgres { try await database.revertAll() }
        try await database.migrate()
        try await body(database.store, database)
        if backend == .postgres { try await database.revertAll() }
    } catch {
        await database.shutdown()
        if let file { try? FileManager.default.removeItem(atPath: file) }
        throw error
    }
    await database.shutdown()
    if let file { try? FileManager.default.removeItem(atPath: file) }
}
