import ArgumentParser
import Foundation
import Storage
import WebApp

/// `improve backup`: a consistent copy of the SQLite database, taken while the server runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Copy the SQLite database consistently, while it is in use.")

    @Option(help: "The file to write (it must not exist).")
    var out: String

    func run() async throws {
        do {
            let summary = try await Backup.take(StorageConfiguration.fromEnvironment(), to: out)
            print("\(out): \(summary)")
        } catch let failure as Backup.Failure {
            throw CommandFailure(failure.description)
        }
    }
}

/// `improve restore`: replaces the SQLite database with a checked backup. Stop the server first.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore", abstract: "Replace the SQLite database with a backup (stop the server first).")

    @Option(help: "The backup to restore.")
    var from: String

    func run() async throws {
        do {
            let summary = try await Backup.restore(StorageConfiguration.fromEnvironment(), from: from)
            print("restored \(from): \(summary)")
        } catch let failure as Backup.Failure {
            throw CommandFailure(failure.description)
        }
    }
}

/// `improve audit verify`: walks the audit trail's hash chain and says where it breaks, if it does.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "The audit trail.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check that no entry of the audit trail was changed, removed or reordered.")

        func run() async throws {
            let database = try StandaloneDatabase(StorageConfiguration.fromEnvironment())
            let verification: AuditTrail.Verification
            do {
                verification = try await AuditTrail.verify(on: database.database)
            } catch {
                await database.shutdown()
                throw CommandFailure("the audit trail cannot be read: \(error)")
            }
            await database.shutdown()
            if let broken = verification.firstBreak {
                throw CommandFailure("the audit trail is broken at entry \(broken.id): \(broken.reason) (\(verification.entries) entries before it hold)")
            }
            print("the audit trail holds: \(verification.entries) entries, each following the one before")
        }
    }
}
