import FluentKit
import FluentSQL

/// One writer at a time on SQLite. SQLite takes one writer per file, and a transaction that read first and then
/// writes is refused at once ("database is locked") when another connection is writing, rather than waiting: the
/// busy handler cannot help there. Serialising this process's writes removes that case; readers are not held up
/// (the file is in WAL mode). PostgreSQL needs no gate.
actor WriteGate {
    static let shared = WriteGate()

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}

extension Database {
    var isSQLite: Bool { (self as? any SQLDatabase)?.dialect.name == "sqlite" }

    /// Runs `body` in a transaction, one writer at a time on SQLite.
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard isSQLite else { return try await transaction { try await body($0) } }
        await WriteGate.shared.acquire()
        do {
            let result = try await transaction { try await body($0) }
            await WriteGate.shared.release()
            return result
        } catch {
            await WriteGate.shared.release()
            throw error
        }
    }
}
