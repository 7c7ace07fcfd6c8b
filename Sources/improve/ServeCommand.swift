import ArgumentParser
import WebApp

/// Where the server listens: the same for `serve` and `demo`.
struct ListenOptions: ParsableArguments {
    @Option(help: "The address to listen on.")
    var hostname = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    func serve(demo: Bool) async throws {
        do {
            try await WebServer.start(hostname: hostname, port: port, demo: demo)
        } catch let error as SettingsError {
            throw CommandFailure(error.description)
        }
    }
}

/// `improve serve`: the web application on the configured database (spec/CLI.md).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web application (DATABASE_URL for PostgreSQL, else the SQLite file under ./data/)."
    )

    @OptionGroup var listen: ListenOptions

    func run() async throws { try await listen.serve(demo: false) }
}

/// `improve demo`: creates (or reuses) the demonstration in the SQLite database, prints the accounts, and serves.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create or reuse the demonstration council and accounts, print them, and serve the web application."
    )

    @OptionGroup var listen: ListenOptions

    func run() async throws { try await listen.serve(demo: true) }
}
