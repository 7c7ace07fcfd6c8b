import ArgumentParser
import Foundation
import Published
import Storage

/// `improve published`: DfE's and Ofsted's published statistics in the configured database.
struct PublishedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "published",
        abstract: "Load and list DfE's published statistics (DATABASE_URL for PostgreSQL, else the SQLite file under ./data/).",
        subcommands: [Import.self, List.self]
    )

    /// `improve published import DIR|FILE...`: every CSV is read and checked whole; each that reads is stored (a file of
    /// the same name replaced), each that does not is named with its reason and nothing of it is stored.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Load published tables and statistical neighbour models from a folder or files (each file all or nothing)."
        )

        @Argument(help: "A folder of published files (its .csv and .ods files are read), or files.")
        var paths: [String]

        func run() async throws {
            var files: [String] = []
            var skipped: [String] = []
            for path in paths {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw CommandFailure("\(path): no such file or folder") }
                if isDirectory.boolValue {
                    let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
                    for name in names where !name.hasPrefix(".") {
                        if name.lowercased().hasSuffix(".csv") || name.lowercased().hasSuffix(".ods") { files.append((path as NSString).appendingPathComponent(name)) } else { skipped.append(name) }
                    }
                } else {
                    files.append(path)
                }
            }
            guard !files.isEmpty else { throw CommandFailure("no .csv or .ods files in \(paths.joined(separator: ", "))") }
            let database = try StandaloneDatabase.forCommand()
            var refused = 0
            do {
                try await database.migrate()
                for path in files {
                    let name = (path as NSString).lastPathComponent
                    let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
                    let checked: PublishedStatistics.Checked
                    do {
                        checked = try PublishedStatistics.check(bytes, name: name)
                    } catch {
                        refused += 1
                        FileHandle.standardError.write(Data("refused \(error)\n".utf8))
                        continue
                    }
                    let outcome = try await PublishedStatistics.store(checked, by: Actor("improve published import"), on: database.database)
                    print("\(outcome.rawValue) \(name): \(checked.summary)")
                }
            } catch {
                await database.shutdown()
                throw error
            }
            await database.shutdown()
            for name in skipped { print("passed over \(name): not a CSV table or an ODS workbook") }
            if refused > 0 { throw CommandFailure("\(refused) of \(files.count) files refused; the others are loaded") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the published files loaded.")

        func run() async throws {
            let database = try StandaloneDatabase.forCommand()
            let listed: [PublishedStatistics.Listed]
            do {
                try await database.migrate()
                listed = try await PublishedStatistics.list(on: database.database)
            } catch {
                await database.shutdown()
                throw error
            }
            await database.shutdown()
            if listed.isEmpty { print("no published files are loaded: run `improve published import DIR`") }
            for file in listed { print("\(file.name): \(file.summary)") }
        }
    }
}
